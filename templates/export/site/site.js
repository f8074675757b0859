// The index page's filters and search. A classic script (module scripts do not load from file://)
// over window.ADR_SITE_INDEX, which assets/search-index.js sets. The state lives in the URL's hash
// (#q=kafka&status=accepted&tree=none&tag=data), so a filtered view can be linked and bookmarked.
// Without this script the page is the plain list of every record.
(function () {
  'use strict';
  var data = window.ADR_SITE_INDEX;
  var form = document.querySelector('form.filters');
  var table = document.querySelector('table.records');
  if (!data || !form || !table) return;
  var count = document.querySelector('.match-count');
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var FIELDS = ['q', 'status', 'tree', 'tag'];

  // As the site's index folds its text: lower case, accents dropped.
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  }

  function readHash() {
    var state = {};
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    FIELDS.forEach(function (f) {
      state[f] = params.get(f) || '';
    });
    return state;
  }

  function writeHash(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (f) {
      if (state[f]) params.set(f, state[f]);
    });
    var hash = params.toString();
    var url = location.pathname + location.search + (hash ? '#' + hash : '');
    if (url !== location.pathname + location.search + location.hash) history.replaceState(null, '', url);
  }

  function formState() {
    var state = {};
    FIELDS.forEach(function (f) {
      state[f] = form.elements[f].value.trim ? form.elements[f].value.trim() : form.elements[f].value;
    });
    return state;
  }

  function setForm(state) {
    FIELDS.forEach(function (f) {
      var el = form.elements[f];
      if (el.tagName === 'SELECT' && state[f] && !Array.prototype.some.call(el.options, function (o) { return o.value === state[f]; })) {
        // A link to a value this log no longer has: shown, matching nothing, rather than dropped.
        el.add(new Option(state[f], state[f]));
      }
      el.value = state[f];
    });
  }

  function apply(state) {
    var words = fold(state.q).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var r = data[Number(row.getAttribute('data-i'))];
      var ok =
        !!r &&
        (!state.status || r.status === state.status) &&
        (!state.tree || r.tree === state.tree) &&
        (!state.tag || r.tags.indexOf(state.tag) >= 0) &&
        words.every(function (w) {
          return r.text.indexOf(w) >= 0;
        });
      row.hidden = !ok;
      if (ok) shown++;
    });
    var filtered = FIELDS.some(function (f) { return state[f]; });
    if (count) {
      count.textContent = !filtered ? '' : shown === 0 ? count.getAttribute('data-none') : count.getAttribute('data-some').replace('{n}', shown).replace('{total}', rows.length);
    }
    table.hidden = shown === 0;
  }

  function update() {
    var state = formState();
    writeHash(state);
    apply(state);
  }

  form.hidden = false;
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', function () {
    setTimeout(update, 0);
  });
  window.addEventListener('hashchange', function () {
    var state = readHash();
    setForm(state);
    apply(state);
  });
  var initial = readHash();
  setForm(initial);
  apply(initial);
})();
