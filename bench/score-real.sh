#!/usr/bin/env bash
# Scores retouche on the real-text sets of ../shared/dev/real with its score.py.
#
#   bench/score-real.sh                      news, mt, pages and pages-other
#   bench/score-real.sh --set news --show 40 one set, with the first 40 edits
#   bench/score-real.sh --keep DIR -- --apply suggested   keep outputs in DIR; flags after --
#
# Prints each set's report (news/mt/other: edits per 10,000 words; pages: content
# kept and boilerplate removed per page).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RETOUCHE_SHARED:-../shared}
bin=${RETOUCHE_BIN:-build/release/retouche}
sets="news mt pages pages-other" show=0 keep="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --set) sets=$2; shift 2;;
    --show) show=$2; shift 2;;
    --keep) keep=$2; shift 2;;
    --) shift; extra=("$@"); break;;
    *) echo "usage: $0 [--set SET] [--show N] [--keep DIR] [-- RETOUCHE FLAGS]" >&2; exit 2;;
  esac
done
[ -x "$bin" ] || { echo "no $bin: run tools/setup.sh build first" >&2; exit 1; }
real="$shared/dev/real"
[ -f "$real/score.py" ] || { echo "no $real/score.py" >&2; exit 1; }
if [ -n "$keep" ]; then out=$keep; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
for s in $sets; do
  mode=$s; [ "$s" = pages-other ] && mode=other
  rm -rf "${out:?}/$s"
  "$bin" clean -q "${extra[@]}" "$real/$s/input" -o "$out/$s"
  echo "== $s"
  python3 "$real/score.py" "$mode" "$out/$s" --show "$show"
done
