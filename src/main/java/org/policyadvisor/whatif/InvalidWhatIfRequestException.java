package org.policyadvisor.whatif;

/** A what-if request the API cannot analyse: an unknown scenario or condition values that are not valid. */
class InvalidWhatIfRequestException extends RuntimeException {

	private final transient WhatIfRequest request;

	InvalidWhatIfRequestException(WhatIfRequest request) {
		super("Invalid what-if request: " + request.errors().keySet());
		this.request = request;
	}

	WhatIfRequest request() {
		return this.request;
	}

}
