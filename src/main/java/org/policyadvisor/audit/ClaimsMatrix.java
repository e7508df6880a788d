package org.policyadvisor.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.policyadvisor.engine.PackDescriptor;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.Scenario;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Every claim the pack encodes (one per rule: the rule's name is its claim), with its citation, the tests that
 * exercise it and the scenarios in which it fires. Built once: the pack does not change while the application runs.
 */
@Component
public class ClaimsMatrix {

	static final String TEST_INDEX = "META-INF/policy-advisor/rule-tests.tsv";

	private final RulePack pack;

	private final List<Claim> claims;

	private final boolean testIndexPresent;

	/** A test class that exercises a rule, and its test methods in words. */
	public record TestRef(String testClass, List<String> tests) {
	}

	/** A claim and what exercises it: the tests of its rule, and the pack's scenarios in which the rule fires. */
	public record Claim(RuleDef rule, PackDescriptor.Chapter chapter, List<TestRef> tests, List<Scenario> scenarios) {

		public int testCount() {
			return this.tests.stream().mapToInt((t) -> t.tests().size()).sum();
		}

		public boolean exercisedByScenario() {
			return !this.scenarios.isEmpty();
		}

	}

	@Autowired
	public ClaimsMatrix(RuleBase ruleBase) {
		this(ruleBase, new ClassPathResource(TEST_INDEX));
	}

	ClaimsMatrix(RuleBase ruleBase, Resource testIndex) {
		this.pack = ruleBase.pack();
		Optional<Map<String, List<TestRef>>> index = readTestIndex(testIndex);
		this.testIndexPresent = index.isPresent();
		Map<String, List<TestRef>> tests = index.orElse(Map.of());
		Map<String, List<Scenario>> firedIn = new HashMap<>();
		for (Scenario scenario : this.pack.scenarios()) {
			ruleBase.evaluate(this.pack.conditionsOf(scenario)).firedRules()
				.forEach((id) -> firedIn.computeIfAbsent(id, (k) -> new ArrayList<>()).add(scenario));
		}
		PackDescriptor.Chapter unknown = new PackDescriptor.Chapter(-1, "Other");
		this.claims = this.pack.rules().stream()
			.sorted((a, b) -> compareIds(a.id(), b.id()))
			.map((r) -> new Claim(r, this.pack.descriptor().chapterOf(r.id()).orElse(unknown),
					tests.getOrDefault(r.id(), List.of()), firedIn.getOrDefault(r.id(), List.of())))
			.toList();
	}

	public List<Claim> claims() {
		return this.claims;
	}

	/** Whether the build packaged the test index; it does not when run from sources without packaging. */
	public boolean testIndexPresent() {
		return this.testIndexPresent;
	}

	public Map<PackDescriptor.Chapter, List<Claim>> byChapter() {
		return byChapter(this.claims);
	}

	/** The claims no scenario of the pack exercises, by chapter: where a trainer's presets leave the paper untested. */
	public Map<PackDescriptor.Chapter, List<Claim>> unexercisedByChapter() {
		return byChapter(this.claims.stream().filter((c) -> !c.exercisedByScenario()).toList());
	}

	public long unexercisedCount() {
		return this.claims.stream().filter((c) -> !c.exercisedByScenario()).count();
	}

	public int scenarioCount() {
		return this.pack.scenarios().size();
	}

	private static Map<PackDescriptor.Chapter, List<Claim>> byChapter(List<Claim> claims) {
		Map<PackDescriptor.Chapter, List<Claim>> grouped = new LinkedHashMap<>();
		claims.forEach((c) -> grouped.computeIfAbsent(c.chapter(), (k) -> new ArrayList<>()).add(c));
		return grouped;
	}

	/** Rule ids compare by chapter, then number: R6.02 before R6.10. */
	static int compareIds(String a, String b) {
		int[] x = numbers(a);
		int[] y = numbers(b);
		return (x[0] != y[0]) ? Integer.compare(x[0], y[0]) : (x[1] != y[1]) ? Integer.compare(x[1], y[1]) : a.compareTo(b);
	}

	private static int[] numbers(String id) {
		String[] parts = id.substring(1).replaceAll("[^0-9.]", "").split("\\.");
		return new int[] { Integer.parseInt(parts[0]), (parts.length > 1) ? Integer.parseInt(parts[1]) : 0 };
	}

	private static Optional<Map<String, List<TestRef>>> readTestIndex(Resource resource) {
		if (!resource.exists()) {
			return Optional.empty();
		}
		Map<String, List<TestRef>> index = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split("\t", -1);
				if (cells.length == 3) {
					List<String> tests = Arrays.stream(cells[2].split(",")).filter((t) -> !t.isBlank())
						.map(ClaimsMatrix::inWords).toList();
					index.computeIfAbsent(cells[0], (k) -> new ArrayList<>()).add(new TestRef(cells[1], tests));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + TEST_INDEX, ex);
		}
		return Optional.of(index);
	}

	/** "doesNotFireWhenTheWestReEngages" reads as "does not fire when the west re engages". */
	static String inWords(String methodName) {
		return methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
	}

}
