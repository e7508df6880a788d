package org.policyadvisor.exercise;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyadvisor.engine.RulePack;
import org.policyadvisor.engine.ShippedRuleBaseConfiguration;
import org.policyadvisor.saved.SavedScenarioRepository;
import org.policyadvisor.sharing.SecretLinks;
import org.policyadvisor.system.SecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The exercise pages with the shipped rules and a real embedded H2 (Flyway-migrated): validation keeps what was
 * typed, and no change happens without the edit token.
 */
@WebMvcTest(ExerciseController.class)
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@AutoConfigureDataSourceInitialization
@Import({ ShippedRuleBaseConfiguration.class, SecurityConfiguration.class, ExerciseRepository.class,
		ExerciseReplay.class, ExerciseStarts.class, SavedScenarioRepository.class })
class ExerciseControllerTests {

	private static final Pattern EDIT_LINK = Pattern.compile("/exercises/([A-Za-z0-9_-]{16})/edit/([A-Za-z0-9_-]{43})");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ExerciseRepository exercises;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RulePack pack;

	@Autowired
	private SavedScenarioRepository savedScenarios;

	/** An exercise made through the form, with its edit token. */
	private record Made(String id, String token) {

		String edit() {
			return "/exercises/" + this.id + "/edit/" + this.token;
		}

	}

	private Made make(String title, String start) throws Exception {
		MvcResult result = this.mvc.perform(post("/exercises").with(csrf()).param("title", title)
			.param("briefing", "").param("start", start)).andExpect(status().isFound()).andReturn();
		Matcher m = EDIT_LINK.matcher(result.getResponse().getRedirectedUrl());
		assertThat(m.find()).as(result.getResponse().getRedirectedUrl()).isTrue();
		return new Made(m.group(1), m.group(2));
	}

	private String html(MockHttpServletRequestBuilder request, int status) throws Exception {
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Nested
	class Creating {

		@Test
		void theFormOffersTheDefaultsAndEveryPresetScenario() throws Exception {
			String page = html(get("/exercises/new"), 200);
			assertThat(page).contains("<option value=\"defaults\" selected=\"selected\">");
			ExerciseControllerTests.this.pack.scenarios()
				.forEach((s) -> assertThat(page).contains("value=\"preset:" + s.id() + "\""));
			assertThat(page).contains("name=\"_csrf\"");
		}

		@Test
		void aValidFormCreatesTheExerciseAndLeadsToTheFacilitatorsPage() throws Exception {
			int before = ExerciseControllerTests.this.exercises.count();
			Made made = make("Baku under pressure", "preset:2016-april-war");
			assertThat(ExerciseControllerTests.this.exercises.count()).isEqualTo(before + 1);
			Exercise exercise = ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow();
			var scenario = ExerciseControllerTests.this.pack.scenario("2016-april-war").orElseThrow();
			assertThat(exercise.startLabel()).isEqualTo("Preset: " + scenario.title());
			assertThat(exercise.startConditions()).isEqualTo(ExerciseControllerTests.this.pack.conditionsOf(scenario));
			assertThat(exercise.packVersion()).isEqualTo(ExerciseControllerTests.this.pack.descriptor().version());

			String page = html(get(made.edit()).param("created", "1"), 200);
			assertThat(page).contains("Keep this link secret; it is the only way to change the exercise.")
				.contains("value=\"http://localhost/exercises/" + made.id() + "\"")
				.contains("value=\"http://localhost" + made.edit() + "\"")
				.contains("The exercise is created.");
		}

		@Test
		void problemsAreShownByTheFieldsWithEverythingTypedKeptAndNothingStored() throws Exception {
			int before = ExerciseControllerTests.this.exercises.count();
			String briefing = "Day one <b>brief</b>\n" + "x".repeat(4000);
			String page = html(post("/exercises").with(csrf()).param("title", "  ").param("briefing", briefing)
				.param("start", "preset:2016-april-war"), 400);
			assertThat(page).contains("Give the exercise a title")
				.contains("The briefing can be at most 4000 characters (this has 4021).")
				.contains("href=\"#title\"", "href=\"#briefing\"")
				.contains("Day one &lt;b&gt;brief&lt;/b&gt;\n" + "x".repeat(4000))
				.contains("<option value=\"preset:2016-april-war\" selected=\"selected\">")
				.contains("aria-invalid=\"true\"");
			assertThat(ExerciseControllerTests.this.exercises.count()).isEqualTo(before);
		}

		@Test
		void anUnknownStartIsAFieldProblemNotAnError() throws Exception {
			String page = html(post("/exercises").with(csrf()).param("title", "Kept title")
				.param("start", "preset:no-such-scenario"), 400);
			assertThat(page).contains("Choose where the exercise starts from the list.").contains("value=\"Kept title\"");
			html(post("/exercises").with(csrf()).param("title", "No start"), 400);
		}

		@Test
		void aSavedScenarioGivenByItsViewLinkIsTheStart() throws Exception {
			Map<String, String> answers = new java.util.HashMap<>(ExerciseControllerTests.this.pack.defaults());
			answers.put("oil_price", "low");
			answers.put("condition_of_an_older_pack", "x");
			SavedScenarioRepository.Created saved = ExerciseControllerTests.this.savedScenarios.create("Oil slump",
					"", answers, "1.0.0");
			String link = "https://advisor.example/scenarios/" + saved.scenario().id() + "?from=mail";
			MvcResult result = ExerciseControllerTests.this.mvc.perform(post("/exercises").with(csrf())
				.param("title", "From saved").param("start", "saved").param("saved-scenario", link))
				.andExpect(status().isFound()).andReturn();
			Matcher m = EDIT_LINK.matcher(result.getResponse().getRedirectedUrl());
			assertThat(m.find()).isTrue();
			Exercise exercise = ExerciseControllerTests.this.exercises.find(m.group(1)).orElseThrow();
			assertThat(exercise.startLabel()).isEqualTo("Saved scenario: Oil slump");
			assertThat(exercise.startConditions()).containsEntry("oil_price", "low")
				.doesNotContainKey("condition_of_an_older_pack")
				.hasSize(ExerciseControllerTests.this.pack.conditions().size());
		}

		@Test
		void aSavedScenarioThatIsNotThereOrNotChosenIsAFieldProblem() throws Exception {
			assertThat(html(post("/exercises").with(csrf()).param("title", "t").param("start", "saved")
				.param("saved-scenario", "https://advisor.example/scenarios/AAAAAAAAAAAAAAAA"), 400))
				.contains("There is no saved scenario at “https://advisor.example/scenarios/AAAAAAAAAAAAAAAA”")
				.contains("value=\"https://advisor.example/scenarios/AAAAAAAAAAAAAAAA\"")
				.contains("<option value=\"saved\" selected=\"selected\">");
			assertThat(html(post("/exercises").with(csrf()).param("title", "t").param("start", "saved"), 400))
				.contains("Paste the saved scenario");
			assertThat(html(post("/exercises").with(csrf()).param("title", "t").param("start", "defaults")
				.param("saved-scenario", "AAAAAAAAAAAAAAAA"), 400))
				.contains("Choose “A saved scenario” in this list");
		}

		@Test
		void withoutTheCsrfTokenNothingIsCreated() throws Exception {
			int before = ExerciseControllerTests.this.exercises.count();
			ExerciseControllerTests.this.mvc.perform(post("/exercises").param("title", "x").param("start", "defaults"))
				.andExpect(status().isForbidden());
			assertThat(ExerciseControllerTests.this.exercises.count()).isEqualTo(before);
		}

	}

	@Nested
	class AddingTurns {

		@Test
		void aTurnIsStoredAndTheRulesFireAgain() throws Exception {
			Made made = make("Oil", "defaults");
			MvcResult result = ExerciseControllerTests.this.mvc.perform(post(made.edit() + "/turns").with(csrf())
				.param("turn-title", "Oil price crash").param("rows", "3")
				.param("inject-0-change", "oil_price=low").param("inject-0-note", "Brent below $40"))
				.andExpect(status().isFound()).andReturn();
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(made.edit() + "?added=1#turn-1");
			Exercise exercise = ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow();
			assertThat(exercise.turns()).singleElement().satisfies((t) -> {
				assertThat(t.title()).isEqualTo("Oil price crash");
				assertThat(t.injects()).containsExactly(new Exercise.Inject("oil_price", "low", "Brent below $40"));
			});
			String view = html(get("/exercises/" + made.id()), 200);
			assertThat(view).contains("New risk:").contains("Economic collapse pitches the country")
				.contains("Brent below $40").contains("data-status=\"appeared-possible\"");
		}

		@Test
		void problemsAreShownByTheirRowsWithEverythingTypedKept() throws Exception {
			Made made = make("Problems", "defaults");
			String page = html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "Day 2").param("rows", "4")
				.param("inject-0-change", "oil_price=medium").param("inject-0-note", "Already so")
				.param("inject-1-note", "A note without a change")
				.param("inject-2-change", "oil_price=low")
				.param("inject-3-change", "oil_price=high").param("inject-3-note", "n".repeat(301)), 400);
			assertThat(page).contains("is already “Medium” at this point; choose another value.")
				.contains("Choose the change this note is about, or clear the note.")
				.contains("Inject 3 already changes “What is the level of world oil prices?”")
				.contains("A note can be at most 300 characters (this has 301).")
				.contains("href=\"#inject-0-change\"", "href=\"#inject-1-change\"", "href=\"#inject-3-change\"",
						"href=\"#inject-3-note\"")
				.contains("value=\"Day 2\"", "value=\"Already so\"", "value=\"A note without a change\"",
						"value=\"" + "n".repeat(301) + "\"")
				.contains("<option value=\"oil_price=low\" selected=\"selected\"");
			assertThat(countOf(page, "<fieldset class=\"inject-row")).isEqualTo(4);
			assertThat(ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow().turns()).isEmpty();
		}

		@Test
		void aTurnNeedsATitleAndAnInject() throws Exception {
			Made made = make("Empty", "defaults");
			String page = html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "").param("rows", "3"), 400);
			assertThat(page).contains("Give the turn a title")
				.contains("Add at least one inject: choose a change in one of the rows.");
			html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "x")
				.param("inject-0-change", "no_such_condition=1"), 400);
			assertThat(ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow().turns()).isEmpty();
		}

		@Test
		void addAnotherInjectKeepsWhatWasTypedAndStoresNothing() throws Exception {
			Made made = make("More rows", "defaults");
			String page = html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "Typed title")
				.param("rows", "3").param("inject-0-change", "oil_price=low").param("inject-0-note", "Typed note")
				.param("more", "1"), 200);
			assertThat(countOf(page, "<fieldset class=\"inject-row")).isEqualTo(4);
			assertThat(page).contains("value=\"Typed title\"", "value=\"Typed note\"",
					"<option value=\"oil_price=low\" selected=\"selected\"", "name=\"inject-3-change\"");
			assertThat(ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow().turns()).isEmpty();
		}

		@Test
		void noMoreThanTenInjectRowsAreReadOrShown() throws Exception {
			Made made = make("Ten", "defaults");
			String page = html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "t").param("rows", "500")
				.param("inject-12-change", "oil_price=low").param("more", "1"), 200);
			assertThat(countOf(page, "<fieldset class=\"inject-row")).isEqualTo(TurnForm.MAX_INJECTS);
			assertThat(page).doesNotContain("name=\"inject-12-change\"").doesNotContain(">Add another inject<");
			// The row past the last is not read: without another inject there is none.
			html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "t")
				.param("inject-12-change", "oil_price=low"), 400);
		}

		@Test
		void anExerciseStopsAtFiftyTurns() throws Exception {
			Made made = make("Long", "defaults");
			for (int i = 1; i <= TurnForm.MAX_TURNS; i++) {
				ExerciseControllerTests.this.exercises.addTurn(made.id(), "Turn " + i,
						List.of(new Exercise.Inject("oil_price", (i % 2 == 1) ? "low" : "medium", "")));
			}
			String page = html(post(made.edit() + "/turns").with(csrf()).param("turn-title", "One more")
				.param("inject-0-change", "western_engagement=high"), 400);
			assertThat(page).contains("This exercise has 50 turns, the most it can have.");
			assertThat(ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow().turns()).hasSize(50);
		}

	}

	@Nested
	class Managing {

		@Test
		void undoRemovesTheLastTurnOnceEvenIfSentTwice() throws Exception {
			Made made = make("Undo", "defaults");
			addTurn(made, "One", "oil_price=low");
			addTurn(made, "Two", "western_engagement=high");
			ExerciseControllerTests.this.mvc.perform(post(made.edit() + "/undo").with(csrf()).param("turn", "2"))
				.andExpect(status().isFound());
			ExerciseControllerTests.this.mvc.perform(post(made.edit() + "/undo").with(csrf()).param("turn", "2"))
				.andExpect(status().isFound());
			ExerciseControllerTests.this.mvc.perform(post(made.edit() + "/undo").with(csrf()).param("turn", "two"))
				.andExpect(status().isFound());
			assertThat(ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow().turns())
				.extracting(Exercise.Turn::title).containsExactly("One");
		}

		@Test
		void detailsAreCheckedAndKeptWhenWrong() throws Exception {
			Made made = make("Old title", "defaults");
			String page = html(post(made.edit() + "/details").with(csrf()).param("title", "")
				.param("briefing", "A briefing I typed"), 400);
			assertThat(page).contains("Give the exercise a title").contains("A briefing I typed")
				.contains("href=\"#details-title\"");
			assertThat(ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow().title())
				.isEqualTo("Old title");
			ExerciseControllerTests.this.mvc.perform(post(made.edit() + "/details").with(csrf())
				.param("title", "New title").param("briefing", "Line 1\r\nLine 2")).andExpect(status().isFound());
			Exercise exercise = ExerciseControllerTests.this.exercises.find(made.id()).orElseThrow();
			assertThat(exercise.title()).isEqualTo("New title");
			assertThat(exercise.briefing()).isEqualTo("Line 1\nLine 2");
		}

		@Test
		void deleteAsksFirstThenRemovesTheExercise() throws Exception {
			Made made = make("Doomed", "defaults");
			addTurn(made, "One", "oil_price=low");
			String confirm = html(get(made.edit() + "/delete"), 200);
			assertThat(confirm).contains("Delete “<span>Doomed</span>”?").contains("No, keep it");
			assertThat(ExerciseControllerTests.this.exercises.find(made.id())).isPresent();
			ExerciseControllerTests.this.mvc.perform(post(made.edit() + "/delete").with(csrf()))
				.andExpect(status().isFound())
				.andExpect((r) -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/exercises?deleted=1"));
			assertThat(ExerciseControllerTests.this.exercises.find(made.id())).isEmpty();
			assertThat(html(get("/exercises/" + made.id()), 404)).contains("There is no exercise at this address");
		}

	}

	@Nested
	class Reading {

		@Test
		void theParticipantsViewShowsTheChartAndItsTableButNoEditLink() throws Exception {
			Made made = make("Readers", "defaults");
			addTurn(made, "Crash", "oil_price=low");
			String page = html(get("/exercises/" + made.id()), 200);
			assertThat(page).contains("<svg", "role=\"img\"", "aria-labelledby=\"timeline-title timeline-desc\"")
				.contains("<table class=\"timeline-table\">").contains("reload the page")
				.doesNotContain(made.token()).doesNotContain("/edit/");
		}

		@Test
		void theViewTellsItsScriptWhenTheExerciseLastChanged() throws Exception {
			Made made = make("Followed", "defaults");
			String page = html(get("/exercises/" + made.id()), 200);
			String before = html(get("/exercises/" + made.id() + "/updated"), 200);
			assertThat(page).contains("data-updated=\"" + before + "\"")
				.contains("data-updated-url=\"/exercises/" + made.id() + "/updated\"")
				.contains("<script src=\"/js/exercise-follow.js\" defer></script>");
			addTurn(made, "Crash", "oil_price=low");
			assertThat(html(get("/exercises/" + made.id() + "/updated"), 200)).isNotEqualTo(before);
			html(get("/exercises/AAAAAAAAAAAAAAAA/updated"), 404);
		}

		@Test
		void theChartDownloadsAsPng() throws Exception {
			Made made = make("Picture", "defaults");
			MvcResult result = ExerciseControllerTests.this.mvc.perform(get("/exercises/" + made.id() + "/timeline.png"))
				.andExpect(status().isOk()).andExpect(content().contentType("image/png")).andReturn();
			byte[] png = result.getResponse().getContentAsByteArray();
			assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isPositive();
		}

		@Test
		void thePagesLinkToTheAfterActionReport() throws Exception {
			Made made = make("Debrief", "defaults");
			assertThat(html(get("/exercises/" + made.id()), 200))
				.contains("href=\"/exercises/" + made.id() + "/report.pdf\"")
				.contains("href=\"/exercises/" + made.id() + "/report.md\"");
			assertThat(html(get(made.edit()), 200)).contains("href=\"/exercises/" + made.id() + "/report.pdf\"");
		}

		@Test
		void theListLinksToViewLinksOnly() throws Exception {
			Made made = make("Listed <exercise>", "defaults");
			String page = html(get("/exercises"), 200);
			assertThat(page).contains("href=\"/exercises/" + made.id() + "\"").contains("Listed &lt;exercise&gt;")
				.doesNotContain("/edit/");
			assertThat(html(get("/exercises").param("deleted", "1"), 200)).contains("The exercise is deleted.");
		}

		@ParameterizedTest
		@MethodSource("org.policyadvisor.exercise.ExerciseControllerTests#missingIds")
		void unknownAndMalformedIdsAreNotFound(String id) throws Exception {
			for (String path : List.of("/exercises/" + id, "/exercises/" + id + "/timeline.png",
					"/exercises/" + id + "/edit/" + SecretLinks.newToken(),
					"/exercises/" + id + "/edit/" + SecretLinks.newToken() + "/delete")) {
				ExerciseControllerTests.this.mvc.perform(get(path)).andExpect(status().isNotFound())
					.andExpect(view().name(ExerciseController.VIEW_NOT_FOUND));
			}
		}

	}

	static Stream<String> missingIds() {
		return Stream.of("AAAAAAAAAAAAAAAA", "short", "x'--", "<script>", "a".repeat(200));
	}

	/** Each change the facilitator can make, with a body that would succeed with the right token. */
	static Stream<Arguments> changes() {
		return Stream.of(Arguments.of("turns", Map.of("turn-title", "Sneaky", "inject-0-change", "oil_price=high")),
				Arguments.of("undo", Map.of("turn", "1")),
				Arguments.of("details", Map.of("title", "Defaced", "briefing", "")),
				Arguments.of("delete", Map.of()));
	}

	@Nested
	class WithoutTheEditToken {

		@ParameterizedTest(name = "{0}")
		@MethodSource("org.policyadvisor.exercise.ExerciseControllerTests#changes")
		void aWrongMalformedOrMissingTokenChangesNothing(String action, Map<String, String> body) throws Exception {
			Made made = make("Guarded", "defaults");
			addTurn(made, "One", "oil_price=low");
			String before = snapshot(made.id());
			List<String> paths = List.of("/exercises/" + made.id() + "/edit/" + SecretLinks.newToken() + "/" + action,
					"/exercises/" + made.id() + "/edit/" + made.token().substring(1) + "/" + action,
					"/exercises/" + made.id() + "/edit/not-a-token/" + action,
					"/exercises/" + made.id() + "/edit/<script>/" + action,
					"/exercises/" + made.id() + "/" + action);
			for (String path : paths) {
				MockHttpServletRequestBuilder request = post(path).with(csrf());
				body.forEach(request::param);
				String page = html(request, 403);
				assertThat(page).as(path).contains("This needs the exercise's edit link").contains("Nothing was changed.");
			}
			assertThat(snapshot(made.id())).isEqualTo(before);
			// The right token does it.
			MockHttpServletRequestBuilder request = post(made.edit() + "/" + action).with(csrf());
			body.forEach(request::param);
			ExerciseControllerTests.this.mvc.perform(request).andExpect(status().isFound());
			assertThat(snapshot(made.id())).isNotEqualTo(before);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("org.policyadvisor.exercise.ExerciseControllerTests#changes")
		void aChangeToAnUnknownOrMalformedIdIsNotFound(String action, Map<String, String> body) throws Exception {
			for (String id : List.of("AAAAAAAAAAAAAAAA", "bad")) {
				MockHttpServletRequestBuilder request = post("/exercises/" + id + "/edit/" + SecretLinks.newToken()
						+ "/" + action).with(csrf());
				body.forEach(request::param);
				ExerciseControllerTests.this.mvc.perform(request).andExpect(status().isNotFound());
			}
		}

		@Test
		void theEditPagesNeedTheToken() throws Exception {
			Made made = make("Pages", "defaults");
			for (String path : List.of("/exercises/" + made.id() + "/edit/" + SecretLinks.newToken(),
					"/exercises/" + made.id() + "/edit/" + SecretLinks.newToken() + "/delete",
					"/exercises/" + made.id() + "/edit/x", "/exercises/" + made.id() + "/edit")) {
				assertThat(html(get(path), 403)).as(path).contains("This needs the exercise's edit link")
					.contains("href=\"/exercises/" + made.id() + "\"");
			}
		}

	}

	private void addTurn(Made made, String title, String change) throws Exception {
		this.mvc.perform(post(made.edit() + "/turns").with(csrf()).param("turn-title", title)
			.param("inject-0-change", change)).andExpect(status().isFound());
	}

	/** Everything stored about an exercise, to compare before and after a refused change. */
	private String snapshot(String id) {
		return this.jdbc.sql("SELECT title, briefing, updated_at FROM exercise WHERE id = :id").param("id", id)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).optional().orElse("gone")
				+ "|" + this.jdbc.sql("SELECT COUNT(*) FROM exercise_turn WHERE exercise_id = :id").param("id", id)
					.query(Integer.class).single()
				+ "|" + this.jdbc.sql("SELECT COUNT(*) FROM exercise_inject WHERE exercise_id = :id").param("id", id)
					.query(Integer.class).single();
	}

	private static int countOf(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

}
