// Staff forms: a double click sends a form once, and what was typed into a form sent after
// the session ended comes back after signing in. Every form works without this file.
// Loaded as an external file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';

  // A second click on "Enviar de nuevo" or "Reenviar correo" while the first is on its way
  // would queue a second copy of the email. So while a POST is on its way, another submit
  // is ignored; the page that answers it starts afresh (a form shown again with its errors
  // included). Searches and filters (GET) are never held: sending one twice changes
  // nothing. A form whose answer is a file (the page stays) says so with data-resubmit.
  // Back on the page (the back button), or after 10 s without an answer, forms can be
  // sent again. A script that handles a submit itself (the door page's search) cancels it
  // first, and then this leaves it alone.
  var sending = false;
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.getAttribute('method') || 'get').toLowerCase() !== 'post'
        || form.hasAttribute('data-resubmit') || (form.target && form.target !== '_self')) {
      return;
    }
    if (sending) {
      event.preventDefault();
      return;
    }
    sending = true;
    window.setTimeout(function () { sending = false; }, 10000);
    keep(form);
  });
  window.addEventListener('pageshow', function () { sending = false; });

  // A form sent after the session ended is not saved: the login page says so
  // (EndedSessions) and the login leads back to the form's page. What was typed rides in
  // this tab's sessionStorage meanwhile: kept at each submit, marked by the login page
  // (login.js, only when it says "not saved"), filled back into the same form of the same
  // staff member on the next admin page within ten minutes, and dropped on any admin page
  // either way. Never passwords, files or the CSRF token (the new page's is the valid
  // one); the other hidden fields come back too, such as the version an edit was based on,
  // so a change someone saved meanwhile meets the conflict page instead of being
  // overwritten. Logging out clears it with the site's storage.
  var KEY = 'winevents:unsent-form';
  var KEPT_FOR = 10 * 60 * 1000;
  var staff = document.body.getAttribute('data-staff');

  function kept(field) {
    return field.name && field.name !== '_csrf' && !/^(password|file|submit|button|reset)$/.test(field.type);
  }

  function keep(form) {
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.disabled || !kept(field)) {
        return;
      }
      if (field.type === 'checkbox' || field.type === 'radio') {
        fields.push([field.name, field.value, field.checked]);
      } else if (field.type === 'select-multiple') {
        fields.push([field.name, Array.prototype.filter.call(field.options, function (option) {
          return option.selected;
        }).map(function (option) { return option.value; })]);
      } else {
        fields.push([field.name, field.value]);
      }
    });
    try {
      window.sessionStorage.setItem(KEY,
          JSON.stringify({ action: form.action, staff: staff, at: Date.now(), fields: fields }));
    } catch (e) {
      // Storage full or off: the form is sent as before.
    }
  }

  function restore() {
    var entry;
    try {
      entry = JSON.parse(window.sessionStorage.getItem(KEY));
      window.sessionStorage.removeItem(KEY);
    } catch (e) {
      return;
    }
    if (!entry || !entry.afterLogin || entry.staff !== staff || !(Date.now() - entry.at < KEPT_FOR)) {
      return;
    }
    var form = Array.prototype.find.call(document.forms, function (candidate) {
      return candidate.action === entry.action && (candidate.getAttribute('method') || '').toLowerCase() === 'post';
    });
    var notice = document.getElementById('form-restored');
    if (!form || !notice) {
      return;
    }
    entry.fields.forEach(function (pair) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name !== pair[0] || !kept(field)) {
          return;
        }
        if (field.type === 'checkbox' || field.type === 'radio') {
          if (field.value === pair[1]) {
            field.checked = pair[2];
          }
        } else if (field.type === 'select-multiple') {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = pair[1].indexOf(option.value) >= 0;
          });
        } else {
          field.value = pair[1];
        }
      });
    });
    form.parentNode.insertBefore(notice, form);
    notice.hidden = false;
  }

  if (staff) {
    restore();
  }
}());
