// The event editor, made quicker where scripts run; every button works without this file.
// Loaded as an external file because the Content-Security-Policy forbids inline scripts.
// Without it, a row button (add, remove, move a speaker or partner) posts the form with
// _row=verb:list[:index] and the server sends the form back changed (ROWS.md). Here the
// same happens in place: the rows are moved in the page and renumbered, so that the names
// posted on Save (speakers[0].name, ...) follow the order on screen.
(function () {
  'use strict';

  var form = document.querySelector('form[data-editor]');
  if (!form) {
    return;
  }

  // After a failed save, start where the problems are listed (unless a row button
  // already chose where the focus goes).
  var summary = document.querySelector('.error-summary');
  if (summary && !form.querySelector('[autofocus]')) {
    summary.focus();
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button[name="_row"]');
    if (!button) {
      return;
    }
    var parts = button.value.split(':');
    // Flat lists only (verb:list or verb:list:index): nested rows go to the server.
    var group = (parts.length <= 3) ? form.querySelector('[data-rows="' + parts[1] + '"]') : null;
    if (!group) {
      return;
    }
    var list = group.querySelector('[data-rows-list]');
    var rows = Array.prototype.slice.call(list.children);
    var verb = parts[0];
    var index = parseInt(parts[2], 10);
    var row = rows[index];

    if (verb === 'add') {
      if (!rows.length) {
        return; // nothing to copy the new row from: the server adds it
      }
      event.preventDefault();
      row = rows[rows.length - 1].cloneNode(true);
      clear(row);
      list.appendChild(row);
      renumber(group, parts[1]);
      firstField(row).focus();
    }
    else if (row && verb === 'remove') {
      event.preventDefault();
      list.removeChild(row);
      renumber(group, parts[1]);
      var next = list.children[Math.min(index, list.children.length - 1)];
      (next ? firstField(next) : document.getElementById(parts[1] + '-add')).focus();
    }
    else if (row && (verb === 'up' || verb === 'down')) {
      event.preventDefault();
      if (verb === 'up' && index > 0) {
        list.insertBefore(row, rows[index - 1]);
      }
      else if (verb === 'down' && index < rows.length - 1) {
        list.insertBefore(rows[index + 1], row);
      }
      renumber(group, parts[1]);
      // Keep the focus on the button pressed, or the other one at either end.
      var same = row.querySelector('[data-row-button="' + verb + '"]');
      var other = row.querySelector('[data-row-button="' + (verb === 'up' ? 'down' : 'up') + '"]');
      var remove = row.querySelector('[data-row-button="remove"]');
      (!same.hidden ? same : (!other.hidden ? other : remove)).focus();
    }
  });

  function firstField(row) {
    return row.querySelector('input, select, textarea');
  }

  // A copied row starts empty, without the errors of the row it was copied from.
  function clear(row) {
    row.querySelectorAll('input, textarea').forEach(function (field) {
      field.value = '';
    });
    row.querySelectorAll('select').forEach(function (field) {
      field.selectedIndex = 0;
    });
    row.querySelectorAll('.field-error').forEach(function (error) {
      error.parentNode.removeChild(error);
    });
    row.querySelectorAll('.field--error').forEach(function (field) {
      field.classList.remove('field--error');
    });
    row.querySelectorAll('[aria-invalid]').forEach(function (field) {
      field.removeAttribute('aria-invalid');
      var hints = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && !/-error$/.test(id);
      });
      if (hints.length) {
        field.setAttribute('aria-describedby', hints.join(' '));
      }
      else {
        field.removeAttribute('aria-describedby');
      }
    });
    row.querySelectorAll('[autofocus]').forEach(function (element) {
      element.removeAttribute('autofocus');
    });
  }

  // Row i gets names list[i].field, ids list-i-field, button values verb:list:i and the
  // number i + 1; the first row has no "up" button and the last no "down".
  function renumber(group, name) {
    var rows = group.querySelector('[data-rows-list]').children;
    var named = new RegExp('^' + name + '\\[\\d+\\]');
    var identified = new RegExp('^' + name + '-\\d+-');
    for (var i = 0; i < rows.length; i++) {
      var prefix = name + '-' + i + '-';
      rows[i].querySelectorAll('*').forEach(function (element) {
        if (element.name && named.test(element.name)) {
          element.name = element.name.replace(named, name + '[' + i + ']');
        }
        if (element.id) {
          element.id = element.id.replace(identified, prefix);
        }
        if (element.htmlFor) {
          element.htmlFor = element.htmlFor.replace(identified, prefix);
        }
        var described = element.getAttribute('aria-describedby');
        if (described) {
          element.setAttribute('aria-describedby', described.split(' ').map(function (id) {
            return id.replace(identified, prefix);
          }).join(' '));
        }
        if (element.name === '_row') {
          element.value = element.value.replace(/:\d+$/, ':' + i);
        }
        if (element.hasAttribute('data-row-number')) {
          element.textContent = String(i + 1);
        }
        if (element.getAttribute('data-row-button') === 'up') {
          element.hidden = (i === 0);
        }
        if (element.getAttribute('data-row-button') === 'down') {
          element.hidden = (i === rows.length - 1);
        }
      });
    }
  }
}());
