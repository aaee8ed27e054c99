#!/usr/bin/env node
// Regenerates the package-derived name tables of retouche:
//   corrections/names/countries.generated.tsv  (ISO 3166-1 countries and territories)
//   corrections/names/places.generated.tsv     (CLDR time-zone exemplar cities)
// from the npm packages pinned in package.json (i18n-iso-countries, cldr-localenames-full,
// cldr-dates-full, cldr-core) and the hand decisions in tools/names/overrides.tsv.
//
// Usage:  cd tools/names && npm ci && node gen_generated.js [--report] [--allow-missing-wordlists]
// Needs Debian packages hunspell, hunspell-fr, wamerican, wbritish (for the ? marker).
//
// Rules (see corrections/names/README.md):
//  * French canonical = CLDR fr (territory name or exemplar city), unless overrides.tsv says
//    otherwise; other French names from CLDR fr alt forms and i18n-iso-countries fr become
//    `accepted`.
//  * Variants = the en/de/es/it/pt names (CLDR + i18n-iso-countries) that are not French, and the
//    endonyms: the names in the country's own official languages written in the Latin script
//    (CLDR territoryInfo; "Polska", "Warszawa"), minus short ones, English and French words and
//    names of communes of France.
//    A name is dropped when it equals a French form once case and accents are folded, when it
//    contains parentheses/commas/" - "/"&", when it is an all-caps acronym, or when it equals
//    (case-insensitively) any canonical or accepted form of any table (hand tables included).
//  * A variant gets the `?` (ambiguous) marker when it is a lowercase English word
//    (/usr/share/dict, Debian wamerican/wbritish), a word or name known to the French Hunspell
//    dictionary (Debian hunspell-fr), a variant of another entry, or listed in overrides.tsv.
//  * A hand-curated row (any corrections/names/*.tsv that is not *.generated.tsv) with the same
//    canonical and kind wins: the generated row is not written (the --report lists what the
//    packages would have added to it).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'corrections', 'names');
const REPORT = process.argv.includes('--report');
const LANGS = ['en', 'de', 'es', 'it', 'pt'];
// Endonyms: each country's own name and its cities' names in its official languages (CLDR
// territoryInfo) when CLDR writes them in the Latin script ("Polska", "Warszawa", "Praha",
// "Magyarország", "Bucureşti"): the foreign spelling a scraped or machine-translated text most
// often keeps. EXTRA_LANGS adds every name of other languages; it is empty: measured on the
// development sets, Polish, Dutch, Turkish... names of all countries bring more false corrections
// (a Belgian "Chiny", "Hellas Vérone", fuzzy hits on the extra forms) than garbles.
const EXTRA_LANGS = [];

const nfc = (s) => s.normalize('NFC');
// same key as fold() in check_names.py: case, accents, apostrophes and hyphens ignored
const FOLD_MAP = { '’': "'", 'ʼ': "'", '`': "'", '‘': "'", 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd', 'ı': 'i', '‐': ' ', '-': ' ', '–': ' ', '—': ' ' };
const fold = (s) => [...s].map((c) => FOLD_MAP[c] || c).join('').normalize('NFD').replace(/\p{Mn}/gu, '')
  .toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
const low = (s) => nfc(s).toLowerCase().replace(/’/g, "'");
const clean = (s) => nfc(s).replace(/’/g, "'").replace(/\u00ad/g, '').trim();

function pkgVersion(name) {
  return require(path.join(name, 'package.json')).version;
}

// ---------------------------------------------------------------- hand tables
function readTsv(file) {
  const rows = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length !== 5) throw new Error(`${file}:${i + 1}: expected 5 columns`);
    const list = (x) => (x === '-' ? [] : x.split('|'));
    rows.push({ canonical: f[0], kind: f[1], variants: list(f[2]), accepted: list(f[3]), note: f[4], file, line: i + 1 });
  });
  return rows;
}
const handFiles = fs.readdirSync(OUT_DIR).filter((f) => f.endsWith('.tsv') && !f.endsWith('.generated.tsv'));
const hand = handFiles.flatMap((f) => readTsv(path.join(OUT_DIR, f)));
const handKey = new Map(hand.map((r) => [r.kind + '\t' + r.canonical, r]));
// every correct form known by hand (case-insensitive)
const handCorrect = new Map();
for (const r of hand) for (const f of [r.canonical, ...r.accepted]) handCorrect.set(low(f), r);
const handVariant = new Map();
for (const r of hand) for (const v of r.variants) handVariant.set(low(v.replace(/^\?/, '')), r);
const handPeople = new Set();
for (const r of hand) if (['person', 'surname', 'first-name'].includes(r.kind)) for (const f of [r.canonical, ...r.accepted]) handPeople.add(low(f));

// ---------------------------------------------------------------- overrides
// columns: source  key  field  value  note
const overrides = new Map();
fs.readFileSync(path.join(__dirname, 'overrides.tsv'), 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim() || line.startsWith('#')) return;
  const f = line.split('\t');
  if (f.length !== 5) throw new Error(`overrides.tsv:${i + 1}: expected 5 columns`);
  const [source, key, field, value] = f;
  const k = source + ':' + key;
  if (!overrides.has(k)) overrides.set(k, {});
  const o = overrides.get(k);
  if (['accept', 'reject', 'drop', 'ambiguous', 'variant'].includes(field)) o[field] = (o[field] || []).concat(value.split('|'));
  else o[field] = value;
});

// ---------------------------------------------------------------- word lists
function loadWords(file) {
  try { return new Set(fs.readFileSync(file, 'utf8').split('\n')); } catch (e) { return null; }
}
const english = [loadWords('/usr/share/dict/american-english'), loadWords('/usr/share/dict/british-english')].filter(Boolean);
const ALLOW_MISSING = process.argv.includes('--allow-missing-wordlists');
function missingTool(msg) {
  // the ? markers depend on these lists: without them the output would silently differ
  if (ALLOW_MISSING) { console.error('warning: ' + msg); return; }
  console.error('error: ' + msg + ' (or pass --allow-missing-wordlists)');
  process.exit(1);
}
if (english.length < 2) missingTool('no /usr/share/dict/{american,british}-english word list: apt-get install wamerican wbritish');
const isEnglishWord = (w) => english.some((s) => s.has(w.toLowerCase()));
function frenchKnown(words) {
  // returns the subset of words that the French Hunspell dictionary accepts
  try {
    const out = execFileSync('hunspell', ['-d', 'fr_FR', '-G'], { input: words.join('\n') + '\n', encoding: 'utf8' });
    return new Set(out.split('\n').filter(Boolean));
  } catch (e) {
    missingTool('hunspell with the fr_FR dictionary is not available: apt-get install hunspell hunspell-fr');
    return new Set();
  }
}

// ---------------------------------------------------------------- package data
const countries = require('i18n-iso-countries');
const terr = (l) => require(`cldr-localenames-full/main/${l}/territories.json`).main[l].localeDisplayNames.territories;
const zones = (l) => require(`cldr-dates-full/main/${l}/timeZoneNames.json`).main[l].dates.timeZoneNames.zone;
const T = {}; const Z = {};
const localeExists = (l) => fs.existsSync(path.join(path.dirname(require.resolve('cldr-localenames-full/package.json')), 'main', l, 'territories.json'))
  && fs.existsSync(path.join(path.dirname(require.resolve('cldr-dates-full/package.json')), 'main', l, 'timeZoneNames.json'));
for (const l of ['fr', ...LANGS, ...EXTRA_LANGS]) { T[l] = terr(l); Z[l] = zones(l); }
// official languages of each territory that CLDR writes in the Latin script
const territoryInfo = require('cldr-core/supplemental/territoryInfo.json').supplemental.territoryInfo;
const languageData = require('cldr-core/supplemental/languageData.json').supplemental.languageData;
function officialLatin(code) {
  const out = [];
  const pops = (territoryInfo[code] || {}).languagePopulation || {};
  for (const [lang, info] of Object.entries(pops)) {
    if (!['official', 'de_facto_official'].includes(info._officialStatus)) continue;
    const base = lang.split('_')[0];
    const scripts = ((languageData[base] || {})._scripts) || [];
    let locale = base;
    if (scripts[0] !== 'Latn') {
      if (scripts.includes('Latn') && localeExists(base + '-Latn')) locale = base + '-Latn'; else continue;
    }
    if (!localeExists(locale)) continue;
    if (!T[locale]) { T[locale] = terr(locale); Z[locale] = zones(locale); }
    out.push(locale);
  }
  return out;
}

const NON_SOVEREIGN = new Set('AS AI AQ AW BM BV IO KY CX CC CK FK FO GF PF TF GI GL GP GU HM HK MO MQ YT MS NC NU NF MP PN PR RE SH PM SJ TK TC UM VG VI WF EH AX BQ CW GG IM JE BL MF SX'.split(' '));

function usable(name) {
  return name && !/[(),&/.]/.test(name) && !/ - |\s\s/.test(name) && !/^[A-Z.\s]{1,5}$/.test(name) && !/^(RAS|R\.A\.S\.|RAE|Sonderverwaltungsregion)\b/.test(name);
}

const entries = []; // {source,key,canonical,kind,accepted[],variants[],note}

// countries
for (const code of Object.keys(countries.getAlpha2Codes())) {
  const o = overrides.get('country:' + code) || {};
  if (o.skip) continue;
  const frNames = [T.fr[code], T.fr[code + '-alt-short'], T.fr[code + '-alt-variant'], ...countries.getName(code, 'fr', { select: 'all' })]
    .filter(Boolean).map(clean);
  let canonical = o.canonical || frNames[0];
  const accepted = frNames.filter(usable);
  const variants = [];
  const extra = new Set(); // names of the other languages only
  for (const l of LANGS) {
    for (const n of [T[l][code], T[l][code + '-alt-short'], T[l][code + '-alt-variant'], ...(countries.getName(code, l, { select: 'all' }) || [])]) {
      if (n) variants.push(clean(n));
    }
  }
  for (const l of [...EXTRA_LANGS, ...officialLatin(code)]) {
    for (const n of [T[l][code], T[l][code + '-alt-short']]) if (n && !variants.includes(clean(n))) { variants.push(clean(n)); extra.add(clean(n)); }
  }
  entries.push({ source: 'country', key: code, canonical, kind: o.kind || (NON_SOVEREIGN.has(code) ? 'territory' : 'country'), accepted, variants, extra, o,
    note: (o.note ? o.note + '; ' : '') + `ISO 3166-1 ${code}` });
}

// cities: every CLDR time zone with a name, except technical/sub-national US zones
const tzIds = new Set();
(function walk(o, p) {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (Array.isArray(v)) tzIds.add(p + k); else if (v && typeof v === 'object') walk(v, p + k + '/');
  }
})(require('cldr-core/supplemental/metaZones.json').supplemental.metaZones.metazoneInfo.timezone, '');
function zoneName(l, id) {
  let o = Z[l];
  for (const p of id.split('/')) o = o && o[p];
  return o && o.exemplarCity;
}
// time zone -> territory, from the "mapZone" entries of CLDR windowsZones (territory and zones).
const zoneCountry = new Map();
for (const m of require('cldr-core/supplemental/windowsZones.json').supplemental.windowsZones.mapTimezones) {
  const z = m.mapZone;
  if (!z || !z._territory || z._territory === '001' || z._territory === 'ZZ') continue;
  for (const id of z._type.split(' ')) zoneCountry.set(id, z._territory);
}
const territoryNamesFr = new Set(Object.keys(T.fr).map((k) => low(clean(T.fr[k]))));
for (const id of [...tzIds].sort()) {
  if (/^(Etc|Antarctica)\/|\/(Indiana|Kentucky|North_Dakota|Argentina)\//.test(id)) continue;
  const o = overrides.get('city:' + id) || {};
  if (o.skip) continue;
  const fallback = id.split('/').pop().replace(/_/g, ' ');
  const fr = clean(zoneName('fr', id) || fallback);
  if (territoryNamesFr.has(low(fr)) && !o.canonical) continue; // a zone named after its country or territory
  const canonical = o.canonical || fr;
  const variants = [];
  const extra = new Set();
  for (const l of LANGS) { const n = zoneName(l, id) || (l === 'en' ? fallback : null); if (n) variants.push(clean(n)); }
  const country = zoneCountry.get(id);
  for (const l of [...EXTRA_LANGS, ...(country ? officialLatin(country) : [])]) {
    const n = zoneName(l, id);
    if (n && !variants.includes(clean(n))) { variants.push(clean(n)); extra.add(clean(n)); }
  }
  entries.push({ source: 'city', key: id, canonical, kind: o.kind || 'city', accepted: [fr], variants, extra, o,
    note: (o.note ? o.note + '; ' : '') + `CLDR time zone ${id}` });
}

// ---------------------------------------------------------------- resolve
const uniq = (a) => [...new Set(a)];
for (const e of entries) {
  const o = e.o;
  e.accepted = uniq([...e.accepted, ...(o.accept || [])].filter((a) => a !== e.canonical && !(o.drop || []).includes(a) && !(o.reject || []).includes(a)));
  const frFolds = new Set([e.canonical, ...e.accepted].map(fold));
  e.variants = uniq([...e.variants, ...(o.variant || [])]).filter((v) => usable(v) && !frFolds.has(fold(v)) && !(o.drop || []).includes(v));
}
// A hand row of a compatible kind whose canonical or accepted form equals (folded) the generated
// canonical is the same entity under another spelling: it shadows the generated row too.
const PLACE_KINDS = ['country', 'territory', 'region', 'city'];
function handShadow(e) {
  return hand.find((r) => PLACE_KINDS.includes(r.kind) && (r.kind === e.kind || r.kind === 'region' || e.kind === 'region' || r.kind === 'territory' || e.kind === 'territory')
    && [r.canonical, ...r.accepted].some((f) => fold(f) === fold(e.canonical)));
}

const shadowed = [];
const packageOnly = new Map(); // entry -> shadowing hand row
for (const e of entries) {
  const h = handKey.get(e.kind + '\t' + e.canonical) || handShadow(e);
  if (h) packageOnly.set(e, h);
}
for (const [e, h] of packageOnly) {
  const missing = e.variants.filter((v) => !h.variants.map((x) => fold(x.replace(/^\?/, ''))).includes(fold(v))
    && ![h.canonical, ...h.accepted].map(fold).includes(fold(v)));
  shadowed.push(`${e.canonical} (${e.kind}) shadowed by ${path.basename(h.file)}:${h.line}` + (missing.length ? `; package variants not in hand row: ${missing.join('|')}` : ''));
}
const live = entries.filter((e) => !packageOnly.has(e));
entries.length = 0;
entries.push(...live);

// all correct forms everywhere (generated + hand)
const allCorrect = new Map();
for (const r of hand) for (const f of [r.canonical, ...r.accepted]) if (!allCorrect.has(fold(f))) allCorrect.set(fold(f), r);
for (const e of entries) for (const f of [e.canonical, ...e.accepted]) if (!allCorrect.has(fold(f))) allCorrect.set(fold(f), e);
const collisions = [];
for (const e of entries) {
  e.variants = e.variants.filter((v) => {
    const hit = allCorrect.get(fold(v));
    if (hit) { collisions.push(`${e.canonical}: variant ${v} dropped, correct form of ${hit.canonical}`); return false; }
    return true;
  });
}
// variants shared by several entries
const owners = new Map();
// keyed like check_names.py: case, accents, apostrophes and hyphens folded ("Mexikó", "Mexiko")
for (const e of entries) for (const v of e.variants) owners.set(fold(v), (owners.get(fold(v)) || new Set()).add(e.canonical));
for (const [v, r] of handVariant) owners.set(fold(v), (owners.get(fold(v)) || new Set()).add(r.canonical));
const french = frenchKnown(uniq(entries.flatMap((e) => e.variants)));
// The names of the other languages are kept only when nothing else can be meant: not a word of
// French or English, not a commune of France ("Mayot"), at least 4 letters. The first five
// languages keep the ? marker instead (hand-reviewed over time).
const communeNames = new Set();
try {
  for (const c of require('@etalab/decoupage-administratif/data/communes.json')) if (c.type === 'commune-actuelle') communeNames.add(fold(c.nom));
} catch (e) { missingTool('@etalab/decoupage-administratif is not installed: npm ci'); }
for (const e of entries) {
  e.variants = e.variants.filter((v) => {
    if (!e.extra.has(v)) return true;
    const why2 = (v.match(/\p{L}/gu) || []).length < 4 ? 'short' : communeNames.has(fold(v)) ? 'commune of France'
      : isEnglishWord(v.toLowerCase()) ? 'English word' : french.has(v) ? 'known to French Hunspell' : '';
    if (why2) { collisions.push(`${e.canonical}: other-language variant ${v} dropped (${why2})`); return false; }
    return true;
  });
}
const why = [];
for (const e of entries) {
  e.variants = e.variants.map((v) => {
    const reasons = [];
    if ((e.o.ambiguous || []).includes(v)) reasons.push('override');
    if (isEnglishWord(v.toLowerCase())) reasons.push('English word');
    if (french.has(v)) reasons.push('known to French Hunspell');
    if (handPeople.has(low(v))) reasons.push('person name');
    if ((owners.get(fold(v)) || new Set()).size > 1) reasons.push('variant of several entries');
    if (reasons.length) { why.push(`${e.canonical}: ?${v} (${reasons.join(', ')})`); return '?' + v; }
    return v;
  });
}

// ---------------------------------------------------------------- write
function write(file, kindsFilter, title) {
  const vers = ['i18n-iso-countries', 'cldr-localenames-full', 'cldr-dates-full', 'cldr-core'].map((p) => `${p} ${pkgVersion(p)}`).join(', ');
  const lines = [
    `# ${title}`,
    '# GENERATED by tools/names/gen_generated.js -- do not edit by hand: change tools/names/overrides.tsv',
    '# or add a hand row with the same canonical and kind to a hand table (the hand row wins).',
    `# Sources: ${vers}; Debian wamerican/wbritish and hunspell-fr for the ? marker.`,
    '# canonical\tkind\tvariants\taccepted\tnote',
  ];
  const rows = entries.filter(kindsFilter).sort((a, b) => a.canonical.localeCompare(b.canonical, 'fr'));
  const seen = new Set();
  for (const e of rows) {
    if (seen.has(e.kind + '\t' + e.canonical)) { collisions.push(`duplicate generated canonical ${e.canonical} (${e.key}) skipped`); continue; }
    seen.add(e.kind + '\t' + e.canonical);
    lines.push([e.canonical, e.kind, e.variants.join('|') || '-', e.accepted.join('|') || '-', e.note].join('\t'));
  }
  fs.writeFileSync(path.join(OUT_DIR, file), lines.join('\n') + '\n');
  console.log(`${file}: ${lines.length - 5} rows`);
}
write('countries.generated.tsv', (e) => e.source === 'country', 'Countries and territories (ISO 3166-1), names from CLDR and i18n-iso-countries');
write('places.generated.tsv', (e) => e.source === 'city', 'Cities named by CLDR time zones (exemplarCity), fr/en/de/es/it/pt');
if (REPORT) {
  console.log('\n== ? markers\n' + why.join('\n'));
  console.log('\n== dropped variants / duplicates\n' + collisions.join('\n'));
  console.log('\n== hand rows shadowing generated rows\n' + shadowed.join('\n'));
}
