// Small improvements to the public forms; every form works without this file.
// Loaded as an external file because the Content-Security-Policy forbids inline scripts.
(function () {
  'use strict';

  // After a failed submit, start where the problems are listed (or at the email hint).
  var summary = document.querySelector('.error-summary') || document.getElementById('email-suggestion');
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

  // Switching language on a form keeps what was typed: the form is posted again with the
  // new language and "languageOnly", and the server shows it again without storing anything.
  var form = document.querySelector('form[data-keep-on-language]');
  if (form) {
    document.querySelectorAll('.lang a[hreflang]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        [['lang', link.getAttribute('hreflang')], ['languageOnly', 'true']].forEach(function (pair) {
          var input = document.createElement('input');
          input.type = 'hidden';
          input.name = pair[0];
          input.value = pair[1];
          form.appendChild(input);
        });
        form.submit();
      });
    });
  }
}());
