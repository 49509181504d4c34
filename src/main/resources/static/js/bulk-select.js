// The registrations list's bulk selection: a "select every registration on this page" box in
// the selection column's header (hidden in the page, shown here, since only this script can
// tick the rows), kept in step with the rows' boxes (mixed while some are ticked), and how
// many are selected, next to the bulk controls above the list. Without this script each row
// is ticked by itself and the bulk controls work as before.
(function () {
  'use strict';
  var all = document.getElementById('select-page');
  var rows = Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][name="ids"]'));
  if (!all || !rows.length) {
    return;
  }
  var count = document.getElementById('bulk-count');

  function refresh() {
    var ticked = rows.filter(function (row) { return row.checked; }).length;
    all.checked = ticked === rows.length;
    all.indeterminate = ticked > 0 && ticked < rows.length;
    if (count) {
      count.textContent = (ticked === 0) ? ''
        : (ticked === 1) ? count.getAttribute('data-one')
          : count.getAttribute('data-many').replace('{n}', String(ticked));
    }
  }

  all.hidden = false;
  all.addEventListener('change', function () {
    rows.forEach(function (row) { row.checked = all.checked; });
    refresh();
  });
  rows.forEach(function (row) { row.addEventListener('change', refresh); });
  // A page back from the preview keeps the boxes the browser restored.
  window.addEventListener('pageshow', refresh);
  refresh();
})();
