package org.policyadvisor.system;

import org.policyadvisor.engine.RulePack;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's layout names the rule pack it serves and cites the paper. */
@ControllerAdvice
class PackModelAdvice {

	private final RulePack pack;

	PackModelAdvice(RulePack pack) {
		this.pack = pack;
	}

	@ModelAttribute("pack")
	RulePack pack() {
		return this.pack;
	}

}
