#!/usr/bin/env bash
# retouche set-up on Debian 12: installs the Debian packages that are missing
# (apt, as root or through sudo), builds, and runs the main job or the tests.
#
#   tools/setup.sh run    Release build in build/release, then clean samples/ into out/
#   tools/setup.sh test   also the test dependencies; Release and sanitizer builds;
#                         the whole test suite on both; a clang build of the fuzz
#                         targets, each run for 45 seconds on its seeds (tools/fuzz.sh)
#   tools/setup.sh build  Release build only
set -euo pipefail

mode=${1:-build}
case "$mode" in run|test|build) ;; *) echo "usage: tools/setup.sh run|test|build" >&2; exit 2;; esac
cd "$(dirname "$0")/.."

# What the build and the tool need, then what the tests need.
build_packages=(g++ cmake make pkg-config libicu-dev libre2-dev libhunspell-dev hunspell-fr
                libzstd-dev zlib1g-dev libssl-dev libcld2-dev libcli11-dev libtomlplusplus-dev
                python3-dev python3-pybind11)
test_packages=(libgtest-dev python3 patch git gzip zstd hunspell python3-distributed
               clang libclang-rt-14-dev chromium chromium-driver python3-selenium)

packages=("${build_packages[@]}")
[ "$mode" = test ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing missing Debian packages: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null; then
    apt_get=(sudo apt-get)
  else
    echo "setup: run as root (or install sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
build() {  # build DIR CMAKE_ARGS...
  local dir=$1
  shift
  local log
  log=$(mktemp)
  if ! cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "setup: cmake configure of $dir failed" >&2; exit 1
  fi
  if ! cmake --build "$dir" -j "$jobs" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "setup: build in $dir failed" >&2; exit 1
  fi
  rm -f "$log"
  echo "setup: built $dir" >&2
}

case "$mode" in
  build)
    build build/release -DRETOUCHE_BUILD_TESTS=OFF -DRETOUCHE_WERROR=OFF
    ;;
  run)
    build build/release -DRETOUCHE_BUILD_TESTS=OFF -DRETOUCHE_WERROR=OFF
    rm -rf out
    build/release/retouche clean samples -o out
    ;;
  test)
    # Options are explicit both ways: a build directory keeps its cached
    # options, and 'run' before 'test' must not leave the tests switched off.
    build build/release -DRETOUCHE_BUILD_TESTS=ON -DRETOUCHE_WERROR=ON
    build build/sanitize -DRETOUCHE_WERROR=ON -DRETOUCHE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    echo "setup: tests (Release)" >&2
    (cd build/release && ctest --output-on-failure -j "$jobs")
    echo "setup: tests (AddressSanitizer + UndefinedBehaviorSanitizer)" >&2
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       ctest --output-on-failure -j "$jobs" -LE slow)
    # The clang build: the fuzz targets (libFuzzer, ASan, UBSan), which also
    # keeps the code building with clang and -Werror.
    build build/fuzz -DRETOUCHE_FUZZ=ON -DRETOUCHE_BUILD_TESTS=OFF -DRETOUCHE_WERROR=ON \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++
    echo "setup: fuzzing (45 s per target)" >&2
    FUZZ_PARALLEL="$jobs" tools/fuzz.sh 45
    ;;
esac
