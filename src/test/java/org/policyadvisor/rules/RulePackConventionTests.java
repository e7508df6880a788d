package org.policyadvisor.rules;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.policyadvisor.engine.PackFile;
import org.policyadvisor.engine.RuleDef;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Enforces the conventions of the rule pack and of its tests, so that a rule added without tests, a test left
 * behind by a renamed rule, or a quote edited away from the paper fails the build rather than a review.
 */
class RulePackConventionTests {

	private static final Pattern RULE_DECLARATION = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");

	private static final Pattern RULE_NAME = Pattern.compile("(R\\d+\\.\\d{2}[a-z]?) (.+)");

	// A sentence terminator followed by the capital that starts the next sentence.
	private static final Pattern SENTENCE_BREAK = Pattern.compile("[.?!] \\p{Lu}");

	private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

	private static final int MAX_QUOTE_LENGTH = 400;

	private final RulePack pack = TestPacks.shipped().pack();

	// --- Every rule is tested ----------------------------------------------------------------------------

	@Test
	void everyRuleHasExactlyOneExercisesClass() {
		Map<String, List<Class<?>>> exercised = ExercisesIndex.classesByRule();
		List<String> offenders = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			List<Class<?>> classes = exercised.getOrDefault(rule.id(), List.of());
			if (classes.isEmpty()) {
				offenders.add(rule.id() + " (" + rule.location() + ") has no @Exercises(\"" + rule.id() + "\") class");
			}
			else if (classes.size() > 1) {
				offenders.add(rule.id() + " is exercised by " + classes.size() + " classes: " + names(classes));
			}
		}
		assertNoOffenders("Every rule needs exactly one test class annotated @Exercises with its id", offenders);
	}

	@Test
	void everyExercisesNamesARuleOfThePack() {
		List<String> offenders = new ArrayList<>();
		ExercisesIndex.classesByRule().forEach((ruleId, classes) -> {
			if (this.pack.rule(ruleId).isEmpty()) {
				offenders.add(names(classes) + " exercise " + ruleId + ", which the pack does not have");
			}
		});
		assertNoOffenders("@Exercises names rules that do not exist (renamed or removed?)", offenders);
	}

	@Test
	void everyExercisesClassHasFiresAndDoesNotFireTests() {
		List<String> offenders = new ArrayList<>();
		ExercisesIndex.classesByRule().values().stream().flatMap(List::stream).forEach((type) -> {
			List<String> tests = ExercisesIndex.testMethodNames(type);
			if (tests.stream().noneMatch((name) -> name.startsWith("fires"))) {
				offenders.add(type.getName() + " has no test method named fires*");
			}
			if (tests.stream().noneMatch((name) -> name.startsWith("doesNotFire"))) {
				offenders.add(type.getName() + " has no test method named doesNotFire*");
			}
		});
		assertNoOffenders("Every @Exercises class needs a fires* and a doesNotFire* test", offenders);
	}

	@Test
	void everyExercisesClassIsDisplayedUnderItsRuleName() {
		// Reports then read as the list of claims; a stale display name shows a claim the pack no longer makes.
		List<String> offenders = new ArrayList<>();
		ExercisesIndex.classesByRule().forEach((ruleId, classes) -> this.pack.rule(ruleId).ifPresent((rule) -> {
			for (Class<?> type : classes) {
				DisplayName displayName = type.getAnnotation(DisplayName.class);
				String shown = (displayName != null) ? displayName.value() : null;
				if (!rule.name().equals(shown)) {
					offenders.add(type.getName() + " has @DisplayName " + ((shown != null) ? "\"" + shown + "\"" : "none")
							+ ", expected \"" + rule.name() + "\"");
				}
			}
		}));
		assertNoOffenders("@Exercises classes should carry the rule's name as @DisplayName", offenders);
	}

	// --- Every rule cites the paper --------------------------------------------------------------------------

	@Test
	void everyRuleHasASourceAndAQuote() {
		List<String> offenders = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			if (rule.source() == null || rule.source().isBlank()) {
				offenders.add(rule.id() + " (" + rule.location() + ") has a blank @source");
			}
			if (rule.quote() == null || rule.quote().isBlank()) {
				offenders.add(rule.id() + " (" + rule.location() + ") has a blank @quote");
			}
		}
		assertNoOffenders("Every rule needs a @source and a @quote", offenders);
	}

	@Test
	void everySourceNamesTheSummaryOrASection() {
		List<String> offenders = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			String source = (rule.source() != null) ? rule.source().strip() : "";
			if (!source.startsWith("Summary") && !source.startsWith("§")) {
				offenders.add(rule.id() + " (" + rule.location() + ") has @source(\"" + rule.source() + "\")");
			}
		}
		assertNoOffenders("@source must start with \"Summary\" or \"§\" (e.g. \"§6 Conclusion\")", offenders);
	}

	@Test
	void everyQuoteIsOneSentenceAtMost() {
		// A quote is the evidence for one claim; a longer passage hides which sentence actually supports it.
		List<String> offenders = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			if (rule.quote() == null) {
				continue;
			}
			String quote = normalise(rule.quote());
			Matcher sentenceBreak = SENTENCE_BREAK.matcher(quote);
			if (sentenceBreak.find()) {
				offenders.add(rule.id() + " (" + rule.location() + ") quotes more than one sentence, breaking at \""
						+ around(quote, sentenceBreak.start()) + "\"");
			}
			if (quote.length() > MAX_QUOTE_LENGTH) {
				offenders.add(rule.id() + " (" + rule.location() + ") quotes " + quote.length() + " characters, more than "
						+ MAX_QUOTE_LENGTH);
			}
		}
		assertNoOffenders("Quotes must be one sentence of at most " + MAX_QUOTE_LENGTH + " characters", offenders);
	}

	@Test
	void everyQuoteIsVerbatimFromThePaper() throws IOException {
		String paperName = this.pack.descriptor().paper();
		assertThat(paperName).as("pack.yaml should name the paper its quotes come from").isNotBlank();
		// Maven runs tests from the project root; the paper is kept beside the project, not shipped with it.
		Path paper = Path.of("..", "shared", "source", paperName);
		Assumptions.assumeTrue(Files.isRegularFile(paper), () -> "The paper " + paperName + " was not found at "
				+ paper.toAbsolutePath().normalize() + "; quote check skipped");
		String text = normalise(Files.readString(paper, StandardCharsets.UTF_8));
		List<String> offenders = new ArrayList<>();
		for (RuleDef rule : this.pack.rules()) {
			if (rule.quote() == null || rule.quote().isBlank()) {
				continue;
			}
			String quote = normalise(rule.quote());
			if (!text.contains(quote)) {
				offenders.add(rule.id() + " (" + rule.location() + "): \"" + quote + "\"" + divergence(quote, text));
			}
		}
		for (var never : this.pack.descriptor().neverRecommended()) {
			String quote = normalise(never.quote());
			if (!text.contains(quote)) {
				offenders.add("never-recommended " + never.id() + " (pack.yaml): \"" + quote + "\""
						+ divergence(quote, text));
			}
		}
		assertNoOffenders("Quotes must appear word for word in " + paper.normalize(), offenders);
	}

	// --- Ids and claims are unique ---------------------------------------------------------------------------

	@Test
	void ruleIdsAndClaimsAreUnique() {
		// Read from the DRL text rather than pack.rules(), which is keyed by id and would fold duplicates away.
		Map<String, List<String>> byId = new TreeMap<>();
		Map<String, List<String>> byClaim = new TreeMap<>();
		List<String> offenders = new ArrayList<>();
		for (PackFile drl : this.pack.drlFiles()) {
			Matcher declaration = RULE_DECLARATION.matcher(drl.content());
			while (declaration.find()) {
				String name = declaration.group(1);
				String where = drl.name() + ":" + lineOf(drl.content(), declaration.start(1));
				Matcher parts = RULE_NAME.matcher(name);
				if (!parts.matches()) {
					offenders.add("\"" + name + "\" at " + where + " is not of the form \"R<chapter>.<nn> <claim>\"");
					continue;
				}
				byId.computeIfAbsent(parts.group(1), (k) -> new ArrayList<>()).add(where);
				byClaim.computeIfAbsent(normalise(parts.group(2)).toLowerCase(), (k) -> new ArrayList<>()).add(where);
			}
		}
		byId.forEach((id, where) -> {
			if (where.size() > 1) {
				offenders.add("id " + id + " is declared at " + where);
			}
		});
		byClaim.forEach((claim, where) -> {
			if (where.size() > 1) {
				offenders.add("claim \"" + claim + "\" is stated at " + where);
			}
		});
		assertThat(byId).as("rules declared in the DRL files").hasSize(this.pack.rules().size());
		assertNoOffenders("Rule ids and claims must be unique", offenders);
	}

	// --- Helpers ---------------------------------------------------------------------------------------------

	private static String names(List<Class<?>> classes) {
		return classes.stream().map(Class::getName).toList().toString();
	}

	/** Whitespace runs to one space, typographic quotes to straight ones: the paper's layout is not its words. */
	static String normalise(String text) {
		String straight = text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"')
			.replace('\u201D', '"');
		return WHITESPACE.matcher(straight).replaceAll(" ").strip();
	}

	/** Where a quote stops matching the paper: the longest prefix that is still found, for a readable message. */
	private static String divergence(String quote, String text) {
		int low = 0;
		int high = quote.length();
		while (low < high) {
			int mid = (low + high + 1) / 2;
			if (text.contains(quote.substring(0, mid))) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return (low == 0) ? " (no part of it found)" : " (matches up to \"…" + quote.substring(Math.max(0, low - 30), low)
				+ "\", then differs)";
	}

	private static String around(String text, int index) {
		return text.substring(Math.max(0, index - 20), Math.min(text.length(), index + 20));
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static void assertNoOffenders(String rule, List<String> offenders) {
		if (!offenders.isEmpty()) {
			fail(rule + "; " + offenders.size() + " offender(s):\n  - " + String.join("\n  - ", offenders));
		}
	}

}
