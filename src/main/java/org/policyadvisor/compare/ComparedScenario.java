package org.policyadvisor.compare;

import java.util.List;
import java.util.Map;

import org.policyadvisor.engine.Evaluation;

/**
 * One column of a comparison: a source resolved to its complete conditions and evaluated.
 *
 * @param letter A, B, C or D, in the order given; A is the baseline
 * @param source the source as parsed
 * @param canonical the source as links write it (see {@link Source#canonical})
 * @param label the scenario's name: a preset's title, a saved scenario's name, "Early 2019", or for conditions from a
 * result, how many answers differ from early 2019
 * @param kindLabel what kind of source it is, in words
 * @param resultLink the path and query of the result page for these conditions
 * @param savedLink the saved scenario's own page; {@code null} for other sources
 * @param conditions every condition of the pack, with the value this scenario takes
 * @param ignored conditions a saved scenario names that the pack no longer has, left out
 * @param evaluation the engine's evaluation of {@code conditions}
 */
public record ComparedScenario(String letter, Source source, String canonical, String label, String kindLabel,
		String resultLink, String savedLink, Map<String, String> conditions, List<String> ignored,
		Evaluation evaluation) {

	public boolean baseline() {
		return "A".equals(this.letter);
	}

}
