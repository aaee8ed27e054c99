#!/usr/bin/env bash
# Regenerates samples/NAME.expected.txt and NAME.expected.diff from the current
# build. The result must be READ before it is committed: every change in the
# expected output must be right French (git diff samples/).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${RETOUCHE_BIN:-build/release/retouche}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" clean -q $(ls samples/*.txt | grep -v '\.expected\.txt$') -o "$tmp"
for f in samples/*.txt; do
  case "$f" in *.expected.txt) continue;; esac
  name=$(basename "$f" .txt)
  cp "$tmp/$name.txt" "samples/$name.expected.txt"
  cp "$tmp/$name.diff" "samples/$name.expected.diff"
done
git status --short samples/
