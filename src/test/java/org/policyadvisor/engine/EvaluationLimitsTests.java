package org.policyadvisor.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Issue 7, item 5: evaluation is bounded. The runaway pack's rules fire forever while {@code switch} is on (truth
 * maintenance keeps withdrawing and re-asserting a, b and c), and settle at once, with one finding, when it is off.
 */
class EvaluationLimitsTests {

	private static final Map<String, String> LOOP = Map.of("switch", "true");

	private static final Map<String, String> SETTLES = Map.of("switch", "false");

	private static final RulePack RUNAWAY = TestPacks.testPack("runaway");

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Test
	void theFiringLimitStopsRulesThatNeverSettleQuickly() {
		RuleBase runaway = RuleBase.build(RUNAWAY, 10_000);
		long start = System.nanoTime();
		assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> runaway.evaluate(LOOP))
			.withMessage("The rules did not settle within 10000 firings; the evaluation was stopped.")
			.satisfies((ex) -> assertThat(ex.timedOut()).isFalse());
		assertThat(millisSince(start)).isLessThan(1_000);
		assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> runaway.conclusions(LOOP))
			.withMessageContaining("10000 firings");
	}

	@Test
	void theTimeLimitStopsThemWhenTheFiringLimitDoesNot() {
		RuleBase runaway = RuleBase.build(RUNAWAY, Integer.MAX_VALUE, Duration.ofMillis(200));
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			long cpuStart = THREADS.getCurrentThreadCpuTime();
			assertThatExceptionOfType(UnsettledEvaluationException.class)
				.isThrownBy(() -> runaway.evaluate(LOOP))
				.withMessageStartingWith("The rules did not settle within 200 ms; the evaluation was stopped after ")
				.withMessageEndingWith(" firings.")
				.satisfies((ex) -> assertThat(ex.timedOut()).isTrue());
			long cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
			long millis = millisSince(start);
			System.out.printf("runaway rules, 200 ms limit: stopped after %d ms (%d ms of processor time)%n", millis,
					cpuMillis);
			// The limit counts the thread's processor time, which on a busy machine takes longer to elapse.
			assertThat(cpuMillis).isBetween(195L, 600L);
			assertThat(millis).isBetween(200L, 3_000L);
		}
		long start = System.nanoTime();
		assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> runaway.conclusions(LOOP))
			.withMessageContaining("within 200 ms");
		assertThat(millisSince(start)).isBetween(200L, 3_000L);
	}

	@Test
	void aTimedOutEvaluationIsNotCachedButOneStoppedByTheFiringLimitIs() {
		// Whether the clock runs out depends on the machine's load; the firing limit is reached on the same firing
		// every time.
		RuleBase timed = RuleBase.build(RUNAWAY, Integer.MAX_VALUE, Duration.ofMillis(50),
				EvaluationCache.bounded(10, 10), true);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> timed.evaluate(LOOP))
				.satisfies((ex) -> assertThat(ex.timedOut()).isTrue());
			assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> timed.conclusions(LOOP))
				.satisfies((ex) -> assertThat(ex.timedOut()).isTrue());
		}
		assertThat(timed.cache().stats().outcomes()).isZero();
		assertThat(timed.cache().stats().outcomeMisses()).isEqualTo(4);
		RuleBase counted = RuleBase.build(RUNAWAY, 1_000, Duration.ofSeconds(10), EvaluationCache.bounded(10, 10),
				true);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> counted.evaluate(LOOP))
				.withMessageContaining("1000 firings");
		}
		assertThat(counted.cache().stats().outcomes()).isOne();
		assertThat(counted.cache().stats().outcomeMisses()).isOne();
	}

	@Test
	void noThreadIsLeftRunningAfterEitherLimit() throws InterruptedException {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		RuleBase byFirings = RuleBase.build(RUNAWAY, 10_000);
		RuleBase byTime = RuleBase.build(RUNAWAY, Integer.MAX_VALUE, Duration.ofMillis(100));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> byFirings.evaluate(LOOP));
			assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> byTime.evaluate(LOOP));
		}
		// The rules run on the caller's thread and stop there: nothing is left working on them anywhere else.
		Map<Thread, StackTraceElement[]> now = Thread.getAllStackTraces();
		List<String> inTheEngine = now.entrySet().stream()
			.filter((e) -> e.getKey() != Thread.currentThread() && e.getKey().isAlive())
			.filter((e) -> Arrays.stream(e.getValue()).anyMatch(EvaluationLimitsTests::engineFrame))
			.map((e) -> e.getKey().getName())
			.toList();
		assertThat(inTheEngine).isEmpty();
		Set<Thread> started = new HashSet<>(now.keySet());
		started.removeAll(before);
		started.removeIf((t) -> !t.isAlive());
		assertThat(started).isEmpty();
		assertThat(now.size()).isLessThanOrEqualTo(before.size());
	}

	@Test
	void theNextEvaluationOnTheSameRuleBaseIsRight() {
		Evaluation fresh = RuleBase.build(RUNAWAY, 10_000).evaluate(SETTLES);
		assertThat(fresh.findings()).extracting(Evaluation.Finding::conclusionId).containsExactly("d");
		RuleBase byFirings = RuleBase.build(RUNAWAY, 10_000);
		RuleBase byTime = RuleBase.build(RUNAWAY, Integer.MAX_VALUE, Duration.ofMillis(100));
		for (RuleBase ruleBase : List.of(byFirings, byTime)) {
			// More rounds than the pool has sessions, so that every pooled session is stopped and reused.
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(UnsettledEvaluationException.class).isThrownBy(() -> ruleBase.evaluate(LOOP));
				assertThat(ruleBase.evaluate(SETTLES)).isEqualTo(fresh);
				assertThat(ruleBase.conclusions(SETTLES)).containsExactly("d");
			}
		}
	}

	@Test
	void pooledSessionsOfTheShippedPackHaltedMidwayServeTheNextScenariosRight() {
		// A limit that has always passed halts every evaluation at the first look at the clock, after some tens of
		// firings: the defaults are stopped halfway, and scenarios that settle sooner must come out as usual from the
		// same pooled sessions.
		RuleBase shipped = TestPacks.shipped();
		RulePack pack = shipped.pack();
		RuleBase halting = RuleBase.build(pack, 10_000, Duration.ofNanos(1));
		int halted = 0;
		int settled = 0;
		for (Map<String, String> scenario : EvaluationCacheTests.random(pack, 60, 11)) {
			assertThatExceptionOfType(UnsettledEvaluationException.class)
				.isThrownBy(() -> halting.evaluate(pack.defaults()))
				.satisfies((ex) -> assertThat(ex.timedOut()).isTrue());
			Evaluation expected = shipped.evaluate(scenario);
			try {
				assertThat(halting.evaluate(scenario)).isEqualTo(expected);
				assertThat(halting.conclusions(scenario)).containsExactlyInAnyOrderElementsOf(
						expected.findings().stream().map(Evaluation.Finding::conclusionId).toList());
				settled++;
			}
			catch (UnsettledEvaluationException ex) {
				assertThat(ex.timedOut()).isTrue();
				halted++;
			}
		}
		assertThat(settled).isGreaterThan(10);
		assertThat(halted).isGreaterThan(0);
	}

	@Test
	void limitsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> RuleBase.build(RUNAWAY, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> RuleBase.build(RUNAWAY, 10, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> RuleBase.build(RUNAWAY, 10, Duration.ofMillis(-1)));
	}

	@Test
	void theTimeLimitReadsAsAPersonWouldWriteIt() {
		assertThat(UnsettledEvaluationException.format(Duration.ofSeconds(2))).isEqualTo("2 s");
		assertThat(UnsettledEvaluationException.format(Duration.ofMillis(1500))).isEqualTo("1.5 s");
		assertThat(UnsettledEvaluationException.format(Duration.ofMillis(200))).isEqualTo("200 ms");
		assertThat(UnsettledEvaluationException.format(Duration.ofNanos(500_000))).isEqualTo("500 µs");
	}

	private static boolean engineFrame(StackTraceElement frame) {
		return frame.getClassName().startsWith("org.drools.") || frame.getClassName().startsWith("org.kie.");
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
