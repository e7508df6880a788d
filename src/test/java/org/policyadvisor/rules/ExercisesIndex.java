package org.policyadvisor.rules;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** Finds the test classes that exercise each rule ({@link Exercises}) and their test methods. */
final class ExercisesIndex {

	static final String BASE_PACKAGE = "org.policyadvisor";

	private ExercisesIndex() {
	}

	/** Every class under {@value #BASE_PACKAGE} annotated {@link Exercises}, nested test classes included. */
	static Map<String, List<Class<?>>> classesByRule() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
				// The default accepts only top-level classes; @Nested test classes are inner classes.
				return beanDefinition.getMetadata().isConcrete();
			}

		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(Exercises.class));
		Map<String, List<Class<?>>> byRule = new TreeMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
					ExercisesIndex.class.getClassLoader());
			Exercises exercises = AnnotationUtils.findAnnotation(type, Exercises.class);
			byRule.computeIfAbsent(exercises.value(), (k) -> new ArrayList<>()).add(type);
		}
		if (byRule.isEmpty()) {
			// A scan that finds nothing means the scanner is broken, not that no rule is tested.
			throw new IllegalStateException("No @Exercises classes found under " + BASE_PACKAGE);
		}
		return byRule;
	}

	static List<String> testMethodNames(Class<?> type) {
		return Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type, ExercisesIndex::isTest))
			.map(Method::getName)
			.sorted()
			.toList();
	}

	private static boolean isTest(Method method) {
		MergedAnnotations annotations = MergedAnnotations.from(method);
		return annotations.isPresent(Test.class) || annotations.isPresent(ParameterizedTest.class);
	}

}
