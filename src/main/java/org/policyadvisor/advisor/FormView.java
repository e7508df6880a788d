package org.policyadvisor.advisor;

import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.ConditionDef;
import org.policyadvisor.engine.RulePack;

/**
 * The conditions form: one group per theme, each condition with its current value and, after a failed submission,
 * its error message.
 */
record FormView(List<ThemeGroup> themes, int errorCount) {

	record ThemeGroup(String id, String title, List<Field> fields, boolean hasErrors, int changedCount) {
	}

	/** {@code value} is what to show as selected: the submitted value if valid, else the default. */
	record Field(ConditionDef condition, String value, String error, boolean changed) {
	}

	static FormView of(RulePack pack, Map<String, String> values, Map<String, String> errors) {
		Map<String, String> defaults = pack.defaults();
		List<ThemeGroup> groups = pack.descriptor().themes().stream().map((theme) -> {
			List<Field> fields = pack.conditions().stream().filter((c) -> c.theme().equals(theme.id())).map((c) -> {
				String value = values.getOrDefault(c.id(), c.defaultValue());
				return new Field(c, value, errors.get(c.id()), !value.equals(defaults.get(c.id())));
			}).toList();
			return new ThemeGroup(theme.id(), theme.title(), fields, fields.stream().anyMatch((f) -> f.error() != null),
					(int) fields.stream().filter(Field::changed).count());
		}).filter((g) -> !g.fields().isEmpty()).toList();
		return new FormView(groups, errors.size());
	}

}
