package org.policyadvisor.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The causal graph page, and {@code /api/graph}, which its script draws from. The page also lists the graph as
 * text, column by column, so that it can be read without the drawing: by keyboard, by screen reader, or without
 * JavaScript.
 */
@Controller
class GraphController {

	static final String VIEW_GRAPH = "audit/graph";

	/** Where the Cytoscape webjar names its version; its files are served under /webjars/cytoscape/{version}/. */
	static final String CYTOSCAPE_PROPERTIES = "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";

	private final CausalGraph graph;

	private final RuleBase ruleBase;

	private final String cytoscapeVersion;

	GraphController(CausalGraph graph, RuleBase ruleBase) {
		this.graph = graph;
		this.ruleBase = ruleBase;
		this.cytoscapeVersion = webjarVersion(CYTOSCAPE_PROPERTIES);
	}

	/** Read once at start-up: a build without the webjar fails here, not on the first visit to the page. */
	static String webjarVersion(String properties) {
		Properties p = new Properties();
		try (InputStream in = new ClassPathResource(properties).getInputStream()) {
			p.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The Cytoscape webjar is missing: no " + properties, ex);
		}
		String version = p.getProperty("version");
		if (version == null || !version.matches("[0-9A-Za-z.\\-]+")) {
			throw new IllegalStateException("No usable version in " + properties + ": " + version);
		}
		return version;
	}

	@GetMapping("/graph")
	String graph(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		RulePack pack = this.ruleBase.pack();
		GraphRequest request = GraphRequest.parse(pack, params, false);
		CausalGraph.View view = view(request);
		model.addAttribute("graphRequest", request);
		model.addAttribute("graph", view);
		model.addAttribute("columns", view.columns());
		model.addAttribute("themes", pack.descriptor().themes());
		model.addAttribute("cytoscapeVersion", this.cytoscapeVersion);
		model.addAttribute("scenarioOptions", pack.scenarios());
		String query = request.query();
		model.addAttribute("apiQuery", query.isEmpty() ? "" : "?" + query);
		model.addAttribute("adviceQuery", request.adviceQuery());
		model.addAttribute("focus", (request.focus() != null
				&& view.nodes().stream().anyMatch((n) -> n.node().id().equals(request.focus()))) ? request.focus() : null);
		if (!request.errors().isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return VIEW_GRAPH;
	}

	@GetMapping(path = "/api/graph", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> graphJson(@RequestParam Map<String, String> params) {
		RulePack pack = this.ruleBase.pack();
		GraphRequest request = GraphRequest.parse(pack, params, true);
		if (!request.errors().isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					request.errors().size() + " parameter" + ((request.errors().size() == 1) ? " is" : "s are")
							+ " not valid; see errors. GET /api/conditions lists the conditions and their values.");
			problem.setTitle("Invalid graph request");
			problem.setType(URI.create("urn:policy-advisor:problem:invalid-graph-request"));
			problem.setProperty("errors", request.errors().entrySet().stream()
				.map((e) -> Map.of("field", e.getKey(), "message", e.getValue()))
				.toList());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok(GraphJson.of(pack, view(request), request));
	}

	private CausalGraph.View view(GraphRequest request) {
		Evaluation evaluation = request.highlighted() ? this.ruleBase.evaluate(request.conditions()) : null;
		return this.graph.view(request.selection(), evaluation);
	}

	/**
	 * The graph as the page's script draws it. {@code layer} and {@code order} place each node: its column, and its
	 * place from the top within it. {@code holds} is {@code null} when nothing is highlighted.
	 */
	record GraphJson(boolean highlighted, String scenario, String theme, boolean firedOnly, int layers,
			List<NodeJson> nodes, List<EdgeJson> edges, Map<String, RuleJson> rules, Counts counts) {

		static GraphJson of(RulePack pack, CausalGraph.View view, GraphRequest request) {
			List<NodeJson> nodes = view.nodes().stream()
				.map((n) -> new NodeJson(n.node().id(), n.node().kind(), n.node().theme(),
						pack.themeTitle(n.node().theme()), n.node().label(), n.node().title(), n.layer(), n.order(),
						n.context(), n.holds(), n.value()))
				.toList();
			List<EdgeJson> edges = view.edges().stream()
				.map((e) -> new EdgeJson(e.id(), e.source(), e.target(), e.rule(), e.negated(), view.fired(e)))
				.toList();
			Map<String, RuleJson> rules = new LinkedHashMap<>();
			view.edges().forEach((e) -> rules.computeIfAbsent(e.rule(), (id) -> RuleJson.of(pack.rule(id).orElseThrow())));
			Counts counts = new Counts(nodes.size(), edges.size(), view.holdingCount(), view.firedEdgeCount(),
					(int) rules.keySet().stream().filter(view.firedRules()::contains).count());
			return new GraphJson(view.highlighted(), (request.scenario() != null) ? request.scenario().id() : null,
					request.selection().theme(), request.selection().firedOnly(), view.layers(), nodes, edges, rules,
					counts);
		}

	}

	record NodeJson(String id, String kind, String theme, String themeTitle, String label, String title, int layer,
			int order, boolean context, Boolean holds, String value) {
	}

	record EdgeJson(String id, String source, String target, String rule, boolean negated, boolean fired) {
	}

	record RuleJson(String id, String claim, String strength, String source, String quote, String location) {

		static RuleJson of(RuleDef rule) {
			return new RuleJson(rule.id(), rule.claim(), rule.strength().label(), rule.source(), rule.quote(),
					rule.location());
		}

	}

	/** {@code firedRules}: of the rules shown, those that fired. */
	record Counts(int nodes, int edges, long holdingNodes, long firedEdges, int firedRules) {
	}

}
