// The login page that says a staff form was not saved (the session had ended): marks what
// admin-forms.js kept of that form so that the form's page, after the login, fills it
// back in. Loaded only on that page.
(function () {
  'use strict';
  var KEY = 'winevents:unsent-form';
  try {
    var kept = JSON.parse(window.sessionStorage.getItem(KEY));
    // Kept at the form's submit, moments ago; an older entry is not filled back in.
    if (kept && Date.now() - kept.at < 10 * 60 * 1000) {
      kept.afterLogin = true;
      window.sessionStorage.setItem(KEY, JSON.stringify(kept));
    } else if (kept) {
      window.sessionStorage.removeItem(KEY);
    }
  } catch (e) {
    // Nothing kept, or storage off: the form is typed again, as the page says.
  }
}());
