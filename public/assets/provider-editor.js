// Autosave of the activity editor (progressive enhancement: without JavaScript the
// "Save draft" button does the same). Posts the form as it is, a few seconds after a change.
(function () {
  var form = document.getElementById('activity-form');
  var status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch || !window.URLSearchParams) return;
  var url = status.getAttribute('data-autosave');
  var timer = null;
  function save() {
    timer = null;
    var body = new URLSearchParams(new FormData(form));
    body.delete('intent');
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      .then(function (response) {
        if (response.ok) status.textContent = status.getAttribute('data-saved') + ' ' + new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit' });
      })
      .catch(function () {});
  }
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 3000);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
