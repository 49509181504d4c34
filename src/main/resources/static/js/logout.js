// Logging out clears this site's storage (see WebSecurityConfiguration), and with it the
// check-ins a door page queued in this browser and has not sent yet (checkin.js keeps them
// under 'door-queue:<event slug>'). The door page holds its own logout back while its queue
// is not empty (checkin.js). On the logout page, opened from another tab, this script does
// the same: it says how many check-ins would be lost, links the door page that sends them,
// and logs out only when told "sign out anyway". On every other admin page, the header's
// "Log out" with check-ins unsent leads to that page instead of logging out. Without this
// script logging out works as before.
(function () {
  'use strict';
  if (!window.localStorage || document.getElementById('door')) {
    return;
  }
  var PREFIX = 'door-queue:';
  var unsent = 0;
  var slugs = [];
  try {
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        var queue = JSON.parse(window.localStorage.getItem(key)) || [];
        if (queue.length) {
          unsent += queue.length;
          slugs.push(key.slice(PREFIX.length));
        }
      }
    }
  } catch (e) {
    return;
  }
  if (!unsent) {
    return;
  }
  var forms = document.querySelectorAll('form[action$="/admin/logout"]');
  var root = document.getElementById('logout');
  var box = document.getElementById('logout-queue');
  if (!root || !box) {
    // Another admin page: the logout page says what would be lost.
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        window.location.assign(form.getAttribute('action'));
      });
    });
    return;
  }
  var d = root.dataset;
  var pageForm = root.querySelector('form');
  var leaving = false;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  box.appendChild(el('p', null, unsent === 1 ? d.msgOne : d.msgMany.replace('{0}', unsent)));
  slugs.forEach(function (slug) {
    var link = el('a', 'button', d.msgOpen.replace('{0}', slug));
    link.href = d.doorUrl + encodeURIComponent(slug) + '/checkin';
    box.appendChild(el('p')).appendChild(link);
  });
  var anyway = el('button', 'button button--secondary', d.msgAnyway);
  anyway.type = 'button';
  anyway.addEventListener('click', function () {
    leaving = true;
    pageForm.submit();
  });
  box.appendChild(el('p')).appendChild(anyway);
  box.hidden = false;

  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function (event) {
      if (leaving) {
        return;
      }
      event.preventDefault();
      box.scrollIntoView();
      anyway.focus();
    });
  });
})();
