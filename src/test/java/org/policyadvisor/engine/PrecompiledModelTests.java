package org.policyadvisor.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class PrecompiledModelTests {

	@Test
	void theShippedPackIsServedFromTheModelCompiledAtBuildTime() {
		// Maven writes the model in process-classes; a build that skipped it compiles, which the next test covers.
		assumeThat(getClass().getClassLoader().getResource(PrecompiledModel.LOCATION + "azerbaijan-russia-2019.sha256"))
			.as("precompiled model on the class path").isNotNull();
		assertThat(TestPacks.shipped().precompiled()).isTrue();
	}

	@Test
	void thePrecompiledModelEvaluatesExactlyAsTheCompiledDrl() {
		RulePack pack = TestPacks.shipped().pack();
		RuleBase compiled = RuleBase.build(pack, 10_000, EvaluationCache.disabled(), false);
		RuleBase shipped = TestPacks.shipped();
		assertThat(compiled.precompiled()).isFalse();
		List<Map<String, String>> scenarios = new ArrayList<>(pack.scenarios().stream().map(pack::conditionsOf).toList());
		scenarios.add(pack.defaults());
		scenarios.addAll(EvaluationCacheTests.random(pack, 100, 2019));
		for (Map<String, String> scenario : scenarios) {
			assertThat(shipped.evaluate(scenario)).isEqualTo(compiled.evaluate(scenario));
		}
	}

	@Test
	void aPackWhoseDrlDiffersFromTheBuildsIsCompiled(@TempDir Path rules) throws IOException {
		Path folder = copyShippedPack(rules);
		Path drl;
		try (var files = Files.list(folder)) {
			drl = files.filter((p) -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
		}
		Files.writeString(drl, Files.readString(drl) + "\n// edited after the build\n");
		RulePack edited = new PackReader(new PathMatchingResourcePatternResolver(), rules.toUri().toString())
			.read("azerbaijan-russia-2019");
		assertThat(PrecompiledModel.fingerprint(edited)).isNotEqualTo(PrecompiledModel.fingerprint(TestPacks.shipped().pack()));
		RuleBase ruleBase = RuleBase.build(edited, 10_000);
		assertThat(ruleBase.precompiled()).isFalse();
		assertThat(ruleBase.evaluate(edited.defaults())).isEqualTo(TestPacks.shipped().evaluate(edited.defaults()));
	}

	@Test
	void theBuildStepWritesAModelPerValidPackThatLoadsAndSkipsInvalidOnes(@TempDir Path work) throws Exception {
		Path rules = work.resolve("rules");
		copy(Path.of("src/test/resources/packs/minimal-valid"), rules.resolve("minimal-valid"));
		copy(Path.of("src/test/resources/packs/does-not-compile"), rules.resolve("does-not-compile"));
		Path out = work.resolve("classes").resolve(PrecompiledModel.LOCATION);
		PrecompiledModel.main(new String[] { rules.toString(), out.toString() });
		assertThat(out.resolve("minimal-valid.kjar")).isNotEmptyFile();
		assertThat(out.resolve("minimal-valid.sha256")).isNotEmptyFile();
		assertThat(out.resolve("does-not-compile.kjar")).doesNotExist();
		RulePack pack = new PackReader(new PathMatchingResourcePatternResolver(), rules.toUri().toString())
			.read("minimal-valid");
		try (URLClassLoader classes = new URLClassLoader(new URL[] { work.resolve("classes").toUri().toURL() },
				getClass().getClassLoader())) {
			assertThat(PrecompiledModel.load(pack, classes)).isPresent().hasValueSatisfying((kieBase) -> assertThat(
					kieBase.getKiePackages().stream().mapToLong((p) -> p.getRules().size()).sum())
				.isEqualTo(pack.rules().size()));
		}
		// Up to date: the second run leaves the model as it is.
		long written = Files.getLastModifiedTime(out.resolve("minimal-valid.kjar")).toMillis();
		PrecompiledModel.main(new String[] { rules.toString(), out.toString() });
		assertThat(Files.getLastModifiedTime(out.resolve("minimal-valid.kjar")).toMillis()).isEqualTo(written);
	}

	@Test
	void aDamagedModelIsCompiledInstead(@TempDir Path work) throws Exception {
		RulePack pack = TestPacks.testPack("minimal-valid");
		Path out = work.resolve(PrecompiledModel.LOCATION);
		Files.createDirectories(out);
		Files.writeString(out.resolve("minimal-valid.sha256"), PrecompiledModel.fingerprint(pack));
		Files.write(out.resolve("minimal-valid.kjar"), new byte[] { 1, 2, 3 });
		try (URLClassLoader classes = new URLClassLoader(new URL[] { work.toUri().toURL() }, null)) {
			assertThat(PrecompiledModel.load(pack, classes)).isEmpty();
		}
	}

	@Test
	void aPackThatDoesNotCompileStillNamesItsFileAndLine() {
		RulePack broken = TestPacks.testPack("does-not-compile");
		assertThatExceptionOfType(PackValidationException.class).isThrownBy(() -> RuleBase.build(broken, 1_000))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((p) -> {
				assertThat(p.file()).endsWith(".drl");
				assertThat(p.line()).isPositive();
			}));
	}

	private static Path copyShippedPack(Path rules) throws IOException {
		Path folder = rules.resolve("azerbaijan-russia-2019");
		copy(Path.of("rules/azerbaijan-russia-2019"), folder);
		return folder;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
			for (Path p : paths.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target);
				}
			}
		}
	}

}
