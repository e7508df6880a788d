package org.policyadvisor;

import org.policyadvisor.system.cli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PolicyAdvisorApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			// `java -jar policy-advisor.jar verify|batch ...`: a command for scripts and CI, no web server.
			System.exit(CommandLine.run(PolicyAdvisorApplication.class, args, System.out, System.err));
		}
		SpringApplication.run(PolicyAdvisorApplication.class, args);
	}

}
