// Staff forms: a double click sends a form once. Every form works without this file.
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
  });
  window.addEventListener('pageshow', function () { sending = false; });
}());
