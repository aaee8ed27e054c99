#!/usr/bin/env bash
# cmake --install into a temporary prefix, then the example built against it
# twice: with find_package(retouche) and with pkg-config; both must run and
# print a finding and a diff.
#   tests/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in include/retouche/pipeline.h include/retouche/writers.h share/man/man1/retouche.1 \
         share/bash-completion/completions/retouche share/retouche/corrections bin/retouche; do
  [ -e "$tmp/prefix/$f" ] || { echo "install_test: $f not installed" >&2; exit 1; }
done
libdir=$(dirname "$(find "$tmp/prefix" -name libretouche.a | head -1)")
[ -e "$libdir/libretouche.so" ] || { echo "install_test: no libretouche.so" >&2; exit 1; }
check() {  # check PROGRAM
  RETOUCHE_DATA="$tmp/prefix/share/retouche" "$1" > "$tmp/out" || { echo "install_test: $1 failed" >&2; exit 1; }
  grep -q 'typography.doubled-punctuation' "$tmp/out" && grep -q '^+++ b/text.txt' "$tmp/out" ||
    { echo "install_test: unexpected output of $1:" >&2; cat "$tmp/out" >&2; exit 1; }
}
# find_package
cmake -S "$src/examples" -B "$tmp/example" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$tmp/example" >/dev/null
check "$tmp/example/clean_text"
# pkg-config (shared, then static)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
g++ -std=c++20 "$src/examples/clean_text.cc" -o "$tmp/clean_text_pc" $(pkg-config --cflags --libs retouche) \
    -Wl,-rpath,"$libdir"
check "$tmp/clean_text_pc"
g++ -std=c++20 "$src/examples/clean_text.cc" -o "$tmp/clean_text_static" $(pkg-config --cflags retouche) \
    "$libdir/libretouche.a" $(pkg-config --static --libs retouche | sed 's/-lretouche//')
check "$tmp/clean_text_static"
echo "install_test: find_package, pkg-config (shared and static) ok" >&2
