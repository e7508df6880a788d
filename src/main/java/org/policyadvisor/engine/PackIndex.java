package org.policyadvisor.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A pack's catalogues and rules by position, for the evaluation's hot path: a scenario is one value index per
 * condition (a {@code byte[]}, which is also the cache key), a set of conclusions is a bit set, and a rule's premises
 * are array look-ups. Built once per rule base; immutable, so shared by every thread.
 */
final class PackIndex {

	/** The most values a condition may have: a scenario holds each value's index in a byte. */
	static final int MAX_VALUES = 256;

	private final String[] conditionIds;

	private final Map<String, Integer> conditionPositions = new HashMap<>();

	private final String[][] values;

	private final List<Map<String, Integer>> valuePositions = new ArrayList<>();

	/** The fact inserted for each condition and value: immutable, so one instance serves every session. */
	private final Condition[][] facts;

	private final String[] conclusionIds;

	private final Map<String, Integer> conclusionPositions = new HashMap<>();

	private final CompiledRule[] rules;

	/** The rules producing each conclusion, by position, in pack order. */
	private final CompiledRule[][] producers;

	PackIndex(RulePack pack) {
		List<ConditionDef> conditions = pack.conditions();
		this.conditionIds = new String[conditions.size()];
		this.values = new String[conditions.size()][];
		this.facts = new Condition[conditions.size()][];
		for (int i = 0; i < conditions.size(); i++) {
			ConditionDef c = conditions.get(i);
			List<String> ids = c.valueIds();
			if (ids.size() > MAX_VALUES) {
				throw new PackValidationException(pack.folder(), List.of(new PackProblem(PackLoader.CONDITIONS, 0,
						"condition '" + c.id() + "' has " + ids.size() + " values; the most is " + MAX_VALUES)));
			}
			this.conditionIds[i] = c.id();
			this.conditionPositions.put(c.id(), i);
			this.values[i] = ids.toArray(String[]::new);
			this.facts[i] = new Condition[ids.size()];
			Map<String, Integer> positions = new HashMap<>();
			for (int j = 0; j < ids.size(); j++) {
				positions.put(ids.get(j), j);
				this.facts[i][j] = new Condition(c.id(), ids.get(j));
			}
			this.valuePositions.add(positions);
		}
		this.conclusionIds = pack.conclusions().stream().map(ConclusionDef::id).toArray(String[]::new);
		for (int k = 0; k < this.conclusionIds.length; k++) {
			this.conclusionPositions.put(this.conclusionIds[k], k);
		}
		this.rules = pack.rules().stream().map(this::compile).toArray(CompiledRule[]::new);
		Map<String, CompiledRule> byId = new HashMap<>();
		for (CompiledRule r : this.rules) {
			byId.put(r.rule().id(), r);
		}
		this.producers = new CompiledRule[this.conclusionIds.length][];
		for (int k = 0; k < this.conclusionIds.length; k++) {
			this.producers[k] = pack.rulesProducing(this.conclusionIds[k]).stream().map((r) -> byId.get(r.id()))
				.toArray(CompiledRule[]::new);
		}
	}

	/**
	 * The scenario as value indexes, in catalogue order. Throws {@link IllegalArgumentException} when a condition is
	 * missing or has a value the catalogue does not list: callers validate input first (see
	 * {@link ConditionValidator}).
	 */
	byte[] encode(Map<String, String> conditions) {
		byte[] codes = new byte[this.conditionIds.length];
		for (int i = 0; i < codes.length; i++) {
			String value = conditions.get(this.conditionIds[i]);
			Integer j = (value != null) ? this.valuePositions.get(i).get(value) : null;
			if (j == null) {
				throw new IllegalArgumentException(
						"condition '" + this.conditionIds[i] + "' has no valid value: " + value);
			}
			codes[i] = (byte) j.intValue();
		}
		return codes;
	}

	Condition fact(int condition, byte code) {
		return this.facts[condition][code & 0xff];
	}

	String value(int condition, byte code) {
		return this.values[condition][code & 0xff];
	}

	/** The position of a conclusion in the catalogue; -1 for an id the pack does not have. */
	int conclusionPosition(String id) {
		Integer k = this.conclusionPositions.get(id);
		return (k != null) ? k : -1;
	}

	int conclusionCount() {
		return this.conclusionIds.length;
	}

	String conclusionId(int k) {
		return this.conclusionIds[k];
	}

	CompiledRule rule(int r) {
		return this.rules[r];
	}

	CompiledRule[] producers(int conclusion) {
		return this.producers[conclusion];
	}

	int ruleCount() {
		return this.rules.length;
	}

	private CompiledRule compile(RuleDef rule) {
		List<Premise> premises = rule.premises();
		CompiledPremise[] compiled = new CompiledPremise[premises.size()];
		for (int p = 0; p < compiled.length; p++) {
			Premise premise = premises.get(p);
			if (premise.isCondition()) {
				int i = this.conditionPositions.get(premise.id());
				boolean[] met = new boolean[this.values[i].length];
				Evaluation.PremiseCheck[] checks = new Evaluation.PremiseCheck[met.length];
				for (int j = 0; j < met.length; j++) {
					met[j] = premise.acceptedValues().contains(this.values[i][j]) != premise.negated();
					checks[j] = new Evaluation.PremiseCheck(premise, this.values[i][j], met[j]);
				}
				compiled[p] = new CompiledPremise(i, -1, met, checks);
			}
			else {
				int k = this.conclusionPositions.get(premise.id());
				// checks[1]: the conclusion holds; checks[0]: it does not.
				Evaluation.PremiseCheck[] checks = { new Evaluation.PremiseCheck(premise, "does not hold", premise.negated()),
						new Evaluation.PremiseCheck(premise, "holds", !premise.negated()) };
				compiled[p] = new CompiledPremise(-1, k, null, checks);
			}
		}
		int[] produces = rule.produces().stream().mapToInt(this.conclusionPositions::get).toArray();
		return new CompiledRule(rule, compiled, produces);
	}

	/**
	 * A premise by position: a condition's premise is met for the values whose entry in {@code met} is true; a
	 * conclusion's when the conclusion holds (or not, negated, as the check for "holds" records). The checks the
	 * explanation shows are made once here, for every value, and shared by every evaluation.
	 */
	record CompiledPremise(int condition, int conclusion, boolean[] met, Evaluation.PremiseCheck[] checks) {

		boolean holds(byte[] codes, long[] concluded) {
			return check(codes, concluded).met();
		}

		Evaluation.PremiseCheck check(byte[] codes, long[] concluded) {
			return (this.condition >= 0) ? this.checks[codes[this.condition] & 0xff]
					: this.checks[contains(concluded, this.conclusion) ? 1 : 0];
		}

	}

	record CompiledRule(RuleDef rule, CompiledPremise[] premises, int[] produces) {

		boolean allHold(byte[] codes, long[] concluded) {
			for (CompiledPremise p : this.premises) {
				if (!p.holds(codes, concluded)) {
					return false;
				}
			}
			return true;
		}

		List<Evaluation.PremiseCheck> checks(byte[] codes, long[] concluded) {
			Evaluation.PremiseCheck[] checks = new Evaluation.PremiseCheck[this.premises.length];
			for (int p = 0; p < checks.length; p++) {
				checks[p] = this.premises[p].check(codes, concluded);
			}
			return List.of(checks);
		}

	}

	static long[] newBits(int count) {
		return new long[(count + 63) >>> 6];
	}

	static boolean contains(long[] bits, int k) {
		return (bits[k >>> 6] & (1L << k)) != 0;
	}

	static void add(long[] bits, int k) {
		bits[k >>> 6] |= 1L << k;
	}

	/** The conclusions of one outcome: an immutable set over the bits, iterated in catalogue order. */
	Set<String> conclusionSet(long[] bits) {
		// The wrapper refuses every change outright, even one that would change nothing.
		return Collections.unmodifiableSet(new ConclusionSet(this, bits));
	}

	/** The complete scenario as an immutable map in catalogue order, over the value indexes. */
	Map<String, String> conditionMap(byte[] codes) {
		return Collections.unmodifiableMap(new ConditionMap(this, codes));
	}

	private static final class ConclusionSet extends AbstractSet<String> {

		private final PackIndex index;

		private final long[] bits;

		private final int size;

		ConclusionSet(PackIndex index, long[] bits) {
			this.index = index;
			this.bits = bits;
			int n = 0;
			for (long word : bits) {
				n += Long.bitCount(word);
			}
			this.size = n;
		}

		@Override
		public boolean contains(Object o) {
			if (!(o instanceof String id)) {
				return false;
			}
			int k = this.index.conclusionPosition(id);
			return k >= 0 && PackIndex.contains(this.bits, k);
		}

		@Override
		public int size() {
			return this.size;
		}

		@Override
		public Iterator<String> iterator() {
			return new Iterator<>() {

				private int next = advance(0);

				private int advance(int from) {
					for (int k = from; k < ConclusionSet.this.index.conclusionCount(); k++) {
						if (PackIndex.contains(ConclusionSet.this.bits, k)) {
							return k;
						}
					}
					return -1;
				}

				@Override
				public boolean hasNext() {
					return this.next >= 0;
				}

				@Override
				public String next() {
					if (this.next < 0) {
						throw new NoSuchElementException();
					}
					String id = ConclusionSet.this.index.conclusionId(this.next);
					this.next = advance(this.next + 1);
					return id;
				}

			};
		}

	}

	private static final class ConditionMap extends AbstractMap<String, String> {

		private final PackIndex index;

		private final byte[] codes;

		ConditionMap(PackIndex index, byte[] codes) {
			this.index = index;
			this.codes = codes;
		}

		@Override
		public String get(Object key) {
			Integer i = this.index.conditionPositions.get(key);
			return (i != null) ? this.index.value(i, this.codes[i]) : null;
		}

		@Override
		public boolean containsKey(Object key) {
			return this.index.conditionPositions.containsKey(key);
		}

		@Override
		public int size() {
			return this.codes.length;
		}

		@Override
		public Set<Entry<String, String>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public int size() {
					return ConditionMap.this.codes.length;
				}

				@Override
				public Iterator<Entry<String, String>> iterator() {
					return new Iterator<>() {

						private int i;

						@Override
						public boolean hasNext() {
							return this.i < ConditionMap.this.codes.length;
						}

						@Override
						public Entry<String, String> next() {
							if (this.i >= ConditionMap.this.codes.length) {
								throw new NoSuchElementException();
							}
							int at = this.i++;
							return new SimpleImmutableEntry<>(ConditionMap.this.index.conditionIds[at],
									ConditionMap.this.index.value(at, ConditionMap.this.codes[at]));
						}

					};
				}

			};
		}


	}

}
