package org.policyadvisor.engine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a rule pack from its files and checks everything that can be checked without compiling the DRL: the
 * catalogues, each rule's name and citation, and that rules and catalogues refer to each other consistently.
 * <p>
 * Rules are restricted to a small dialect so that the pack can be explained and audited without running it: the
 * condition part is a conjunction of {@code Condition(id == "x", value == "v")} (or {@code value in (...)},
 * {@code !=}, {@code not in}), {@code Concluded(id == "y")} and {@code not Concluded(id == "y")}; the consequence
 * only does {@code insertLogical(new Concluded("z"))}. A file imports only {@code Condition} and {@code Concluded},
 * and holds nothing but rules, without attributes or {@code extends}.
 */
public final class PackLoader {

	public static final String DESCRIPTOR = "pack.yaml";

	public static final String CONDITIONS = "conditions.yaml";

	public static final String CONCLUSIONS = "conclusions.yaml";

	static final Pattern RULE_NAME = Pattern.compile("^(R\\d+\\.\\d{2}[a-z]?) (\\S.*)$");

	/** The only types a rule may use; imports of anything else are outside the dialect. */
	private static final Set<String> DIALECT_IMPORTS = Set.of(Condition.class.getName(), Concluded.class.getName());

	private static final Pattern ID_CONSTRAINT = Pattern.compile("^id\\s*==\\s*\"([^\"]+)\"$");

	private static final Pattern VALUE_EQUALS = Pattern.compile("^value\\s*(==|!=)\\s*\"([^\"]*)\"$");

	// Only quoted values: an unquoted word would be silently dropped here, yet Drools accepts it.
	private static final Pattern VALUE_IN = Pattern
		.compile("^value\\s+(not\\s+in|in)\\s*\\(\\s*(\"[^\"]*\"(?:\\s*,\\s*\"[^\"]*\")*)\\s*\\)$");

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern INSERT_LOGICAL = Pattern
		.compile("insertLogical\\s*\\(\\s*new\\s+Concluded\\s*\\(\\s*\"([^\"]+)\"\\s*\\)\\s*\\)\\s*;");

	/**
	 * Conditions travel as query parameters (/advice?oil_price=low, /graph?...); these names are the pages' own
	 * parameters beside them, so a condition may not take one. The saved scenarios' forms post name, notes and the
	 * CSRF token beside the conditions, and their list is paged by {@code page}.
	 */
	static final Set<String> RESERVED_CONDITION_IDS = Set.of("scenario", "expand", "theme", "view", "focus", "q",
			"kind", "strength", "chapter", "unexercised", "name", "notes", "page", "_csrf");

	private static final Set<String> REQUIRED_METADATA = Set.of("source", "quote", "strength");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * Scenarios are maps keyed by condition id: a condition given twice would otherwise silently take its last value.
	 */
	private static final YAMLMapper SCENARIO_YAML = YAML.rebuild()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/** A scenario's id is its file name and goes into links and HTML ids: plain lower-case words only. */
	private static final Pattern SCENARIO_ID = Pattern.compile("^[a-z0-9]+([-_][a-z0-9]+)*$");

	private final List<PackProblem> problems = new ArrayList<>();

	private final String folder;

	private final Map<String, PackFile> files = new HashMap<>();

	/**
	 * Whether every rule could be read in full. The checks for catalogue entries no rule uses rely on it: a rule that
	 * does not parse still uses entries, and reporting them as unused would bury the one real problem.
	 */
	private boolean rulesComplete = true;

	private PackLoader(String folder, List<PackFile> files) {
		this.folder = folder;
		files.forEach((f) -> this.files.put(f.name(), f));
	}

	/**
	 * Reads and validates a pack; throws {@link PackValidationException} listing every problem found.
	 */
	public static RulePack load(String folder, List<PackFile> files) {
		return new PackLoader(folder, files).load();
	}

	private RulePack load() {
		PackDescriptor descriptor = readYaml(DESCRIPTOR, new TypeReference<PackDescriptor>() {
		});
		// A catalogue that is missing or cannot be read is reported once; rules are then not checked against it.
		List<ConditionDef> conditions = readYaml(CONDITIONS, new TypeReference<List<ConditionDef>>() {
		});
		List<ConclusionDef> conclusions = readYaml(CONCLUSIONS, new TypeReference<List<ConclusionDef>>() {
		});
		List<PackFile> drlFiles = this.files.values().stream().filter((f) -> f.name().endsWith(".drl"))
			.sorted((a, b) -> a.name().compareTo(b.name())).toList();
		if (drlFiles.isEmpty()) {
			problem(this.folder, 0, "the pack has no .drl files");
		}
		List<RuleDef> rules = new ArrayList<>();
		drlFiles.forEach((f) -> rules.addAll(readRules(f)));

		if (descriptor != null) {
			checkDescriptor(descriptor);
		}
		Set<String> themes = null;
		if (descriptor != null) {
			themes = new HashSet<>();
			for (Theme t : descriptor.themes()) {
				themes.add(t.id());
			}
		}
		if (conditions != null) {
			checkConditions(conditions, themes);
		}
		if (conclusions != null) {
			checkConclusions(conclusions, themes);
		}
		checkRules(rules, conditions, conclusions);
		if (descriptor != null && conclusions != null) {
			checkNeverRecommended(descriptor, conclusions);
			checkConflicts(descriptor, conclusions);
		}
		if (descriptor != null && !descriptor.chapters().isEmpty()) {
			for (RuleDef rule : rules) {
				if (descriptor.chapterOf(rule.id()).isEmpty()) {
					problem(rule.file(), rule.line(), "rule " + rule.id() + " names a chapter that " + DESCRIPTOR
							+ " does not declare");
				}
			}
		}
		List<Scenario> scenarios = readScenarios(conditions, conclusions);
		if (!this.problems.isEmpty()) {
			throw new PackValidationException(this.folder, this.problems);
		}
		return new RulePack(this.folder, descriptor, conditions, conclusions, rules, drlFiles, scenarios);
	}

	private <T> T readYaml(String name, TypeReference<T> type) {
		return readYaml(name, type, YAML);
	}

	private <T> T readYaml(String name, TypeReference<T> type, ObjectMapper mapper) {
		PackFile file = this.files.get(name);
		if (file == null) {
			problem(name, 0, "missing: every pack needs " + name);
			return null;
		}
		try {
			T value = mapper.readValue(file.content(), type);
			if (value == null) {
				problem(name, 1, "the file is empty");
			}
			return value;
		}
		catch (JacksonException ex) {
			// Jackson locates a binding error (an unknown or mistyped field) where it noticed it, which for a record
			// is the end of the entry; the path to the field locates the field itself. Syntax errors are located.
			int line = 0;
			if (ex instanceof DatabindException) {
				line = lineOfPath(name, ex.getPath().stream()
					.map((r) -> (r.getPropertyName() != null) ? (Object) r.getPropertyName() : (Object) r.getIndex())
					.toArray());
			}
			if (line == 0 && ex.getLocation() != null) {
				line = ex.getLocation().getLineNr();
			}
			problem(name, line, "cannot be read: " + ex.getOriginalMessage());
			return null;
		}
	}

	private void checkDescriptor(PackDescriptor d) {
		requireText(DESCRIPTOR, 1, "id", d.id());
		requireText(DESCRIPTOR, 1, "title", d.title());
		requireText(DESCRIPTOR, 1, "version", d.version());
		requireText(DESCRIPTOR, 1, "citation", d.citation());
		if (d.themes().isEmpty()) {
			problem(DESCRIPTOR, 1, "declares no themes");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < d.themes().size(); i++) {
			Theme t = d.themes().get(i);
			if (!seen.add(t.id())) {
				int line = lineOfPath(DESCRIPTOR, "themes", i);
				problem(DESCRIPTOR, (line > 0) ? line : lineOf(DESCRIPTOR, t.id()), "theme id '" + t.id()
						+ "' is duplicated");
			}
		}
	}

	private void checkConditions(List<ConditionDef> conditions, Set<String> themes) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < conditions.size(); i++) {
			ConditionDef c = conditions.get(i);
			// By position, not by id: a duplicated id must be reported at its second entry, not its first.
			int line = entryLine(CONDITIONS, i, c.id());
			if (!requireText(CONDITIONS, line, "id", c.id())) {
				continue;
			}
			if (!seen.add(c.id())) {
				problem(CONDITIONS, line, "condition id '" + c.id() + "' is duplicated");
			}
			if (RESERVED_CONDITION_IDS.contains(c.id())) {
				problem(CONDITIONS, line, "condition id '" + c.id() + "' is reserved: the pages use it as a query"
						+ " parameter beside the conditions (" + String.join(", ", RESERVED_CONDITION_IDS.stream().sorted().toList()) + ")");
			}
			requireText(CONDITIONS, line, "question of " + c.id(), c.question());
			requireText(CONDITIONS, line, "help of " + c.id(), c.help());
			requireText(CONDITIONS, line, "source of " + c.id(), c.source());
			if (c.type() == null) {
				problem(CONDITIONS, line, "condition '" + c.id() + "' has no type (boolean, scale or stance)");
			}
			else if (c.type() != ConditionType.BOOLEAN && c.values().size() < 2) {
				problem(CONDITIONS, line, "condition '" + c.id() + "' needs at least two values");
			}
			if (new HashSet<>(c.valueIds()).size() != c.values().size()) {
				problem(CONDITIONS, fieldLine(CONDITIONS, i, "values", line),
						"condition '" + c.id() + "' repeats a value");
			}
			if (!c.allows(c.defaultValue())) {
				problem(CONDITIONS, fieldLine(CONDITIONS, i, "default", line), "condition '" + c.id()
						+ "' has default '" + c.defaultValue() + "', which is not one of " + c.valueIds());
			}
			if (themes != null && !themes.contains(c.theme())) {
				problem(CONDITIONS, fieldLine(CONDITIONS, i, "theme", line), "condition '" + c.id()
						+ "' names unknown theme '" + c.theme() + "'");
			}
		}
	}

	private void checkConclusions(List<ConclusionDef> conclusions, Set<String> themes) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < conclusions.size(); i++) {
			ConclusionDef c = conclusions.get(i);
			int line = entryLine(CONCLUSIONS, i, c.id());
			if (!requireText(CONCLUSIONS, line, "id", c.id())) {
				continue;
			}
			if (!seen.add(c.id())) {
				problem(CONCLUSIONS, line, "conclusion id '" + c.id() + "' is duplicated");
			}
			if (c.kind() == null) {
				problem(CONCLUSIONS, line, "conclusion '" + c.id() + "' has no kind (effect, risk, recommendation)");
			}
			requireText(CONCLUSIONS, line, "title of " + c.id(), c.title());
			requireText(CONCLUSIONS, line, "explanation of " + c.id(), c.explanation());
			requireText(CONCLUSIONS, line, "source of " + c.id(), c.source());
			if (c.kind() == ConclusionKind.RECOMMENDATION) {
				requireText(CONCLUSIONS, line, "audience of recommendation " + c.id(), c.audience());
			}
			if (themes != null && !themes.contains(c.theme())) {
				problem(CONCLUSIONS, fieldLine(CONCLUSIONS, i, "theme", line), "conclusion '" + c.id()
						+ "' names unknown theme '" + c.theme() + "'");
			}
		}
	}

	private List<RuleDef> readRules(PackFile file) {
		DrlParser parser = new DrlParser();
		PackageDescr pkg;
		try {
			pkg = parser.parse(false, new StringReader(file.content()));
		}
		catch (DroolsParserException ex) {
			problem(file.name(), ex.getLineNumber(), "does not parse: " + ex.getMessage());
			this.rulesComplete = false;
			return List.of();
		}
		if (parser.hasErrors() || pkg == null) {
			for (DroolsError error : parser.getErrors()) {
				int[] lines = error.getLines();
				problem(file.name(), (lines != null && lines.length > 0) ? lines[0] : 0,
						"does not parse: " + error.getMessage());
			}
			this.rulesComplete = false;
			return List.of();
		}
		checkPackageMembers(file, pkg);
		List<RuleDef> rules = new ArrayList<>();
		for (RuleDescr rule : pkg.getRules()) {
			readRule(file, rule).ifPresent(rules::add);
		}
		return rules;
	}

	/**
	 * A pack file holds imports of the two dialect types and rules, nothing else: functions, globals, declared types
	 * and queries would let rules depend on or do things their premises and consequences do not show, and any other
	 * import fails to compile without a line (a misspelt one) or with a baffling message (another Condition).
	 */
	private void checkPackageMembers(PackFile file, PackageDescr pkg) {
		for (ImportDescr i : pkg.getImports()) {
			if (!DIALECT_IMPORTS.contains(i.getTarget())) {
				problem(file.name(), i.getLine(), "import " + i.getTarget()
						+ " is outside the pack dialect: import only "
						+ String.join(" and ", DIALECT_IMPORTS.stream().sorted().toList()));
			}
		}
		List<BaseDescr> others = new ArrayList<>();
		others.addAll(pkg.getFunctionImports());
		others.addAll(pkg.getAccumulateImports());
		others.addAll(pkg.getGlobals());
		others.addAll(pkg.getFunctions());
		others.addAll(pkg.getClassAndEnumDeclarationDescrs());
		others.addAll(pkg.getEntryPointDeclarations());
		others.addAll(pkg.getWindowDeclarations());
		others.addAll(pkg.getAttributes());
		pkg.getRules().stream().filter(RuleDescr::isQuery).forEach(others::add);
		for (BaseDescr other : others) {
			problem(file.name(), Math.max(other.getLine(), 0), "'" + lineText(file, other.getLine())
					+ "' is outside the pack dialect: a pack file holds only imports of Condition and Concluded,"
					+ " and rules");
		}
	}

	private Optional<RuleDef> readRule(PackFile file, RuleDescr rule) {
		if (rule.isQuery()) {
			return Optional.empty();
		}
		int line = rule.getLine();
		Matcher name = RULE_NAME.matcher(rule.getName());
		if (!name.matches()) {
			problem(file.name(), line, "rule \"" + rule.getName()
					+ "\" must be named \"R<chapter>.<two digits> <the claim it encodes>\", e.g. \"R6.01 ...\"");
			this.rulesComplete = false;
		}
		else if (rule.getName().contains("\"") || rule.getName().contains("\\")) {
			// Drools copies rule names into the Java it generates unescaped: the pack would fail to compile in code
			// no one wrote.
			problem(file.name(), line, "rule \"" + rule.getName() + "\": a rule name must not contain \" or \\;"
					+ " use typographic quotes");
		}
		if (rule.getParentName() != null) {
			// An inherited condition part is invisible to the checks and explanations, which read the rule's own.
			problem(file.name(), line, unsupported(rule, "extends \"" + rule.getParentName()
					+ "\" is outside the pack dialect: state every premise in the rule itself"));
			this.rulesComplete = false;
		}
		for (AttributeDescr a : rule.getAttributes().values()) {
			// Attributes change when or whether a rule fires (enabled false silently drops a claim).
			problem(file.name(), lineWithin(file, rule, Pattern.compile("^\\s*" + Pattern.quote(a.getName()) + "\\b")),
					unsupported(rule, "attribute '" + a.getName() + "' is outside the pack dialect"));
		}
		Map<String, String> meta = new HashMap<>();
		for (AnnotationDescr a : rule.getAnnotations()) {
			Object v = a.getSingleValueStripped();
			meta.put(a.getName(), (v == null) ? null : AnnotationDescr.unquote(v.toString().trim()));
		}
		for (String key : REQUIRED_METADATA.stream().sorted().toList()) {
			if (meta.get(key) == null || meta.get(key).isBlank()) {
				problem(file.name(), line, "rule \"" + rule.getName() + "\" lacks @" + key);
			}
		}
		Strength strength = Strength.parse(meta.get("strength"));
		if (meta.get("strength") != null && strength == null) {
			// The parser gives annotations no line of their own.
			problem(file.name(), lineWithin(file, rule, Pattern.compile("@strength\\b")), "rule \"" + rule.getName()
					+ "\" has @strength(\"" + meta.get("strength") + "\"): use asserted, likely or possible");
		}
		List<Premise> premises = new ArrayList<>();
		boolean premisesRead = true;
		for (BaseDescr element : rule.getLhs().getDescrs()) {
			Optional<Premise> premise = readPremise(file, rule, element);
			premise.ifPresent(premises::add);
			premisesRead &= premise.isPresent();
		}
		if (!premisesRead) {
			this.rulesComplete = false;
		}
		else if (premises.isEmpty()) {
			problem(file.name(), line, "rule \"" + rule.getName() + "\" has no premises");
		}
		List<String> produces = readConsequence(file, rule);
		// A rule with other problems still takes part in the cross-reference checks, so that its problem is reported
		// once rather than again as catalogue entries no rule uses. The pack is not built while any problem remains.
		if (!name.matches()) {
			return Optional.empty();
		}
		return Optional.of(new RuleDef(name.group(1), rule.getName(), name.group(2), file.name(), line,
				meta.get("source"), meta.get("quote"), strength, premises, produces, ruleText(file, rule)));
	}

	private Optional<Premise> readPremise(PackFile file, RuleDescr rule, BaseDescr element) {
		boolean negated = false;
		BaseDescr target = element;
		if (element instanceof NotDescr not && not.getDescrs().size() == 1) {
			negated = true;
			target = not.getDescrs().get(0);
		}
		int line = (element.getLine() > 0) ? element.getLine() : rule.getLine();
		if (!(target instanceof PatternDescr pattern) || pattern.getSource() != null) {
			problem(file.name(), line, unsupported(rule, "only Condition(...), Concluded(...) and not Concluded(...)"
					+ " patterns are allowed"));
			return Optional.empty();
		}
		String type = pattern.getObjectType();
		String simpleType = type.substring(type.lastIndexOf('.') + 1);
		String id = null;
		List<String> accepted = null;
		boolean exclude = false;
		for (BaseDescr constraint : pattern.getDescrs()) {
			String expression = (constraint instanceof ExprConstraintDescr e) ? e.getExpression().trim()
					: String.valueOf(constraint.getText());
			Matcher m;
			if ((m = ID_CONSTRAINT.matcher(expression)).matches() && id == null) {
				id = m.group(1);
			}
			else if (simpleType.equals("Condition") && (m = VALUE_EQUALS.matcher(expression)).matches()
					&& accepted == null) {
				accepted = List.of(m.group(2));
				exclude = m.group(1).equals("!=");
			}
			else if (simpleType.equals("Condition") && (m = VALUE_IN.matcher(expression)).matches()
					&& accepted == null) {
				accepted = new ArrayList<>();
				Matcher q = QUOTED.matcher(m.group(2));
				while (q.find()) {
					accepted.add(q.group(1));
				}
				exclude = m.group(1).startsWith("not");
			}
			else {
				problem(file.name(), line, unsupported(rule, "constraint '" + expression + "' in " + simpleType
						+ "(...) is outside the pack dialect"));
				return Optional.empty();
			}
		}
		if (id == null) {
			problem(file.name(), line, unsupported(rule, simpleType + "(...) must name an id, e.g. id == \"x\""));
			return Optional.empty();
		}
		if (simpleType.equals("Condition") && !negated) {
			if (accepted == null) {
				problem(file.name(), line, unsupported(rule, "Condition(id == \"" + id
						+ "\") must constrain its value"));
				return Optional.empty();
			}
			return Optional.of(new Premise(Premise.Kind.CONDITION, id, exclude, accepted));
		}
		if (simpleType.equals("Concluded")) {
			return Optional.of(Premise.conclusion(id, negated));
		}
		problem(file.name(), line, unsupported(rule, "pattern " + (negated ? "not " : "") + simpleType
				+ "(...) is outside the pack dialect"));
		return Optional.empty();
	}

	private List<String> readConsequence(PackFile file, RuleDescr rule) {
		String rhs = String.valueOf(rule.getConsequence()).replaceAll("//[^\n]*", "").trim();
		List<String> produces = new ArrayList<>();
		Matcher m = INSERT_LOGICAL.matcher(rhs);
		int end = 0;
		while (m.find()) {
			if (!rhs.substring(end, m.start()).isBlank()) {
				break;
			}
			produces.add(m.group(1));
			end = m.end();
		}
		if (produces.isEmpty() || !rhs.substring(end).isBlank()) {
			problem(file.name(), consequenceProblemLine(file, rule), "rule \"" + rule.getName()
					+ "\": the consequence may only contain insertLogical(new Concluded(\"id\")); statements");
			this.rulesComplete = false;
		}
		return produces;
	}

	/** The first line after {@code then} that is not an allowed statement, else the {@code then} line itself. */
	private static int consequenceProblemLine(PackFile file, RuleDescr rule) {
		int then = (rule.getConsequenceLine() > 0) ? rule.getConsequenceLine() : rule.getLine();
		String[] lines = file.content().split("\n", -1);
		int last = (rule.getEndLine() > 0) ? Math.min(rule.getEndLine() - 1, lines.length) : lines.length;
		for (int n = then + 1; n <= last; n++) {
			String statement = lines[n - 1].replaceAll("//.*", "").strip();
			if (!statement.isEmpty() && !INSERT_LOGICAL.matcher(statement).matches()) {
				return n;
			}
		}
		return then;
	}

	private void checkRules(List<RuleDef> rules, List<ConditionDef> conditionList,
			List<ConclusionDef> conclusionList) {
		boolean conditionsRead = conditionList != null;
		boolean conclusionsRead = conclusionList != null;
		List<ConditionDef> conditions = conditionsRead ? conditionList : List.of();
		List<ConclusionDef> conclusions = conclusionsRead ? conclusionList : List.of();
		Map<String, ConditionDef> conditionsById = new HashMap<>();
		conditions.forEach((c) -> conditionsById.putIfAbsent(c.id(), c));
		Set<String> conclusionIds = new HashSet<>();
		conclusions.forEach((c) -> conclusionIds.add(c.id()));
		for (String id : conditionsById.keySet()) {
			if (conclusionIds.contains(id)) {
				problem(CONCLUSIONS, lineOf(CONCLUSIONS, id), "id '" + id + "' names both a condition and a conclusion");
			}
		}
		Map<String, RuleDef> seenIds = new HashMap<>();
		Map<String, RuleDef> seenClaims = new HashMap<>();
		Set<String> read = new HashSet<>();
		Set<String> produced = new HashSet<>();
		Set<String> consumed = new HashSet<>();
		for (RuleDef rule : rules) {
			RuleDef twin = seenIds.putIfAbsent(rule.id(), rule);
			if (twin != null) {
				problem(rule.file(), rule.line(), "rule id " + rule.id() + " is duplicated (also at "
						+ twin.location() + ")");
			}
			twin = seenClaims.putIfAbsent(rule.claim().toLowerCase(), rule);
			if (twin != null) {
				problem(rule.file(), rule.line(), "rule " + rule.id() + " states the same claim as " + twin.id()
						+ " at " + twin.location());
			}
			for (Premise p : rule.premises()) {
				// Located at the premise or statement that names the id, not at the start of the rule.
				int line = lineWithin(rule, Pattern.compile("\\bid\\s*==\\s*\"" + Pattern.quote(p.id()) + "\""));
				if (p.isCondition()) {
					read.add(p.id());
					ConditionDef def = conditionsById.get(p.id());
					if (def == null) {
						if (conditionsRead) {
							problem(rule.file(), line, "rule " + rule.id() + " reads condition '" + p.id()
									+ "', which is not in " + CONDITIONS);
						}
						continue;
					}
					for (String value : p.acceptedValues()) {
						if (!def.allows(value)) {
							problem(rule.file(), line, "rule " + rule.id() + " tests condition '" + p.id() + "' for '"
									+ value + "', which is not one of " + def.valueIds());
						}
					}
				}
				else {
					consumed.add(p.id());
					if (conclusionsRead && !conclusionIds.contains(p.id())) {
						problem(rule.file(), line, "rule " + rule.id() + " reads conclusion '" + p.id()
								+ "', which is not in " + CONCLUSIONS);
					}
				}
			}
			for (String id : rule.produces()) {
				produced.add(id);
				if (conclusionsRead && !conclusionIds.contains(id)) {
					int line = lineWithin(rule,
							Pattern.compile("new\\s+Concluded\\s*\\(\\s*\"" + Pattern.quote(id) + "\""));
					problem(rule.file(), line,
							"rule " + rule.id() + " concludes '" + id + "', which is not in " + CONCLUSIONS);
				}
			}
		}
		if (!this.rulesComplete) {
			return;
		}
		for (ConditionDef c : conditions) {
			if (c.id() != null && !read.contains(c.id())) {
				problem(CONDITIONS, lineOf(CONDITIONS, c.id()), "condition '" + c.id() + "' is read by no rule");
			}
		}
		for (ConclusionDef c : conclusions) {
			if (c.id() != null && !produced.contains(c.id())) {
				problem(CONCLUSIONS, lineOf(CONCLUSIONS, c.id()), "conclusion '" + c.id() + "' is produced by no rule");
			}
			if (c.id() != null && c.kind() == ConclusionKind.EFFECT && !consumed.contains(c.id())) {
				problem(CONCLUSIONS, lineOf(CONCLUSIONS, c.id()),
						"effect '" + c.id() + "' is read by no rule: make it a risk or recommendation, or use it");
			}
		}
	}

	/**
	 * What the paper never recommends must not be a recommendation of the pack, and must point at the conclusions
	 * (risks, disputed beliefs) that describe it, so that the advisor can say why.
	 */
	private void checkNeverRecommended(PackDescriptor descriptor, List<ConclusionDef> conclusions) {
		Map<String, ConclusionDef> byId = new HashMap<>();
		conclusions.forEach((c) -> byId.putIfAbsent(c.id(), c));
		for (PackDescriptor.NeverRecommended never : descriptor.neverRecommended()) {
			int line = lineOf(DESCRIPTOR, never.id());
			if (!requireText(DESCRIPTOR, line, "id of a never-recommended course", never.id())) {
				continue;
			}
			requireText(DESCRIPTOR, line, "title of never-recommended " + never.id(), never.title());
			requireText(DESCRIPTOR, line, "reason of never-recommended " + never.id(), never.reason());
			requireText(DESCRIPTOR, line, "source of never-recommended " + never.id(), never.source());
			requireText(DESCRIPTOR, line, "quote of never-recommended " + never.id(), never.quote());
			ConclusionDef same = byId.get(never.id());
			if (same != null && same.kind() == ConclusionKind.RECOMMENDATION) {
				problem(DESCRIPTOR, line, "'" + never.id() + "' is listed as never recommended, yet "
						+ CONCLUSIONS + " makes it a recommendation");
			}
			for (String related : never.related()) {
				ConclusionDef c = byId.get(related);
				if (c == null) {
					problem(DESCRIPTOR, line, "never-recommended '" + never.id() + "' relates to '" + related
							+ "', which is not in " + CONCLUSIONS);
				}
				else if (c.kind() == ConclusionKind.RECOMMENDATION) {
					problem(DESCRIPTOR, line, "never-recommended '" + never.id() + "' relates to recommendation '"
							+ related + "': relate it to the risks or disputed beliefs that describe it");
				}
			}
		}
	}

	/**
	 * A declared conflict names two different conclusions of the pack and says why they contradict each other: the
	 * verifier would otherwise search, and report clean, for a pair that cannot mean anything.
	 */
	private void checkConflicts(PackDescriptor descriptor, List<ConclusionDef> conclusions) {
		Set<String> ids = new HashSet<>();
		conclusions.forEach((c) -> ids.add(c.id()));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < descriptor.conflicts().size(); i++) {
			PackDescriptor.Conflict conflict = descriptor.conflicts().get(i);
			int line = lineOfPath(DESCRIPTOR, "conflicts", i);
			String pair = conflict.a() + " / " + conflict.b();
			boolean named = requireText(DESCRIPTOR, line, "conclusion a of conflict " + (i + 1), conflict.a())
					& requireText(DESCRIPTOR, line, "conclusion b of conflict " + (i + 1), conflict.b());
			requireText(DESCRIPTOR, line, "reason of conflict " + pair, conflict.reason());
			if (!named) {
				continue;
			}
			for (String id : List.of(conflict.a(), conflict.b())) {
				if (!ids.contains(id)) {
					problem(DESCRIPTOR, line, "conflict " + pair + " names '" + id + "', which is not in "
							+ CONCLUSIONS);
				}
			}
			if (conflict.a().equals(conflict.b())) {
				problem(DESCRIPTOR, line, "conflict " + pair + " names the same conclusion twice");
			}
			else if (!seen.add((conflict.a().compareTo(conflict.b()) < 0) ? pair : conflict.b() + " / " + conflict.a())) {
				problem(DESCRIPTOR, line, "conflict " + pair + " is declared twice");
			}
		}
	}

	/** A scenario file as written; {@link Scenario} is what the pack offers once it is checked. */
	private record ScenarioFile(String title, ScenarioKind kind, String period, String description, String source,
			Map<String, String> conditions, Expectations expect) {
	}

	private record Expectations(List<String> holds, List<String> absent) {
	}

	/**
	 * Reads {@code scenarios/*.yaml}, checking each against the catalogues as strictly as rules are: a scenario that
	 * names a condition or conclusion the pack does not have, or a value the condition does not allow, would
	 * otherwise load a form that silently differs from what its author meant. Catalogues that could not be read are
	 * not checked against.
	 */
	private List<Scenario> readScenarios(List<ConditionDef> conditions, List<ConclusionDef> conclusions) {
		Map<String, ConditionDef> conditionsById = new HashMap<>();
		if (conditions != null) {
			conditions.forEach((c) -> conditionsById.putIfAbsent(c.id(), c));
		}
		Set<String> conclusionIds = new HashSet<>();
		if (conclusions != null) {
			conclusions.forEach((c) -> conclusionIds.add(c.id()));
		}
		List<String> names = this.files.keySet().stream().filter((n) -> n.startsWith(Scenario.FOLDER)).sorted()
			.toList();
		List<Scenario> scenarios = new ArrayList<>();
		Map<String, String> titles = new HashMap<>();
		for (String name : names) {
			String fileName = name.substring(Scenario.FOLDER.length());
			if (!fileName.endsWith(Scenario.SUFFIX)) {
				// Skipping it would leave a scenario out of the picker and out of the tests, without a word.
				problem(name, 0, "scenario files end in " + Scenario.SUFFIX + "; rename it to "
						+ fileName.substring(0, fileName.lastIndexOf('.')) + Scenario.SUFFIX);
				continue;
			}
			// Ids are file names, so two scenarios cannot share one; lower case alone keeps them apart on file systems
			// that ignore case, too.
			String id = fileName.substring(0, fileName.length() - Scenario.SUFFIX.length());
			if (!SCENARIO_ID.matcher(id).matches()) {
				problem(name, 0, "the file name is the scenario's id, used in links: use lower-case letters and digits"
						+ " separated by - or _, e.g. " + suggestId(id) + Scenario.SUFFIX);
			}
			if (this.files.get(name).content().lines().allMatch((l) -> l.isBlank() || l.strip().startsWith("#"))) {
				problem(name, 1, "the file is empty");
				continue;
			}
			ScenarioFile file = readYaml(name, new TypeReference<ScenarioFile>() {
			}, SCENARIO_YAML);
			if (file == null) {
				continue;
			}
			if (requireText(name, keyLine(name, "title"), "title", file.title())) {
				String twin = titles.putIfAbsent(file.title().strip().toLowerCase(), name);
				if (twin != null) {
					problem(name, keyLine(name, "title"), "has the same title as " + twin
							+ ": the picker and the tests tell scenarios apart by title");
				}
			}
			requireText(name, keyLine(name, "description"), "description", file.description());
			if (file.kind() == null) {
				problem(name, keyLine(name, "kind"), "missing kind: historical or what-if");
			}
			Map<String, String> values = (file.conditions() != null) ? file.conditions() : Map.of();
			values.forEach((condition, value) -> {
				int line = keyLine(name, "conditions", condition);
				ConditionDef def = conditionsById.get(condition);
				if (def == null) {
					if (conditions != null) {
						problem(name, line, "sets condition '" + condition + "', which is not in " + CONDITIONS);
					}
				}
				else if (value == null || value.isBlank()) {
					problem(name, line, "gives condition '" + condition + "' no value: choose one of "
							+ def.valueIds() + ", or leave it out to keep its early-2019 value");
				}
				else if (!def.allows(value)) {
					problem(name, line, "sets condition '" + condition + "' to '" + value + "', which is not one of "
							+ def.valueIds());
				}
			});
			List<String> holds = expected(name, (file.expect() != null) ? file.expect().holds() : null, "holds",
					conclusions != null, conclusionIds);
			List<String> absent = expected(name, (file.expect() != null) ? file.expect().absent() : null, "absent",
					conclusions != null, conclusionIds);
			for (int i = 0; i < absent.size(); i++) {
				if (holds.contains(absent.get(i))) {
					problem(name, itemLine(name, "absent", i), "expects conclusion '" + absent.get(i)
							+ "' both to hold and to be absent");
				}
			}
			scenarios.add(new Scenario(id, (file.title() != null) ? file.title().strip() : null, file.kind(),
					file.period(), file.description(), file.source(), values, holds, absent));
		}
		return scenarios;
	}

	/** The conclusions listed under {@code expect.<list>}, each checked against the catalogue and for repeats. */
	private List<String> expected(String name, List<String> ids, String list, boolean check,
			Set<String> conclusionIds) {
		if (ids == null) {
			return List.of();
		}
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			int line = itemLine(name, list, i);
			if (id == null || id.isBlank()) {
				problem(name, line, "expect." + list + " has an empty entry");
				continue;
			}
			if (check && !conclusionIds.contains(id)) {
				problem(name, line, "expects conclusion '" + id + "', which is not in " + CONCLUSIONS);
			}
			if (seen.contains(id)) {
				problem(name, line, "lists conclusion '" + id + "' twice under expect." + list);
				continue;
			}
			seen.add(id);
		}
		return seen;
	}

	/** The line of an entry of {@code expect.<list>}: its own line in a block list, else the list's line. */
	private int itemLine(String name, String list, int index) {
		int line = lineOfPath(name, "expect", list, index);
		return (line > 0) ? line : keyLine(name, "expect", list);
	}

	/** The line of a key of a scenario file; line 1, the top of the file, when the key is not there. */
	private int keyLine(String name, Object... path) {
		int line = lineOfPath(name, path);
		return (line > 0) ? line : 1;
	}

	private static String suggestId(String id) {
		String suggestion = id.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return suggestion.isEmpty() ? "my-scenario" : suggestion;
	}

	private boolean requireText(String file, int line, String what, String value) {
		if (value == null || value.isBlank()) {
			problem(file, line, "missing " + what);
			return false;
		}
		return true;
	}

	/** The line of a rule, from its {@code rule} line on, that matches; the {@code rule} line when none does. */
	private static int lineWithin(PackFile file, RuleDescr rule, Pattern pattern) {
		String[] lines = file.content().split("\n", -1);
		int last = (rule.getEndLine() > 0) ? Math.min(rule.getEndLine(), lines.length) : lines.length;
		for (int n = Math.max(rule.getLine(), 1); n <= last; n++) {
			if (pattern.matcher(lines[n - 1]).find()) {
				return n;
			}
		}
		return rule.getLine();
	}

	private static int lineWithin(RuleDef rule, Pattern pattern) {
		String[] lines = rule.drl().split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (pattern.matcher(lines[i]).find()) {
				return rule.line() + i;
			}
		}
		return rule.line();
	}

	private String lineText(PackFile file, int line) {
		String[] lines = file.content().split("\n", -1);
		return (line > 0 && line <= lines.length) ? lines[line - 1].strip() : "?";
	}

	private String unsupported(RuleDescr rule, String message) {
		return "rule \"" + rule.getName() + "\": " + message;
	}

	private int lineOf(String fileName, String id) {
		PackFile file = this.files.get(fileName);
		if (file == null || id == null) {
			return 0;
		}
		Pattern entry = Pattern.compile("^\\s*(-\\s*)?id:\\s*[\"']?" + Pattern.quote(id) + "[\"']?\\s*(#.*)?$");
		String[] lines = file.content().split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (entry.matcher(lines[i]).matches()) {
				return i + 1;
			}
		}
		return 0;
	}

	/** The line of the {@code index}th entry of a catalogue, or failing that the line of its id. */
	private int entryLine(String fileName, int index, String id) {
		int line = lineOfPath(fileName, index);
		return (line > 0) ? line : lineOf(fileName, id);
	}

	/** The line of a field of the {@code index}th entry of a catalogue, or failing that {@code fallback}. */
	private int fieldLine(String fileName, int index, String field, int fallback) {
		int line = lineOfPath(fileName, index, field);
		return (line > 0) ? line : fallback;
	}

	/**
	 * The line of a node of a block-style YAML file, by its path: list indexes (Integer) and keys (String), as in
	 * {@code 2, "default"}; 0 when the path cannot be followed.
	 */
	private int lineOfPath(String fileName, Object... path) {
		PackFile file = this.files.get(fileName);
		if (file == null || path.length == 0) {
			return 0;
		}
		String[] lines = file.content().split("\n", -1);
		int from = 0;
		int to = lines.length;
		int found = -1;
		for (Object step : path) {
			boolean atRoot = found < 0;
			found = -1;
			if (step instanceof Integer index && index >= 0) {
				// The items of a list are the "- " lines at its shallowest indentation, below the key that holds it.
				int start = atRoot ? 0 : from + 1;
				int itemIndent = Integer.MAX_VALUE;
				for (int i = start; i < to; i++) {
					if (isItem(lines[i])) {
						itemIndent = Math.min(itemIndent, indent(lines[i]));
					}
				}
				int seen = 0;
				for (int i = start; i < to && found < 0; i++) {
					if (isItem(lines[i]) && indent(lines[i]) == itemIndent && seen++ == index) {
						found = i;
					}
				}
			}
			else if (step instanceof String key) {
				Pattern entry = Pattern.compile("^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:");
				for (int i = from; i < to && found < 0; i++) {
					if (entry.matcher(lines[i]).find()) {
						found = i;
					}
				}
			}
			if (found < 0) {
				return 0;
			}
			// The node's block: its line and the deeper-indented lines after it.
			int nodeIndent = indent(lines[found]);
			from = found;
			int end = found + 1;
			while (end < to && (lines[end].isBlank() || lines[end].stripLeading().startsWith("#")
					|| indent(lines[end]) > nodeIndent)) {
				end++;
			}
			to = end;
		}
		return found + 1;
	}

	private static int indent(String line) {
		return line.length() - line.stripLeading().length();
	}

	private static boolean isItem(String line) {
		String text = line.strip();
		return text.equals("-") || text.startsWith("- ");
	}

	private static String ruleText(PackFile file, RuleDescr rule) {
		String[] lines = file.content().split("\n", -1);
		int from = Math.max(rule.getLine(), 1) - 1;
		int to = (rule.getEndLine() > 0) ? Math.min(rule.getEndLine(), lines.length) : lines.length;
		return String.join("\n", java.util.Arrays.copyOfRange(lines, from, Math.max(to, from + 1))).strip();
	}

	private void problem(String file, int line, String message) {
		this.problems.add(new PackProblem(file, line, message));
	}

}
