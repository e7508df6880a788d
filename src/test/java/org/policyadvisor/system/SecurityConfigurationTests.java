package org.policyadvisor.system;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SecurityConfigurationTests.Probe.class)
@Import({ SecurityConfiguration.class, ShippedRuleBaseConfiguration.class, SecurityConfigurationTests.Probe.class })
class SecurityConfigurationTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void anyoneMayReadWithoutLoggingIn() throws Exception {
		this.mvc.perform(get("/probe")).andExpect(status().isOk()).andExpect(content().string("read"));
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/probe")).andExpect(status().isForbidden());
	}

	@Test
	void aFormPostWithTheCsrfTokenIsAccepted() throws Exception {
		this.mvc.perform(post("/probe").with(csrf())).andExpect(status().isOk()).andExpect(content().string("changed"));
	}

	/**
	 * In a context of its own: a test request {@code with(csrf())} swaps the filter's cookie repository for a test
	 * one, for the rest of the context's life.
	 */
	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void theCsrfCookieIsSetBeforeThePageWhetherOrNotThePageAsksForTheToken() throws Exception {
		this.mvc.perform(get("/probe"))
			.andExpect(status().isOk())
			.andExpect(cookie().exists("XSRF-TOKEN"))
			.andExpect(cookie().httpOnly("XSRF-TOKEN", true));
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void theJsonApiGetsNoCsrfCookie() throws Exception {
		this.mvc.perform(post("/api/probe")).andExpect(status().isOk()).andExpect(cookie().doesNotExist("XSRF-TOKEN"));
	}

	@Test
	void theJsonApiNeedsNoCsrfToken() throws Exception {
		this.mvc.perform(post("/api/probe")).andExpect(status().isOk()).andExpect(content().string("computed"));
	}

	@Test
	void everyResponseCarriesTheHardeningHeaders() throws Exception {
		this.mvc.perform(get("/probe"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void thePolicyForbidsPluginsBaseTagsAndFraming() {
		org.assertj.core.api.Assertions.assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
			.contains("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Controller
	static class Probe {

		@GetMapping("/probe")
		@ResponseBody
		String read() {
			return "read";
		}

		@PostMapping("/probe")
		@ResponseBody
		String change() {
			return "changed";
		}

		@PostMapping("/api/probe")
		@ResponseBody
		String compute() {
			return "computed";
		}

	}

}
