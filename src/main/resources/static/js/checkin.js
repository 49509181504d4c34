// The door page, offline-capable. Without this script the page works as it is: the search
// form and one form post per check-in or undo. With it, the page keeps a copy of what the
// door needs for this event in localStorage (names, companies, statuses, door codes and
// arrival times; refreshed every minute while online), searches that copy as the volunteer
// types, checks in and undoes on the phone at once, queues those actions and sends them
// in a batch whenever the server answers. The server keeps the first arrival time and
// reports back a check-in of a registration cancelled meanwhile. Each check-in carries a
// random key of its own: the server remembers the key of the arrival it keeps, so the phone
// whose check-in was not the first one (another phone's, even one that synced later with an
// earlier time) says loudly that the person was already in. When the staff session ends the
// queue stays on the phone and the page says so, with a way to sign in again; signing out
// with check-ins still unsent is held back (logout clears this site's storage).
(function () {
  'use strict';
  var root = document.getElementById('door');
  if (!root || !window.fetch || !window.localStorage || !window.Intl || !Array.prototype.forEach) {
    return;
  }
  var d = root.dataset;
  var COPY_KEY = 'door-copy:' + d.slug;
  var QUEUE_KEY = 'door-queue:' + d.slug;
  // The key of each arrival this phone recorded and the server took as the one it keeps.
  var MINE_KEY = 'door-mine:' + d.slug;
  var REFRESH_MS = 60000;
  // A list shows this many cards, then a button for as many more (a long "All" on a phone).
  var PAGE = 40;
  var shown = PAGE;
  var canAct = d.canAct === 'true';
  // After the event's end the list is the record: a status, nobody to stop at the door.
  var over = d.over === 'true';
  var form = root.querySelector('form.door__search');
  var input = form.querySelector('input[name="q"]');
  var results = document.getElementById('door-results');
  var stateLine = document.getElementById('door-state');
  var countLine = document.getElementById('door-count');
  var tools = document.getElementById('door-tools');
  var lettersNav = document.getElementById('door-letters');
  var scanButton = document.getElementById('door-scan');
  var video = document.getElementById('door-video');
  var copy = read(COPY_KEY);
  var queue = read(QUEUE_KEY) || [];
  var mine = read(MINE_KEY) || {};
  var syncing = false;
  // The server answered 401/403: the staff session is over, the queue waits for a new one.
  var signedOut = false;
  var sessionBox = document.getElementById('door-session');
  var logoutForm = document.querySelector('form.logout-form');
  var leaveBox = document.getElementById('door-leave');
  var holdingLogout = false;
  var leaving = false;
  var letter = null;
  var flash = null;
  // The person this phone has just checked in: their card says so calmly; any later sight of
  // them (a new search, a scan, another phone's earlier time) is a repeat and says so loudly.
  var fresh = Number(d.freshId) || null;
  var scanned = null;
  // The search the server answered on this page (the copy holds no emails): its answer
  // stands while the copy finds nobody for the same text.
  var serverSearch = results.dataset.search === undefined ? null : results.dataset.search;
  var timeFormat = new Intl.DateTimeFormat(d.lang, { timeZone: d.zone, hour: '2-digit', minute: '2-digit', hour12: false });

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* Storage full or denied: the page still works while online. */ }
  }

  function text(template, value) {
    return template.replace('{0}', value);
  }

  function normalize(value) {
    // As the server's search (RegistrationFilter.searchable): accents, case and
    // apostrophes of any kind do not count ("obrien" finds "O’Brien").
    return (value || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      .replace(/['\u2018\u2019\u201B\u02BC\u00B4\u0060\u2032]/g, '').toLowerCase();
  }

  function normalizeCode(value) {
    return (value || '').replace(/[\s-]/g, '').toUpperCase();
  }

  function expired(c) {
    return !c || Date.parse(c.expiresAt) < Date.now();
  }

  function forgetCopy() {
    window.localStorage.removeItem(COPY_KEY);
    copy = null;
  }

  // An expired copy is never kept on the phone. While check-ins still wait (a phone without a
  // network all evening, opened again the next morning) a fresh one, expired too, is used in
  // memory only: its token sends them and its names say any refusal.
  if (copy && expired(copy)) {
    forgetCopy();
  }

  function person(id) {
    if (!copy) {
      return null;
    }
    for (var i = 0; i < copy.people.length; i++) {
      if (copy.people[i].id === id) {
        return copy.people[i];
      }
    }
    return null;
  }

  // What the phone did and the server has not heard yet, laid over a fresh copy.
  function overlayQueue() {
    queue.forEach(function (action) {
      var p = person(action.id);
      if (p) {
        p.checkedInAt = action.type === 'in' ? (p.checkedInAt || action.at) : null;
      }
    });
  }

  function online() {
    return navigator.onLine !== false;
  }

  function count(zero, one, many) {
    return queue.length === 0 ? zero : (queue.length === 1 ? one : text(many, queue.length));
  }

  function showSession() {
    if (!sessionBox) {
      return;
    }
    sessionBox.hidden = !signedOut;
    var words = signedOut ? count(d.msgSessionEnded, d.msgSessionEndedOne, d.msgSessionEndedMany) : '';
    // Rewritten only when the words change: an alert is read out each time it is.
    if (!signedOut || sessionBox.dataset.words === words) {
      return;
    }
    sessionBox.dataset.words = words;
    sessionBox.textContent = '';
    sessionBox.appendChild(el('p', null, words));
    var link = el('a', 'button', d.msgSignIn);
    // The door page itself: the server sends a signed-out visitor to the login page and,
    // after it, back here, where the queue is sent.
    link.href = d.swScope;
    sessionBox.appendChild(el('p')).appendChild(link);
  }

  // Logging out clears this site's storage (the queue with it): held back while check-ins
  // wait, and let through once they are sent or when the volunteer says so.
  function showLeave() {
    leaveBox.hidden = !holdingLogout;
    if (!holdingLogout) {
      return;
    }
    if (!queue.length && !leaving) {
      leaving = true;
      logoutForm.submit();
      return;
    }
    var words = count('', d.msgLeaveOne, d.msgLeaveMany);
    if (leaveBox.dataset.words === words) {
      return;
    }
    leaveBox.dataset.words = words;
    leaveBox.textContent = '';
    leaveBox.appendChild(el('p', null, words));
    leaveBox.appendChild(button(d.msgLeaveAnyway, 'button button--secondary', function () {
      leaving = true;
      logoutForm.submit();
    }));
  }

  // "Add a walk-in" needs the server: offline its link is not followed (the browser's own
  // offline page would replace the door page) and the line next to it says why, loudly.
  var walkIn = root.querySelector('.door__walk-in');
  function showWalkIn() {
    if (!walkIn) {
      return;
    }
    var offline = !online();
    walkIn.classList.toggle('door__walk-in--offline', offline);
    if (offline) {
      walkIn.querySelector('a').setAttribute('aria-disabled', 'true');
    } else {
      walkIn.querySelector('a').removeAttribute('aria-disabled');
    }
  }
  if (walkIn) {
    walkIn.querySelector('a').addEventListener('click', function (event) {
      if (online()) {
        return;
      }
      event.preventDefault();
      var note = walkIn.querySelector('.door__walk-in-note');
      var words = note.textContent;
      note.setAttribute('role', 'alert');
      note.textContent = '';
      window.setTimeout(function () { note.textContent = words; }, 50);
    });
  }

  function showState() {
    showSession();
    showWalkIn();
    if (logoutForm && leaveBox) {
      showLeave();
    }
    var parts = [signedOut ? d.msgSignedOut : (online() ? d.msgOnline : d.msgOffline)];
    if (copy) {
      var minutes = Math.max(0, Math.floor((Date.now() - Date.parse(copy.fetchedAt)) / 60000));
      parts.push(text(d.msgAge, minutes));
    } else {
      parts.push(d.msgAgeNone);
    }
    parts.push(text(queue.length === 1 ? d.msgWaitingOne : d.msgWaiting, queue.length));
    stateLine.textContent = parts.join(' · ');
    stateLine.className = 'door__state ' + (online() && !signedOut ? 'door__state--online' : 'door__state--offline');
    stateLine.hidden = false;
    if (copy) {
      var confirmed = 0;
      var arrived = 0;
      copy.people.forEach(function (p) {
        if (p.status === 'CONFIRMED') {
          confirmed++;
          if (p.checkedInAt) {
            arrived++;
          }
        }
      });
      countLine.textContent = d.msgCount.replace('{0}', arrived).replace('{1}', confirmed);
    }
  }

  function statusWord(status) {
    return d['status' + capitalized(status)] || status;
  }

  // Why a queued check-in was refused, in the words of the status it has now (waitlisted,
  // under review, declined, cancelled): the server's answer carries that status.
  function rejectedWords(status) {
    return d['msgRejected' + capitalized(status)] || '{0}: ' + statusWord(status) + ', ' + d.msgNotConfirmed;
  }

  function capitalized(status) {
    return status.charAt(0) + status.slice(1).toLowerCase();
  }

  function matches(query) {
    var code = normalizeCode(query);
    var byCode = copy.people.filter(function (p) { return code.length >= 6 && p.code === code; });
    if (byCode.length) {
      return byCode;
    }
    var words = normalize(query).split(/\s+/).filter(Boolean);
    return copy.people.filter(function (p) {
      if (letter && filedUnder(p) !== letter) {
        return false;
      }
      var haystack = normalize(p.name + ' ' + p.company);
      return words.every(function (w) { return haystack.indexOf(w) >= 0; });
    });
  }

  // The printed door list's letter, which the server sends with each person (family name
  // first, see PersonName); a copy kept from before it did has the name's first letter.
  function filedUnder(p) {
    if (p.initial) {
      return p.initial;
    }
    var first = (p.name || '?').trim().charAt(0).toUpperCase();
    return first === 'Ñ' ? 'Ñ' : normalize(first).toUpperCase() || '?';
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (content !== undefined && content !== null) {
      node.textContent = content;
    }
    return node;
  }

  function button(label, className, onClick) {
    var b = el('button', className, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function alertLine(kind, icon, words) {
    var p = el('p', 'door__alert door__alert--' + kind);
    var mark = el('span', null, icon);
    mark.setAttribute('aria-hidden', 'true');
    p.appendChild(mark);
    p.appendChild(document.createTextNode(' ' + words));
    return p;
  }

  function card(p) {
    var justIn = p.checkedInAt && p.id === fresh;
    var li = el('li', 'card door__person' + (p.checkedInAt ? (justIn ? ' door-done' : ' door-in') : '')
      + (p.status !== 'CONFIRMED' && !over ? ' door-stop' : ''));
    li.dataset.id = p.id;
    var who = el('div');
    who.appendChild(el('strong', null, p.name));
    who.appendChild(el('span', 'muted', p.company));
    who.appendChild(el('span', 'muted door__code', p.code));
    li.appendChild(who);
    if (p.status !== 'CONFIRMED') {
      li.appendChild(over ? el('p', null, statusWord(p.status))
        : alertLine('stop', '⛔', statusWord(p.status) + ': ' + d.msgNotConfirmed));
      var active = p.activeId && person(p.activeId);
      if (active) {
        li.appendChild(el('p', null, d.msgHasActive));
        if (canAct && !active.checkedInAt) {
          li.appendChild(button(d.msgCheckInActive, 'button button--large', function () { checkIn(active.id); }));
        } else if (active.checkedInAt) {
          // Just checked in from this card: the same green line as on any other card.
          var activeAt = timeFormat.format(new Date(active.checkedInAt));
          li.appendChild(active.id === fresh ? alertLine('done', '✓', text(d.msgInNow, activeAt))
            : alertLine('in', '⚠', text(d.msgInAt, activeAt)));
        }
      }
    } else if (p.checkedInAt) {
      var at = timeFormat.format(new Date(p.checkedInAt));
      li.appendChild(justIn ? alertLine('done', '✓', text(d.msgInNow, at)) : alertLine('in', '⚠', text(d.msgInAt, at)));
      if (canAct) {
        li.appendChild(button(d.msgUndo, 'button button--secondary', function () { undo(p.id); }));
      }
    } else if (canAct) {
      li.appendChild(button(d.msgCheckIn, 'button button--large', function () { checkIn(p.id); }));
    }
    return li;
  }

  function render(list) {
    var box = el('div');
    box.id = 'door-results';
    box.setAttribute('aria-live', 'polite');
    if (flash) {
      // After a queue was sent: one line per person it concerns, none lost.
      (flash.lines || [flash.text]).forEach(function (line) {
        box.appendChild(el('p', 'notice notice--' + flash.kind, line));
      });
    }
    if (list) {
      if (!list.length) {
        // The copy holds no emails: typed text it does not find may still be someone's
        // email, which only the server searches. Never "nobody matches" from the copy.
        box.appendChild(el('p', 'muted', !input.value.trim() ? d.msgNoMatch
          : (online() ? d.msgNoMatchLocal : d.msgNoMatchOffline)));
      }
      var ul = el('ul', 'door__results');
      list.slice(0, shown).forEach(function (p) { ul.appendChild(card(p)); });
      box.appendChild(ul);
      if (list.length > shown) {
        if (input.value.trim()) {
          box.appendChild(el('p', 'muted', text(d.msgMore, list.length - shown)));
        }
        box.appendChild(button(text(d.msgShowMore, list.length - shown), 'button button--secondary door__more', function () {
          var next = shown;
          shown += PAGE;
          search();
          // The next card, not the top of the page: the volunteer reads on from there.
          var first = results.querySelectorAll('.door__person')[next];
          if (first) {
            first.setAttribute('tabindex', '-1');
            first.focus();
          }
        }));
      }
    }
    results.replaceWith(box);
    results = box;
  }

  function search() {
    if (!copy) {
      return;
    }
    var query = input.value.trim();
    if (scanned && !query && !letter) {
      // The person of the pass just scanned stays on screen through check-in and undo.
      render([person(scanned)].filter(Boolean));
    } else {
      // Nothing typed and no letter: "All", everyone in the printed list's order.
      var list = query || letter ? matches(query) : copy.people;
      if (list && !list.length && !letter && query === serverSearch) {
        showState();
        return;
      }
      render(list);
    }
    showState();
  }

  function renderLetters() {
    if (!copy) {
      return;
    }
    // In the order the copy comes in, the printed list's; an older copy's sorted here.
    var letters = [];
    copy.people.forEach(function (p) {
      if (letters.indexOf(filedUnder(p)) < 0) {
        letters.push(filedUnder(p));
      }
    });
    if (copy.people.length && !copy.people[0].initial) {
      letters.sort(function (a, b) { return a.localeCompare(b, 'es'); });
    }
    lettersNav.textContent = '';
    [null].concat(letters).forEach(function (l) {
      var b = button(l || d.msgAll, 'door__letter', function () {
        letter = l;
        shown = PAGE;
        flash = null;
        fresh = null;
        scanned = null;
        renderLetters();
        search();
      });
      b.setAttribute('aria-pressed', String(letter === l));
      lettersNav.appendChild(b);
    });
  }

  function save() {
    if (copy && !expired(copy)) {
      write(COPY_KEY, copy);
    } else {
      window.localStorage.removeItem(COPY_KEY);
    }
    write(QUEUE_KEY, queue);
    write(MINE_KEY, mine);
  }

  // Random enough that two phones never pick the same (crypto.randomUUID needs HTTPS).
  function newKey() {
    var bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) {
        bytes[i] = Math.floor(Math.random() * 256);
      }
    }
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function alreadyIn(p, at) {
    p.checkedInAt = at;
    fresh = (fresh === p.id) ? null : fresh;
    delete mine[p.id];
    flash = { kind: 'bad', text: p.name + ': ' + text(d.msgInAt, timeFormat.format(new Date(at))) };
  }

  function queued(id) {
    return queue.some(function (action) { return action.id === id; });
  }

  // An arrival this phone was told was the one kept, now another check-in's (a phone that
  // synced later with an earlier time): a repeat after all, and said so.
  function checkMine() {
    if (!copy.arrivalKeys) {
      return;
    }
    Object.keys(mine).forEach(function (key) {
      var id = Number(key);
      var p = person(id);
      if (queued(id)) {
        return;
      }
      if (!p || !p.checkedInAt) {
        delete mine[key];
      } else if (copy.arrivalKeys[key] !== mine[key]) {
        alreadyIn(p, p.checkedInAt);
      }
    });
  }

  function checkIn(id) {
    var p = person(id);
    if (!p || p.status !== 'CONFIRMED' || p.checkedInAt) {
      search();
      return;
    }
    p.checkedInAt = new Date().toISOString();
    mine[id] = newKey();
    queue.push({ id: id, type: 'in', at: p.checkedInAt, key: mine[id] });
    fresh = id;
    flash = { kind: 'ok', text: text(d.msgDone, p.name) };
    save();
    search();
    sync();
  }

  function undo(id) {
    var p = person(id);
    if (!p) {
      return;
    }
    // An arrival the server never heard of (and is not hearing right now) is simply forgotten.
    var last = -1;
    queue.forEach(function (action, i) {
      if (action.id === id) {
        last = i;
      }
    });
    if (!syncing && last >= 0 && queue[last].type === 'in') {
      queue.splice(last, 1);
    } else {
      // The arrival undone: this phone's check-in (its key) or the one the copy shows (its
      // time). Sent again after a lost answer, it leaves an arrival recorded since.
      queue.push({ id: id, type: 'undo', at: new Date().toISOString(), key: mine[id], seen: p.checkedInAt });
    }
    p.checkedInAt = null;
    delete mine[id];
    fresh = null;
    flash = { kind: 'ok', text: text(d.msgUndone, p.name) };
    save();
    search();
    sync();
  }

  function isJson(response) {
    return response.ok && (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
  }

  function refused(response) {
    return response.status === 401 || response.status === 403;
  }

  function refresh() {
    if (!online()) {
      showState();
      return Promise.resolve();
    }
    return window.fetch(d.copyUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (refused(response)) {
          signedOut = true;
        }
        return isJson(response) ? response.json() : null;
      })
      .then(function (latest) {
        if (!latest) {
          return;
        }
        if (expired(latest) && !queue.length) {
          if (copy) {
            forgetCopy();
          }
          return;
        }
        signedOut = false;
        latest.fetchedAt = new Date().toISOString();
        copy = latest;
        overlayQueue();
        checkMine();
        save();
        tools.hidden = false;
        renderLetters();
        search();
      })
      .catch(function () { /* Offline: the copy on the phone stands. */ })
      .then(showState);
  }

  // retry: sent again after a 403 with the token of a fresh copy (signing in again gives a
  // new CSRF token); a second refusal means the session is over.
  function sync(retry) {
    if (syncing || !queue.length || !online() || !copy || !copy.csrfHeader) {
      showState();
      return Promise.resolve();
    }
    syncing = true;
    var stale = false;
    var batch = queue.slice(0, 500);
    var headers = { Accept: 'application/json' };
    headers[copy.csrfHeader] = copy.csrfToken;
    // A form post (every POST of the site is one), the batch as JSON in one field.
    return window.fetch(d.syncUrl, {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: new URLSearchParams({ batch: JSON.stringify({ actions: batch }) })
    })
      .then(function (response) {
        if (response.status === 401 || (response.status === 403 && retry)) {
          signedOut = true;
        } else if (response.status === 403) {
          stale = true;
        }
        return isJson(response) ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer) {
          return false;
        }
        signedOut = false;
        queue = queue.slice(batch.length);
        // Every arrival not recorded as this phone had it is said, each on its line.
        var lines = [];
        var rejected = answer.results.filter(function (r) { return r.outcome === 'NOT_CONFIRMED'; });
        rejected.forEach(function (r) {
          var p = person(r.id);
          if (p) {
            p.status = r.status;
            p.checkedInAt = r.checkedInAt;
            lines.push(text(rejectedWords(r.status), p.name));
          }
        });
        // Seen after the event's end: an arrival not recorded, an undo not made (the
        // arrival stays, as the server holds it). Seen before its first day began (a
        // phone's clock off by days): an arrival not recorded either.
        answer.results.forEach(function (r) {
          var p = person(r.id);
          if ((r.outcome === 'EVENT_OVER' || r.outcome === 'NOT_YET') && p) {
            p.checkedInAt = r.checkedInAt;
            fresh = (fresh === p.id) ? null : fresh;
            delete mine[p.id];
            lines.push(text(r.outcome === 'NOT_YET' ? d.msgNotYetRefused
              : r.type === 'undo' ? d.msgUndoOverRefused : d.msgOverRefused, p.name));
          }
        });
        // Another check-in is the one kept (another phone's, whatever its time): say so,
        // loudly, with the time kept.
        answer.results.forEach(function (r) {
          var p = person(r.id);
          if (r.outcome === 'ALREADY' && p && r.checkedInAt) {
            alreadyIn(p, r.checkedInAt);
            lines.push(flash.text);
          }
        });
        if (lines.length) {
          flash = { kind: 'bad', text: lines[0], lines: lines };
        }
        save();
        return true;
      })
      .catch(function () { return false; })
      .then(function (sent) {
        syncing = false;
        if (stale) {
          return refresh().then(function () { return signedOut ? showState() : sync(true); });
        }
        return sent ? refresh() : showState();
      });
  }

  form.addEventListener('submit', function (event) {
    // The server also searches by email: let it answer when the copy knows nobody.
    if (copy && (!online() || matches(input.value.trim()).length)) {
      event.preventDefault();
      search();
    }
  });
  input.addEventListener('input', function () {
    shown = PAGE;
    flash = null;
    fresh = null;
    scanned = null;
    serverSearch = null;
    // Typing searches everyone, whatever initial was picked before.
    if (letter) {
      letter = null;
      renderLetters();
    }
    search();
  });
  if (logoutForm && leaveBox) {
    logoutForm.addEventListener('submit', function (event) {
      if (leaving || !queue.length) {
        return;
      }
      event.preventDefault();
      holdingLogout = true;
      showState();
      leaveBox.scrollIntoView();
      // Sent now if the session and the network allow: the logout then goes on by itself.
      sync();
    });
  }
  // "Press Find" online, "needs a connection" offline: the words of a search the copy
  // found nobody for follow the connection.
  function retellNoMatch() {
    var query = input.value.trim();
    if (copy && query && query !== serverSearch && !matches(query).length) {
      search();
    }
  }
  window.addEventListener('online', function () { retellNoMatch(); sync().then(refresh); });
  window.addEventListener('offline', function () { retellNoMatch(); showState(); });
  window.setInterval(function () { sync().then(refresh); }, REFRESH_MS);

  if (copy) {
    overlayQueue();
    tools.hidden = false;
    renderLetters();
    search();
  }
  showState();
  // A phone without a copy (expired and deleted) has no token to send its queue with until
  // the first refresh brings one: it sends right after.
  var startedWithCopy = !!copy;
  sync().then(refresh).then(function () { return startedWithCopy ? null : sync(); });

  // The page shell and its files for when the venue's Wi-Fi drops (see /door-sw.js).
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(d.swUrl + '?page=' + encodeURIComponent(d.swScope), { scope: d.swScope }).catch(function () { /* Online only. */ });
  }

  // Camera scanning: the browser's own BarcodeDetector where it reads QR codes (Chrome on
  // Android, macOS), the bundled jsQR decoder (js/vendor/jsQR.js, loaded before this script)
  // everywhere else: Safari, Firefox, Chromium on Linux.
  function nativeQr() {
    if (!('BarcodeDetector' in window) || !window.BarcodeDetector.getSupportedFormats) {
      return Promise.resolve(null);
    }
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      if (formats.indexOf('qr_code') < 0) {
        return null;
      }
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return function (source) {
        return detector.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
      };
    }).catch(function () { return null; });
  }

  // jsQR reads one still frame: the video drawn on a canvas at most 640 pixels wide.
  function bundledQr() {
    if (typeof window.jsQR !== 'function') {
      return null;
    }
    var canvas = document.createElement('canvas');
    var context = canvas.getContext('2d', { willReadFrequently: true });
    return function (source) {
      var width = source.videoWidth;
      var height = source.videoHeight;
      if (!width || !height || !context) {
        return Promise.resolve(null);
      }
      var scale = Math.min(1, 640 / width);
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      context.drawImage(source, 0, 0, canvas.width, canvas.height);
      var frame = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      return Promise.resolve(code && code.data ? code.data : null);
    };
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia
      && ('BarcodeDetector' in window || typeof window.jsQR === 'function')) {
    scanButton.hidden = false;
    var stream = null;
    var lastValue = null;
    var lastSeen = 0;
    var decode = null;
    var stop = function () {
      if (stream) {
        stream.getTracks().forEach(function (t) { t.stop(); });
      }
      stream = null;
      video.hidden = true;
      scanButton.textContent = d.msgScan;
    };
    var found = function (value) {
      shown = PAGE;
      fresh = null;
      scanned = null;
      var pass = /\/p\/([A-Za-z0-9_-]{20,40})/.exec(value);
      if (!pass) {
        input.value = normalizeCode(value);
        search();
        return;
      }
      if (!online()) {
        flash = { kind: 'warn', text: d.msgScanOffline };
        render(null);
        input.focus();
        return;
      }
      window.fetch(d.passUrl + pass[1], { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return isJson(response) ? response.json() : null; })
        .then(function (answer) {
          var p = answer && person(answer.id);
          scanned = p ? p.id : null;
          input.value = '';
          if (letter) {
            letter = null;
            renderLetters();
          }
          flash = p ? null : { kind: 'bad', text: d.msgScanUnknown };
          render(p ? [p] : []);
        })
        .catch(function () {
          flash = { kind: 'warn', text: d.msgScanOffline };
          render(null);
        });
    };
    var tick = function () {
      if (!stream) {
        return;
      }
      decode(video).then(function (value) {
        // A code is read once while it stays in view; shown again after 2 s away, it is read
        // again (a repeat).
        if (value && value !== lastValue) {
          found(value);
        }
        if (value) {
          lastValue = value;
          lastSeen = Date.now();
        } else if (Date.now() - lastSeen > 2000) {
          lastValue = null;
        }
      }).catch(function () { /* A frame not ready yet. */ }).then(function () {
        window.setTimeout(tick, 250);
      });
    };
    scanButton.addEventListener('click', function () {
      if (stream) {
        stop();
        return;
      }
      (decode ? Promise.resolve(decode) : nativeQr()).then(function (native) {
        decode = native || bundledQr();
        if (!decode) {
          scanButton.hidden = true;
          return null;
        }
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          scanButton.textContent = d.msgScanStop;
          return video.play();
        }).then(tick);
      }).catch(function () {
        stop();
        flash = { kind: 'warn', text: d.msgCameraOff };
        render(null);
      });
    });
  }
}());
