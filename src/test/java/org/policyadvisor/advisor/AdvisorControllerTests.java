package org.policyadvisor.advisor;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(AdvisorController.class)
@Import(ShippedRuleBaseConfiguration.class)
class AdvisorControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Nested
	class Form {

		@Test
		void showsEveryThemeWithTheEarly2019SituationSelected() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/").exchange();
			assertThat(result).hasStatusOk().hasViewName(AdvisorController.VIEW_FORM);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("<h2>The West</h2>", "<h2>Nagorny Karabakh</h2>", "<h2>Diaspora in Russia</h2>");
			// The default of western_engagement is "low": exactly that radio is checked.
			assertThat(html).containsPattern("id=\"c-western_engagement-low\"\\s+value=\"low\" checked");
			assertThat(html).doesNotContainPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked");
		}

		@Test
		void isPrefilledFromTheQueryStringSoAResultCanBeRevised() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/?western_engagement=high").exchange();
			assertThat(result).hasStatusOk();
			assertThat(result.getResponse().getContentAsString())
				.containsPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked")
				.contains("1 answer changed");
		}

		@Test
		void opensTheFirstThemeAndThoseWithChangesLeavingTheRestCollapsed() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/?oil_price=low").exchange().getResponse()
				.getContentAsString();
			assertThat(html).containsPattern("<details class=\"theme\" id=\"theme-west\" open")
				.containsPattern("<details class=\"theme\" id=\"theme-economy\" open")
				.containsPattern("<details class=\"theme\" id=\"theme-russia\">");
		}

		@Test
		void showAllQuestionsExpandsEveryThemeAndKeepsTheAnswers() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/?expand=all&oil_price=low").exchange()
				.getResponse().getContentAsString();
			assertThat(html).doesNotContainPattern("<details class=\"theme\" id=\"theme-[a-z_]+\">")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked")
				.doesNotContain("Show all questions");
		}

		@Test
		void labelsEveryRadioButtonAndDescribesEveryQuestion() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
			int radios = html.split("type=\"radio\"", -1).length - 1;
			int labels = html.split("<label ", -1).length - 1;
			assertThat(radios).isGreaterThan(50).isEqualTo(labels);
			assertThat(html).contains("aria-describedby=\"help-oil_price\"");
		}

	}

	@Nested
	class Advice {

		@Test
		void theDefaultsGiveRisksAndRecommendationsWithTheirWhy() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/advice").exchange();
			assertThat(result).hasStatusOk().hasViewName(AdvisorController.VIEW_RESULT);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("Russia forces a change in Azerbaijan&#39;s policy on Nagorny Karabakh")
				.contains("For Western governments")
				.contains("Why this applies")
				.contains("R6.05")
				.contains("The first is Russia&#39;s potential to force policy change in respect of Nagorny Karabakh.");
		}

		@Test
		void explainsWhyARecommendationDoesNotApply() throws Exception {
			// With Western engagement high, the balance does not erode, so re-engagement is not recommended; the
			// why-not goes down through the effect to the condition.
			String html = AdvisorControllerTests.this.mvc.get().uri("/advice?western_engagement=high").exchange()
				.getResponse().getContentAsString();
			int absentSection = html.indexOf("What does not apply, and why not");
			assertThat(absentSection).isPositive();
			String absent = html.substring(absentSection);
			assertThat(absent).contains("Re-engage in South Caucasus affairs")
				.contains("Azerbaijan&#39;s balancing act between Russia and the West is eroding</span> <strong>does not hold</strong>")
				.contains("needs <strong>Low</strong>; this scenario has <strong>High</strong>");
		}

		@Test
		void aConditionChangeChangesTheResult() throws Exception {
			String low = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=low").exchange().getResponse()
				.getContentAsString();
			String high = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=high").exchange().getResponse()
				.getContentAsString();
			String collapse = "Economic collapse pitches the country into chaos";
			assertThat(low.substring(0, low.indexOf("What does not apply"))).contains(collapse);
			assertThat(high.substring(0, high.indexOf("What does not apply"))).doesNotContain(collapse);
		}

		@Test
		void carriesItsConditionsInAShareableLink() throws Exception {
			String html = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=low").exchange().getResponse()
				.getContentAsString();
			assertThat(html).containsPattern("id=\"share-link\"[^>]*value=\"http://localhost/advice\\?[^\"]*oil_price=low");
		}

		@Test
		void anInvalidValueReturnsTheFormWithAFieldMessageAndKeepsTheOtherAnswers() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get()
				.uri("/advice?oil_price=banana&western_engagement=high").exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(AdvisorController.VIEW_FORM);
			String html = result.getResponse().getContentAsString();
			assertThat(html).contains("There is a problem with one answer")
				.contains("id=\"error-oil_price\"")
				.contains("Choose one of low, medium, high (got &#39;banana&#39;).")
				.containsPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked");
		}

		@Test
		void anEmptyValueIsAFieldErrorNotAServerError() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get().uri("/advice?oil_price=").exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentAsString()).contains("got an empty value");
		}

		@Test
		void templateSyntaxInInputIsNeverEvaluated() throws Exception {
			MvcTestResult result = AdvisorControllerTests.this.mvc.get()
				.uri("/advice?oil_price={v}", "${7*7}").exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(result.getResponse().getContentAsString()).contains("got &#39;${7*7}&#39;")
				.doesNotContain("got &#39;49&#39;");
		}

	}

}
