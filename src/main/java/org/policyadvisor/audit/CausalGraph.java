package org.policyadvisor.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.policyadvisor.engine.ConclusionDef;
import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.Evaluation;
import org.policyadvisor.engine.Premise;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;

import org.springframework.stereotype.Component;

/**
 * The pack as a graph: conditions and conclusions are nodes, and each rule is an edge from each of its premises to
 * each conclusion it produces, labelled with the rule's id. The rule dialect makes every rule's inputs and outputs
 * known statically, so the graph needs no evaluation; an evaluation only highlights what fired.
 * <p>
 * {@link #view} lays out a part of it in columns, left to right: conditions first, then each conclusion one column
 * to the right of its rightmost premise, so that arrows always point right and a chain reads as a line of text does.
 * Within a column, nodes are ordered to keep them near what they connect to (the barycentre heuristic of layered
 * graph drawing). The layout is computed here, not in the browser, so that it is the same for every visitor and the
 * text view on the page can follow the same columns.
 */
@Component
public class CausalGraph {

	/** Sweeps of the ordering heuristic; more change little on graphs of this size. */
	private static final int ORDERING_SWEEPS = 8;

	private final RulePack pack;

	private final Map<String, Node> nodes;

	private final List<Edge> edges;

	/**
	 * A condition or conclusion. {@code kind} is "condition" or the conclusion's kind in lower case; {@code label}
	 * is short enough for the drawing, {@code title} is the question or the conclusion's title in full.
	 */
	public record Node(String id, String kind, String theme, String label, String title) {

		public boolean condition() {
			return "condition".equals(this.kind);
		}

		public String kindLabel() {
			return switch (this.kind) {
				case "condition" -> "Condition";
				case "disputed" -> "Belief the paper disputes";
				default -> Character.toUpperCase(this.kind.charAt(0)) + this.kind.substring(1);
			};
		}

	}

	/** One premise of one rule, leading to one conclusion it produces. {@code negated}: "unless the premise holds". */
	public record Edge(String id, String source, String target, String rule, boolean negated) {
	}

	/** A node as placed in a view, with its state under the evaluation that highlights the view, if any. */
	public record PlacedNode(Node node, int layer, int order, boolean context, Boolean holds, String value,
			List<Edge> in, List<Edge> out) {
	}

	/** Which part of the graph to show; {@code theme} {@code null} for all, and whether to keep only what fired. */
	public record Selection(String theme, boolean firedOnly) {
	}

	/** One rule's edges into or out of a node, and whether it fired. */
	public record RuleEdges(String rule, boolean fired, List<Edge> edges) {
	}

	/**
	 * A laid-out part of the graph. {@code evaluation} is {@code null} when nothing is highlighted; then
	 * {@code firedRules} is empty and every node's {@code holds} is {@code null}.
	 */
	public record View(List<PlacedNode> nodes, List<Edge> edges, int layers, Evaluation evaluation,
			Set<String> firedRules) {

		public boolean highlighted() {
			return this.evaluation != null;
		}

		public boolean fired(Edge edge) {
			return this.firedRules.contains(edge.rule());
		}

		/** The nodes column by column, each in its order from top to bottom. */
		public List<List<PlacedNode>> columns() {
			List<List<PlacedNode>> columns = new ArrayList<>();
			for (int i = 0; i < this.layers; i++) {
				columns.add(new ArrayList<>());
			}
			this.nodes.forEach((n) -> columns.get(n.layer()).add(n));
			columns.forEach((c) -> c.sort(Comparator.comparingInt(PlacedNode::order)));
			return columns;
		}

		/** The node's title (the question, for a condition), for the text view; the id if it is not shown. */
		public String title(String id) {
			return this.nodes.stream().filter((n) -> n.node().id().equals(id)).map((n) -> n.node().title())
				.findFirst().orElse(id);
		}

		/** The rules leading into a node, each with the premises it reads there. */
		public List<RuleEdges> incoming(PlacedNode node) {
			return byRule(node.in());
		}

		/** The rules leading out of a node, each with the conclusions it produces there. */
		public List<RuleEdges> outgoing(PlacedNode node) {
			return byRule(node.out());
		}

		private List<RuleEdges> byRule(List<Edge> edges) {
			Map<String, List<Edge>> grouped = new LinkedHashMap<>();
			edges.forEach((e) -> grouped.computeIfAbsent(e.rule(), (k) -> new ArrayList<>()).add(e));
			return grouped.entrySet().stream()
				.map((e) -> new RuleEdges(e.getKey(), this.firedRules.contains(e.getKey()), e.getValue()))
				.toList();
		}

		public long holdingCount() {
			return this.nodes.stream().filter((n) -> Boolean.TRUE.equals(n.holds())).count();
		}

		public long firedEdgeCount() {
			return this.edges.stream().filter(this::fired).count();
		}

	}

	public CausalGraph(RuleBase ruleBase) {
		this.pack = ruleBase.pack();
		Map<String, Node> nodes = new LinkedHashMap<>();
		Set<String> read = new HashSet<>();
		this.pack.rules().forEach((r) -> read.addAll(r.reads()));
		// A condition no rule reads would float unconnected; the verification report names such conditions.
		Map<String, String> casing = casing(this.pack);
		for (ConditionDef c : this.pack.conditions()) {
			if (read.contains(c.id())) {
				nodes.put(c.id(), new Node(c.id(), "condition", c.theme(), humanize(c.id(), casing), c.question()));
			}
		}
		for (ConclusionDef c : this.pack.conclusions()) {
			nodes.put(c.id(), new Node(c.id(), c.kind().name().toLowerCase(Locale.ROOT), c.theme(), c.title(),
					c.title()));
		}
		List<Edge> edges = new ArrayList<>();
		for (RuleDef rule : this.pack.rules().stream().sorted((a, b) -> ClaimsMatrix.compareIds(a.id(), b.id()))
			.toList()) {
			for (String target : rule.produces()) {
				for (Premise p : rule.premises()) {
					String id = rule.id() + ":" + p.id() + ">" + target;
					if (edges.stream().noneMatch((e) -> e.id().equals(id))) {
						edges.add(new Edge(id, p.id(), target, rule.id(), p.negated()));
					}
				}
			}
		}
		this.nodes = nodes;
		this.edges = List.copyOf(edges);
	}

	/**
	 * A condition's id in words, short enough to label a box where its question would take four lines:
	 * "armenia_dependence_on_russia" reads as "Armenia dependence on Russia". A word takes the capitals the pack's
	 * own texts give it (Russia, EAEU, NGOs) where they never write it in lower case.
	 */
	static String humanize(String id, Map<String, String> casing) {
		String[] words = id.split("_");
		StringBuilder label = new StringBuilder();
		for (String w : words) {
			if (!w.isEmpty()) {
				label.append(label.isEmpty() ? "" : " ").append(casing.getOrDefault(w.toLowerCase(Locale.ROOT), w));
			}
		}
		return label.isEmpty() ? id : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** Words the pack's texts write with capitals, and never in lower case, except first in a sentence. */
	static Map<String, String> casing(RulePack pack) {
		Map<String, String> capitalised = new HashMap<>();
		Set<String> lower = new HashSet<>();
		List<String> texts = new ArrayList<>();
		pack.conditions().forEach((c) -> texts.add(c.question()));
		pack.conclusions().forEach((c) -> texts.add(c.title()));
		for (String text : texts) {
			String[] tokens = text.split("[^\\p{L}\\p{N}]+");
			for (int i = 0; i < tokens.length; i++) {
				String t = tokens[i];
				if (t.isEmpty()) {
					continue;
				}
				String key = t.toLowerCase(Locale.ROOT);
				if (t.equals(key)) {
					lower.add(key);
				}
				else if (i > 0) {
					capitalised.putIfAbsent(key, t);
				}
			}
		}
		capitalised.keySet().removeAll(lower);
		return capitalised;
	}

	public List<Node> nodes() {
		return List.copyOf(this.nodes.values());
	}

	public List<Edge> edges() {
		return this.edges;
	}

	/**
	 * The part of the graph a selection asks for, laid out, and highlighted by an evaluation if one is given. With a
	 * theme: the conclusions of that theme, the rules producing them and those rules' premises, whatever their
	 * theme (shown as context). Only what fired: the rules that fired and their premises and conclusions. Conditions
	 * that no shown rule reads are left out.
	 */
	public View view(Selection selection, Evaluation evaluation) {
		Set<String> fired = (evaluation != null) ? new HashSet<>(evaluation.firedRules()) : Set.of();
		List<Edge> shown = this.edges.stream()
			.filter((e) -> selection.theme() == null || this.nodes.get(e.target()).theme().equals(selection.theme()))
			.filter((e) -> !selection.firedOnly() || fired.contains(e.rule()))
			.toList();
		Set<String> ids = new LinkedHashSet<>();
		if (!selection.firedOnly()) {
			// Conclusions with no rule at all still belong to their theme's picture.
			this.nodes.values().stream()
				.filter((n) -> !n.condition())
				.filter((n) -> selection.theme() == null || n.theme().equals(selection.theme()))
				.forEach((n) -> ids.add(n.id()));
		}
		shown.forEach((e) -> {
			ids.add(e.source());
			ids.add(e.target());
		});
		Map<String, Integer> layers = layers(ids, shown);
		Map<String, Integer> orders = orders(ids, shown, layers);
		Map<String, List<Edge>> in = new HashMap<>();
		Map<String, List<Edge>> out = new HashMap<>();
		shown.forEach((e) -> {
			in.computeIfAbsent(e.target(), (k) -> new ArrayList<>()).add(e);
			out.computeIfAbsent(e.source(), (k) -> new ArrayList<>()).add(e);
		});
		List<PlacedNode> placed = new ArrayList<>();
		for (String id : ids) {
			Node node = this.nodes.get(id);
			Boolean holds = null;
			String value = null;
			if (evaluation != null) {
				if (node.condition()) {
					String v = evaluation.conditions().get(id);
					value = this.pack.condition(id).map((c) -> c.labelOf(v)).orElse(v);
					// A condition "holds" in the picture when a rule that fired read it: its value met that premise.
					holds = out.getOrDefault(id, List.of()).stream().anyMatch((e) -> fired.contains(e.rule()));
				}
				else {
					holds = evaluation.holds(id);
				}
			}
			boolean context = selection.theme() != null && !node.condition() && !node.theme().equals(selection.theme());
			placed.add(new PlacedNode(node, layers.get(id), orders.get(id), context, holds, value,
					in.getOrDefault(id, List.of()), out.getOrDefault(id, List.of())));
		}
		placed.sort(Comparator.comparingInt(PlacedNode::layer).thenComparingInt(PlacedNode::order));
		int layerCount = layers.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
		return new View(List.copyOf(placed), shown, layerCount, evaluation, Set.copyOf(fired));
	}

	/**
	 * Conditions in column 0; a conclusion one column right of its rightmost shown premise, or in column 1 when it
	 * has none. A premise met again on its own path (a cycle) counts as column 0, which keeps the recursion finite.
	 * Empty columns are then closed up.
	 */
	private Map<String, Integer> layers(Set<String> ids, List<Edge> shown) {
		Map<String, List<String>> premises = new HashMap<>();
		shown.forEach((e) -> premises.computeIfAbsent(e.target(), (k) -> new ArrayList<>()).add(e.source()));
		Map<String, Integer> layers = new HashMap<>();
		for (String id : ids) {
			layer(id, premises, layers, new HashSet<>());
		}
		List<Integer> used = layers.values().stream().distinct().sorted().toList();
		Map<String, Integer> compact = new LinkedHashMap<>();
		ids.forEach((id) -> compact.put(id, used.indexOf(layers.get(id))));
		return compact;
	}

	private int layer(String id, Map<String, List<String>> premises, Map<String, Integer> layers, Set<String> path) {
		Integer known = layers.get(id);
		if (known != null) {
			return known;
		}
		if (this.nodes.get(id).condition()) {
			layers.put(id, 0);
			return 0;
		}
		if (!path.add(id)) {
			return 0;
		}
		int layer = 1;
		for (String p : premises.getOrDefault(id, List.of())) {
			layer = Math.max(layer, layer(p, premises, layers, path) + 1);
		}
		path.remove(id);
		layers.put(id, layer);
		return layer;
	}

	/**
	 * Orders each column by the mean position of each node's neighbours, sweeping left to right (by premises) and
	 * right to left (by what each node leads to). Positions are relative to their column's height, since columns
	 * differ greatly in size. Ties keep the previous order, so the result is deterministic.
	 */
	private Map<String, Integer> orders(Set<String> ids, List<Edge> shown, Map<String, Integer> layers) {
		int count = layers.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
		List<List<String>> columns = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			columns.add(new ArrayList<>());
		}
		// Start from catalogue order, grouped by theme: the pack's own reading order.
		List<String> themes = this.pack.descriptor().themes().stream().map((t) -> t.id()).toList();
		ids.stream()
			.sorted(Comparator.comparingInt((String id) -> themes.indexOf(this.nodes.get(id).theme())))
			.forEach((id) -> columns.get(layers.get(id)).add(id));
		Map<String, Set<String>> before = new HashMap<>();
		Map<String, Set<String>> after = new HashMap<>();
		for (Edge e : shown) {
			if (!e.source().equals(e.target())) {
				before.computeIfAbsent(e.target(), (k) -> new LinkedHashSet<>()).add(e.source());
				after.computeIfAbsent(e.source(), (k) -> new LinkedHashSet<>()).add(e.target());
			}
		}
		Map<String, Double> position = new HashMap<>();
		columns.forEach((c) -> place(c, position));
		for (int sweep = 0; sweep < ORDERING_SWEEPS; sweep++) {
			boolean rightward = sweep % 2 == 0;
			Map<String, Set<String>> neighbours = rightward ? before : after;
			for (int step = 0; step < count; step++) {
				List<String> column = columns.get(rightward ? step : count - 1 - step);
				Map<String, Double> key = new HashMap<>();
				for (String id : column) {
					Set<String> ns = neighbours.getOrDefault(id, Set.of());
					key.put(id, ns.isEmpty() ? position.get(id)
							: ns.stream().mapToDouble(position::get).average().orElse(position.get(id)));
				}
				column.sort(Comparator.comparingDouble(key::get));
				place(column, position);
			}
		}
		Map<String, Integer> orders = new HashMap<>();
		columns.forEach((c) -> {
			for (int i = 0; i < c.size(); i++) {
				orders.put(c.get(i), i);
			}
		});
		return orders;
	}

	private static void place(List<String> column, Map<String, Double> position) {
		for (int i = 0; i < column.size(); i++) {
			position.put(column.get(i), (i + 0.5) / column.size());
		}
	}

}
