package org.policyadvisor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, item 6: 64 threads x 1,000 evaluations against one shared rule base give exactly the results of
 * evaluating the same inputs one at a time. The inputs are the defaults, every scenario of the pack and seeded random
 * scenarios; each thread visits them in an order of its own, so that at any moment the pooled sessions and the cache
 * serve different scenarios to different threads.
 */
class ConcurrentEvaluationTests {

	private static final int THREADS = 64;

	private static final int PER_THREAD = 1_000;

	private static final int RANDOM_INPUTS = 185;

	@Test
	void sixtyFourThreadsGetTheSingleThreadedResultsWithoutTheCache() throws Exception {
		// Without the cache, every one of the 64,000 evaluations runs the rules on a pooled session.
		RuleBase shared = RuleBase.build(TestPacks.shipped().pack(), 10_000, EvaluationCache.disabled(), true);
		Run run = hammer(shared);
		System.out.printf("concurrent evaluation, cache off: %d evaluations on %d threads in %d ms%n", run.evaluations(),
				THREADS, run.millis());
		run.assertIdentical();
	}

	@Test
	void sixtyFourThreadsGetTheSingleThreadedResultsFromTheCache() throws Exception {
		// Room for every input: threads race to store each outcome and, from its second request on, its explanation,
		// then read them. (A cache far smaller than the inputs costs more here than running the rules: 64 threads
		// queue to evict.)
		RuleBase shared = RuleBase.build(TestPacks.shipped().pack(), 10_000, EvaluationCache.bounded(1_000, 1_000),
				true);
		Run run = hammer(shared);
		System.out.printf("concurrent evaluation, cache on: %d evaluations on %d threads in %d ms; %s%n",
				run.evaluations(), THREADS, run.millis(), shared.cache().stats());
		run.assertIdentical();
	}

	private static List<Map<String, String>> inputs(RulePack pack) {
		List<Map<String, String>> inputs = new ArrayList<>();
		inputs.add(pack.defaults());
		pack.scenarios().forEach((s) -> inputs.add(pack.conditionsOf(s)));
		inputs.addAll(EvaluationCacheTests.random(pack, RANDOM_INPUTS, 20190301));
		return inputs;
	}

	/**
	 * The expected results first, on this thread alone, from a rule base of its own; then every thread evaluates
	 * {@link #PER_THREAD} inputs on the shared one. Every other call is a full evaluation, compared whole; the rest
	 * ask only for the conclusions, the path of the what-if analysis and the verifier (and a third cheaper, which
	 * keeps the test's time within bounds on two cores).
	 */
	private static Run hammer(RuleBase shared) throws InterruptedException {
		RulePack pack = shared.pack();
		List<Map<String, String>> inputs = inputs(pack);
		assertThat(inputs).hasSize(1 + pack.scenarios().size() + RANDOM_INPUTS);
		assertThat(pack.scenarios()).hasSize(14);
		RuleBase alone = RuleBase.build(pack, 10_000, EvaluationCache.disabled(), true);
		List<Evaluation> expected = inputs.stream().map(alone::evaluate).toList();
		List<Set<String>> expectedConclusions = expected.stream()
			.map((e) -> Set.copyOf(e.findings().stream().map(Evaluation.Finding::conclusionId).toList()))
			.toList();
		// Compiled code first: 64 threads that start in the interpreter queue for a lock inside Drools' truth
		// maintenance for many times longer than they then need.
		for (int round = 0; round < 20; round++) {
			inputs.forEach(shared::conclusions);
		}
		AtomicLong evaluations = new AtomicLong();
		AtomicLong mismatches = new AtomicLong();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		CountDownLatch ready = new CountDownLatch(THREADS);
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int[] order = order(inputs.size(), t);
			Thread thread = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					for (int i = 0; i < PER_THREAD; i++) {
						int k = order[i % order.length];
						boolean same = (i % 2 == 1)
								? shared.conclusions(inputs.get(k)).equals(expectedConclusions.get(k))
								: shared.evaluate(inputs.get(k)).equals(expected.get(k));
						if (!same) {
							mismatches.incrementAndGet();
						}
						evaluations.incrementAndGet();
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}, "evaluator-" + t);
			threads.add(thread);
			thread.start();
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		go.countDown();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(120));
			assertThat(thread.isAlive()).as("%s still running", thread.getName()).isFalse();
		}
		return new Run(evaluations.get(), mismatches.get(), List.copyOf(failures),
				(System.nanoTime() - start) / 1_000_000);
	}

	/** The inputs shuffled with the thread's own seed, so no two threads go through them in the same order. */
	private static int[] order(int n, int thread) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(thread);
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	private record Run(long evaluations, long mismatches, List<Throwable> failures, long millis) {

		void assertIdentical() {
			assertThat(this.failures).isEmpty();
			assertThat(this.evaluations).isEqualTo((long) THREADS * PER_THREAD);
			assertThat(this.mismatches).isZero();
		}

	}

}
