// The HTML page's script, inline in the page (its SHA-256 is the only script the page's
// Content-Security-Policy allows). It reads the trace data from a JSON script element and
// builds the trace list, the verdict, the hop list and the hop details with textContent
// only (never innerHTML), and highlights the hop's box and path edge in the SVG by class.
// Keys: Right/Down/j next hop, Left/Up/k previous, Home/End first/last, t theme, f fit.

/** JavaScript of the trace page (ES2017, no modules, no network). */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('vpcsim-data').textContent);
  var traces = data.traces;
  var $ = function (id) { return document.getElementById(id); };
  var select = $('trace-select'), verdict = $('verdict'), list = $('hops'), details = $('details');
  var position = $('position'), prev = $('prev'), next = $('next'), theme = $('theme'), fit = $('fit');
  var state = { trace: 0, step: 0 };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svgById(id) {
    if (!id) return null;
    var e = document.getElementById(id);
    return e && e.ownerSVGElement ? e : null;
  }
  function clearClass(name) {
    var all = document.querySelectorAll('#diagram svg .' + name);
    for (var i = 0; i < all.length; i++) all[i].classList.remove(name);
  }
  function addClass(id, name) { var e = svgById(id); if (e) e.classList.add(name); }
  if (traces.length === 0) {
    select.disabled = true; prev.disabled = true; next.disabled = true;
    verdict.textContent = 'No trace on this page: run vpcsim graph with --from and --to, or --checks.';
  }
  var groups = {};
  traces.forEach(function (t, i) {
    var parent = select;
    if (t.group) {
      if (!groups[t.group]) { groups[t.group] = el('optgroup'); groups[t.group].label = t.group; select.appendChild(groups[t.group]); }
      parent = groups[t.group];
    }
    var o = el('option', null, (t.reachable ? 'reachable: ' : 'UNREACHABLE: ') + t.label);
    o.value = String(i);
    parent.appendChild(o);
  });
  function hopText(s) { return s.action + ' ' + s.kind + ' ' + s.id; }
  function showTrace(i) {
    state.trace = i;
    var t = traces[i];
    select.value = String(i);
    var shown = document.querySelectorAll('#diagram svg .edge.path');
    for (var k = 0; k < shown.length; k++) shown[k].classList.add('hidden');
    clearClass('visited'); clearClass('blocked');
    t.edges.forEach(function (id) { var e = svgById(id); if (e) e.classList.remove('hidden'); });
    t.steps.forEach(function (s) { addClass(s.node, 'visited'); addClass(s.also, 'visited'); if (s.action === 'denied' || s.action === 'dropped') addClass(s.node, 'blocked'); });
    verdict.textContent = '';
    verdict.className = t.reachable ? 'reachable' : 'unreachable';
    verdict.appendChild(el('div', null, (t.reachable ? 'REACHABLE: ' : 'UNREACHABLE: ') + t.label));
    if (t.explanations.length > 0) {
      var ul = el('ul');
      t.explanations.forEach(function (x) {
        var li = el('li');
        li.appendChild(el('code', null, x.code));
        li.appendChild(document.createTextNode(': ' + x.message + (x.location ? ' [' + x.location + ']' : '')));
        ul.appendChild(li);
      });
      verdict.appendChild(ul);
    }
    list.textContent = '';
    var direction = '';
    t.steps.forEach(function (s, k) {
      if (s.direction !== direction) {
        direction = s.direction;
        list.appendChild(el('li', 'section', direction === 'forward' ? 'Forward path' : 'Return path (the reply)'));
      }
      var li = el('li');
      var b = el('button');
      b.type = 'button';
      b.dataset.step = String(k);
      b.appendChild(el('span', 'num', s.number + '.'));
      b.appendChild(el('span', 'action-' + s.action, hopText(s)));
      b.addEventListener('click', function () { showStep(k); });
      li.appendChild(b);
      list.appendChild(li);
    });
    showStep(0);
  }
  function row(dl, name, value, field) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(el('dt', null, name));
    var dd = el('dd');
    dd.dataset.field = field;
    if (field === 'location' || field === 'packet') dd.appendChild(el('code', null, value)); else dd.textContent = value;
    dl.appendChild(dd);
  }
  function showStep(k) {
    var t = traces[state.trace];
    if (!t || t.steps.length === 0) return;
    k = Math.max(0, Math.min(t.steps.length - 1, k));
    state.step = k;
    var s = t.steps[k];
    clearClass('current');
    addClass(s.node, 'current');
    addClass(s.edge, 'current');
    addClass(s.also, 'current');
    var focused = document.activeElement && document.activeElement.parentNode && document.activeElement.parentNode.parentNode === list;
    var buttons = list.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i].dataset.step === String(k)) { buttons[i].setAttribute('aria-current', 'step'); if (focused) buttons[i].focus(); buttons[i].scrollIntoView({ block: 'nearest' }); }
      else buttons[i].removeAttribute('aria-current');
    }
    details.textContent = '';
    details.appendChild(el('h2', null, (s.direction === 'forward' ? 'Forward' : 'Reply') + ' hop ' + s.number + ': ' + s.action));
    var dl = el('dl');
    row(dl, 'At', s.kind + ' ' + s.id, 'component');
    row(dl, 'Packet', s.packet, 'packet');
    row(dl, 'Decided', s.detail, 'detail');
    row(dl, 'Rule at', s.location, 'location');
    row(dl, 'Why', s.why, 'why');
    details.appendChild(dl);
    (s.steps || []).forEach(function (st) {
      var box = el('details', 'step');
      box.open = true;
      box.appendChild(el('summary', null, 'Step ' + st.type + ': ' + st.action));
      var sdl = el('dl');
      st.fields.forEach(function (f) { row(sdl, f.name, f.value, 'step-' + f.name); });
      box.appendChild(sdl);
      details.appendChild(box);
    });
    position.textContent = 'hop ' + (k + 1) + ' of ' + t.steps.length;
    prev.disabled = k === 0;
    next.disabled = k === t.steps.length - 1;
    var box = svgById(s.node);
    if (box && box.scrollIntoView) box.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  select.addEventListener('change', function () { showTrace(Number(select.value)); });
  prev.addEventListener('click', function () { showStep(state.step - 1); });
  next.addEventListener('click', function () { showStep(state.step + 1); });
  theme.addEventListener('click', function () {
    var root = document.documentElement;
    var dark = root.dataset.theme ? root.dataset.theme === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'light' : 'dark';
  });
  fit.addEventListener('click', function () {
    var on = $('diagram').classList.toggle('fit');
    fit.setAttribute('aria-pressed', on ? 'true' : 'false');
  });
  document.addEventListener('keydown', function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (ev.altKey || ev.ctrlKey || ev.metaKey || tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA') return;
    switch (ev.key) {
      case 'ArrowRight': case 'ArrowDown': case 'j': showStep(state.step + 1); break;
      case 'ArrowLeft': case 'ArrowUp': case 'k': showStep(state.step - 1); break;
      case 'Home': showStep(0); break;
      case 'End': showStep(1e9); break;
      case 't': theme.click(); break;
      case 'f': fit.click(); break;
      default: return;
    }
    ev.preventDefault();
  });
  var svg = document.querySelector('#diagram svg');
  if (svg) svg.addEventListener('click', function (ev) {
    var node = ev.target && ev.target.closest ? ev.target.closest('.node') : null;
    var t = traces[state.trace];
    if (!node || !t) return;
    for (var i = 0; i < t.steps.length; i++) if (t.steps[i].node === node.id) { showStep(i); return; }
  });
  if (traces.length > 0) showTrace(0);
})();
`;
