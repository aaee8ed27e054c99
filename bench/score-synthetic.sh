#!/usr/bin/env bash
# Scores retouche on ../shared/dev/synthetic with ../shared/dev/score.py.
#
#   bench/score-synthetic.sh                    all rules, all three sets
#   bench/score-synthetic.sh --only boilerplate only one family (plus normalize):
#                                               its own false edits on clean/
#   bench/score-synthetic.sh --set dirty --show 20 -- --apply suggested
#
# Prints the scorer's report; with --json FILE also writes it as JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${RETOUCHE_SHARED:-../shared}
bin=${RETOUCHE_BIN:-build/release/retouche}
only="" sets="clean dirty names" show=0 json="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=$2; shift 2;;
    --set) sets=$2; shift 2;;
    --show) show=$2; shift 2;;
    --json) json=$2; shift 2;;
    --) shift; extra=("$@"); break;;
    *) echo "usage: $0 [--only FAMILY] [--set SET] [--show N] [--json FILE] [-- RETOUCHE FLAGS]" >&2; exit 2;;
  esac
done
[ -x "$bin" ] || { echo "no $bin: run tools/setup.sh build first" >&2; exit 1; }
[ -d "$shared/dev/synthetic" ] || { echo "no $shared/dev/synthetic" >&2; exit 1; }

flags=("${extra[@]}")
if [ -n "$only" ]; then
  others=$("$bin" --list-rules | awk 'NR>1 {print $2}' | sort -u | grep -v -x -e normalize -e "$only" | paste -sd, -)
  [ -n "$others" ] && flags+=(--disable "$others")
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for s in $sets; do
  "$bin" clean -q "${flags[@]}" "$shared/dev/synthetic/$s/input" -o "$out/$s"
done
args=(--output "$out" --show "$show")
[ -n "$json" ] && args+=(--json "$json")
if [ "$(echo $sets | wc -w)" -eq 1 ]; then
  python3 "$shared/dev/score.py" --cases "$shared/dev/synthetic/$sets" --output "$out/$sets" --show "$show" ${json:+--json "$json"}
else
  mkdir -p "$out/cases"
  for s in $sets; do ln -s "$(cd "$shared/dev/synthetic/$s" && pwd)" "$out/cases/$s"; done
  python3 "$shared/dev/score.py" --cases "$out/cases" "${args[@]}"
fi
