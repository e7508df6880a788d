package org.policyadvisor.saved;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.sharing.SecretLinks;
import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The saved scenarios' pages against a real embedded H2 with the application's migrations: every change is checked
 * in the database, not in a mock.
 */
@WebMvcTest({ SavedScenarioController.class, SavedScenarioApiController.class })
@AutoConfigureJdbc
@AutoConfigureDataSourceInitialization
@AutoConfigureTestDatabase
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class, SavedScenarioRepository.class })
class SavedScenarioControllerTests {

	private static final Pattern EDIT_LOCATION = Pattern
		.compile("^/scenarios/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})\\?done=(\\w+)$");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SavedScenarioRepository scenarios;

	@Autowired
	private RulePack pack;

	private SavedScenarioRepository.Created saved(String name, Map<String, String> conditions) {
		return this.scenarios.create(name, "notes of " + name, conditions, this.pack.descriptor().version());
	}

	private static String html(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	/** The id and token a redirect to an edit page carries, and what it says was done. */
	private static Matcher editLocation(MvcTestResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).isNotNull();
		Matcher m = EDIT_LOCATION.matcher(location);
		assertThat(m.matches()).as("redirect to an edit page: " + location).isTrue();
		return m;
	}

	@Nested
	class Save {

		@Test
		void savingRedirectsToTheEditPageWhichGivesBothLinks() throws Exception {
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post().uri("/scenarios").with(csrf())
				.param("name", "  Oil collapse, week 3 ")
				.param("notes", "For the\r\nsecond group.")
				.param("oil_price", "low")
				.param("western_engagement", "high")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.FOUND);
			Matcher location = editLocation(result);
			assertThat(location.group(3)).isEqualTo("created");
			String id = location.group(1);
			String token = location.group(2);

			SavedScenario stored = SavedScenarioControllerTests.this.scenarios.find(id).orElseThrow();
			assertThat(stored.name()).isEqualTo("Oil collapse, week 3");
			assertThat(stored.notes()).isEqualTo("For the\nsecond group.");
			assertThat(stored.conditions()).containsEntry("oil_price", "low")
				.containsEntry("western_engagement", "high")
				.hasSize(SavedScenarioControllerTests.this.pack.conditions().size());
			assertThat(SavedScenarioControllerTests.this.scenarios.canEdit(id, token)).isTrue();

			MvcTestResult page = SavedScenarioControllerTests.this.mvc.get().uri(result.getResponse().getRedirectedUrl())
				.exchange();
			assertThat(page).hasStatusOk().hasViewName(SavedScenarioController.VIEW_EDIT);
			assertThat(page.getResponse().getHeader("X-Robots-Tag")).contains("noindex");
			assertThat(html(page)).contains("Scenario saved.")
				.contains("it is the only way to change or delete this scenario")
				.contains("value=\"http://localhost/scenarios/" + id + "\"")
				.contains("value=\"http://localhost/scenarios/" + id + "/edit/" + token + "\"")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked");
		}

		@Test
		void theFormPageOpensTheSaveFormWithItsAnswers() throws Exception {
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get().uri("/scenarios/new?oil_price=low")
				.exchange();
			assertThat(result).hasStatusOk().hasViewName(SavedScenarioController.VIEW_EDIT);
			assertThat(html(result)).contains("<h1>Save a scenario</h1>", "action=\"/scenarios\"", "name=\"_csrf\"")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked")
				.contains("1 changed from early 2019");
		}

		@Test
		void withoutTheCsrfTokenNothingIsSaved() throws Exception {
			long before = SavedScenarioControllerTests.this.scenarios.count();
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri("/scenarios").param("name", "forged"))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(SavedScenarioControllerTests.this.scenarios.count()).isEqualTo(before);
		}

		@Test
		void aMissingNameIsAFieldMessageAndEverythingTypedIsKept() throws Exception {
			long before = SavedScenarioControllerTests.this.scenarios.count();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post().uri("/scenarios").with(csrf())
				.param("name", "   ")
				.param("notes", "my <notes>")
				.param("oil_price", "low")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(SavedScenarioController.VIEW_EDIT);
			assertThat(html(result)).contains("There is a problem", "Enter a name for the scenario.",
					"aria-describedby=\"name-error\"", "my &lt;notes&gt;</textarea>")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked");
			assertThat(SavedScenarioControllerTests.this.scenarios.count()).isEqualTo(before);
		}

		@Test
		void tooLongANameOrNotesAreRefusedWithTheirLengths() throws Exception {
			long before = SavedScenarioControllerTests.this.scenarios.count();
			String name = "n".repeat(121);
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post().uri("/scenarios").with(csrf())
				.param("name", name)
				.param("notes", "x".repeat(4001))
				.exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("There are 2 problems",
					"The name must be 120 characters or fewer (it has 121).",
					"The notes must be 4,000 characters or fewer (they have 4,001).", "value=\"" + name + "\"");
			assertThat(SavedScenarioControllerTests.this.scenarios.count()).isEqualTo(before);
		}

		@Test
		void anAnswerTheQuestionDoesNotAllowIsAFieldMessageAndTheNameIsKept() throws Exception {
			long before = SavedScenarioControllerTests.this.scenarios.count();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post().uri("/scenarios").with(csrf())
				.param("name", "Kept name")
				.param("oil_price", "plenty")
				.param("western_engagement", "high")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(html(result)).contains("id=\"error-oil_price\"", "Choose one of low, medium, high (got &#39;plenty&#39;)",
					"value=\"Kept name\"", "href=\"#q-oil_price\"")
				.containsPattern("id=\"c-western_engagement-high\"\\s+value=\"high\" checked");
			assertThat(SavedScenarioControllerTests.this.scenarios.count()).isEqualTo(before);
		}

	}

	@Nested
	class View {

		@Test
		void showsNameNotesTheChangedAnswersAndWhatToDoWithIt() throws Exception {
			SavedScenarioRepository.Created created = saved("Oil low",
					Map.of("oil_price", "low", "western_engagement", "low"));
			String id = created.scenario().id();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get().uri("/scenarios/" + id).exchange();
			assertThat(result).hasStatusOk().hasViewName(SavedScenarioController.VIEW_SHOW);
			assertThat(html(result)).contains("<h1>Oil low</h1>", "notes of Oil low")
				.contains("1 of " + SavedScenarioControllerTests.this.pack.conditions().size()
						+ " answers differs from early 2019")
				.containsPattern("<tr class=\"changed\">\\s*<th scope=\"row\">What is the level of world oil prices\\?</th>")
				.contains("href=\"/advice?oil_price=low\"", "href=\"/?oil_price=low\"")
				.contains("href=\"/compare?s=saved:" + id + "\"")
				.contains("action=\"/scenarios/" + id + "/duplicate\"")
				.contains("Economic collapse pitches the country into chaos")
				.doesNotContain(created.editToken()).doesNotContain("/edit/");
		}

		@ParameterizedTest
		@ValueSource(strings = { "AAAAAAAAAAAAAAAA", "abc", "not-an-id-at-all-really", "%27%20OR%201=1" })
		void anUnknownOrMalformedIdIsNotFound(String id) throws Exception {
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get().uri(URI.create("/scenarios/" + id))
				.exchange();
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName(SavedScenarioController.VIEW_NOT_FOUND);
			assertThat(html(result)).contains("Scenario not found");
		}

		@Test
		void answersANewerRulePackNoLongerHasAreNamedAndIgnored() throws Exception {
			String id = saved("Old pack",
					Map.of("oil_price", "plenty", "retired_question", "yes", "western_engagement", "high"))
				.scenario().id();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get().uri("/scenarios/" + id).exchange();
			assertThat(result).hasStatusOk();
			assertThat(html(result)).contains("2 saved answers no longer apply.")
				.contains("retired_question", "The rule pack no longer asks this question")
				.contains("The answer &#39;plenty&#39; is no longer one of the choices")
				.contains("href=\"/advice?western_engagement=high\"");
		}

		@Test
		void isAlsoServedAsJson() throws Exception {
			String id = saved("As JSON", Map.of("oil_price", "low", "retired_question", "yes")).scenario().id();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get().uri("/api/scenarios/saved/" + id)
				.exchange();
			assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
			assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("As JSON");
			assertThat(result).bodyJson().extractingPath("$.conditions.oil_price").isEqualTo("low");
			assertThat(result).bodyJson().extractingPath("$.effectiveConditions.oil_price").isEqualTo("low");
			assertThat(result).bodyJson().extractingPath("$.ignored[0].conditionId").isEqualTo("retired_question");
			assertThat(html(result)).doesNotContain("editToken", "edit_token");
		}

		@Test
		void anUnknownIdInTheApiIsAProblemNotAServerError() throws Exception {
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get()
				.uri("/api/scenarios/saved/" + SecretLinks.newId())
				.exchange();
			assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}

	}

	@Nested
	class Edit {

		@Test
		void theEditPageShowsTheScenarioReadyToChange() throws Exception {
			SavedScenarioRepository.Created created = saved("To edit", Map.of("oil_price", "high"));
			String id = created.scenario().id();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get()
				.uri("/scenarios/" + id + "/edit/" + created.editToken())
				.exchange();
			assertThat(result).hasStatusOk().hasViewName(SavedScenarioController.VIEW_EDIT);
			assertThat(html(result)).contains("value=\"To edit\"", "notes of To edit</textarea>")
				.contains("action=\"/scenarios/" + id + "/edit/" + created.editToken() + "\"")
				.containsPattern("id=\"c-oil_price-high\"\\s+value=\"high\" checked")
				.doesNotContain("Scenario saved.");
		}

		@Test
		void changesAreSavedWithTheTokenAndTheEditPageSaysSo() throws Exception {
			SavedScenarioRepository.Created created = saved("Before", Map.of("oil_price", "high"));
			String id = created.scenario().id();
			String path = "/scenarios/" + id + "/edit/" + created.editToken();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post().uri(path).with(csrf())
				.param("name", "After")
				.param("notes", "changed")
				.param("oil_price", "low")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl(path + "?done=updated");
			SavedScenario after = SavedScenarioControllerTests.this.scenarios.find(id).orElseThrow();
			assertThat(after.name()).isEqualTo("After");
			assertThat(after.notes()).isEqualTo("changed");
			assertThat(after.conditions()).containsEntry("oil_price", "low");
			assertThat(html(SavedScenarioControllerTests.this.mvc.get().uri(path + "?done=updated").exchange()))
				.contains("Changes saved.");
		}

		@Test
		void anInvalidChangeIsShownAgainWithItsMessagesAndChangesNothing() throws Exception {
			SavedScenarioRepository.Created created = saved("Unchanged", Map.of("oil_price", "high"));
			String id = created.scenario().id();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post()
				.uri("/scenarios/" + id + "/edit/" + created.editToken())
				.with(csrf())
				.param("name", "")
				.param("notes", "new notes")
				.param("oil_price", "low")
				.exchange();
			assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasViewName(SavedScenarioController.VIEW_EDIT);
			assertThat(html(result)).contains("Enter a name for the scenario.", "new notes</textarea>")
				.containsPattern("id=\"c-oil_price-low\"\\s+value=\"low\" checked");
			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).contains(created.scenario());
		}

		@Test
		void deletingAsksFirstThenDeletes() throws Exception {
			SavedScenarioRepository.Created created = saved("To delete", Map.of());
			String id = created.scenario().id();
			String path = "/scenarios/" + id + "/edit/" + created.editToken() + "/delete";
			MvcTestResult confirm = SavedScenarioControllerTests.this.mvc.get().uri(path).exchange();
			assertThat(confirm).hasStatusOk().hasViewName(SavedScenarioController.VIEW_DELETE);
			assertThat(html(confirm)).contains("To delete", "It cannot be", "action=\"" + path + "\"");
			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).isPresent();

			MvcTestResult deleted = SavedScenarioControllerTests.this.mvc.post().uri(path).with(csrf()).exchange();
			assertThat(deleted).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/scenarios?deleted=");
			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).isEmpty();
			assertThat(html(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios?deleted=").exchange()))
				.contains("The scenario was deleted.");
			assertThat(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios/" + id))
				.hasStatus(HttpStatus.NOT_FOUND);
		}

		/** Another scenario's token, a well-formed stranger, a malformed one. */
		static Stream<String> wrongTokens() {
			return Stream.of("OTHER", SecretLinks.newToken(), "short", "x".repeat(43) + "x", "%20");
		}

		@ParameterizedTest
		@MethodSource("wrongTokens")
		void withoutTheRightTokenNoPageOrChangeIsPossible(String wrong) throws Exception {
			SavedScenarioRepository.Created created = saved("Guarded", Map.of("oil_price", "high"));
			String id = created.scenario().id();
			String token = "OTHER".equals(wrong) ? saved("Other", Map.of()).editToken() : wrong;
			URI edit = URI.create("/scenarios/" + id + "/edit/" + token);
			URI delete = URI.create(edit + "/delete");

			MvcTestResult page = SavedScenarioControllerTests.this.mvc.get().uri(edit).exchange();
			assertThat(page).hasStatus(HttpStatus.NOT_FOUND).hasViewName(SavedScenarioController.VIEW_NOT_FOUND);
			assertThat(html(page)).contains("This edit link does not work", "Nothing was changed.");
			assertThat(SavedScenarioControllerTests.this.mvc.get().uri(delete)).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri(edit).with(csrf())
				.param("name", "Hijacked")
				.param("oil_price", "low")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri(delete).with(csrf()))
				.hasStatus(HttpStatus.NOT_FOUND);

			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).contains(created.scenario());
		}

		@Test
		void anEditLinkWithoutItsTokenChangesNothing() throws Exception {
			SavedScenarioRepository.Created created = saved("No token", Map.of());
			String id = created.scenario().id();
			assertThat(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios/" + id + "/edit"))
				.hasStatus(HttpStatus.NOT_FOUND);
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri("/scenarios/" + id + "/edit").with(csrf())
				.param("name", "Hijacked")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).contains(created.scenario());
		}

		@Test
		void anUnknownOrMalformedIdWithSomeTokenIsNotFound() throws Exception {
			String token = SecretLinks.newToken();
			for (String id : new String[] { SecretLinks.newId(), "abc", "%27--" }) {
				URI edit = URI.create("/scenarios/" + id + "/edit/" + token);
				assertThat(SavedScenarioControllerTests.this.mvc.get().uri(edit)).hasStatus(HttpStatus.NOT_FOUND);
				assertThat(SavedScenarioControllerTests.this.mvc.post().uri(edit).with(csrf()).param("name", "x"))
					.hasStatus(HttpStatus.NOT_FOUND);
			}
		}

		@Test
		void evenWithTheTokenChangesNeedTheCsrfToken() throws Exception {
			SavedScenarioRepository.Created created = saved("CSRF", Map.of());
			String id = created.scenario().id();
			String edit = "/scenarios/" + id + "/edit/" + created.editToken();
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri(edit).param("name", "Forged"))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri(edit + "/delete"))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).contains(created.scenario());
		}

	}

	@Nested
	class Duplicate {

		@Test
		void aCopyGetsItsOwnIdAndTokenAndTheOriginalIsUntouched() throws Exception {
			SavedScenarioRepository.Created original = saved("Original", Map.of("oil_price", "low"));
			String id = original.scenario().id();
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.post().uri("/scenarios/" + id + "/duplicate")
				.with(csrf())
				.exchange();
			assertThat(result).hasStatus(HttpStatus.FOUND);
			Matcher location = editLocation(result);
			assertThat(location.group(3)).isEqualTo("copied");
			assertThat(location.group(1)).isNotEqualTo(id);
			assertThat(location.group(2)).isNotEqualTo(original.editToken());
			SavedScenario copy = SavedScenarioControllerTests.this.scenarios.find(location.group(1)).orElseThrow();
			assertThat(copy.name()).isEqualTo("Copy of Original");
			assertThat(copy.notes()).isEqualTo(original.scenario().notes());
			assertThat(copy.conditions()).isEqualTo(original.scenario().conditions());
			assertThat(SavedScenarioControllerTests.this.scenarios.canEdit(id, location.group(2))).isFalse();
			assertThat(SavedScenarioControllerTests.this.scenarios.find(id)).contains(original.scenario());
			assertThat(html(SavedScenarioControllerTests.this.mvc.get().uri(result.getResponse().getRedirectedUrl())
				.exchange())).contains("Copy saved.");
		}

		@Test
		void anUnknownScenarioCannotBeDuplicated() throws Exception {
			long before = SavedScenarioControllerTests.this.scenarios.count();
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri("/scenarios/" + SecretLinks.newId() + "/duplicate")
				.with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri("/scenarios/bad'id/duplicate").with(csrf()))
				.hasStatus(HttpStatus.NOT_FOUND);
			assertThat(SavedScenarioControllerTests.this.scenarios.count()).isEqualTo(before);
		}

		@Test
		void duplicatingNeedsTheCsrfToken() throws Exception {
			String id = saved("Not copied", Map.of()).scenario().id();
			long before = SavedScenarioControllerTests.this.scenarios.count();
			assertThat(SavedScenarioControllerTests.this.mvc.post().uri("/scenarios/" + id + "/duplicate"))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(SavedScenarioControllerTests.this.scenarios.count()).isEqualTo(before);
		}

	}

	@Nested
	class List {

		@Test
		void listsNamesAndNotesButNeverEditLinks() throws Exception {
			SavedScenarioRepository.Created listed = saved("Listed scenario", Map.of());
			MvcTestResult result = SavedScenarioControllerTests.this.mvc.get().uri("/scenarios").exchange();
			assertThat(result).hasStatusOk().hasViewName(SavedScenarioController.VIEW_LIST);
			assertThat(html(result)).contains(">Listed scenario</a>", "notes of Listed scenario",
					"href=\"/scenarios/" + listed.scenario().id() + "\"")
				.doesNotContain("/edit/").doesNotContain(listed.editToken());
		}

		@Test
		void isPagedMostRecentFirst() throws Exception {
			for (int i = 0; i < SavedScenarioController.PAGE_SIZE + 1; i++) {
				saved("Paged " + i, Map.of());
			}
			long total = SavedScenarioControllerTests.this.scenarios.count();
			int pages = (int) ((total + SavedScenarioController.PAGE_SIZE - 1) / SavedScenarioController.PAGE_SIZE);
			String first = html(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios").exchange());
			assertThat(first).contains("<span>" + total + " saved scenarios</span>, page 1 of " + pages)
				.contains("href=\"/scenarios?page=2\"", ">Older</a>")
				.doesNotContain(">Newer</a>")
				.contains(">Paged " + SavedScenarioController.PAGE_SIZE + "</a>");
			String second = html(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios?page=2").exchange());
			assertThat(second).contains("page 2 of " + pages, "href=\"/scenarios?page=1\"")
				.doesNotContain(">Paged " + SavedScenarioController.PAGE_SIZE + "</a>");
			// A page number that is not one is the first page, one past the end the last: never an error.
			assertThat(html(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios?page=abc").exchange()))
				.contains("page 1 of " + pages);
			assertThat(html(SavedScenarioControllerTests.this.mvc.get().uri("/scenarios?page=99999").exchange()))
				.contains("page " + pages + " of " + pages);
		}

	}

	@Test
	void theNavigationLeadsToTheSavedScenarios() throws Exception {
		assertThat(html(this.mvc.get().uri("/scenarios").exchange()))
			.contains("<li><a href=\"/scenarios\">Saved scenarios</a></li>");
	}

	@Test
	void aRedirectsLocationIsRelativeToTheApplication() throws Exception {
		MvcTestResult result = this.mvc.post().uri("/scenarios").with(csrf()).param("name", "Relative").exchange();
		assertThat(URI.create(result.getResponse().getRedirectedUrl()).isAbsolute()).isFalse();
	}

}
