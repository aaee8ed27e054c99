// The retouche review page. Everything is local: the data is the JSON element
// #retouche-data written by `retouche review`; nothing is fetched.
// Findings are rendered per document, only when the document comes near the
// viewport, and every event is handled by one listener on a container, so a
// page of thousands of findings stays responsive.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('retouche-data').textContent);
  const docs = data.documents;
  const pageSize = Math.max(1, data.page_size || 50);
  const $ = (id) => document.getElementById(id);

  // ---- the model: one item per finding, in document order ----
  const items = [];
  const ruleCounts = new Map();
  const familyCounts = new Map();
  const family = (rule) => rule.split('.')[0];
  docs.forEach((doc, d) => {
    doc.findings.sort((a, b) => a.cp_begin - b.cp_begin || a.cp_end - b.cp_end);
    doc.items = doc.findings.map((f) => {
      const it = { i: items.length, d: d, f: f, on: f.status === 'applied', els: [] };
      items.push(it);
      ruleCounts.set(f.rule, (ruleCounts.get(f.rule) || 0) + 1);
      familyCounts.set(family(f.rule), (familyCounts.get(family(f.rule)) || 0) + 1);
      return it;
    });
  });

  const filter = { hiddenFamilies: new Set(), rule: '', conf: 0 };
  const visible = (it) => !filter.hiddenFamilies.has(family(it.f.rule)) &&
      (!filter.rule || it.f.rule === filter.rule) && it.f.confidence >= filter.conf - 1e-9;
  let view = 'inline';
  let page = 0;
  let current = -1;
  const rendered = new Set();

  // ---- rendering ----
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  const shown = (s) => esc(s).replace(/\n/g, '<span class="nl">↵</span>\n');
  const quoted = (s) => s === '' ? '(nothing)' : '<code>' + esc(s.length > 80 ? s.slice(0, 80) + '…' : s) + '</code>';

  function findingHtml(it, extra) {
    const f = it.f;
    const lines = f.replacement === '' && f.original.endsWith('\n');  // removed lines
    const cls = 'f fam-' + esc(family(f.rule)) + (lines ? ' lines' : '') + (extra ? ' extra' : '') +
        (it.on ? '' : ' off') + (visible(it) ? '' : ' hidden');
    const tip = '<span class="tip"><b>' + esc(f.rule) + '</b> · ' + esc(f.id || '') + '<br>' + esc(f.message || '') +
        '<br>confidence ' + (+f.confidence).toFixed(2) + ' · ' + esc(f.applicability || '') + ' · run: ' + esc(f.status) +
        (f.conflict_with ? ' (lost to ' + esc(f.conflict_with) + ')' : '') +
        '<br>' + quoted(f.original) + ' → ' + quoted(f.replacement) + '</span>';
    return '<span class="' + cls + '" data-i="' + it.i + '" tabindex="0" id="f-' + it.i + '">' +
        (extra ? '⤷' : '') + '<input type="checkbox" tabindex="-1"' + (it.on ? ' checked' : '') +
        ' aria-label="accept ' + esc(f.rule) + ' ' + esc(f.id || '') + '">' +
        (f.original === f.replacement
          // A report with no fix: the text is flagged, nothing would change.
          ? '<span class="flag">' + shown(f.original) + '</span>'
          : (f.original ? '<del>' + shown(f.original) + '</del>' : '') +
            (f.replacement ? '<ins>' + shown(f.replacement) + '</ins>' : '')) + tip + '</span>';
  }

  // The text with every finding in place. Findings are placed left to right;
  // one that overlaps an earlier one (a later stage's fix over the same
  // bytes) is shown right after it, marked ⤷, with its own text.
  function bodyHtml(doc) {
    const cps = Array.from(doc.text);
    let out = '';
    let cursor = 0;
    for (const it of doc.items) {
      const f = it.f;
      if (f.cp_begin >= cursor) {
        out += esc(cps.slice(cursor, f.cp_begin).join(''));
        out += findingHtml(it, false);
        cursor = Math.max(f.cp_end, f.cp_begin);
      } else {
        out += findingHtml(it, true);
      }
    }
    out += esc(cps.slice(cursor).join(''));
    return out;
  }

  function renderDoc(d) {
    if (rendered.has(d)) return;
    const sec = $('doc-' + d);
    if (!sec) return;
    const doc = docs[d];
    const html = bodyHtml(doc);
    const body = sec.querySelector('.slot');
    body.innerHTML = view === 'inline'
      ? '<div class="body inline">' + html + '</div>'
      : '<div class="cols"><div class="body orig">' + html + '</div><div class="body result">' + html + '</div></div>';
    for (const it of doc.items) it.els = [];
    for (const el of body.querySelectorAll('.f')) items[+el.dataset.i].els.push(el);
    // Ids must stay unique: the second column's copies get none.
    for (const it of doc.items) it.els.slice(1).forEach((el) => el.removeAttribute('id'));
    rendered.add(d);
  }

  let observer = null;
  function renderPage() {
    rendered.clear();
    for (const it of items) it.els = [];
    const main = $('docs');
    const first = page * pageSize;
    const last = Math.min(docs.length, first + pageSize);
    let html = '';
    for (let d = first; d < last; ++d) {
      const doc = docs[d];
      html += '<section class="doc" id="doc-' + d + '"><h3>' + esc(doc.name) + ' <span class="n">' +
          doc.items.length + ' finding' + (doc.items.length === 1 ? '' : 's') + '</span></h3>' +
          '<div class="slot"><div class="body placeholder">' + doc.items.length + ' findings…</div></div></section>';
    }
    main.innerHTML = html || '<p>No findings.</p>';
    if (observer) observer.disconnect();
    if ('IntersectionObserver' in window) {
      observer = new IntersectionObserver((entries) => {
        for (const e of entries) if (e.isIntersecting) renderDoc(+e.target.id.slice(4));
      }, { rootMargin: '800px 0px' });
      for (const sec of main.querySelectorAll('.doc')) observer.observe(sec);
    } else {
      for (let d = first; d < last; ++d) renderDoc(d);
    }
    renderPager();
  }

  function renderPager() {
    const pages = Math.ceil(docs.length / pageSize);
    if (pages <= 1) { $('pager').innerHTML = ''; return; }
    let html = 'Documents ' + (page * pageSize + 1) + '–' + Math.min(docs.length, (page + 1) * pageSize) +
        ' of ' + docs.length + ': ';
    for (let p = 0; p < pages; ++p) {
      html += '<button type="button" data-page="' + p + '"' + (p === page ? ' aria-current="page" disabled' : '') + '>' + (p + 1) + '</button> ';
    }
    $('pager').innerHTML = html;
  }

  function goToPage(p) {
    const pages = Math.ceil(docs.length / pageSize);
    if (p < 0 || p >= pages || p === page) return;
    page = p;
    renderPage();
    window.scrollTo(0, 0);
  }

  // ---- state changes ----
  function paint(it) {
    for (const el of it.els) {
      el.classList.toggle('off', !it.on);
      el.classList.toggle('hidden', !visible(it));
      el.querySelector('input').checked = it.on;
    }
  }

  // Two accepted findings of one stage may not touch the same bytes (as
  // `retouche apply` checks): accepting one unticks the other, and says so.
  function clash(a, b) {
    if (a.stage !== b.stage) return false;
    if (a.begin === a.end && b.begin === b.end) return a.begin === b.begin;
    if (a.begin === a.end) return a.begin > b.begin && a.begin < b.end;
    if (b.begin === b.end) return b.begin > a.begin && b.begin < a.end;
    return a.begin < b.end && b.begin < a.end;
  }

  function set(it, on, quiet) {
    if (it.on === on) return;
    it.on = on;
    paint(it);
    if (on) {
      const unticked = [];
      for (const other of docs[it.d].items) {
        if (other !== it && other.on && clash(it.f, other.f)) {
          other.on = false;
          paint(other);
          unticked.push(other.f.id + ' (' + other.f.rule + ')');
        }
      }
      if (unticked.length && !quiet) notice('Accepting ' + it.f.id + ' unticked ' + unticked.join(', ') + ', which overlaps it.');
    }
    if (!quiet) count();
  }

  let noticeTimer = 0;
  function notice(text) {
    const n = $('notice');
    n.textContent = text;
    n.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { n.hidden = true; }, 5000);
  }

  function count() {
    let on = 0, shownCount = 0, changed = 0;
    for (const it of items) {
      if (it.on) ++on;
      if (visible(it)) ++shownCount;
      if (it.on !== (it.f.status === 'applied')) ++changed;
    }
    $('counter').innerHTML = '<b id="n-accepted">' + on + '</b> accepted · <b id="n-rejected">' + (items.length - on) +
        '</b> rejected · <span id="n-total">' + items.length + '</span> findings in ' + docs.length + ' document' +
        (docs.length === 1 ? '' : 's') + ' · ' + shownCount + ' shown · ' + changed + ' changed by you';
  }

  function applyFilters() {
    for (const it of items) if (it.els.length) paint(it);
    count();
  }

  // ---- side panel ----
  function buildSide() {
    let fam = '';
    for (const [name, n] of [...familyCounts].sort()) {
      fam += '<label class="fam-' + esc(name) + '"><input type="checkbox" checked data-family="' + esc(name) + '"> ' +
          esc(name) + ' <span class="n">(' + n + ')</span></label>';
    }
    $('families').innerHTML = fam || '<p>none</p>';
    let opts = '<option value="">all rules</option>';
    let rows = '';
    for (const [rule, n] of [...ruleCounts].sort()) {
      opts += '<option value="' + esc(rule) + '">' + esc(rule) + '</option>';
      rows += '<tr><td>' + esc(rule) + '</td><td>' + n + '</td><td>' +
          '<button type="button" data-rule="' + esc(rule) + '" data-act="accept" title="accept all of this rule">✓ all</button> ' +
          '<button type="button" data-rule="' + esc(rule) + '" data-act="reject" title="reject all of this rule">✗ all</button></td></tr>';
    }
    $('rule-filter').innerHTML = opts;
    $('rules').tBodies[0].innerHTML = rows;
  }

  $('side').addEventListener('change', (e) => {
    const t = e.target;
    if (t.dataset.family) {
      if (t.checked) filter.hiddenFamilies.delete(t.dataset.family); else filter.hiddenFamilies.add(t.dataset.family);
    } else if (t.id === 'rule-filter') {
      filter.rule = t.value;
    } else {
      return;
    }
    applyFilters();
  });
  $('conf').addEventListener('input', (e) => {
    filter.conf = +e.target.value;
    $('conf-value').textContent = filter.conf.toFixed(2);
    applyFilters();
  });
  $('rules').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-rule]');
    if (!b) return;
    const on = b.dataset.act === 'accept';
    for (const it of items) if (it.f.rule === b.dataset.rule) set(it, on, true);
    count();
  });
  $('pager').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-page]');
    if (b) goToPage(+b.dataset.page);
  });

  // ---- the documents: one listener for every finding ----
  $('docs').addEventListener('click', (e) => {
    const el = e.target.closest('.f');
    if (!el || el.classList.contains('hidden')) return;
    const it = items[+el.dataset.i];
    // A click on the box has already flipped it; a click elsewhere on the finding flips it too.
    set(it, e.target.tagName === 'INPUT' ? e.target.checked : !it.on);
    current = it.i;
  });
  $('docs').addEventListener('focusin', (e) => {
    const el = e.target.closest('.f');
    if (el) current = +el.dataset.i;
  });

  function focusItem(i) {
    const it = items[i];
    const p = Math.floor(it.d / pageSize);
    if (p !== page) { page = p; renderPage(); }
    renderDoc(it.d);
    current = i;
    if (it.els.length) {
      it.els[0].focus({ preventScroll: true });
      it.els[0].scrollIntoView({ block: 'center' });
    }
  }

  function step(dir) {
    for (let i = current + dir; i >= 0 && i < items.length; i += dir) {
      if (visible(items[i])) { focusItem(i); return; }
    }
  }

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.tagName === 'SELECT' || (t.tagName === 'INPUT' && !t.closest('.f'))) return;
    const it = current >= 0 ? items[current] : null;
    switch (e.key) {
      case 'j': step(1); break;
      case 'k': step(-1); break;
      case 'a': if (it) set(it, true); break;
      case 'r': if (it) set(it, false); break;
      case ' ': if (it && t.closest && t.closest('.f')) set(it, !it.on); else return; break;
      case 'n': goToPage(page + 1); break;
      case 'p': goToPage(page - 1); break;
      default: return;
    }
    e.preventDefault();
  });

  $('view-toggle').addEventListener('click', (e) => {
    view = view === 'inline' ? 'side' : 'inline';
    e.target.textContent = view === 'inline' ? 'Side by side' : 'Inline';
    e.target.setAttribute('aria-pressed', view === 'side' ? 'true' : 'false');
    const keep = current;
    renderPage();
    if (keep >= 0) focusItem(keep);
  });

  // ---- export: what `retouche apply` replays ----
  function statusOf(it) {
    if (it.on) return 'applied';
    return it.f.status === 'applied' ? 'not-applied' : it.f.status;
  }
  function exportText() {
    let out = JSON.stringify({ retouche_review: 1, documents: docs.length, findings: items.length }) + '\n';
    if (data.mode === 'rows') {
      for (const doc of docs) {
        const fs = doc.items.map((it) => Object.assign({}, it.f, { status: statusOf(it) }));
        out += JSON.stringify({ row: doc.row, findings: fs }) + '\n';
      }
    } else {
      for (const it of items) out += JSON.stringify(Object.assign({}, it.f, { status: statusOf(it) })) + '\n';
    }
    return out;
  }
  $('export').addEventListener('click', () => {
    const blob = new Blob([exportText()], { type: 'application/x-ndjson' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = data.mode === 'rows' ? 'review.sidecar.jsonl' : 'review.findings.jsonl';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    notice('Exported ' + items.length + ' findings: run  retouche apply ORIGINAL --findings ' + a.download);
  });

  // For scripts and tests (tests/review_browser_test.py).
  window.retoucheReview = {
    exportText: exportText,
    findings: () => items.length,
    accepted: () => items.filter((it) => it.on).length,
    renderPage: () => { for (let d = page * pageSize; d < Math.min(docs.length, (page + 1) * pageSize); ++d) renderDoc(d); },
    pages: () => Math.ceil(docs.length / pageSize),
    page: () => page,
  };

  buildSide();
  renderPage();
  count();
})();
