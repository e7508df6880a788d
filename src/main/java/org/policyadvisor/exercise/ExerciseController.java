package org.policyadvisor.exercise;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.engine.RulePack;
import org.policyadvisor.sharing.SecretLinks;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tabletop exercises: the list, the facilitator's pages behind the secret edit link, and the participants' read-only
 * view. Every change is a POST whose path carries the edit token, checked against the stored hash before anything
 * else; a wrong or missing token is a 403 page, an unknown or malformed id a 404 page, and neither touches the data.
 */
@Controller
class ExerciseController {

	static final String VIEW_LIST = "exercise/list";

	static final String VIEW_NEW = "exercise/new";

	static final String VIEW_EDIT = "exercise/edit";

	static final String VIEW_SHOW = "exercise/show";

	static final String VIEW_DELETE = "exercise/delete";

	static final String VIEW_NOT_FOUND = "exercise/not-found";

	static final String VIEW_DENIED = "exercise/denied";

	/** The list shows the most recently changed exercises, this many. */
	static final int LIST_LIMIT = 200;

	private final RulePack pack;

	private final ExerciseRepository exercises;

	private final ExerciseReplay replay;

	private final ExerciseStarts starts;

	ExerciseController(RulePack pack, ExerciseRepository exercises, ExerciseReplay replay, ExerciseStarts starts) {
		this.pack = pack;
		this.exercises = exercises;
		this.replay = replay;
		this.starts = starts;
	}

	@GetMapping("/exercises")
	String list(@RequestParam(name = "deleted", required = false) String deleted, Model model) {
		model.addAttribute("exercises", this.exercises.recent(LIST_LIMIT).stream()
			.map((e) -> new ListedExercise(e.id(), e.title(), e.turns(), ExerciseView.shown(e.updatedAt()),
					e.updatedAt().toString()))
			.toList());
		model.addAttribute("total", this.exercises.count());
		model.addAttribute("limit", LIST_LIMIT);
		model.addAttribute("deleted", deleted != null);
		return VIEW_LIST;
	}

	@GetMapping("/exercises/new")
	String newForm(Model model) {
		return newForm(model, DetailsForm.of("", ""), ExerciseStarts.DEFAULTS, "", Map.of());
	}

	@PostMapping("/exercises")
	String create(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		DetailsForm details = DetailsForm.of(params.get(DetailsForm.TITLE), params.get(DetailsForm.BRIEFING));
		String startKey = FormText.clean(params.get("start"), false);
		String savedReference = FormText.clean(params.get(ExerciseStarts.SAVED_FIELD), false);
		Map<String, String> errors = new LinkedHashMap<>(details.errors());
		Optional<ExerciseStarts.Start> start = Optional.empty();
		if (ExerciseStarts.SAVED.equals(startKey)) {
			if (savedReference.isEmpty()) {
				errors.put(ExerciseStarts.SAVED_FIELD, "Paste the saved scenario's view link, or its id.");
			}
			else {
				start = this.starts.saved(savedReference);
				if (start.isEmpty()) {
					errors.put(ExerciseStarts.SAVED_FIELD, "There is no saved scenario at “"
							+ abbreviate(savedReference) + "”. Check the link, or choose another start.");
				}
			}
		}
		else {
			start = this.starts.resolve(startKey);
			if (start.isEmpty()) {
				errors.put("start", "Choose where the exercise starts from the list.");
			}
			else if (!savedReference.isEmpty()) {
				errors.put("start", "Choose “A saved scenario” in this list to start from the saved scenario whose "
						+ "link you gave, or clear the link.");
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return newForm(model, details, startKey, savedReference, errors);
		}
		ExerciseRepository.Created created = this.exercises.create(new NewExercise(details.title(), details.briefing(),
				start.get().label(), start.get().conditions(), this.pack.descriptor().version()));
		return "redirect:" + editPath(created.id(), created.editToken()).queryParam("created", "1").toUriString();
	}

	/** The participants' view: read-only, current as of each reload. */
	@GetMapping("/exercises/{id}")
	String show(@PathVariable String id, Model model) {
		Exercise exercise = this.exercises.find(id).orElseThrow(NotFound::new);
		ExerciseView view = ExerciseView.of(this.pack, this.replay.replay(exercise));
		model.addAttribute("view", view);
		model.addAttribute("viewLink", viewLink(id));
		return VIEW_SHOW;
	}

	/**
	 * When the exercise last changed, as the participants' view shows it in {@code data-updated}: its script asks
	 * this to know when to reload.
	 */
	@GetMapping(path = "/exercises/{id}/updated", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> updated(@PathVariable String id) {
		Instant updated = this.exercises.updatedAt(id).orElseThrow(NotFound::new);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ExerciseView.isoOf(updated));
	}

	@GetMapping(path = "/exercises/{id}/timeline.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> timelinePng(@PathVariable String id) {
		Exercise exercise = this.exercises.find(id).orElseThrow(NotFound::new);
		Timeline timeline = Timeline.of(this.pack, this.replay.replay(exercise));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
			.body(TimelinePng.render(new TimelineLayout(timeline)));
	}

	/** The facilitator's page, behind the secret edit link. */
	@GetMapping("/exercises/{id}/edit/{token}")
	String edit(@PathVariable String id, @PathVariable String token,
			@RequestParam(name = "created", required = false) String created,
			@RequestParam(name = "added", required = false) String added,
			@RequestParam(name = "undone", required = false) String undone,
			@RequestParam(name = "saved", required = false) String saved, Model model) {
		Exercise exercise = editable(id, token);
		if (created != null) {
			model.addAttribute("status", "The exercise is created. Keep the edit link below: it is the only way to "
					+ "change the exercise.");
		}
		else if (added != null) {
			model.addAttribute("status", "Turn " + exercise.lastTurnNumber() + " is added; the rules have fired again.");
		}
		else if (undone != null) {
			model.addAttribute("status", "The last turn is undone.");
		}
		else if (saved != null) {
			model.addAttribute("status", "The title and briefing are saved.");
		}
		return editPage(model, exercise, token, TurnForm.blank(), Map.of(), null, Map.of());
	}

	@PostMapping("/exercises/{id}/edit/{token}/turns")
	String addTurn(@PathVariable String id, @PathVariable String token, @RequestParam Map<String, String> params,
			Model model, HttpServletResponse response) {
		Exercise exercise = editable(id, token);
		TurnForm form = TurnForm.from(params);
		if (params.containsKey("more")) {
			// Another row, and everything typed so far; nothing is stored.
			return editPage(model, exercise, token, form.withAnotherRow(), Map.of(), null, Map.of());
		}
		ExerciseRun run = this.replay.replay(exercise);
		Map<String, String> current = run.last().conditions();
		Map<String, String> errors = new LinkedHashMap<>(form.errors(this.pack, current, exercise.turns().size()));
		if (errors.isEmpty() && !this.replay.settles(form.applyTo(current))) {
			errors.put(TurnForm.INJECTS, "The rules do not settle after these changes (some rules keep defeating "
					+ "each other), so this turn cannot be played. Change one of the injects.");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return editPage(model, exercise, token, form, errors, null, Map.of());
		}
		OptionalInt number = this.exercises.addTurn(id, form.title(), form.injects());
		if (number.isEmpty()) {
			throw new NotFound();
		}
		return "redirect:" + editPath(id, token).queryParam("added", number.getAsInt())
			.fragment("turn-" + number.getAsInt()).toUriString();
	}

	@PostMapping("/exercises/{id}/edit/{token}/undo")
	String undo(@PathVariable String id, @PathVariable String token,
			@RequestParam(name = "turn", required = false) String turn) {
		editable(id, token);
		int number;
		try {
			number = Integer.parseInt((turn != null) ? turn.strip() : "");
		}
		catch (NumberFormatException ex) {
			return "redirect:" + editPath(id, token).toUriString();
		}
		// A stale form (the turn was already undone, or another was added since) changes nothing.
		boolean undone = this.exercises.undoTurn(id, number);
		UriComponentsBuilder target = editPath(id, token);
		if (undone) {
			target.queryParam("undone", number);
		}
		return "redirect:" + target.toUriString();
	}

	@PostMapping("/exercises/{id}/edit/{token}/details")
	String saveDetails(@PathVariable String id, @PathVariable String token, @RequestParam Map<String, String> params,
			Model model, HttpServletResponse response) {
		Exercise exercise = editable(id, token);
		DetailsForm details = DetailsForm.of(params.get(DetailsForm.TITLE), params.get(DetailsForm.BRIEFING));
		Map<String, String> errors = details.errors();
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return editPage(model, exercise, token, TurnForm.blank(), Map.of(), details, errors);
		}
		if (!this.exercises.updateDetails(id, details.title(), details.briefing())) {
			throw new NotFound();
		}
		return "redirect:" + editPath(id, token).queryParam("saved", "1").fragment("details").toUriString();
	}

	@GetMapping("/exercises/{id}/edit/{token}/delete")
	String confirmDelete(@PathVariable String id, @PathVariable String token, Model model) {
		Exercise exercise = editable(id, token);
		model.addAttribute("exercise", exercise);
		model.addAttribute("token", token);
		return VIEW_DELETE;
	}

	@PostMapping("/exercises/{id}/edit/{token}/delete")
	String delete(@PathVariable String id, @PathVariable String token) {
		editable(id, token);
		if (!this.exercises.delete(id)) {
			throw new NotFound();
		}
		return "redirect:/exercises?deleted=1";
	}

	/**
	 * Changes posted without an edit token, and the edit page asked for without one: refused the same way as with a
	 * wrong token, rather than falling through to "no such page".
	 */
	@PostMapping({ "/exercises/{id}/turns", "/exercises/{id}/undo", "/exercises/{id}/details",
			"/exercises/{id}/delete", "/exercises/{id}/edit", "/exercises/{id}" })
	String changeWithoutToken(@PathVariable String id) {
		throw new EditDenied(id);
	}

	@GetMapping("/exercises/{id}/edit")
	String editWithoutToken(@PathVariable String id) {
		throw new EditDenied(id);
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound() {
		ModelAndView page = new ModelAndView(VIEW_NOT_FOUND, HttpStatus.NOT_FOUND);
		page.addObject("pack", this.pack);
		return page;
	}

	@ExceptionHandler(EditDenied.class)
	ModelAndView denied(EditDenied denied) {
		ModelAndView page = new ModelAndView(VIEW_DENIED, HttpStatus.FORBIDDEN);
		page.addObject("pack", this.pack);
		// The view link only for an id that can be one; it is a path, so nothing typed can make it leave the site.
		page.addObject("viewPath", SecretLinks.isWellFormedId(denied.id) ? "/exercises/" + denied.id : null);
		return page;
	}

	/**
	 * The exercise, if the token is its edit token. An unknown or malformed id is 404; a known id with a wrong or
	 * malformed token is 403. The token is compared in constant time against the stored hash.
	 */
	private Exercise editable(String id, String token) {
		String hash = this.exercises.editTokenHash(id).orElseThrow(NotFound::new);
		if (!SecretLinks.matches(token, hash)) {
			throw new EditDenied(id);
		}
		return this.exercises.find(id).orElseThrow(NotFound::new);
	}

	private String newForm(Model model, DetailsForm details, String start, String savedReference,
			Map<String, String> errors) {
		model.addAttribute("details", details);
		model.addAttribute("start", start);
		model.addAttribute("savedReference", savedReference);
		model.addAttribute("starts", this.starts.groups());
		model.addAttribute("errors", errors);
		return VIEW_NEW;
	}

	/**
	 * The facilitator's page, with the turn form and the details form as given: blank, or as typed with the errors
	 * found. {@code details} {@code null} means the stored title and briefing.
	 */
	private String editPage(Model model, Exercise exercise, String token, TurnForm turn, Map<String, String> turnErrors,
			DetailsForm details, Map<String, String> detailErrors) {
		ExerciseView view = ExerciseView.of(this.pack, this.replay.replay(exercise));
		model.addAttribute("view", view);
		model.addAttribute("token", token);
		model.addAttribute("viewLink", viewLink(exercise.id()));
		model.addAttribute("editLink", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/exercises/{id}/edit/{token}").buildAndExpand(exercise.id(), token).toUriString());
		model.addAttribute("turn", turn);
		model.addAttribute("turnErrors", turnErrors);
		model.addAttribute("changes", ExerciseView.changes(this.pack, view.run().last().conditions()));
		model.addAttribute("details", (details != null) ? details
				: new DetailsForm(exercise.title(), exercise.briefing()));
		model.addAttribute("detailErrors", detailErrors);
		model.addAttribute("maxInjects", TurnForm.MAX_INJECTS);
		return VIEW_EDIT;
	}

	private static String abbreviate(String text) {
		return (text.length() > 60) ? text.substring(0, 57) + "…" : text;
	}

	private static String viewLink(String id) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/exercises/{id}").buildAndExpand(id)
			.toUriString();
	}

	/** The facilitator's page's path; id and token are well-formed by now, and are encoded all the same. */
	private static UriComponentsBuilder editPath(String id, String token) {
		return UriComponentsBuilder.fromPath("/exercises/{id}/edit/{token}").uriVariables(Map.of("id", id, "token", token));
	}

	/** A line of the list, its time worded for the page. */
	record ListedExercise(String id, String title, int turns, String updated, String updatedIso) {
	}

	/** No exercise at this address. */
	static final class NotFound extends RuntimeException {

		NotFound() {
			super(null, null, false, false);
		}

	}

	/** A change, or the edit page, asked for without the exercise's edit token. */
	static final class EditDenied extends RuntimeException {

		private final String id;

		EditDenied(String id) {
			super(null, null, false, false);
			this.id = id;
		}

	}

}
