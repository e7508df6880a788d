package org.policyadvisor.system;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ping}: the cheapest request the server answers, through the same stack as the API (filters,
 * dispatcher, message conversion). The benchmarks compare the API's throughput and latency with it.
 */
@RestController
class PingController {

	@GetMapping(path = "/api/ping", produces = MediaType.TEXT_PLAIN_VALUE)
	String ping() {
		return "ok";
	}

}
