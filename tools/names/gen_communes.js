#!/usr/bin/env node
// Generates dictionaries/places-fr-communes.dic, a Hunspell add-on word list of the names of the
// current communes of France (metropolitan, overseas departments and overseas collectivities), so
// that the lexicon knows them and names.fuzzy leaves them alone ("Ploërmel" is not "Palerme").
//
// Source: data/communes.json of the npm package @etalab/decoupage-administratif, pinned in
// package.json (INSEE Code officiel géographique; data under the Licence Ouverte / Etalab Open
// Licence, package code MIT). Only rows of type "commune-actuelle" are read.
//
// Usage:  cd tools/names && npm ci && node gen_communes.js [--report]
// Needs Debian packages hunspell and hunspell-fr. No other npm dependency.
//
// Words: for each commune name (NFC, typographic apostrophe as "'"):
//  * the whole name when it has no space ("Nogent-sur-Marne", "Ploërmel", "L'Isle-Adam");
//  * each capitalised part between spaces, hyphens, apostrophes and parentheses
//    ("Nogent", "Marne", "Isle", "Adam", "Rochelle" of "La Rochelle").
// Left out, in this order (each word is counted under the first reason that applies):
//  (d) short:    fewer than 4 letters;
//  (c) variant:  equal (case-insensitively) to a variant of corrections/names/*.tsv (ambiguous "?"
//                variants included): the name rules must keep correcting them. A word inside a
//                multi-word variant ("Loire" of "Loire Valley") is not one: the matcher looks the
//                whole phrase up and asks the lexicon about one-word variants only;
//  (a) common:   its lowercase form is a word of French Hunspell (fr_FR): "Marine", "Pont", "Bois",
//                "Saint"; add-on words are read as proper names, and other rules look at case;
//  (b) known:    French Hunspell already accepts it as written ("Paris", "Marne").
// Output: Hunspell .dic format as src/lexicon/lexicon.cc reads it: first line the number of words,
// then one word per line, no affix flags; sorted like dictionaries/names.dic. No comment header:
// retouche's reader skips "#" lines, but Hunspell::add_dic would load one as a word.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dictionaries', 'places-fr-communes.dic');
const NAMES_DIR = path.join(ROOT, 'corrections', 'names');
const PKG = '@etalab/decoupage-administratif';
const REPORT = process.argv.includes('--report');
const MIN_LETTERS = 4;

const norm = (s) => s.normalize('NFC').replace(/[’ʼ‘`]/g, "'");
const lower = (s) => s.toLowerCase();
const letters = (s) => (s.match(/\p{L}/gu) || []).length;
const capitalised = (s) => /^\p{Lu}/u.test(s);

// ---------------------------------------------------------------- communes
let version, communes;
try {
  version = require(path.join(PKG, 'package.json')).version;
  communes = require(path.join(PKG, 'data', 'communes.json')).filter((c) => c.type === 'commune-actuelle');
} catch (e) {
  console.error(`gen_communes.js: ${PKG} is not installed: cd tools/names && npm ci`);
  process.exit(1);
}

const candidates = new Set();
let parts = 0;
let wholes = 0;
for (const c of communes) {
  const name = norm(c.nom).trim();
  if (!/\s/.test(name) && !/[()]/.test(name)) {
    candidates.add(name);
    wholes++;
  }
  for (const p of name.split(/[\s\-'()]+/u)) {
    if (!p || !capitalised(p)) continue;
    if (p === name) continue;  // a one-word name is already a whole name
    candidates.add(p);
    parts++;
  }
}

// ---------------------------------------------------------------- variants of the name tables
const variantWords = new Map();  // lowercase variant -> where it is (file:line: variant -> canonical)
for (const f of fs.readdirSync(NAMES_DIR).filter((x) => x.endsWith('.tsv')).sort()) {
  fs.readFileSync(path.join(NAMES_DIR, f), 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length < 3 || cols[2] === '-') return;
    for (let v of cols[2].split('|')) {
      v = norm(v.replace(/^\?/, ''));
      if (!variantWords.has(lower(v))) variantWords.set(lower(v), `${f}:${i + 1}: ${v} -> ${cols[0]}`);
    }
  });
}

// ---------------------------------------------------------------- French Hunspell
// Words French Hunspell accepts, out of `words`. `hunspell -G` prints the correct words and `-l`
// the others; both are run and must partition the input, so that a word the command line would
// tokenise differently from the library is noticed instead of silently mis-classified.
function hunspellKnown(words) {
  const input = words.join('\n') + '\n';
  const run = (flag) => {
    try {
      return execFileSync('hunspell', ['-d', 'fr_FR', '-i', 'utf-8', flag], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (e) {
      console.error('gen_communes.js: hunspell with the fr_FR dictionary is not available: apt-get install hunspell hunspell-fr');
      process.exit(1);
    }
  };
  const good = new Set(run('-G').split('\n').filter(Boolean));
  const bad = new Set(run('-l').split('\n').filter(Boolean));
  const odd = words.filter((w) => good.has(w) === bad.has(w));
  const all = new Set(words);
  const stray = [...good, ...bad].filter((w) => !all.has(w));
  if (odd.length || stray.length) {
    console.error(`gen_communes.js: hunspell tokenised some words differently: ${[...odd, ...stray].slice(0, 20).join(', ')}`);
    process.exit(1);
  }
  return good;
}

// English grammar words ("This", "They", "Just" are communes): known as
// names they would blur the language of an English headline.
const englishWords = new Set(
  fs.readFileSync(path.join(ROOT, 'dictionaries', 'function-words-en.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(lower));

const reasons = { short: [], variant: [], english: [], common: [], known: [] };
let pending = [];
for (const w of candidates) {
  if (letters(w) < MIN_LETTERS) reasons.short.push(w);
  else if (variantWords.has(lower(w))) reasons.variant.push(w);
  else if (englishWords.has(lower(w))) reasons.english.push(w);
  else pending.push(w);
}
const lowers = [...new Set(pending.map(lower))];
const knownLower = hunspellKnown(lowers);
const rest = [];
for (const w of pending) (knownLower.has(lower(w)) ? reasons.common : rest).push(w);
const knownAsIs = hunspellKnown(rest);
const words = [];
for (const w of rest) (knownAsIs.has(w) ? reasons.known : words).push(w);

// ---------------------------------------------------------------- write
// same order as tools/names/gen_dic.py: accent- and case-folded, then as written
const key = (w) => w.normalize('NFD').toLowerCase();
const cmp = (a, b) => {
  const ka = key(a), kb = key(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};
words.sort(cmp);
for (const w of words) if (w.includes('/')) throw new Error(`a "/" in ${w}`);
const text = `${words.length}\n${words.join('\n')}\n`;
const tmp = OUT + '.tmp';
fs.writeFileSync(tmp, text);
fs.renameSync(tmp, OUT);

console.log(`${PKG} ${version}: ${communes.length} communes (commune-actuelle) read`);
console.log(`candidates: ${candidates.size} distinct (${wholes} whole names without a space, ${parts} capitalised parts)`);
console.log(`excluded: ${reasons.short.length} short (< ${MIN_LETTERS} letters), ${reasons.variant.length} variants of corrections/names, ` +
  `${reasons.english.length} English grammar words, ` +
  `${reasons.common.length} common French words (lowercase known to fr_FR), ${reasons.known.length} already known to fr_FR`);
console.log(`written: ${words.length} words to ${path.relative(ROOT, OUT)}`);
if (reasons.variant.length) {
  console.log('excluded as variants:');
  for (const w of reasons.variant.sort(cmp)) console.log(`  ${w}\t${variantWords.get(lower(w))}`);
}
if (REPORT) {
  for (const r of ['short', 'english', 'common', 'known']) {
    console.log(`excluded (${r}):`);
    for (const w of reasons[r].sort(cmp)) console.log(`  ${w}`);
  }
}
