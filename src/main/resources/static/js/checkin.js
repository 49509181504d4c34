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
//
// Two tabs of this page on one phone (a link opened twice, a tab the browser restored)
// share one queue: localStorage is its only truth. Every change re-reads the stored queue
// and changes it by each action's own key (uid) before writing it back, a sync removes
// exactly the actions the server answered, and each tab follows the others' changes (the
// storage event). Syncs of the tabs take turns (Web Locks, or a lease in localStorage where
// the browser has none); the server answers an arrival sent again with the same key as
// the first time, and one whose undo it applied already as undone (UNDONE: not in).
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
  // What the server answered each sync with, for a few minutes (see settle).
  var SETTLED_KEY = 'door-settled:' + d.slug;
  var SETTLED_MS = 5 * 60000;
  // Where the browser has no Web Locks: which tab is sending, until when.
  var LOCK_KEY = 'door-lock:' + d.slug;
  // Whose turn to send it is with Web Locks, and whether it is over (see afterLastTurn).
  var TURN_KEY = 'door-turn:' + d.slug;
  var waitingForTurn = false;
  var SYNC_MS = 60000;
  var TAB = newKey();
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
  var queue = storedQueue() || [];
  var mine = read(MINE_KEY) || {};
  var settled = { n: 0, people: {} };
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

  // The queue as stored now (null when storage cannot be read: this tab's own is used).
  function storedQueue() {
    var stored;
    try {
      stored = JSON.parse(window.localStorage.getItem(QUEUE_KEY));
    } catch (e) {
      return null;
    }
    return Array.isArray(stored) ? stored.filter(Boolean).map(ownKey) : [];
  }

  // An action queued by a script from before actions had a key of their own gets one made
  // of what it is, so every tab names it alike.
  function ownKey(action) {
    if (!action.uid) {
      action.uid = [action.type, action.id, action.at, action.key || ''].join('|');
    }
    return action;
  }

  // Re-read, change, write back: what another tab queued or sent meanwhile stays as it is.
  function changeQueue(change) {
    var stored = storedQueue();
    queue = change(stored === null ? queue : stored);
    write(QUEUE_KEY, queue);
  }

  function changeMine(change) {
    mine = read(MINE_KEY) || mine;
    change(mine);
    write(MINE_KEY, mine);
  }

  // What the other tabs changed since this one last looked.
  function reload() {
    queue = storedQueue() || queue;
    mine = read(MINE_KEY) || mine;
  }

  function storedSettled() {
    var stored = read(SETTLED_KEY);
    return (stored && stored.people) ? stored : settled;
  }

  // A message with its {0} (and {1}) filled in; the values are inserted as they are (a
  // title with "$&" in it too).
  function text(template, value, second) {
    var filled = second === undefined ? template : template.replace('{1}', function () { return second; });
    return filled.replace('{0}', function () { return value; });
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

  // Whether a normalized text could be a door code at all (CheckinPasses.couldBeCode).
  function couldBeCode(code) {
    return /^[2-9A-HJ-NP-Z]{8}$/.test(code);
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

  // What a person's card shows: what the server said (p.server: the copy, corrected by any
  // sync answered after the copy was made, see settle), then what the phone did that the
  // server has not answered yet, queued or being sent, in this tab or another. Recomputed
  // whenever either changes, so a refresh crossing a sync never shows an arrival undone nor
  // an undone one back.
  function overlayQueue() {
    var known = storedSettled();
    var since = copy.settledN || 0;
    copy.people.forEach(function (p) {
      if (!('server' in p)) {
        p.server = p.checkedInAt || null;
      }
      var answer = known.people[p.id];
      if (answer && answer.n > since) {
        p.server = answer.checkedInAt;
        p.status = answer.status;
        copy.arrivalKeys = copy.arrivalKeys || {};
        if (answer.key) {
          copy.arrivalKeys[p.id] = answer.key;
        } else if (!answer.checkedInAt) {
          delete copy.arrivalKeys[p.id];
        }
      }
      p.checkedInAt = p.server;
    });
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
      if (flash.note) {
        // What the card below it is (the same person here, after another event's pass).
        box.appendChild(el('p', null, flash.note));
      }
    }
    if (list) {
      if (!list.length) {
        // The copy holds no emails: typed text it does not find may still be someone's
        // email, which only the server searches, or another event's door code, whose
        // event only the server names. Never "nobody matches" from the copy.
        var typed = input.value.trim();
        var code = couldBeCode(normalizeCode(typed));
        box.appendChild(el('p', 'muted', !typed ? d.msgNoMatch
          : code ? (online() ? d.msgNoMatchCode : d.msgNoMatchCodeOffline)
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

  // The queue and mine are written where they change (changeQueue, changeMine).
  function save() {
    if (copy && !expired(copy)) {
      write(COPY_KEY, copy);
    } else {
      window.localStorage.removeItem(COPY_KEY);
    }
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
    changeMine(function (m) { delete m[p.id]; });
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
        changeMine(function (m) { delete m[key]; });
      } else if (copy.arrivalKeys[key] !== mine[key]) {
        alreadyIn(p, p.checkedInAt);
      }
    });
  }

  function checkIn(id) {
    reload();
    overlayQueue();
    var p = person(id);
    if (!p || p.status !== 'CONFIRMED' || p.checkedInAt) {
      search();
      return;
    }
    var action = { uid: newKey(), id: id, type: 'in', at: new Date().toISOString(), key: newKey() };
    changeMine(function (m) { m[id] = action.key; });
    changeQueue(function (q) { return q.concat([action]); });
    overlayQueue();
    fresh = id;
    flash = { kind: 'ok', text: text(d.msgDone, p.name) };
    search();
    sync();
  }

  function undo(id) {
    reload();
    overlayQueue();
    var p = person(id);
    if (!p) {
      return;
    }
    var key = mine[id];
    var seen = p.checkedInAt;
    changeQueue(function (q) {
      var last = -1;
      q.forEach(function (action, i) {
        if (action.id === id) {
          last = i;
        }
      });
      // An arrival no tab has begun to send (the server may not have heard of it) is
      // simply forgotten.
      if (last >= 0 && q[last].type === 'in' && !q[last].sent) {
        return q.slice(0, last).concat(q.slice(last + 1));
      }
      // The arrival undone: this phone's check-in (its key) or the one the copy shows (its
      // time). Sent again after a lost answer, it leaves an arrival recorded since.
      return q.concat([{ uid: newKey(), id: id, type: 'undo', at: new Date().toISOString(), key: key, seen: seen }]);
    });
    changeMine(function (m) { delete m[id]; });
    overlayQueue();
    fresh = null;
    flash = { kind: 'ok', text: text(d.msgUndone, p.name) };
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
    // Syncs answered from now on (in any tab) are laid over this copy: the server may have
    // made it before it heard of them.
    var since = storedSettled().n;
    var asked = Date.now();
    return window.fetch(d.copyUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (refused(response)) {
          signedOut = true;
        }
        return isJson(response) ? response.json() : null;
      })
      .then(function (latest) {
        // Older than the answers the phone still remembers: the next one will do.
        if (!latest || Date.now() - asked > SETTLED_MS / 2) {
          return;
        }
        reload();
        if (expired(latest) && !queue.length) {
          if (copy) {
            forgetCopy();
          }
          return;
        }
        signedOut = false;
        latest.fetchedAt = new Date().toISOString();
        latest.settledN = since;
        latest.people.forEach(function (p) { p.server = p.checkedInAt || null; });
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

  // What the server answered for each person a sync concerned, kept in storage for a few
  // minutes for every tab: a copy the server made before it heard of these actions (a
  // refresh crossing the sync) is corrected with them (overlayQueue).
  function settle(batch, results) {
    var known = storedSettled();
    var now = Date.now();
    var n = known.n + 1;
    var people = {};
    Object.keys(known.people).forEach(function (id) {
      if (now - known.people[id].t < SETTLED_MS) {
        people[id] = known.people[id];
      }
    });
    results.forEach(function (r, i) {
      if (r.id === null || r.id === undefined || !r.status) {
        return;
      }
      var ours = r.outcome === 'DONE' && batch[i] && batch[i].key;
      people[r.id] = { n: n, t: now, status: r.status, checkedInAt: r.checkedInAt || null, key: ours || null };
    });
    settled = { n: n, people: people };
    write(SETTLED_KEY, settled);
  }

  // One tab sends at a time: another tab's batch may hold an arrival this tab's undoes.
  function alone(task) {
    if (!navigator.locks || !navigator.locks.request) {
      return leased(task);
    }
    var started = false;
    return navigator.locks.request('door-sync:' + d.slug, function () {
      started = true;
      return afterLastTurn().then(function () {
        write(TURN_KEY, { tab: TAB });
        var over = function () { write(TURN_KEY, { tab: TAB, done: true }); };
        return task().then(over, function (e) {
          over();
          throw e;
        });
      });
    }).catch(function (e) {
      // Locks refused to this page (not the sending failing): the lease instead.
      if (started) {
        throw e;
      }
      return leased(task);
    });
  }

  // A Web Lock can reach this tab before what the last tab wrote in its turn does (each tab
  // reads its own copy of localStorage, brought up to date in order, but not at once): the
  // last write of a turn is its closing mark, and a turn begins once the mark is here
  // (or after 3 s: a tab closed in its turn writes none).
  function afterLastTurn() {
    var turn = read(TURN_KEY);
    if (!turn || turn.done || turn.tab === TAB) {
      return Promise.resolve();
    }
    return new Promise(function (resolve) {
      var timer;
      var seen = function (event) {
        var now = read(TURN_KEY);
        if (event && event.key !== TURN_KEY && event.key !== null) {
          return;
        }
        if (!event || !now || now.done) {
          window.clearTimeout(timer);
          window.removeEventListener('storage', seen);
          resolve();
        }
      };
      timer = window.setTimeout(seen, 3000);
      window.addEventListener('storage', seen);
    });
  }

  function leased(task) {
    var held = read(LOCK_KEY);
    if (held && held.tab !== TAB && held.until > Date.now()) {
      // It re-reads the queue before sending; this tab is told when it is done, and sends
      // what is left then (once: two tabs failing in turn do not wake each other for ever).
      waitingForTurn = true;
      return Promise.resolve();
    }
    write(LOCK_KEY, { tab: TAB, until: Date.now() + 2 * SYNC_MS });
    var letGo = function () {
      var now = read(LOCK_KEY);
      if (now && now.tab === TAB) {
        window.localStorage.removeItem(LOCK_KEY);
      }
    };
    return Promise.resolve().then(task).then(letGo, letGo);
  }

  // A request that hangs gives up after a minute (its actions stay queued), so no tab
  // waits for another's turn for ever.
  function post(url, options) {
    var control = window.AbortController ? new window.AbortController() : null;
    var timer = control ? window.setTimeout(function () { control.abort(); }, SYNC_MS) : null;
    if (control) {
      options.signal = control.signal;
    }
    return window.fetch(url, options)
      .then(function (response) {
        return Promise.resolve(isJson(response) ? response.json() : null)
          .then(function (answer) { return { response: response, answer: answer }; });
      })
      .then(function (sent) {
        window.clearTimeout(timer);
        return sent;
      }, function (e) {
        window.clearTimeout(timer);
        throw e;
      });
  }

  // retry: sent again after a 403 with the token of a fresh copy (signing in again gives a
  // new CSRF token); a second refusal means the session is over.
  function sync(retry) {
    if (syncing || !online() || !copy || !copy.csrfHeader) {
      showState();
      return Promise.resolve();
    }
    reload();
    if (!queue.length) {
      showState();
      return Promise.resolve();
    }
    syncing = true;
    var outcome = { sent: false, stale: false };
    return alone(function () { return send(retry, outcome); })
      .catch(function () { /* Not sent: the queue stays. */ })
      .then(function () {
        syncing = false;
        if (outcome.stale) {
          return refresh().then(function () { return signedOut ? showState() : sync(true); });
        }
        return outcome.sent ? refresh() : showState();
      });
  }

  function markSent(uids, sent) {
    changeQueue(function (q) {
      return q.map(function (action) {
        if (uids[action.uid]) {
          action.sent = sent || undefined;
        }
        return action;
      });
    });
  }

  function send(retry, outcome) {
    // Read again in turn: what another tab sent meanwhile has left the queue.
    reload();
    if (!queue.length || !online()) {
      return Promise.resolve();
    }
    var batch = queue.slice(0, 500);
    var inBatch = {};
    var firstTime = {};
    batch.forEach(function (action) {
      inBatch[action.uid] = true;
      firstTime[action.uid] = !action.sent;
    });
    // From now on the server may hear of these: undoing one of them is an undo to send.
    markSent(firstTime, true);
    var headers = { Accept: 'application/json' };
    headers[copy.csrfHeader] = copy.csrfToken;
    var actions = batch.map(function (a) { return { id: a.id, type: a.type, at: a.at, key: a.key, seen: a.seen }; });
    // A form post (every POST of the site is one), the batch as JSON in one field.
    return post(d.syncUrl, {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: new URLSearchParams({ batch: JSON.stringify({ actions: actions }) })
    })
      .then(function (sent) {
        var response = sent.response;
        if (response.status === 401 || (response.status === 403 && retry)) {
          signedOut = true;
        } else if (response.status === 403) {
          outcome.stale = true;
        }
        if (refused(response)) {
          // Turned away before any action was looked at: the server heard of none.
          markSent(firstTime, false);
        }
        var answer = sent.answer;
        if (!answer) {
          return;
        }
        signedOut = false;
        outcome.sent = true;
        // Every arrival not recorded as this phone had it is said, each on its line.
        var lines = [];
        var rejected = answer.results.filter(function (r) { return r.outcome === 'NOT_CONFIRMED'; });
        rejected.forEach(function (r) {
          var p = person(r.id);
          if (p) {
            lines.push(text(rejectedWords(r.status), p.name));
          }
        });
        // Seen after the event's end: an arrival not recorded, an undo not made (the
        // arrival stays, as the server holds it). Seen before its first day began (a
        // phone's clock off by days): an arrival not recorded either.
        answer.results.forEach(function (r) {
          var p = person(r.id);
          if ((r.outcome === 'EVENT_OVER' || r.outcome === 'NOT_YET') && p) {
            fresh = (fresh === p.id) ? null : fresh;
            changeMine(function (m) { delete m[p.id]; });
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
        // The answers first, then the queue without exactly the actions answered: a tab
        // that sees them gone from the queue already finds what the server said.
        settle(batch, answer.results);
        changeQueue(function (q) { return q.filter(function (action) { return !inBatch[action.uid]; }); });
        overlayQueue();
        save();
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
  // Another tab of this page changed the queue, the copy or what the server answered: the
  // count of check-ins waiting and the cards follow, the same in every tab.
  window.addEventListener('storage', function (event) {
    if (event.key === LOCK_KEY) {
      // The other tab's turn to send is over: what it did not send goes now.
      if (!event.newValue && waitingForTurn) {
        waitingForTurn = false;
        sync();
      }
      return;
    }
    if ([QUEUE_KEY, MINE_KEY, COPY_KEY, SETTLED_KEY, null].indexOf(event.key) < 0) {
      return;
    }
    reload();
    var stored = event.key === COPY_KEY ? read(COPY_KEY) : null;
    if (stored && stored.people && !expired(stored)) {
      copy = stored;
      tools.hidden = false;
      renderLetters();
    }
    if (copy) {
      overlayQueue();
      search();
    }
    showState();
  });

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
      // Offline the pass cannot be checked, nor the event of another event's pass named.
      var offline = { kind: 'warn', text: d.msgScanOffline + ' ' + d.msgScanOfflineElsewhere };
      if (!online()) {
        flash = offline;
        render(null);
        input.focus();
        return;
      }
      window.fetch(d.passUrl + pass[1], { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return isJson(response) ? response.json() : null; })
        .then(function (answer) {
          // Another event's pass: the server names that event and the same person's
          // registration here, if any (as that pass's door code in the search does).
          var elsewhere = answer && answer.elsewhere;
          var p = answer && person(elsewhere ? answer.here : answer.id);
          scanned = p ? p.id : null;
          input.value = '';
          if (letter) {
            letter = null;
            renderLetters();
          }
          if (elsewhere) {
            flash = { kind: 'bad', text: text(d.msgPassElsewhere, elsewhere.title, elsewhere.date),
              note: p ? d.msgCodeElsewhereHere : null };
            render(p ? [p] : null);
            return;
          }
          flash = p ? null : { kind: 'bad', text: d.msgScanUnknown };
          render(p ? [p] : []);
        })
        .catch(function () {
          flash = offline;
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
