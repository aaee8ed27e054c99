#!/usr/bin/env bash
# Regenerates docs/retouche.1 and docs/retouche.bash-completion from the
# command-line parser (tests/options_test.cc checks they are up to date).
#   tools/update-docs.sh [BUILD_DIR]     (default: build/release, or build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:+$1/retouche}
for b in "$bin" build/release/retouche build/retouche; do
  if [ -n "$b" ] && [ -x "$b" ]; then bin=$b; break; fi
done
[ -x "$bin" ] || { echo "update-docs: build retouche first" >&2; exit 1; }
"$bin" --man > docs/retouche.1
"$bin" --completion bash > docs/retouche.bash-completion
echo "update-docs: docs/retouche.1 and docs/retouche.bash-completion from $bin" >&2
