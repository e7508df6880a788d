package org.policyadvisor.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every state-changing form of the application, found from the handler mappings rather than listed by hand, refuses a
 * post without a valid CSRF token (403) and changes nothing: a route added later is covered without editing this
 * test, and one whose path this test cannot fill in makes it fail. The API is exempt (it carries no cookie or session
 * authority), and checked to be the only exemption.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:csrf-tests;DB_CLOSE_DELAY=-1",
		"advisor.warm-up=engine" })
@AutoConfigureMockMvc
class CsrfOnEveryFormTests {

	private static final Pattern SAVED_EDIT = Pattern.compile("^/scenarios/([^/]+)/edit/([^/?#]+).*");

	private static final Pattern EXERCISE_EDIT = Pattern.compile("^/exercises/([^/]+)/edit/([^/?#]+).*");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyFormPostWithoutAValidTokenIsRefusedAndChangesNothing() throws Exception {
		// With the token, creating works: the refusals below are the token's doing, not the route's.
		Matcher saved = location(this.mvc.post().uri("/scenarios").with(csrf()).param("name", "CSRF probe")
			.param("notes", "unchanged").param("oil_price", "low"), SAVED_EDIT);
		Matcher exercise = location(this.mvc.post().uri("/exercises").with(csrf()).param("title", "CSRF probe")
			.param("briefing", "unchanged").param("start", "defaults"), EXERCISE_EDIT);
		String savedBefore = body("/api/scenarios/saved/" + saved.group(1));
		String exerciseBefore = body("/exercises/" + exercise.group(1) + "/report.md");

		List<String> routes = formPosts();
		assertThat(routes).as("the form posts found").hasSizeGreaterThanOrEqualTo(10)
			.contains("/scenarios", "/exercises", "/scenarios/{id}/edit/{token}/delete",
					"/exercises/{id}/edit/{token}/delete");
		List<String> probed = new ArrayList<>();
		for (String route : routes) {
			String uri = fill(route, saved, exercise);
			assertThat(uri).as("every path variable of " + route + " filled in").doesNotContain("{");
			assertThat(this.mvc.post().uri(uri).param("name", "changed").param("title", "changed")
				.param("confirm", "yes")).as("POST " + uri + " without a token").hasStatus(HttpStatus.FORBIDDEN);
			assertThat(this.mvc.post().uri(uri).with(csrf().useInvalidToken()).param("name", "changed")
				.param("title", "changed").param("confirm", "yes")).as("POST " + uri + " with a wrong token")
				.hasStatus(HttpStatus.FORBIDDEN);
			probed.add(uri);
		}
		assertThat(probed).hasSameSizeAs(routes);
		assertThat(body("/api/scenarios/saved/" + saved.group(1))).isEqualTo(savedBefore);
		assertThat(body("/exercises/" + exercise.group(1) + "/report.md")).isEqualTo(exerciseBefore);
	}

	@Test
	void onlyTheApiIsExempt() {
		assertThat(this.mvc.post().uri("/api/evaluate").contentType("application/json")
			.content("{\"conditions\":{}}")).hasStatusOk();
		List<String> apiPosts = this.mappings.getHandlerMethods().keySet().stream()
			.filter((info) -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
			.flatMap((info) -> info.getPatternValues().stream()).filter((p) -> p.startsWith("/api/")).toList();
		assertThat(apiPosts).containsExactly("/api/evaluate");
	}

	/** The paths of every POST handler outside the API. */
	private List<String> formPosts() {
		return this.mappings.getHandlerMethods().keySet().stream()
			.filter((info) -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
			.flatMap((info) -> info.getPatternValues().stream()).filter((p) -> !p.startsWith("/api/"))
			.sorted().toList();
	}

	private static String fill(String route, Matcher saved, Matcher exercise) {
		Matcher m = route.startsWith("/exercises") ? exercise : saved;
		return route.replace("{id}", m.group(1)).replace("{token}", m.group(2));
	}

	private Matcher location(MockMvcTester.MockMvcRequestBuilder request, Pattern pattern) {
		MvcTestResult result = request.exchange();
		assertThat(result).hasStatus3xxRedirection();
		String location = result.getResponse().getRedirectedUrl();
		Matcher m = pattern.matcher(String.valueOf(location));
		assertThat(m.matches()).as("redirect to an edit page: " + location).isTrue();
		return m;
	}

	private String body(String uri) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

}
