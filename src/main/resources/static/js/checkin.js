// Door check-in: search as you type. Without this script the form works as it is (Enter or
// the button); with it, the results below the box follow what is typed, fetched from the
// same page on the server.
(function () {
  'use strict';
  var form = document.querySelector('form.door__search');
  var input = form && form.querySelector('input[name="q"]');
  var results = document.getElementById('door-results');
  if (!input || !results || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
    return;
  }
  var timer = null;
  var latest = 0;
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var url = form.action + '?' + new URLSearchParams(new FormData(form)).toString();
      var ticket = ++latest;
      window.fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null || ticket !== latest) {
            return;
          }
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('door-results');
          if (fresh) {
            results.replaceWith(fresh);
            results = fresh;
            window.history.replaceState(null, '', url);
          }
        })
        .catch(function () { /* Offline for a moment: Enter still submits the form. */ });
    }, 250);
  });
}());
