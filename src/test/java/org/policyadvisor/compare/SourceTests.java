package org.policyadvisor.compare;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.TestPacks;

import static org.assertj.core.api.Assertions.assertThat;

/** How sources are written in links, and what the picker's text field accepts. */
class SourceTests {

	private final RulePack pack = TestPacks.shipped().pack();

	@Test
	void readsEachKindOfSource() {
		assertThat(Source.parse("defaults").source()).isEqualTo(Source.defaults());
		assertThat(Source.parse(" preset:2016-april-war ").source()).isEqualTo(Source.preset("2016-april-war"));
		assertThat(Source.parse("saved:AbCdEfGhIjKlMnOp").source()).isEqualTo(Source.saved("AbCdEfGhIjKlMnOp"));
		assertThat(Source.parse("current:oil_price=low&genuine_reforms=partial").source().given())
			.containsExactly(Map.entry("oil_price", "low"), Map.entry("genuine_reforms", "partial"));
		assertThat(Source.parse("current:").source().given()).isEmpty();
	}

	@Test
	void theConditionsOfACurrentSourceArePercentDecoded() {
		assertThat(Source.parse("current:oil_price=lo%77&a%5Fb=c+d").source().given())
			.containsExactly(Map.entry("oil_price", "low"), Map.entry("a_b", "c d"));
	}

	@Test
	void saysWhatIsWrongWithAMalformedSource() {
		assertThat(Source.parse("tomorrow").error()).startsWith("'tomorrow' is not a source. Each source is defaults,");
		assertThat(Source.parse("preset:").error()).startsWith("'preset:' needs an id after the colon");
		assertThat(Source.parse("current:oil_price").error()).isEqualTo("'oil_price' is not of the form condition=value.");
		assertThat(Source.parse("current:oil_price=%G1").error()).isEqualTo("'oil_price=%G1' has a malformed %-escape.");
		assertThat(Source.parse("current:oil_price=low&oil_price=high").error())
			.isEqualTo("'oil_price' is given twice, as 'low' and 'high'.");
		assertThat(Source.parse("x".repeat(Source.MAX_LENGTH + 1)).error()).contains("more than the 6000 allowed");
	}

	@Test
	void linksKeepOnlyWhatDiffersFromEarly2019InThePacksOrder() {
		Source s = Source.parse("current:western_engagement=low&oil_price=low&genuine_reforms=partial").source();
		assertThat(s.canonical(this.pack)).isEqualTo("current:genuine_reforms=partial&oil_price=low");
		assertThat(Source.defaults().canonical(this.pack)).isEqualTo("defaults");
	}

	@Test
	void theTextFieldTakesASavedScenariosLinkButNeverItsEditToken() {
		String token = "t".repeat(43);
		Source.Parsed fromEditLink = Source.parseTyped("https://advisor.example/scenarios/AbCdEfGhIjKlMnOp/edit?token="
				+ token, this.pack);
		assertThat(fromEditLink.source()).isEqualTo(Source.saved("AbCdEfGhIjKlMnOp"));
		assertThat(fromEditLink.source().canonical(this.pack)).doesNotContain(token);
		assertThat(Source.parseTyped("/scenarios/AbCdEfGhIjKlMnOp", this.pack).source())
			.isEqualTo(Source.saved("AbCdEfGhIjKlMnOp"));
		assertThat(Source.parseTyped("AbCdEfGhIjKlMnOp", this.pack).source()).isEqualTo(Source.saved("AbCdEfGhIjKlMnOp"));
	}

	@Test
	void theTextFieldTakesAPresetsIdAndResultAndFormLinks() {
		assertThat(Source.parseTyped("2016-april-war", this.pack).source()).isEqualTo(Source.preset("2016-april-war"));
		assertThat(Source.parseTyped("http://localhost:8080/advice?oil_price=low", this.pack).source())
			.isEqualTo(Source.current(Map.of("oil_price", "low")));
		assertThat(Source.parseTyped("/?scenario=2016-april-war", this.pack).source())
			.isEqualTo(Source.preset("2016-april-war"));
		Source overScenario = Source.parseTyped("/advice?scenario=what-if-oil-price-collapse&oil_price=high", this.pack)
			.source();
		assertThat(overScenario.kind()).isEqualTo(Source.Kind.CURRENT);
		assertThat(overScenario.given()).containsEntry("oil_price", "high").containsEntry("oil_dependence", "high")
			.containsEntry("genuine_reforms", "lacking");
		assertThat(Source.parseTyped("/advice?scenario=nope", this.pack).error())
			.isEqualTo("The link names the scenario 'nope', which this rule pack does not have.");
		assertThat(Source.parseTyped("not a link", this.pack).error())
			.startsWith("'not a link' is neither a saved scenario's link or id");
	}

}
