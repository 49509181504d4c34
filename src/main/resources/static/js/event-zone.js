// The event editor's time zone follows its country where scripts run: choosing another
// country puts that country's main zone in the time zone field, unless the organizer typed
// a zone there, or the field holds one that is not the previous country's (an online
// event's UTC, say). The field suggests the country's zones. Every country's zones come in
// the form's data-country-zones (event.CountryZones). Without this file nothing moves by
// itself: the server refuses a zone outside the country and says so, naming both.
(function () {
  'use strict';

  var form = document.querySelector('form[data-country-zones]');
  var country = form && form.querySelector('#country');
  var zone = form && form.querySelector('#timeZone');
  if (!country || !zone) {
    return;
  }
  var zones;
  try {
    zones = JSON.parse(form.getAttribute('data-country-zones'));
  }
  catch (e) {
    return;
  }

  var suggestions = document.createElement('datalist');
  suggestions.id = 'timeZone-suggestions';
  zone.parentNode.appendChild(suggestions);
  zone.setAttribute('list', suggestions.id);

  // Said once the zone moved, next to the field and to screen readers.
  var status = document.createElement('span');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  zone.parentNode.appendChild(status);

  var typed = false;
  var previous = country.value;

  zone.addEventListener('input', function () {
    typed = true;
  });

  country.addEventListener('change', function () {
    var before = zones[previous] || [];
    var now = zones[country.value] || [];
    var current = zone.value.trim();
    previous = country.value;
    suggest();
    if (typed || !now.length || now.indexOf(current) >= 0 || (current !== '' && before.indexOf(current) < 0)) {
      status.textContent = '';
      return;
    }
    zone.value = now[0];
    status.textContent = (form.getAttribute('data-zone-switched') || '{0}').replace('{0}', now[0]);
  });

  function suggest() {
    suggestions.textContent = '';
    (zones[country.value] || []).forEach(function (id) {
      var option = document.createElement('option');
      option.value = id;
      suggestions.appendChild(option);
    });
  }

  suggest();
})();
