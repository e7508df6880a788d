package org.policyadvisor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes which tests exercise each rule into the application's classes before packaging (see pom.xml), so that the
 * claims matrix can show them: the jar carries no tests of its own. One line per test class:
 * {@code ruleId <TAB> class <TAB> method,method,...}.
 */
public final class RuleTestIndexWriter {

	private RuleTestIndexWriter() {
	}

	public static void main(String[] args) throws IOException {
		Path target = Path.of(args[0]);
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, List<Class<?>>> entry : ExercisesIndex.classesByRule().entrySet()) {
			for (Class<?> type : entry.getValue()) {
				String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
				lines.add(entry.getKey() + "\t" + name + "\t"
						+ String.join(",", ExercisesIndex.testMethodNames(type)));
			}
		}
		Files.createDirectories(target.getParent());
		Files.write(target, lines, StandardCharsets.UTF_8);
	}

}
