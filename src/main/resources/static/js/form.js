// Small improvements to the public forms and the door's walk-in form; every form works without this file.
// Loaded as an external file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';

  // After a failed submit, start where the problems are listed (or at the email hint, or
  // at the line asking to send a form posted too soon again).
  var summary = document.querySelector('.error-summary') || document.getElementById('email-suggestion') ||
    document.getElementById('check-again');
  if (summary) {
    summary.focus();
  }

  // "Use ana@gmail.com": one tap puts the suggested address in the email field.
  document.querySelectorAll('[data-use-email]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var email = document.getElementById('email');
      email.value = button.getAttribute('data-use-email');
      document.getElementById('email-suggestion').hidden = true;
      email.focus();
    });
  });

  // The page a refused (expired) form gets: "Back to the form" is the browser's Back, which
  // shows the form with what was typed; the link's own address is a blank form.
  document.querySelectorAll('a[data-history-back]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (window.history.length > 1) {
        event.preventDefault();
        window.history.back();
      }
    });
  });

  // A double tap sends a form once: a second submit is ignored while the first is on its
  // way (the server would answer it as a second registration, "you are registered
  // already", with another email). Back on the page (the back button), or after 10 s
  // without an answer, the form can be sent again.
  var sending = false;
  document.addEventListener('submit', function (event) {
    if (event.defaultPrevented) {
      return;
    }
    if (sending) {
      event.preventDefault();
      return;
    }
    sending = true;
    window.setTimeout(function () { sending = false; }, 10000);
  });
  window.addEventListener('pageshow', function () { sending = false; });

  // Switching language on a form keeps what was typed: the values go to this tab's
  // sessionStorage, the language link is followed as a plain GET (so the browser's Back
  // never offers to send a form again), and the page in the new language takes them back
  // and deletes them at once. The form stamp goes along, so the form keeps the time it was
  // first shown; the CSRF token and the trap field are the new page's own.
  var form = document.querySelector('form[data-keep-on-language]');
  if (form) {
    var key = 'keep-on-language:' + form.getAttribute('action');
    var skipped = ['_csrf', 'website', 'emailConfirmed'];
    // A field, not a button: a named submit button says which choice was pressed.
    var kept = function (field) {
      return field.name && skipped.indexOf(field.name) < 0 && field.type !== 'submit' && field.type !== 'button';
    };
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(key));
      window.sessionStorage.removeItem(key);
    } catch (ignored) {
      // No storage (private mode, blocked): the switch just shows a blank form.
    }
    if (saved) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!kept(field) || !(field.name in saved)) {
          return;
        }
        var values = saved[field.name];
        if (field.type === 'checkbox' || field.type === 'radio') {
          field.checked = values.indexOf(field.value) >= 0;
        } else if (field.tagName === 'SELECT' && field.multiple) {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = values.indexOf(option.value) >= 0;
          });
        } else {
          field.value = values[0];
        }
      });
    }
    document.querySelectorAll('.lang a[hreflang]').forEach(function (link) {
      link.addEventListener('click', function () {
        var values = {};
        Array.prototype.forEach.call(form.elements, function (field) {
          if (!kept(field)) {
            return;
          }
          values[field.name] = values[field.name] || [];
          if (field.type === 'checkbox' || field.type === 'radio') {
            if (field.checked) {
              values[field.name].push(field.value);
            }
          } else if (field.tagName === 'SELECT' && field.multiple) {
            Array.prototype.forEach.call(field.selectedOptions, function (option) {
              values[field.name].push(option.value);
            });
          } else {
            values[field.name].push(field.value);
          }
        });
        try {
          window.sessionStorage.setItem(key, JSON.stringify(values));
        } catch (ignored) {
          // As above: the link still switches the language.
        }
      });
    });
  }
}());
