package org.policyadvisor.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ConclusionKind;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.engine.Strength;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(RuleCatalogueController.class)
@Import({ ShippedRuleBaseConfiguration.class, RuleCatalogue.class, SecurityConfiguration.class })
class RuleCatalogueControllerTests {

	private static final Pattern ARTICLE_ID = Pattern.compile("<article class=\"rule-entry\" id=\"([^\"]+)\"");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private RulePack pack;

	@Test
	void listsEveryRuleWithItsCitationDrlAndAnchor() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/rules").exchange();
		assertThat(result).hasStatusOk().hasViewName(RuleCatalogueController.VIEW_RULES);
		String html = result.getResponse().getContentAsString();
		assertThat(anchors(html)).hasSize(this.pack.rules().size());
		RuleDef r = this.pack.rule("R6.05").orElseThrow();
		assertThat(html).contains("id=\"R6.05\"", HtmlUtils.htmlEscape(r.claim()), HtmlUtils.htmlEscape(r.quote()),
				r.location(), "<pre><code>rule &quot;R6.05 ", "insertLogical( new Concluded(&quot;risk_karabakh_policy_forced&quot;) );");
		assertThat(html).contains("All <strong>" + this.pack.rules().size() + "</strong> rules.");
	}

	@Test
	void showsWhatARuleReadsAndProducesInWordsWithLinksToTheOtherRules() throws Exception {
		String html = page("/rules?q=R6.05");
		// R6.05 reads a conclusion that R6.04 (among others) produces, and a condition, by its question.
		String question = this.pack.condition("russian_power_projection").orElseThrow().question();
		assertThat(html).contains(HtmlUtils.htmlEscape(question));
		String readTitle = this.pack.conclusion("readiness_to_accommodate_russia").orElseThrow().title();
		assertThat(html).contains(HtmlUtils.htmlEscape(readTitle));
		this.pack.rulesProducing("readiness_to_accommodate_russia")
			.forEach((p) -> assertThat(html).contains("href=\"/rules#" + p.id() + "\""));
		assertThat(html).contains(HtmlUtils.htmlEscape(
				this.pack.conclusion("risk_karabakh_policy_forced").orElseThrow().title()));
	}

	@Test
	void filtersByStrength() throws Exception {
		String html = page("/rules?strength=possible");
		long expected = this.pack.rules().stream().filter((r) -> r.strength() == Strength.POSSIBLE).count();
		assertThat(anchors(html)).hasSize((int) expected).isNotEmpty();
		assertThat(html).contains("<strong>" + expected + "</strong> of");
	}

	@Test
	void filtersByKindAndThemeOfWhatTheRuleProduces() throws Exception {
		String html = page("/rules?kind=risk&theme=karabakh");
		long expected = this.pack.rules().stream()
			.filter((r) -> r.produces().stream().map((id) -> this.pack.conclusion(id).orElseThrow())
				.anyMatch((c) -> c.kind() == ConclusionKind.RISK && c.theme().equals("karabakh")))
			.count();
		assertThat(anchors(html)).hasSize((int) expected).contains("R6.05");
		assertThat(html).contains("<option value=\"karabakh\" selected=\"selected\">");
	}

	@Test
	void filtersByChapter() throws Exception {
		String html = page("/rules?chapter=3");
		assertThat(anchors(html)).isNotEmpty().allMatch((id) -> id.startsWith("R3."));
	}

	@Test
	void freeTextMatchesEveryWordInIdsClaimsQuotesAndSources() throws Exception {
		assertThat(anchors(page("/rules?q=risk_karabakh_policy_forced"))).contains("R6.05");
		assertThat(anchors(search("POTENTIAL  force "))).contains("R6.05");
		assertThat(anchors(search("§6 Conclusion"))).isNotEmpty().allMatch((id) -> this.pack.rule(id)
			.orElseThrow().source().contains("§6"));
		String none = page("/rules?q=zzzz-no-such-text");
		assertThat(anchors(none)).isEmpty();
		assertThat(none).contains("No rule matches these filters.");
	}

	@Test
	void badFilterValuesAreExplainedOnThePageNotAServerError() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/rules?strength=certain&kind=hope&chapter=x9&theme=mars&q=R6.05")
			.exchange();
		assertThat(result).hasStatus(400).hasViewName(RuleCatalogueController.VIEW_RULES);
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("4 filters were not understood", "Strength must be asserted, likely or possible",
				"Kind must be effect, risk, recommendation or disputed", "no part of the paper numbered",
				"no theme &#39;mars&#39;");
		// The valid filter still applies.
		assertThat(anchors(html)).contains("R6.05");
	}

	@Test
	void aRuleHasAStableAddressThatLeadsToItsAnchor() {
		assertThat(this.mvc.get().uri("/rules/R6.05").exchange()).hasStatus(303)
			.hasHeader("Location", "http://localhost/rules#R6.05");
		assertThat(this.mvc.get().uri("/rules/R99.99").exchange()).hasStatus(404);
	}

	private String page(String uri) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	private String search(String text) throws Exception {
		MvcTestResult result = this.mvc.get().uri("/rules").param("q", text).exchange();
		assertThat(result).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	private static java.util.List<String> anchors(String html) {
		java.util.List<String> ids = new java.util.ArrayList<>();
		Matcher m = ARTICLE_ID.matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

}
