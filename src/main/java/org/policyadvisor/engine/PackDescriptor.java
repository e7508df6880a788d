package org.policyadvisor.engine;

import java.util.List;

/**
 * What a rule pack is and which paper it encodes. {@code paper} names the source file (kept outside the product)
 * against which quotes are checked.
 */
public record PackDescriptor(String id, String title, String version, String citation, String paper,
		List<Theme> themes, List<NeverRecommended> neverRecommended) {

	public PackDescriptor {
		themes = (themes == null) ? List.of() : List.copyOf(themes);
		neverRecommended = (neverRecommended == null) ? List.of() : List.copyOf(neverRecommended);
	}

	/**
	 * A course of action the paper argues against, which must never be offered as a recommendation whatever the
	 * conditions. {@code related} names conclusions (risks, disputed beliefs) that describe it instead.
	 */
	public record NeverRecommended(String id, String title, String reason, String source, String quote,
			List<String> related) {

		public NeverRecommended {
			related = (related == null) ? List.of() : List.copyOf(related);
		}

	}

}
