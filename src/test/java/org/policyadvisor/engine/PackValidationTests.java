package org.policyadvisor.engine;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Every broken pack under {@code src/test/resources/packs/} is a copy of {@code minimal-valid} with one defect, and
 * must be refused with the file and line of that defect. Lines are those of the pack files as committed.
 */
class PackValidationTests {

	/** A broken pack: where its defect is, a fragment of the message, and how many problems it reports in all. */
	record Case(String pack, String file, int line, String fragment, int problems) {
	}

	/** Defects found when the pack is loaded: the catalogues, the rule dialect, and how they refer to each other. */
	static final List<Case> LOAD_CASES = List.of(
			new Case("does-not-parse", "rules.drl", 1, "does not parse", 1),
			new Case("rule-without-quote", "rules.drl", 16, "lacks @quote", 1),
			new Case("rule-without-source", "rules.drl", 6, "lacks @source", 1),
			new Case("strength-certain", "rules.drl", 30, "@strength(\"certain\"): use asserted, likely or possible",
					1),
			new Case("rule-name-without-id", "rules.drl", 16, "must be named \"R<chapter>.<two digits>", 1),
			new Case("unknown-condition", "rules.drl", 22,
					"reads condition 'russia_pressure', which is not in conditions.yaml", 2),
			new Case("unknown-value", "rules.drl", 33, "tests condition 'western_engagement' for 'mediun'", 1),
			new Case("unknown-conclusion", "rules.drl", 24,
					"concludes 'risk_concession', which is not in conclusions.yaml", 2),
			new Case("unread-condition", "conditions.yaml", 20, "condition 'western_sanctions' is read by no rule", 1),
			new Case("unproduced-conclusion", "conclusions.yaml", 25,
					"conclusion 'risk_isolation' is produced by no rule", 1),
			new Case("unread-effect", "conclusions.yaml", 3, "effect 'balance_eroding' is read by no rule", 1),
			new Case("duplicate-rule-id", "rules2.drl", 6, "rule id R1.02 is duplicated (also at rules.drl:16)", 1),
			new Case("reserved-condition-id", "conditions.yaml", 12,
					"condition id 'scenario' is reserved: the pages use it as a query parameter", 1),
			new Case("duplicate-condition-id", "conditions.yaml", 20, "condition id 'russian_pressure' is duplicated",
					1),
			new Case("default-not-in-values", "conditions.yaml", 8,
					"has default 'none', which is not one of [low, medium, high]", 1),
			new Case("yaml-syntax-error", "conclusions.yaml", 13, "mapping values are not allowed here", 1),
			new Case("unknown-field", "conditions.yaml", 9, "Unrecognized property \"hlep\"", 1),
			new Case("premise-outside-dialect", "rules.drl", 33,
					"constraint 'value.length() > 2' in Condition(...) is outside the pack dialect", 1),
			new Case("premise-eval", "rules.drl", 22, "only Condition(...), Concluded(...) and not Concluded(...)", 1),
			new Case("consequence-outside-dialect", "rules.drl", 25,
					"the consequence may only contain insertLogical(new Concluded(\"id\")); statements", 1),
			new Case("missing-conditions", "conditions.yaml", 0, "missing: every pack needs conditions.yaml", 1),
			new Case("never-recommended-is-recommendation", "pack.yaml", 12,
					"'rec_west_engage' is listed as never recommended, yet conclusions.yaml makes it a recommendation", 1),
			new Case("conflict-unknown-conclusion", "pack.yaml", 12,
					"conflict rec_west_engage / risk_concesions names 'risk_concesions', which is not in conclusions.yaml",
					1),
			// Found while writing these packs: the loader let them through, to a crash, a silent change of meaning or a
			// compile error without a usable location.
			new Case("misspelt-import", "rules.drl", 4,
					"import org.policyadvisor.engine.Conclued is outside the pack dialect", 1),
			new Case("rule-attribute", "rules.drl", 20, "attribute 'enabled' is outside the pack dialect", 1),
			new Case("rule-extends", "rules.drl", 27, "extends \"R1.01 Low Western engagement erodes the balance\"",
					1),
			new Case("drl-function", "rules.drl", 6, "'function boolean pressing(String value) {' is outside", 1),
			new Case("value-list-unquoted", "rules.drl", 33,
					"constraint 'value in (\"low\", medium)' in Condition(...) is outside the pack dialect", 1),
			new Case("rule-name-quote", "rules.drl", 6, "a rule name must not contain \" or \\", 1),
			// Scenarios: each a copy of minimal-valid with a scenarios/ folder holding one defect.
			new Case("scenario-unknown-field", "scenarios/engaged-west.yaml", 7, "Unrecognized property \"perod\"", 1),
			new Case("scenario-unknown-condition", "scenarios/engaged-west.yaml", 9,
					"sets condition 'russian_presure', which is not in conditions.yaml", 1),
			new Case("scenario-value-not-allowed", "scenarios/engaged-west.yaml", 8,
					"sets condition 'western_engagement' to 'mediun', which is not one of [low, medium, high]", 1),
			new Case("scenario-unknown-conclusion", "scenarios/engaged-west.yaml", 12,
					"expects conclusion 'risk_concesions', which is not in conclusions.yaml", 1),
			new Case("scenario-holds-and-absent", "scenarios/engaged-west.yaml", 11,
					"expects conclusion 'rec_west_engage' both to hold and to be absent", 1),
			new Case("scenario-missing-title", "scenarios/engaged-west.yaml", 1, "missing title", 1),
			new Case("scenario-missing-description", "scenarios/engaged-west.yaml", 4, "missing description", 1),
			new Case("scenario-missing-kind", "scenarios/engaged-west.yaml", 1, "missing kind: historical or what-if",
					1),
			new Case("scenario-unknown-kind", "scenarios/engaged-west.yaml", 3,
					"from String \"prediction\": not one of the values accepted", 1),
			new Case("scenario-duplicate-condition", "scenarios/engaged-west.yaml", 10,
					"Duplicate Object property \"western_engagement\"", 1),
			new Case("scenario-duplicate-title", "scenarios/west-returns.yaml", 2,
					"has the same title as scenarios/engaged-west.yaml", 1),
			new Case("scenario-bad-id", "scenarios/Engaged West.yaml", 0,
					"use lower-case letters and digits separated by - or _, e.g. engaged-west.yaml", 1),
			new Case("scenario-yml-extension", "scenarios/engaged-west.yml", 0,
					"scenario files end in .yaml; rename it to engaged-west.yaml", 1));

	/** Defects only the compiler finds: the pack loads, and building its rule base fails. */
	static final List<Case> BUILD_CASES = List.of(
			new Case("does-not-compile", "rules.drl", 1,
					"does not compile: package packs.public.policy is not a valid Java package name", 1),
			// Drools gives no line for a class it cannot find; the problem still names the file.
			new Case("missing-import", "rules.drl", 0, "does not compile: Unable to find class: Concluded", 1));

	static Stream<Arguments> loadCases() {
		return LOAD_CASES.stream().map(PackValidationTests::arguments);
	}

	static Stream<Arguments> buildCases() {
		return BUILD_CASES.stream().map(PackValidationTests::arguments);
	}

	private static Arguments arguments(Case c) {
		return Arguments.of(c.pack(), c.file(), c.line(), c.fragment(), c.problems());
	}

	@ParameterizedTest(name = "{0} -> {1}:{2}")
	@MethodSource("loadCases")
	void brokenPackIsRefusedWhenLoaded(String pack, String file, int line, String fragment, int problems) {
		PackValidationException ex = assertThatExceptionOfType(PackValidationException.class)
			.isThrownBy(() -> TestPacks.testPack(pack))
			.actual();
		assertReports(ex, pack, file, line, fragment, problems);
	}

	@ParameterizedTest(name = "{0} -> {1}:{2}")
	@MethodSource("buildCases")
	void brokenPackIsRefusedWhenBuilt(String pack, String file, int line, String fragment, int problems) {
		RulePack loaded = TestPacks.testPack(pack);
		PackValidationException ex = assertThatExceptionOfType(PackValidationException.class)
			.isThrownBy(() -> RuleBase.build(loaded, 1_000))
			.actual();
		assertReports(ex, pack, file, line, fragment, problems);
	}

	private static void assertReports(PackValidationException ex, String pack, String file, int line,
			String fragment, int problems) {
		assertThat(ex.pack()).isEqualTo(pack);
		assertThat(ex.problems()).anySatisfy((p) -> {
			assertThat(p.file()).isEqualTo(file);
			assertThat(p.line()).isEqualTo(line);
			assertThat(p.message()).contains(fragment);
		});
		// Each pack is otherwise valid: no other problem, and none reported twice over.
		assertThat(ex.problems()).hasSize(problems);
		assertThat(ex.getMessage()).contains((line > 0) ? file + ":" + line + ": " : file + ": ");
	}

	@Test
	void everyTestPackHasACase() {
		List<String> packs = new PackReader(new PathMatchingResourcePatternResolver(), "classpath:packs/").packs();
		List<String> covered = Stream.concat(LOAD_CASES.stream(), BUILD_CASES.stream()).map(Case::pack).toList();
		assertThat(covered).doesNotHaveDuplicates();
		// Valid packs: minimal-valid and scenarios-valid here, looping in RuleBaseTests (valid, but its rules defeat
		// each other), runaway in EvaluationLimitsTests (valid, but its rules fire forever), audit-flawed in
		// VerifierTests (valid, with one flaw of each kind only the verifier finds).
		assertThat(packs).containsExactlyInAnyOrderElementsOf(Stream.concat(covered.stream(),
				Stream.of("minimal-valid", "scenarios-valid", "looping", "runaway", "audit-flawed"))
			.toList());
	}

	@Test
	void aConflictNamesTwoDifferentConclusionsAndIsDeclaredOnce() throws Exception {
		java.nio.file.Path folder = java.nio.file.Path.of("src/test/resources/packs/minimal-valid");
		List<PackFile> files = new java.util.ArrayList<>();
		try (Stream<java.nio.file.Path> paths = java.nio.file.Files.list(folder)) {
			for (java.nio.file.Path path : paths.toList()) {
				String content = java.nio.file.Files.readString(path);
				if (path.getFileName().toString().equals(PackLoader.DESCRIPTOR)) {
					content += """
							conflicts:
							  - a: rec_west_engage
							    b: rec_west_engage
							    reason: The same conclusion twice.
							  - a: risk_concessions
							    b: rec_west_engage
							    reason: A pair.
							  - a: rec_west_engage
							    b: risk_concessions
							    reason: The same pair, the other way round.
							""";
				}
				files.add(new PackFile(path.getFileName().toString(), content));
			}
		}
		PackValidationException ex = assertThatExceptionOfType(PackValidationException.class)
			.isThrownBy(() -> PackLoader.load("conflicts", files))
			.actual();
		assertThat(ex.problems()).extracting((p) -> p.file() + ":" + p.line() + ": " + p.message()).containsExactly(
				"pack.yaml:12: conflict rec_west_engage / rec_west_engage names the same conclusion twice",
				"pack.yaml:18: conflict rec_west_engage / risk_concessions is declared twice");
	}

	@Test
	void minimalValidPackLoadsAndBuilds() {
		RulePack pack = TestPacks.testPack("minimal-valid");
		assertThat(pack.rules()).extracting(RuleDef::id).containsExactly("R1.01", "R1.02", "R1.03");
		assertThat(pack.rules()).extracting(RuleDef::location)
			.containsExactly("rules.drl:6", "rules.drl:16", "rules.drl:27");
		assertThat(pack.conditions()).hasSize(2);
		assertThat(pack.conclusions()).hasSize(3);
		// Scenarios are optional: a pack without a scenarios/ folder has none.
		assertThat(pack.scenarios()).isEmpty();
		RuleBase ruleBase = RuleBase.build(pack, 1_000);
		// The chain R1.01 -> R1.02 -> R1.03 fires on the defaults: the rules compiled as the loader read them.
		Evaluation evaluation = ruleBase.evaluate(pack.defaults());
		assertThat(evaluation.findings()).extracting(Evaluation.Finding::conclusionId)
			.containsExactly("balance_eroding", "risk_concessions", "rec_west_engage");
		assertThat(evaluation.firedRules()).containsExactly("R1.01", "R1.02", "R1.03");
	}

	@Test
	void scenariosAreReadInFileNameOrderWithWhatTheyChangeAndExpect() {
		RulePack pack = TestPacks.testPack("scenarios-valid");
		assertThat(pack.scenarios()).extracting(Scenario::id)
			.containsExactly("2008-after-the-war", "what-if-engaged-west", "what-if-nothing-set");
		Scenario war = pack.scenario("2008-after-the-war").orElseThrow();
		assertThat(war.title()).isEqualTo("2008: after the war");
		assertThat(war.kind()).isEqualTo(ScenarioKind.HISTORICAL);
		assertThat(war.period()).isEqualTo("August 2008 onwards");
		assertThat(war.source()).isEqualTo("§2 A section");
		assertThat(war.description()).isEqualTo("A test scenario: the West disengages and Russia presses Baku.");
		assertThat(war.file()).isEqualTo("scenarios/2008-after-the-war.yaml");
		// A YAML boolean is read as the condition's value id.
		assertThat(war.conditions()).containsExactly(entry("western_engagement", "low"),
				entry("russian_pressure", "true"));
		assertThat(war.holds()).containsExactly("balance_eroding", "risk_concessions", "rec_west_engage");
		assertThat(war.absent()).isEmpty();
		Scenario nothing = pack.scenario("what-if-nothing-set").orElseThrow();
		assertThat(nothing.kind()).isEqualTo(ScenarioKind.WHAT_IF);
		assertThat(nothing.period()).isNull();
		assertThat(nothing.source()).isNull();
		assertThat(nothing.conditions()).isEmpty();
		assertThat(nothing.holds()).isEmpty();
		assertThat(pack.scenario("no-such-scenario")).isEmpty();
	}

	@Test
	void aScenarioSetsItsConditionsAndLeavesTheRestAtTheirDefaults() {
		RulePack pack = TestPacks.testPack("scenarios-valid");
		// russian_pressure defaults to true; the scenario changes only western_engagement.
		assertThat(pack.conditionsOf(pack.scenario("what-if-engaged-west").orElseThrow()))
			.containsExactly(entry("western_engagement", "high"), entry("russian_pressure", "true"));
		assertThat(pack.conditionsOf(pack.scenario("what-if-nothing-set").orElseThrow()))
			.isEqualTo(pack.defaults());
		// The scenarios' expectations hold in this pack, so its scenarios are consistent fixtures.
		RuleBase ruleBase = RuleBase.build(pack, 1_000);
		for (Scenario s : pack.scenarios()) {
			Evaluation e = ruleBase.evaluate(pack.conditionsOf(s));
			assertThat(s.holds()).as(s.id()).allSatisfy((id) -> assertThat(e.holds(id)).as(id).isTrue());
			assertThat(s.absent()).as(s.id()).allSatisfy((id) -> assertThat(e.holds(id)).as(id).isFalse());
		}
	}

	@Test
	void scenariosAreReadFromTheClasspathAsFromFiles() {
		PackReader files = new PackReader(new PathMatchingResourcePatternResolver(), "file:src/test/resources/packs/");
		assertThat(files.read("scenarios-valid").scenarios())
			.isEqualTo(TestPacks.testPack("scenarios-valid").scenarios());
	}

	@Test
	void shippedPackLoadsWithoutProblems() {
		PackReader reader = new PackReader(new PathMatchingResourcePatternResolver(), "file:rules/");
		assertThatNoException().isThrownBy(() -> reader.read(null));
		RulePack pack = reader.read(null);
		assertThat(pack.folder()).isEqualTo("azerbaijan-russia-2019");
		assertThat(pack.rules()).isNotEmpty();
		assertThat(pack.conditions()).isNotEmpty();
		assertThat(pack.conclusions()).isNotEmpty();
	}

}
