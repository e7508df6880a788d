package org.policyadvisor.saved;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.policyadvisor.advisor.FormView;
import org.policyadvisor.engine.ConditionValidator;
import org.policyadvisor.engine.RuleBase;
import org.policyadvisor.engine.RulePack;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Saved scenarios: save the conditions of a result or of the form under a name, list them, view one, duplicate it,
 * and, with its secret edit link, change or delete it. The view link ({@code /scenarios/{id}}) is for anyone; the edit
 * link ({@code /scenarios/{id}/edit/{token}}) carries the token the repository checks on every change.
 * <p>
 * An unknown id and a wrong token look the same from outside, a 404 page, so an edit link cannot be probed for the
 * difference; a malformed id or token never reaches a query.
 */
@Controller
class SavedScenarioController {

	static final String VIEW_LIST = "saved/list";

	static final String VIEW_SHOW = "saved/view";

	static final String VIEW_EDIT = "saved/edit";

	static final String VIEW_DELETE = "saved/delete";

	static final String VIEW_NOT_FOUND = "saved/not-found";

	static final String REDIRECT_EDIT = "redirect:/scenarios/{id}/edit/{token}";

	static final String REDIRECT_LIST = "redirect:/scenarios";

	static final int PAGE_SIZE = 20;

	/** What the edit page says after a redirect to it, by the {@code done} parameter; other values say nothing. */
	private static final Map<String, String> DONE_MESSAGES = Map.of("created", "Scenario saved.", "copied",
			"Copy saved. This is a new scenario with its own links; the original is unchanged.", "updated",
			"Changes saved.");

	private final SavedScenarioRepository scenarios;

	private final RuleBase ruleBase;

	SavedScenarioController(SavedScenarioRepository scenarios, RuleBase ruleBase) {
		this.scenarios = scenarios;
		this.ruleBase = ruleBase;
	}

	/** The saved scenarios, most recently changed first; never their edit links. */
	@GetMapping("/scenarios")
	String list(@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "deleted", required = false) String deleted, Model model) {
		long total = this.scenarios.count();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(pageNumber(page), pages);
		List<ListEntry> entries = this.scenarios.list(PAGE_SIZE, (current - 1) * PAGE_SIZE).stream()
			.map(ListEntry::of)
			.toList();
		model.addAttribute("entries", entries);
		model.addAttribute("page", new Paging(current, pages, total));
		model.addAttribute("deleted", deleted != null);
		return VIEW_LIST;
	}

	/** The save form for conditions carried in the query string, as the advisor's form submits them. */
	@GetMapping("/scenarios/new")
	String newScenario(@RequestParam Map<String, String> params, Model model) {
		RulePack pack = this.ruleBase.pack();
		ConditionValidator.Result conditions = ConditionValidator.validate(pack, params, false);
		return showNew(ScenarioSubmission.prefilled("", "", conditions), model);
	}

	/** Saves a new scenario, then shows its edit page with both links (post, redirect, get). */
	@PostMapping("/scenarios")
	String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		RulePack pack = this.ruleBase.pack();
		ScenarioSubmission submission = ScenarioSubmission.of(pack, params);
		if (!submission.valid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showNew(submission, model);
		}
		SavedScenarioRepository.Created created = this.scenarios.create(submission.name(), submission.notes(),
				submission.conditions().values(), pack.descriptor().version());
		return redirectToEdit(created, "created", redirect);
	}

	@GetMapping("/scenarios/{id}")
	String show(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<SavedScenario> scenario = this.scenarios.find(id);
		if (scenario.isEmpty()) {
			return notFound(model, response, false);
		}
		model.addAttribute("saved", SavedScenarioView.of(this.ruleBase, scenario.get()));
		model.addAttribute("viewLink", viewLink(id));
		return VIEW_SHOW;
	}

	/** A copy under a new id and token; anyone may duplicate, as anyone may read. */
	@PostMapping("/scenarios/{id}/duplicate")
	String duplicate(@PathVariable String id, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Optional<SavedScenarioRepository.Created> copy = this.scenarios.duplicate(id);
		if (copy.isEmpty()) {
			return notFound(model, response, false);
		}
		return redirectToEdit(copy.get(), "copied", redirect);
	}

	@GetMapping("/scenarios/{id}/edit/{token}")
	String edit(@PathVariable String id, @PathVariable String token,
			@RequestParam(name = "done", required = false) String done, Model model, HttpServletResponse response) {
		Optional<SavedScenario> found = editable(id, token);
		if (found.isEmpty()) {
			return notFound(model, response, true);
		}
		SavedScenario scenario = found.get();
		SavedConditions conditions = SavedConditions.of(this.ruleBase.pack(), scenario.conditions());
		ScenarioSubmission entry = ScenarioSubmission.prefilled(scenario.name(), scenario.notes(),
				new ConditionValidator.Result(conditions.values(), Map.of()));
		model.addAttribute("done", (done != null) ? DONE_MESSAGES.get(done) : null);
		model.addAttribute("justCreated", "created".equals(done) || "copied".equals(done));
		model.addAttribute("ignored", conditions.ignored());
		return showEdit(scenario, token, entry, model, response);
	}

	/** Changes name, notes and conditions; without the right token, nothing changes. */
	@PostMapping("/scenarios/{id}/edit/{token}")
	String update(@PathVariable String id, @PathVariable String token, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Optional<SavedScenario> found = editable(id, token);
		if (found.isEmpty()) {
			return notFound(model, response, true);
		}
		RulePack pack = this.ruleBase.pack();
		ScenarioSubmission submission = ScenarioSubmission.of(pack, params);
		if (!submission.valid()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("ignored", List.of());
			return showEdit(found.get(), token, submission, model, response);
		}
		Optional<SavedScenario> updated = this.scenarios.update(id, token, submission.name(), submission.notes(),
				submission.conditions().values(), pack.descriptor().version());
		if (updated.isEmpty()) {
			// Deleted between the check and the change.
			return notFound(model, response, true);
		}
		redirect.addAttribute("id", id);
		redirect.addAttribute("token", token);
		redirect.addAttribute("done", "updated");
		return REDIRECT_EDIT;
	}

	/** Asks before deleting: a scenario deleted is gone for everyone who has its link. */
	@GetMapping("/scenarios/{id}/edit/{token}/delete")
	String confirmDelete(@PathVariable String id, @PathVariable String token, Model model,
			HttpServletResponse response) {
		Optional<SavedScenario> found = editable(id, token);
		if (found.isEmpty()) {
			return notFound(model, response, true);
		}
		model.addAttribute("scenario", found.get());
		model.addAttribute("token", token);
		noIndex(response);
		return VIEW_DELETE;
	}

	@PostMapping("/scenarios/{id}/edit/{token}/delete")
	String delete(@PathVariable String id, @PathVariable String token, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!this.scenarios.delete(id, token)) {
			return notFound(model, response, true);
		}
		redirect.addAttribute("deleted", "");
		return REDIRECT_LIST;
	}

	/** An edit link cut short before its token: as unknown as a wrong token, whatever the method. */
	@RequestMapping("/scenarios/{id}/edit")
	String editWithoutToken(Model model, HttpServletResponse response) {
		return notFound(model, response, true);
	}

	private Optional<SavedScenario> editable(String id, String token) {
		return this.scenarios.canEdit(id, token) ? this.scenarios.find(id) : Optional.empty();
	}

	private String showNew(ScenarioSubmission entry, Model model) {
		model.addAttribute("entry", entry);
		model.addAttribute("form", FormView.of(this.ruleBase.pack(), entry.conditions(), false));
		model.addAttribute("ignored", List.of());
		return VIEW_EDIT;
	}

	private String showEdit(SavedScenario scenario, String token, ScenarioSubmission entry, Model model,
			HttpServletResponse response) {
		model.addAttribute("scenario", scenario);
		model.addAttribute("token", token);
		model.addAttribute("entry", entry);
		model.addAttribute("form", FormView.of(this.ruleBase.pack(), entry.conditions(), false));
		model.addAttribute("viewLink", viewLink(scenario.id()));
		model.addAttribute("editLink", ServletUriComponentsBuilder.fromCurrentContextPath()
			.pathSegment("scenarios", scenario.id(), "edit", token)
			.toUriString());
		model.addAttribute("updated", SavedScenarioView.format(scenario.updatedAt()));
		noIndex(response);
		return VIEW_EDIT;
	}

	private static String redirectToEdit(SavedScenarioRepository.Created created, String done,
			RedirectAttributes redirect) {
		redirect.addAttribute("id", created.scenario().id());
		redirect.addAttribute("token", created.editToken());
		redirect.addAttribute("done", done);
		return REDIRECT_EDIT;
	}

	private static String notFound(Model model, HttpServletResponse response, boolean editLink) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("editLink", editLink);
		return VIEW_NOT_FOUND;
	}

	/** Pages that show an edit link stay out of search engines, should one ever be pasted somewhere public. */
	private static void noIndex(HttpServletResponse response) {
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
	}

	private static String viewLink(String id) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().pathSegment("scenarios", id).toUriString();
	}

	/** A page number as typed in a link; anything that is not a positive number is the first page. */
	private static int pageNumber(String page) {
		if (page == null || !page.matches("\\d{1,6}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(page));
	}

	/** One line of the list: the name, the start of the notes, and when it last changed. */
	record ListEntry(String id, String name, String notesExcerpt, String updated, String updatedIso) {

		private static final int EXCERPT = 160;

		static ListEntry of(SavedScenario s) {
			String notes = s.notes().replaceAll("\\s+", " ").strip();
			if (notes.length() > EXCERPT) {
				notes = notes.substring(0, EXCERPT - 1).stripTrailing() + "…";
			}
			return new ListEntry(s.id(), s.name(), notes, SavedScenarioView.format(s.updatedAt()),
					s.updatedAt().toString());
		}

	}

	record Paging(int current, int pages, long total) {

		public boolean hasPrevious() {
			return this.current > 1;
		}

		public boolean hasNext() {
			return this.current < this.pages;
		}

	}

}
