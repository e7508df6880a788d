package org.policyadvisor.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test class that exercises one rule of the shipped pack, e.g. {@code @Exercises("R6.01")}.
 * {@link RulePackConventionTests} reads it at run time to check that every rule has exactly one such class, with
 * at least one {@code fires*} and one {@code doesNotFire*} test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercises {

	/** The rule id, e.g. {@code "R0.01"}. */
	String value();

}
