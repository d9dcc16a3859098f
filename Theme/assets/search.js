/* MotCua search (ES2017, no dependencies). Folding and ranking mirror Sources/MotCuaKit/Search: change both. */
(function () {
'use strict';
const w = window, doc = document;
const KINDS = ['Thủ tục', 'Hướng dẫn', 'Thông báo', 'Trang'];
// Word characters: a-z, 0-9, and from U+00C0 up all but these separators.
const SEP = /[\xd7\xf7\u2000-\u2bff\u2e00-\u2e7f\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe6f\ufeff\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;
const SPACES = /[\u0000-\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const TONE = /o([\u0300\u0301\u0303\u0309\u0323])([ae])|u([\u0300\u0301\u0303\u0309\u0323])y/g;

const isWord = v => v < 192 ? isDigit(v) || v > 96 && v < 123 : !SEP.test(String.fromCharCode(v));
const isDigit = v => v > 47 && v < 58;

// "Đăng ký" → "dang ky"; hòa, hoà → "hoa".
const fold = s => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[\u0111\u00f0]/g, 'd').replace(/\u03c2/g, '\u03c3');

// Word spans of folded text; a dot between digits stays inside ("1.001193").
function spans(f) {
  const out = [], d = i => isDigit(f.charCodeAt(i));
  for (let i = 0, s = -1; i <= f.length; i++) {
    if (i < f.length && (isWord(f.charCodeAt(i)) || f[i] == '.' && s >= 0 && d(i - 1) && d(i + 1))) {
      if (s < 0) s = i;
    } else if (s >= 0) {
      out.push([s, i]);
      s = -1;
    }
  }
  return out;
}
// Leading zeros dropped ("02" → "2", "0.5" stays): numbers match with or without them.
const bare = t => t.replace(/^0+(?=\d)/, '');
const tokens = f => spans(f).map(p => bare(f.slice(p[0], p[1])));
const collapse = s => s.replace(SPACES, ' ').replace(/^ | $/g, '');

// Key for "exact with diacritics": lowercase NFC, tone of a final oa/oe/uy on the 2nd vowel.
const toneKey = s => collapse(s).toLowerCase().normalize('NFD').replace(TONE, (m, t, v, u, at, str) => {
  const n = str.charCodeAt(at + 3);
  return n === n && (isWord(n) || (n >= 0x300 && n <= 0x36f)) ? m : m[0] + m[2] + m[1];
}).replace(/\u03c2/g, '\u03c3').normalize('NFC');

let docs;
const data = x => x && x.v === 1 ? x.docs.map(d => ({
  kind: d[0], title: d[1], url: d[2], field: d[3], badge: d[4], badgeKey: d[5], code: d[6], snippet: d[7],
  b: ' ' + d[8], h: ' ' + tokens(fold(d[1] + ' ' + d[6])).join(' '), ft: fold(d[1])
})) : 0;
const has = (s, t) => s.indexOf(' ' + t) >= 0;

// Each query token starts a token of title+code (h) or field+body (b). Rank: exact, fewer tokens missing
// from the title, phrase, kind, shorter title, folded title, title, url.
function search(q) {
  const qt = tokens(fold(q)), key = toneKey(q), hits = [];
  if (!qt.length) return hits;
  docs = docs || data(w.MOTCUA_SEARCH);
  const phrase = new RegExp(' ' + qt.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^ ]* '));
  for (const d of docs || []) {
    const missing = qt.filter(t => !has(d.h, t)).length;
    if (missing && !qt.every(t => has(d.h, t) || has(d.b, t))) continue;
    const exact = (d.tk = d.tk || toneKey(d.title)).indexOf(key) >= 0 || toneKey(d.code) === key;
    hits.push({ d, r: [!exact, missing, !phrase.test(missing ? d.b : d.h), d.kind, d.ft.length, d.ft, d.title, d.url] });
  }
  return hits.sort((a, b) => {
    for (let i = 0; i < 8; i++) if (a.r[i] !== b.r[i]) return a.r[i] < b.r[i] ? -1 : 1;
    return 0;
  }).map(h => h.d);
}

// ---- Page: textContent only, never HTML ----
function el(tag, cls, text) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
}
const add = (p, c) => c === '' || p.appendChild(typeof c == 'string' ? doc.createTextNode(c) : c);
const num = n => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const all = (list, f) => Array.prototype.filter.call(list, f);

// Text with the words the query starts in <mark>; with max, a window around the first hit.
function marked(parent, text, qt, max) {
  let f = '', i = 0;
  const at = [];
  for (const ch of text) {
    const x = fold(ch);
    f += x;
    at.push(...Array(x.length).fill(i));
    i += ch.length;
  }
  at.push(i);
  const hits = spans(f).filter(p => qt.some(t => bare(f.slice(p[0], p[1])).startsWith(t)))
    .map(p => [at[p[0]], at[p[1]]]);
  let from = 0, to = text.length;
  if (max && to > max) {
    if (hits.length && hits[0][0] > max / 2) from = text.indexOf(' ', hits[0][0] - max / 3) + 1;
    const sp = text.lastIndexOf(' ', from + max);
    if (from + max < to) to = sp > from ? sp : from + max;
  }
  let last = from;
  if (from) add(parent, '…');
  for (const h of hits) {
    if (h[0] < from || h[1] > to) continue;
    add(parent, text.slice(last, h[0]));
    add(parent, el('mark', '', text.slice(h[0], h[1])));
    last = h[1];
  }
  add(parent, text.slice(last, to));
  if (to < text.length) add(parent, '…');
}

function item(d, qt, root) {
  const li = el('li', 'search-hit'), a = el('a', 'search-title');
  add(li, el('span', 'search-kind', KINDS[d.kind]));
  add(li, ' ');
  a.setAttribute('href', root + d.url);
  marked(a, d.title, qt);
  add(li, a);
  if (d.field || d.code || d.badge) {
    const meta = add(li, el('p', 'search-meta')), put = c => add(meta, meta.firstChild ? ' ' : '') && add(meta, c);
    if (d.field) put(el('span', 'search-field', d.field));
    if (d.code) marked(put(el('span', 'search-code')), d.code, qt);
    if (d.badge) put(el('span', 'badge badge--' + d.badgeKey, d.badge));
  }
  if (d.snippet) marked(add(li, el('p', 'search-snippet')), d.snippet, qt, 180);
  return li;
}

function show(v, q) {
  const qt = tokens(fold(q)), list = v.list, more = v.more, n = qt.length, limit = v.drop ? 8 : 100;
  while (list.firstChild) list.removeChild(list.firstChild);
  more.hidden = list.hidden = true;
  if (v.catalog) v.catalog.hidden = !!n;
  if (v.drop) v.box.hidden = !n;
  if (failed || !n) return (v.status.textContent = n ? 'Không tải được dữ liệu tìm kiếm.' : '');
  const hits = search(q), none = 'Không tìm thấy kết quả nào cho “' + collapse(q) + '”';
  v.status.textContent = hits.length ? 'Tìm thấy ' + num(hits.length) + ' kết quả' : none;
  hits.slice(0, limit).forEach(d => add(list, item(d, qt, v.root)));
  if (v.drop && !hits.length) add(list, el('li', 'search-none', none));
  list.hidden = !list.firstChild;
  if (hits.length > limit && v.drop) {
    more.hidden = false;
    more.textContent = 'Xem tất cả ' + num(hits.length) + ' kết quả';
    more.setAttribute('href', v.root + 'tim-kiem/index.html?q=' + encodeURIComponent(collapse(q)));
  }
}

// search-index.js is a script (no fetch: file:// works), loaded on first use.
let waiting, failed = false;
function load(v, go) {
  if (w.MOTCUA_SEARCH || failed) return go();
  if (!waiting) {
    const s = doc.createElement('script');
    waiting = [];
    s.src = doc.body.getAttribute('data-search-index') || v.root + 'search-index.js';
    s.onload = s.onerror = () => {
      failed = !w.MOTCUA_SEARCH;
      waiting.forEach(f => f());
    };
    add(doc.head, s);
  }
  waiting.push(go);
}
const run = (v, q) => load(v, () => show(v, q));

// Arrow keys move between the input and the result links; Escape closes a dropdown.
function nav(v, e) {
  const ls = v.box.hidden ? [] : all(v.box.querySelectorAll('a'), a => !a.hidden);
  const i = ls.indexOf(doc.activeElement), k = e.key, to = k == 'ArrowDown' ? ls[i + 1] || ls[i] : k == 'ArrowUp' && i >= 0 ? ls[i - 1] || v.input : 0;
  if (k == 'Escape' && (i >= 0 || v.drop && !v.box.hidden)) {
    if (v.drop) v.shut = v.box.hidden = true;
    e.preventDefault();
    v.input.focus();
  } else if (to) {
    e.preventDefault();
    to.focus();
  }
}

// Results: #search-results on /tim-kiem/, or a dropdown in a header form.
function view(box, status, root, drop) {
  const v = { box, status, root, drop, list: add(box, el('ol', 'search-list')), more: add(box, el('a', 'search-more')) };
  status.setAttribute('role', 'status');
  v.list.hidden = v.more.hidden = true;
  box.addEventListener('keydown', e => nav(v, e));
  return v;
}

function setup() {
  const body = doc.body, page = doc.getElementById('search-results'), Q = 'input[name="q"]',
    query = new URLSearchParams(w.location.search).get('q'),
    root = f => f.getAttribute('data-root') || body.getAttribute('data-root') || '';
  const forms = all(doc.querySelectorAll('form[role="search"]'), f => f.querySelector(Q));
  const pv = page && view(page, page.insertBefore(el('p', 'search-status'), page.firstChild), root(forms[0] || body));
  if (pv) {
    page.removeAttribute('aria-live'); // the status line is live, not every result
    pv.catalog = doc.getElementById('search-fallback');
  }
  forms.forEach(form => {
    const input = form.querySelector(Q);
    let v = pv, timer;
    if (!v) {
      const box = form.querySelector('.search-dropdown') || add(form, el('div', 'search-dropdown'));
      v = view(box, form.insertBefore(el('p', 'search-status'), box), root(form), true);
      v.status.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)');
      box.hidden = true;
      form.addEventListener('focusout', () => setTimeout(() => form.contains(doc.activeElement) || (box.hidden = true)));
    }
    v.input = v.input || input;
    input.addEventListener('focus', () => {
      v.input = input;
      load(v, () => v.drop && !v.shut && show(v, input.value));
    });
    input.addEventListener('input', () => {
      v.shut = false;
      clearTimeout(timer);
      timer = setTimeout(() => run(v, input.value), 80);
    });
    input.addEventListener('keydown', e => nav(v, e));
    if (pv) {
      if (query) input.value = query;
      form.addEventListener('submit', e => {
        e.preventDefault();
        run(v, input.value);
        try {
          w.history.replaceState(null, '', '?q=' + encodeURIComponent(collapse(input.value)));
        } catch (err) { /* file:// */ }
      });
    }
  });
  if (query && pv) run(pv, query);
}

w.MotCuaSearch = { fold, tokens, toneKey, search };
if (doc.readyState == 'loading') doc.addEventListener('DOMContentLoaded', setup);
else setup();
})();
