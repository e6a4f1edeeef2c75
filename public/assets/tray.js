// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.querySelectorAll('.js-only[hidden]').forEach(function (el) {
    el.hidden = false;
  });
  var status = document.querySelector('[data-copy-status]');
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (!button) return;
    if (button.dataset.action === 'print') window.print();
    if (button.dataset.action === 'copy' && navigator.clipboard) {
      navigator.clipboard.writeText(button.dataset.url).then(function () {
        if (status) status.textContent = status.dataset.copied;
      });
    }
  });
  // A form that came back with errors: move focus to the summary so that it is read first.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  // On a narrow screen the results come first: the filters start closed (they are open without JS).
  var filters = document.querySelector('details.filters');
  if (filters && window.matchMedia('(max-width: 56rem)').matches && !document.querySelector('.error-summary')) {
    filters.open = false;
  }
})();
