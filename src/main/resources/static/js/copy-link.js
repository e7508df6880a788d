// Copy buttons beside the links of a saved scenario. The links are plain read-only fields anyone can select and copy,
// so this is only a convenience: the buttons stay hidden unless this script runs.
(function () {
  'use strict';
  const status = document.getElementById('copy-status');

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  async function copy(input) {
    try {
      await navigator.clipboard.writeText(input.value);
      return true;
    } catch (e) {
      // No clipboard API outside a secure context (plain http on another host): fall back to selecting the text.
      input.focus();
      input.select();
      try {
        return document.execCommand('copy');
      } catch (e2) {
        return false;
      }
    }
  }

  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    const input = document.getElementById(button.getAttribute('data-copy'));
    if (!input) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', async function () {
      const label = input.labels && input.labels.length ? input.labels[0].textContent.trim() : 'Link';
      say(await copy(input) ? label + ' copied.' : 'Could not copy: select the link and copy it yourself.');
    });
  });
})();
