package org.policyadvisor.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.policyadvisor.engine.EngineProperties;
import org.policyadvisor.engine.RulePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Serves one evaluation through the API and one result page to the application itself, after the web server has
 * started and before the application reports itself ready (runners run before readiness): the first user's request
 * would otherwise pay for initialising the dispatcher, the JSON writers and the templates, several hundred
 * milliseconds. Problems are logged, never fatal: this only saves time. {@code advisor.warm-up=engine} or
 * {@code none} turns it off.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WarmUp implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(WarmUp.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContext context;

	private final EngineProperties properties;

	private final RulePack pack;

	private final Environment environment;

	private final ApplicationAvailability availability;

	WarmUp(ApplicationContext context, EngineProperties properties, RulePack pack, Environment environment,
			ApplicationAvailability availability) {
		this.context = context;
		this.properties = properties;
		this.pack = pack;
		this.environment = environment;
		this.availability = availability;
	}

	@Override
	public void run(ApplicationArguments args) {
		// A test's mock servlet environment has no server to send requests to.
		if (this.properties.warmUp() != EngineProperties.WarmUp.FULL
				|| !(this.context instanceof WebServerApplicationContext server) || server.getWebServer() == null
				|| this.environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
			return;
		}
		int port = server.getWebServer().getPort();
		if (port <= 0) {
			return;
		}
		String address = this.environment.getProperty("server.address", "127.0.0.1");
		String contextPath = (this.context instanceof WebApplicationContext web && web.getServletContext() != null)
				? web.getServletContext().getContextPath() : "";
		String base = "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + contextPath;
		String scenario = this.pack.scenarios().isEmpty() ? null : this.pack.scenarios().get(0).id();
		List<HttpRequest> requests = List.of(
				HttpRequest.newBuilder(URI.create(base + "/api/evaluate")).timeout(TIMEOUT)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"conditions\":{}}")).build(),
				HttpRequest.newBuilder(URI.create(base + "/advice"
						+ ((scenario != null) ? "?scenario=" + URLEncoder.encode(scenario, StandardCharsets.UTF_8) : "")))
					.timeout(TIMEOUT).GET().build(),
				HttpRequest.newBuilder(URI.create(base + "/")).timeout(TIMEOUT).GET().build());
		long start = System.nanoTime();
		HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
		StringBuilder statuses = new StringBuilder();
		for (HttpRequest request : requests) {
			try {
				HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
				statuses.append(' ').append(response.statusCode());
			}
			catch (IOException ex) {
				logger.warn("Warm-up request {} {} failed: {}", request.method(), request.uri(), ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		logger.info("Warmed up the web stack in {} ms (statuses:{}; readiness {})",
				(System.nanoTime() - start) / 1_000_000, statuses, this.availability.getReadinessState());
	}

}
