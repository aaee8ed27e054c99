#!/usr/bin/python3
"""Generate corrections/names/world-names.txt: real one-word place and person names of the world.

names.fuzzy must never guess a famous name for a real, rarer one ("Sinaloa" is not Chine, "Kohl" is
not Kahl). world-places.txt (GeoNames towns) covers towns; this list adds what Debian packages know:

  * wamerican-huge (SCOWL, /usr/share/dict/american-english-huge): its capitalised entries are
    proper nouns (people, places, peoples); possessives ("Kohl's") are skipped. The "huge" size is
    the largest one whose capitalised entries are still almost all real names ("insane" adds
    abbreviations, brand fragments and misspellings, which a garble could hit). Its English
    derivatives are skipped (ENGLISH_DERIVATIVE: "Floridians", "Gaullism", "Aceraceae"): they are
    demonyms, doctrines or taxa, not names, and a garbled demonym must stay correctable.
  * iso-codes (/usr/share/iso-codes/json): ISO 3166-1 country names (name, common_name,
    official_name) and ISO 3166-2 subdivision names (Sinaloa, Oaxaca, Gyeonggi), plus their
    translations in the iso-codes message catalogues for fr de es it pt nl.
  * tzdata (/usr/share/zoneinfo/tzdata.zi): the city part of every zone and link name.

Kept: one word (letters and inner apostrophes, no hyphen, digit or space), capitalised, at least
MIN_LETTERS letters, NFC. Left out:
  * any form (case, accents, apostrophes, hyphens folded as check_names.py does) that is a
    canonical, accepted or variant form of corrections/names/*.tsv: the tables decide about those,
    and their variants must stay correctable;
  * words French Hunspell (hunspell-fr) accepts in lowercase ("Orange", "Grasse"): common words;
  * French function words (dictionaries/function-words-fr.txt);
  * names already in world-places.txt.
The list is never corrected and never proposed: NameTable::world_place() answers for it so that
names.fuzzy leaves the word alone.

Usage:  /usr/bin/python3 tools/names/gen_world_names.py [--report]
Needs:  apt-get install wamerican-huge iso-codes tzdata hunspell hunspell-fr (generation only;
        retouche reads the committed list). Standard library only.
"""
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
NAMES_DIR = os.path.join(ROOT, 'corrections', 'names')
OUT = os.path.join(NAMES_DIR, 'world-names.txt')
sys.path.insert(0, HERE)
from check_names import fold  # noqa: E402  same folding key as the checker

MIN_LETTERS = 4
WORDLIST = '/usr/share/dict/american-english-huge'
ISO_JSON = '/usr/share/iso-codes/json'
LOCALE_DIR = '/usr/share/locale'
LANGS = ('fr', 'de', 'es', 'it', 'pt', 'nl')
TZDATA = '/usr/share/zoneinfo/tzdata.zi'
ENGLISH_DERIVATIVE = re.compile(r'(?:ians|isms?|ists?|ites|aceae|idae)$')
ONE_WORD = re.compile(r"^[^\W\d_][^\W\d_']*(?:'[^\W\d_]+)*$")


def need(path, package):
    if not os.path.exists(path):
        sys.exit(f'gen_world_names.py: {path} missing: apt-get install {package}')


def from_wordlist():
    need(WORDLIST, 'wamerican-huge')
    with open(WORDLIST, encoding='utf-8') as fh:
        for line in fh:
            w = line.strip()
            if w and w[0].isupper() and not w.endswith("'s") and not ENGLISH_DERIVATIVE.search(w):
                yield w


def iso_names(standard, key, fields):
    need(os.path.join(ISO_JSON, standard + '.json'), 'iso-codes')
    with open(os.path.join(ISO_JSON, standard + '.json'), encoding='utf-8') as fh:
        entries = json.load(fh)[key]
    english = [e[f] for e in entries for f in fields if f in e]
    yield from english
    for lang in LANGS:
        mo = os.path.join(LOCALE_DIR, lang, 'LC_MESSAGES', standard + '.mo')
        if not os.path.exists(mo):
            continue
        with open(mo, 'rb') as fh:
            catalog = gettext.GNUTranslations(fh)
        for name in english:
            yield catalog.gettext(name)


def from_tzdata():
    need(TZDATA, 'tzdata')
    with open(TZDATA, encoding='utf-8') as fh:
        for line in fh:
            f = line.split()
            names = f[1:2] if f and f[0] == 'Z' else f[1:3] if f and f[0] == 'L' else []
            for zone in names:
                if '/' in zone:
                    yield zone.rsplit('/', 1)[1].replace('_', ' ')


def table_forms():
    forms = set()
    for name in sorted(os.listdir(NAMES_DIR)):
        if not name.endswith('.tsv'):
            continue
        with open(os.path.join(NAMES_DIR, name), encoding='utf-8') as fh:
            for line in fh:
                if not line.strip() or line.startswith('#'):
                    continue
                c = line.rstrip('\n').split('\t')
                if len(c) != 5:
                    continue
                forms.add(fold(c[0]))
                for col in (c[2], c[3]):
                    if col != '-':
                        forms.update(fold(v.lstrip('?')) for v in col.split('|'))
    return forms


def read_list(path):
    with open(path, encoding='utf-8') as fh:
        return {l.strip() for l in fh if l.strip() and not l.startswith('#')}


def french_words(words):
    """The words of `words` that French Hunspell accepts in lowercase."""
    lower = sorted({w.lower() for w in words})
    out = subprocess.run(['hunspell', '-d', 'fr', '-l', '-i', 'utf-8'], input='\n'.join(lower) + '\n',
                         capture_output=True, text=True, check=True).stdout
    return set(lower) - set(out.split())


def main():
    report = '--report' in sys.argv[1:]
    sources = {'wamerican-huge': from_wordlist(),
               'iso_3166-1': iso_names('iso_3166-1', '3166-1', ('name', 'common_name', 'official_name')),
               'iso_3166-2': iso_names('iso_3166-2', '3166-2', ('name',)),
               'tzdata': from_tzdata()}
    candidates = {}
    for source, names in sources.items():
        for name in names:
            w = unicodedata.normalize('NFC', name.strip())
            if ONE_WORD.match(w) and w[0].isupper() and sum(c.isalpha() for c in w) >= MIN_LETTERS:
                candidates.setdefault(w, source)
    tables = table_forms()
    function_words = {fold(w) for w in read_list(os.path.join(ROOT, 'dictionaries', 'function-words-fr.txt'))}
    places = read_list(os.path.join(NAMES_DIR, 'world-places.txt'))
    french = french_words(candidates)
    dropped = {'table form': [], 'French word': [], 'function word': [], 'world-places': []}
    kept = []
    for w in sorted(candidates):
        why = ('table form' if fold(w) in tables else 'function word' if fold(w) in function_words
               else 'French word' if w.lower() in french else 'world-places' if w in places else None)
        (dropped[why] if why else kept).append(w)
    header = [
        '# Real one-word place and person names of the world that no table holds: names.fuzzy never',
        '# guesses a famous name for them. GENERATED by tools/names/gen_world_names.py from Debian',
        '# wamerican-huge (capitalised entries, English derivatives left out), iso-codes (ISO 3166-1',
        '# and 3166-2 names, fr de es it pt nl translations) and tzdata (zone cities), minus every',
        '# form of the name tables, words French Hunspell accepts in lowercase, French function words',
        '# and world-places.txt. Do not edit by hand.',
    ]
    with open(OUT + '.tmp', 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\n'.join(header + kept) + '\n')
    os.replace(OUT + '.tmp', OUT)
    print(f'world-names.txt: {len(kept)} names; left out: '
          + ', '.join(f'{len(v)} {k}' for k, v in dropped.items()))
    if report:
        for k, v in dropped.items():
            print(f'{k}: ' + ' '.join(v))


if __name__ == '__main__':
    main()
