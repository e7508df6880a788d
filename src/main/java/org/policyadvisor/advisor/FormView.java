package org.policyadvisor.advisor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RulePack;

/**
 * The conditions form: one group per theme, each condition with its current value and, after a failed submission,
 * its error message. Public because saved scenarios edit their conditions with the same fieldsets
 * ({@code fragments/conditions.html}).
 */
public record FormView(List<ThemeGroup> themes, int errorCount, boolean expandAll) {

	/** {@code open}: shown expanded, so that a long form opens on what matters: errors, changes, or the first theme. */
	public record ThemeGroup(String id, String title, List<Field> fields, boolean hasErrors, int changedCount, boolean open) {
	}

	public int questionCount() {
		return this.themes.stream().mapToInt((t) -> t.fields().size()).sum();
	}

	public int changedCount() {
		return this.themes.stream().mapToInt(ThemeGroup::changedCount).sum();
	}

	/** {@code value} is what to show as selected: the submitted value if valid, else the default. */
	public record Field(ConditionDef condition, String value, String error, boolean changed) {
	}

	/** The form for validated input: every valid answer kept; only the bad ones fall back to their defaults, each
	 * with its message. */
	public static FormView of(RulePack pack, ConditionValidator.Result input, boolean expandAll) {
		Map<String, String> shown = new LinkedHashMap<>(input.values());
		input.errors().keySet().forEach((id) -> pack.condition(id).ifPresent((c) -> shown.put(id, c.defaultValue())));
		return of(pack, shown, input.errors(), expandAll);
	}

	static FormView of(RulePack pack, Map<String, String> values, Map<String, String> errors, boolean expandAll) {
		Map<String, String> defaults = pack.defaults();
		List<ThemeGroup> groups = new java.util.ArrayList<>();
		for (var theme : pack.descriptor().themes()) {
			List<Field> fields = pack.conditions().stream().filter((c) -> c.theme().equals(theme.id())).map((c) -> {
				String value = values.getOrDefault(c.id(), c.defaultValue());
				return new Field(c, value, errors.get(c.id()), !value.equals(defaults.get(c.id())));
			}).toList();
			if (fields.isEmpty()) {
				continue;
			}
			boolean hasErrors = fields.stream().anyMatch((f) -> f.error() != null);
			int changed = (int) fields.stream().filter(Field::changed).count();
			boolean open = expandAll || groups.isEmpty() || hasErrors || changed > 0;
			groups.add(new ThemeGroup(theme.id(), theme.title(), fields, hasErrors, changed, open));
		}
		return new FormView(List.copyOf(groups), errors.size(), expandAll);
	}

}
