// Participants' view of an exercise: offers to reload the page when the facilitator changes the exercise. Without
// this script the page works the same; participants reload it themselves.
(function () {
  'use strict';
  var panel = document.getElementById('follow');
  var toggle = document.getElementById('follow-toggle');
  if (!panel || !toggle || !window.fetch) {
    return;
  }
  var url = panel.getAttribute('data-updated-url');
  var seen = panel.getAttribute('data-updated');
  var key = 'exercise-follow:' + url;
  var timer = null;
  var every = 15000;

  function check() {
    fetch(url, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (updated) {
        if (updated !== null && updated.trim() !== seen) {
          window.location.reload();
        }
      })
      .catch(function () { /* Offline for a moment: try again at the next tick. */ });
  }

  function apply() {
    if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
    if (toggle.checked) {
      timer = window.setInterval(check, every);
    }
  }

  try {
    toggle.checked = window.sessionStorage.getItem(key) === 'on';
  } catch (e) { /* Storage may be refused; the box then starts unticked. */ }
  toggle.addEventListener('change', function () {
    try {
      window.sessionStorage.setItem(key, toggle.checked ? 'on' : 'off');
    } catch (e) { /* Not remembered across reloads, still works until then. */ }
    apply();
  });
  panel.hidden = false;
  apply();
}());
