package org.policyadvisor.engine;

import java.util.List;

/**
 * What a rule pack is and which paper it encodes. {@code paper} names the source file (kept outside the product)
 * against which quotes are checked.
 */
public record PackDescriptor(String id, String title, String version, String citation, String paper,
		List<Theme> themes) {

	public PackDescriptor {
		themes = (themes == null) ? List.of() : List.copyOf(themes);
	}

}
