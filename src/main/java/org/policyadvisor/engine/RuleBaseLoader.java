package org.policyadvisor.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Reads, validates and builds the rule base on a thread of its own, started as soon as the bean definitions are
 * known, so that it overlaps with Spring creating the rest of the application (web server, templates, JSON); the
 * {@link RuleBase} bean then waits for it. On a machine with two cores this takes the rule base off the start-up's
 * critical path. A pack that does not validate or compile still stops the start-up with its file and line: the
 * exception is rethrown as it was.
 */
final class RuleBaseLoader implements BeanFactoryPostProcessor, EnvironmentAware, ResourceLoaderAware {

	private static final Logger logger = LoggerFactory.getLogger(RuleBaseLoader.class);

	private Environment environment;

	private ResourceLoader resourceLoader;

	private CompletableFuture<RuleBase> loading;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (properties().parallelStart()) {
			start();
		}
	}

	private EngineProperties properties() {
		return Binder.get(this.environment).bindOrCreate("advisor", EngineProperties.class);
	}

	private synchronized CompletableFuture<RuleBase> start() {
		if (this.loading == null) {
			EngineProperties properties = properties();
			ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(this.resourceLoader);
			if (!properties.parallelStart()) {
				this.loading = CompletableFuture.completedFuture(load(properties, resolver));
				return this.loading;
			}
			CompletableFuture<RuleBase> loading = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					loading.complete(load(properties, resolver));
				}
				catch (Throwable ex) {
					loading.completeExceptionally(ex);
				}
			}, "rule-base-loader");
			thread.setDaemon(true);
			thread.start();
			this.loading = loading;
		}
		return this.loading;
	}

	/** The rule base, once built; throws what building it threw. */
	RuleBase ruleBase() {
		try {
			return start().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	static RuleBase load(EngineProperties properties, ResourcePatternResolver resolver) {
		long start = System.nanoTime();
		RulePack pack = new PackReader(resolver, properties.rulesLocation()).read(properties.pack());
		long read = System.nanoTime();
		RuleBase ruleBase = RuleBase.build(pack, properties.maxFirings(), properties.maxEvaluationTime(),
				properties.cache().create(), properties.precompiled());
		long built = System.nanoTime();
		if (properties.warmUp() != EngineProperties.WarmUp.NONE) {
			// The first evaluations pay for lazy initialisation inside Drools; pay it here, not in a user's request.
			// The scenarios are what users open first, and so worth having in the cache.
			try {
				ruleBase.evaluate(pack.defaults());
			}
			catch (UnsettledEvaluationException ex) {
				// Each request for them gets the reason (a 422); the rest of the pack can still be served.
				logger.warn("Rule pack '{}': the rules do not settle under the pack's defaults: {}", pack.folder(),
						ex.getMessage());
			}
			pack.scenarios().forEach((s) -> {
				try {
					ruleBase.evaluate(pack.conditionsOf(s));
				}
				catch (UnsettledEvaluationException ex) {
					// Reported when the scenario is opened; not a reason to stop.
				}
			});
		}
		long warmed = System.nanoTime();
		logger.info("Rule pack '{}' v{}: {} rules, {} conditions, {} conclusions; read in {} ms, {} in {} ms, warmed in"
				+ " {} ms; cache {}", pack.folder(), pack.descriptor().version(), pack.rules().size(),
				pack.conditions().size(), pack.conclusions().size(), (read - start) / 1_000_000,
				ruleBase.precompiled() ? "loaded precompiled" : "compiled", (built - read) / 1_000_000,
				(warmed - built) / 1_000_000, ruleBase.cache().enabled() ? "on" : "off");
		return ruleBase;
	}

}
