#!/usr/bin/env python3
"""Generate dictionaries/names.dic, a Hunspell add-on word list, from corrections/names/*.tsv.

Usage: python3 tools/names/gen_dic.py [--check]

Words = every canonical and every accepted form (never a variant) of every table:
  * the form itself when it is one token (Azerbaïdjan, Haut-Karabakh, Kazakhstanaises);
  * each space-separated token of a multi-word form (Sergueï, Lavrov, Kazakhstanskaïa, Pravda);
  * for a hyphenated token, its parts too (Haut, Karabakh), because Hunspell may break at hyphens;
  * for an elided token (d'Ivoire, l'Atlantique), the token and the word after the apostrophe.
Skipped: tokens without a letter, French function words (de, du, la, et...), initials (J.).
First line: number of words; then one word per line, sorted, no affix flags. A "/" inside a word is
written "\\/" as Hunspell requires. --check compares with the file on disk (used by check_names.py).
Standard library only.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.join('dictionaries', 'names.dic')
# Grammar words and name particles never go in as names, whatever their case:
# "La" of "La Haye" must stay the article for the spell checker. French
# grammar words come from dictionaries/function-words-fr.txt.
PARTICLES = {'de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'au', 'aux', 'à', 'd', 'l',
             'el', 'al', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'van', 'von', 'der', 'den',
             'the', 'of', 'and', 'il', 'y', 'e', 'i', 'a', 'o', 'lo', 'los', 'las', 'una', 'un'}


def load_function_words():
    path = os.path.join(HERE, '..', '..', 'dictionaries', 'function-words-fr.txt')
    words = set(PARTICLES)
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith('#'):
                words.add(line.casefold())
    return words


FUNCTION_WORDS = load_function_words()
ELISION = re.compile(r"^(?:[dlDL]|qu|Qu)'(?=\w)")


def tokens(form):
    out = []
    for tok in form.split(' '):
        tok = tok.strip(',;:()')
        if not tok or not re.search(r'[^\W\d_]', tok) or tok.casefold() in FUNCTION_WORDS:
            continue
        if re.fullmatch(r'[^\W\d_]\.', tok):  # an initial such as "J."
            continue
        out.append(tok)
        m = ELISION.match(tok)
        bare = tok[m.end():] if m else tok
        if m:
            out.append(bare)
        if '-' in bare.strip('-'):
            out.extend(p for p in bare.split('-')
                       if re.fullmatch(r'[^\W\d_][\w\']+', p) and p.casefold() not in FUNCTION_WORDS)
    return out


def build(root):
    import check_names
    errors = []
    rows = check_names.read_tables(os.path.join(root, 'corrections', 'names'), errors)
    words = set()
    for r in rows:
        for form in [r.canonical] + r.accepted:
            words.update(tokens(form))
    ordered = sorted(words, key=lambda w: (unicodedata.normalize('NFD', w).casefold(), w))
    body = [w.replace('/', '\\/') for w in ordered]
    return unicodedata.normalize('NFC', '\n'.join([str(len(body))] + body) + '\n')


def check(root):
    want = build(root)
    try:
        with open(os.path.join(root, OUT), encoding='utf-8') as fh:
            have = fh.read()
    except FileNotFoundError:
        return [f'{OUT}: missing; run python3 tools/names/gen_dic.py']
    if have != want:
        return [f'{OUT}: out of date with corrections/names/*.tsv; run python3 tools/names/gen_dic.py']
    return []


def main():
    root = os.path.normpath(os.path.join(HERE, '..', '..'))
    old = os.getcwd()
    os.chdir(root)
    try:
        if '--check' in sys.argv[1:]:
            errs = check(root)
            for e in errs:
                print(e)
            return 1 if errs else 0
        text = build(root)
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, 'w', encoding='utf-8') as fh:
            fh.write(text)
        print(f'{OUT}: {text.split(chr(10), 1)[0]} words')
        return 0
    finally:
        os.chdir(old)


if __name__ == '__main__':
    sys.exit(main())
