package org.policyadvisor.bench.empty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An empty Spring Boot web app: the floor that the advisor's start-up is compared with. */
@SpringBootApplication
@RestController
public class EmptyApplication {

	public static void main(String[] args) {
		SpringApplication.run(EmptyApplication.class, args);
	}

	@GetMapping("/ping")
	String ping() {
		return "ok";
	}

}
