package org.policyadvisor.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;

import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(GraphController.class)
@Import({ ShippedRuleBaseConfiguration.class, CausalGraph.class, SecurityConfiguration.class })
class GraphControllerTests {

	private static final String SCENARIO = "what-if-oil-price-collapse";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private RuleBase ruleBase;

	@Test
	void theWholeGraphHasEveryConclusionEveryReadConditionAndAnEdgePerPremiseAndProduct() {
		RulePack pack = this.ruleBase.pack();
		MvcTestResult result = this.mvc.get().uri("/api/graph").exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		Set<String> read = new HashSet<>();
		pack.rules().forEach((r) -> read.addAll(r.reads()));
		long conditions = pack.conditions().stream().filter((c) -> read.contains(c.id())).count();
		int edges = pack.rules().stream().mapToInt((r) -> r.premises().size() * r.produces().size()).sum();
		assertThat(result).bodyJson().extractingPath("$.nodes.length()")
			.isEqualTo((int) (pack.conclusions().size() + conditions));
		assertThat(result).bodyJson().extractingPath("$.edges.length()").isEqualTo(edges);
		assertThat(result).bodyJson().extractingPath("$.highlighted").isEqualTo(false);
		assertThat(result).bodyJson().extractingPath("$.edges[?(@.fired == true)]").asArray().isEmpty();
		assertThat(result).bodyJson().extractingPath("$.edges[?(@.id == 'R6.05:readiness_to_accommodate_russia>risk_karabakh_policy_forced')].rule")
			.asArray().containsExactly("R6.05");
		assertThat(result).bodyJson().extractingPath("$.rules['R6.05'].quote")
			.isEqualTo(pack.rule("R6.05").orElseThrow().quote());
	}

	@Test
	void everyEdgePointsRightSoTheGraphReadsLeftToRight() {
		MvcTestResult result = this.mvc.get().uri("/api/graph").exchange();
		Map<String, Integer> layer = new java.util.HashMap<>();
		List<Map<String, Object>> nodes = nodes(result);
		nodes.forEach((n) -> layer.put((String) n.get("id"), (Integer) n.get("layer")));
		assertThat(nodes).filteredOn((n) -> "condition".equals(n.get("kind"))).allMatch((n) -> n.get("layer").equals(0));
		assertThat(edges(result)).allSatisfy((e) -> assertThat(layer.get((String) e.get("target")))
			.as("column of %s", e.get("id")).isGreaterThan(layer.get((String) e.get("source"))));
	}

	@Test
	void aScenarioHighlightsTheConclusionsThatHoldAndTheRulesThatFired() {
		RulePack pack = this.ruleBase.pack();
		Evaluation evaluation = this.ruleBase.evaluate(pack.conditionsOf(pack.scenario(SCENARIO).orElseThrow()));
		MvcTestResult result = this.mvc.get().uri("/api/graph?scenario=" + SCENARIO).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.highlighted").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.nodes[?(@.holds == true && @.kind != 'condition')].id")
			.asArray().containsExactlyInAnyOrderElementsOf(
					evaluation.findings().stream().map(Evaluation.Finding::conclusionId).toList());
		assertThat(result).bodyJson().extractingPath("$.edges[?(@.fired == true)].rule").asArray()
			.contains("R0.08")
			.allSatisfy((rule) -> assertThat(evaluation.firedRules()).contains((String) rule));
		assertThat(result).bodyJson().extractingPath("$.nodes[?(@.id == 'risk_economic_collapse')].holds").asArray()
			.containsExactly(true);
		assertThat(result).bodyJson().extractingPath("$.nodes[?(@.id == 'oil_price')].value").asArray()
			.containsExactly(pack.condition("oil_price").orElseThrow().labelOf("low"));
	}

	@Test
	void conditionsInTheQueryApplyOnTopOfTheScenarioAsOnTheResultPage() {
		MvcTestResult result = this.mvc.get().uri("/api/graph?scenario=" + SCENARIO + "&oil_price=high").exchange();
		assertThat(result).bodyJson().extractingPath("$.nodes[?(@.id == 'risk_economic_collapse')].holds").asArray()
			.containsExactly(false);
	}

	@Test
	void onlyWhatFiredLeavesOutEverythingElseUnrelatedConditionsIncluded() {
		MvcTestResult result = this.mvc.get().uri("/api/graph?view=fired&scenario=" + SCENARIO).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.firedOnly").isEqualTo(true);
		assertThat(edges(result)).isNotEmpty().allMatch((e) -> Boolean.TRUE.equals(e.get("fired")));
		// Every condition shown was read by a rule that fired.
		assertThat(nodes(result)).filteredOn((n) -> "condition".equals(n.get("kind"))).isNotEmpty()
			.allMatch((n) -> Boolean.TRUE.equals(n.get("holds")));
	}

	@Test
	void aThemeShowsItsConclusionsAndThePremisesOfTheirRulesAsContext() {
		RulePack pack = this.ruleBase.pack();
		MvcTestResult result = this.mvc.get().uri("/api/graph?theme=economy").exchange();
		assertThat(result).hasStatusOk();
		List<Map<String, Object>> nodes = nodes(result);
		assertThat(nodes).filteredOn((n) -> !"condition".equals(n.get("kind")) && !Boolean.TRUE.equals(n.get("context")))
			.extracting((n) -> (String) n.get("id"))
			.containsExactlyInAnyOrderElementsOf(pack.conclusions().stream()
				.filter((c) -> c.theme().equals("economy")).map((c) -> c.id()).toList());
		assertThat(edges(result)).isNotEmpty().allMatch((e) -> pack.conclusion((String) e.get("target")).orElseThrow()
			.theme().equals("economy"));
		assertThat(nodes.size()).isLessThan(pack.conclusions().size() / 2);
	}

	@Test
	void badValuesAreProblemDetailsInTheApi() {
		MvcTestResult result = this.mvc.get().uri("/api/graph?theme=mars&view=some&scenario=nope&oil_price=plenty&colour=red")
			.exchange();
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactlyInAnyOrder("theme", "view", "scenario", "oil_price", "colour");
	}

	@Test
	void thePageListsTheGraphAsTextAndLoadsItsScriptFromTheApp() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/graph").exchange();
		assertThat(result).hasStatusOk().hasViewName(GraphController.VIEW_GRAPH);
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("id=\"node-risk_karabakh_policy_forced\"", "href=\"/rules#R6.05\"",
				"Column 1: conditions", "<script src=\"/js/graph.js\" defer>", "data-src=\"/api/graph\"")
			.containsPattern("<script src=\"/webjars/cytoscape/\\d+\\.\\d+\\.\\d+/dist/cytoscape.min.js\" defer>")
			.doesNotContain("<script>", "onclick=", "style=\"");
	}

	@Test
	void theAppServesTheScriptsItself() throws Exception {
		String html = this.mvc.get().uri("/graph").exchange().getResponse().getContentAsString();
		java.util.regex.Matcher src = java.util.regex.Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
		int scripts = 0;
		while (src.find()) {
			assertThat(src.group(1)).startsWith("/");
			assertThat(this.mvc.get().uri(src.group(1)).exchange()).as(src.group(1)).hasStatusOk();
			scripts++;
		}
		assertThat(scripts).isEqualTo(2);
	}

	@Test
	void thePageHighlightsAScenarioAndHandsTheSameQueryToItsScript() throws Exception {
		RulePack pack = this.ruleBase.pack();
		Evaluation evaluation = this.ruleBase.evaluate(pack.conditionsOf(pack.scenario(SCENARIO).orElseThrow()));
		String html = this.mvc.get().uri("/graph?scenario=" + SCENARIO + "&theme=economy&utm_source=mail").exchange()
			.getResponse().getContentAsString();
		assertThat(html).contains("data-src=\"/api/graph?theme=economy&amp;scenario=" + SCENARIO + "\"",
				"Highlighting the scenario", "href=\"/advice?scenario=" + SCENARIO + "\"");
		assertThat(html).contains("id=\"node-risk_economic_collapse\" class=\"graph-node holds\"");
		assertThat(evaluation.holds("risk_economic_collapse")).isTrue();
	}

	@Test
	void aLinkCanAskForABoxToBeSelectedOnceDrawn() throws Exception {
		assertThat(this.mvc.get().uri("/graph?theme=karabakh&focus=risk_karabakh_policy_forced").exchange()
			.getResponse().getContentAsString()).contains("data-focus=\"risk_karabakh_policy_forced\"");
		// A box not shown, or one that does not exist, is no selection rather than an error.
		for (String uri : List.of("/graph?theme=economy&focus=risk_karabakh_policy_forced", "/graph?focus=nothing")) {
			MvcTestResult result = this.mvc.get().uri(uri).exchange();
			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentAsString()).doesNotContain("data-focus");
		}
	}

	@Test
	void badFilterValuesAreExplainedOnThePageNotAServerError() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/graph?theme=mars&view=some&scenario=nope&oil_price=plenty").exchange();
		assertThat(result).hasStatus(400).hasViewName(GraphController.VIEW_GRAPH);
		assertThat(result.getResponse().getContentAsString()).contains("4 choices were not understood",
				"There is no theme &#39;mars&#39;", "View must be all or fired", "There is no scenario &#39;nope&#39;",
				"Choose one of low, medium, high");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> nodes(MvcTestResult result) {
		return (List<Map<String, Object>>) json(result).get("nodes");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> edges(MvcTestResult result) {
		return (List<Map<String, Object>>) json(result).get("edges");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(MvcTestResult result) {
		try {
			return new tools.jackson.databind.ObjectMapper().readValue(result.getResponse().getContentAsString(),
					Map.class);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
