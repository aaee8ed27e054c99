#!/usr/bin/env python3
"""Validate the proper-name correction tables of retouche.

Usage: python3 tools/names/check_names.py [--root DIR] [--quiet]

Checks every corrections/names/*.tsv (hand and generated) and prints one
`file:line: message` per problem; exits 1 if there is any, 0 otherwise.
Also checks that corrections/names/demonyms.tsv and dictionaries/names.dic
are what tools/names/gen_demonyms.py and tools/names/gen_dic.py produce.
Standard library only.
"""
import argparse
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

KINDS = {'country', 'city', 'region', 'territory', 'person', 'surname', 'first-name',
         'organisation', 'media', 'product', 'demonym', 'adjective', 'other'}
HEADER = '# canonical\tkind\tvariants\taccepted\tnote'
FOLD_MAP = str.maketrans({'’': "'", 'ʼ': "'", '`': "'", '‘': "'", 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o',
                          'đ': 'd', 'Đ': 'd', 'ı': 'i', '‐': ' ', '-': ' ', '–': ' ', '—': ' '})


def fold(s):
    """Case-, accent-, apostrophe- and hyphen-insensitive key."""
    s = unicodedata.normalize('NFD', s.translate(FOLD_MAP))
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return re.sub(r'\s+', ' ', s.casefold()).strip()


class Row:
    __slots__ = ('file', 'line', 'canonical', 'kind', 'variants', 'accepted', 'note')

    def __init__(self, file, line, f):
        self.file, self.line = file, line
        self.canonical, self.kind, self.note = f[0], f[1], f[4]
        self.variants = [] if f[2] == '-' else f[2].split('|')
        self.accepted = [] if f[3] == '-' else f[3].split('|')

    def where(self):
        return f'{self.file}:{self.line}'


def read_tables(names_dir, errors):
    """Parse every *.tsv; returns the rows. Format errors go to `errors`."""
    rows = []
    files = sorted(f for f in os.listdir(names_dir) if f.endswith('.tsv'))
    if not files:
        errors.append(f'{names_dir}: no .tsv file')
    for fname in files:
        path = os.path.join(names_dir, fname)
        rel = os.path.relpath(path)
        with open(path, 'rb') as fh:
            raw = fh.read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            errors.append(f'{rel}:1: not UTF-8 ({e})')
            continue
        if text.startswith('\ufeff'):
            errors.append(f'{rel}:1: byte order mark')
        if '\r' in text:
            errors.append(f'{rel}:1: CR line endings')
        if not text.endswith('\n'):
            errors.append(f'{rel}: no final newline')
        lines = text.split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        first = next((l for l in lines if l.strip()), '')
        if not first.startswith('#'):
            errors.append(f'{rel}:1: file must start with a comment header')
        seen_header = False
        for n, line in enumerate(lines, 1):
            here = f'{rel}:{n}'
            if line != unicodedata.normalize('NFC', line):
                errors.append(f'{here}: not NFC')
            if line != line.rstrip():
                errors.append(f'{here}: trailing whitespace')
            if not line.strip():
                if line:
                    errors.append(f'{here}: whitespace-only line')
                continue
            if line.startswith('#'):
                if line == HEADER:
                    seen_header = True
                continue
            if not seen_header:
                errors.append(f'{here}: data before the column header comment "{HEADER!r}"')
                seen_header = True
            if re.search(r'[\x00-\x08\x0b-\x1f\x7f\u00a0\u00ad\u200b-\u200f\u2028\u2029\ufeff]', line):
                errors.append(f'{here}: control, invisible or no-break space character')
            f = line.split('\t')
            if len(f) != 5:
                errors.append(f'{here}: {len(f)} columns, expected 5 (canonical, kind, variants, accepted, note)')
                continue
            bad = False
            for name, v in zip(('canonical', 'kind', 'variants', 'accepted', 'note'), f):
                if v == '':
                    errors.append(f'{here}: empty {name} field (write - )')
                    bad = True
                elif v != v.strip():
                    errors.append(f'{here}: {name} has leading/trailing spaces')
                elif '  ' in v:
                    errors.append(f'{here}: {name} has a double space')
            if bad:
                continue
            canonical, kind = f[0], f[1]
            if kind not in KINDS:
                errors.append(f'{here}: unknown kind {kind!r}')
            if canonical == '-' or canonical.startswith('?') or '|' in canonical:
                errors.append(f'{here}: canonical {canonical!r} is not a name')
            if kind == 'adjective' and not canonical[0].islower():
                errors.append(f'{here}: adjective {canonical!r} must start with a lowercase letter')
            if kind == 'demonym' and not canonical[0].isupper():
                errors.append(f'{here}: demonym {canonical!r} must start with a capital letter')
            for name, v in (('variants', f[2]), ('accepted', f[3])):
                if v == '-':
                    continue
                items = v.split('|')
                for it in items:
                    if it == '' or it == '-' or it.strip() != it:
                        errors.append(f'{here}: {name} has an empty or padded item {it!r}')
                    elif name == 'accepted' and it.startswith('?'):
                        errors.append(f'{here}: ? marker is only for variants ({it!r})')
                    elif it.startswith('?') and (len(it) == 1 or it[1] in '? '):
                        errors.append(f'{here}: malformed ? marker {it!r}')
                bare = [it.lstrip('?') for it in items]
                dups = {b for b in bare if bare.count(b) > 1}
                for d in sorted(dups):
                    errors.append(f'{here}: {name} lists {d!r} twice')
            r = Row(rel, n, f)
            if canonical in r.accepted:
                errors.append(f'{here}: accepted repeats the canonical {canonical!r}')
            rows.append(r)
    return rows


def check_rows(rows, errors):
    # duplicate canonical within a kind
    by_key = {}
    for r in rows:
        k = (r.kind, r.canonical)
        if k in by_key:
            errors.append(f'{r.where()}: duplicate canonical {r.canonical!r} ({r.kind}), first at {by_key[k].where()}')
        else:
            by_key[k] = r
    # every correct form, folded
    correct = defaultdict(list)
    for r in rows:
        for form in [r.canonical] + r.accepted:
            correct[fold(form)].append((r, form))
    # variants
    owners = defaultdict(list)  # fold(variant) -> [(row, variant_with_marker)]
    for r in rows:
        for v in r.variants:
            bare = v[1:] if v.startswith('?') else v
            key = fold(bare)
            if not key:
                errors.append(f'{r.where()}: empty variant')
                continue
            for other, form in correct.get(key, []):
                if other is r:
                    errors.append(f'{r.where()}: variant {bare!r} differs from its own correct form {form!r} only by case/accents/hyphens: put it in accepted or drop it')
                else:
                    errors.append(f'{r.where()}: variant {bare!r} is a correct form ({form!r}) of {other.canonical!r} at {other.where()}')
            owners[key].append((r, v))
    for key, occ in owners.items():
        canon = {r.canonical for r, _ in occ}
        if len(canon) > 1:
            for r, v in occ:
                if not v.startswith('?'):
                    others = ', '.join(sorted(canon - {r.canonical}))
                    errors.append(f'{r.where()}: variant {v!r} also points to {others}: mark it ? everywhere or remove it')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default=os.path.normpath(os.path.join(HERE, '..', '..')), help='repository root')
    ap.add_argument('--quiet', action='store_true', help='print only problems')
    args = ap.parse_args()
    os.chdir(args.root)
    names_dir = os.path.join('corrections', 'names')
    errors = []
    rows = read_tables(names_dir, errors)
    check_rows(rows, errors)
    # generated companions must be in sync with their sources
    try:
        import gen_demonyms
        errors.extend(gen_demonyms.check(args.root))
    except Exception as e:  # noqa: BLE001 - report, do not crash
        errors.append(f'tools/names/gen_demonyms.py: cannot check demonyms.tsv ({e})')
    try:
        import gen_dic
        errors.extend(gen_dic.check(args.root))
    except Exception as e:  # noqa: BLE001
        errors.append(f'tools/names/gen_dic.py: cannot check names.dic ({e})')
    for e in errors:
        print(e)
    if not args.quiet or errors:
        kinds = defaultdict(int)
        for r in rows:
            kinds[r.kind] += 1
        print(f'check_names: {len(rows)} rows in {len({r.file for r in rows})} files '
              f'({", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))}); {len(errors)} problem(s)')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
