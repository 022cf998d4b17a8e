#!/usr/bin/env bash
# Sanitizer gate: builds the whole tree with clang-14 under AddressSanitizer
# (with LeakSanitizer) and UndefinedBehaviorSanitizer into build-asan/, and
# runs the test suite there. The ogi-server and ogi binaries the end-to-end
# tests start are sanitized too. The same clang build checks the
# ABSL_GUARDED_BY annotations (-Wthread-safety, an error).
#
#   deploy/run-sanitized-tests.sh [CTEST-ARGS...]   e.g. -R 'case_' to narrow
#
# Any sanitizer report fails the run, wherever it happened: every sanitized
# process stops at its first report with exit status 66 (a code no ogi
# program uses, so a test expecting a user error's exit status still fails)
# and writes the report to build-asan/sanitizer-reports/; after ctest the
# script prints every report there and fails when there is one, which also
# catches a report in a child process whose exit status a test ignores.
# LeakSanitizer runs with no suppressions: the suite leaks nothing, gRPC's
# globals included. It checks a server at its exit, so only servers that a
# test stops with SIGTERM (ServerProcess::Stop), not those it kills.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
bash "$root/deploy/install-deps.sh"

# Debug keeps assert() on; OGI_SANITIZE then compiles at -O1 with line tables.
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" \
  -DCMAKE_BUILD_TYPE=Debug -DOGI_SANITIZE=ON -DOGI_WERROR=OFF >/dev/null
cmake --build "$build" -j"$(nproc)"

reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
common="halt_on_error=1:exitcode=66:print_summary=1:log_path=$reports/report"
export ASAN_OPTIONS="$common:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common:print_stacktrace=1"

status=0
cd "$build"
# Sanitized code runs a few times slower: a longer per-test timeout.
ctest --output-on-failure -j"$(nproc)" --timeout 1500 "$@" || status=$?

shopt -s nullglob
found=("$reports"/report*)
if ((${#found[@]} > 0)); then
  echo "run-sanitized-tests: ${#found[@]} sanitizer report(s):" >&2
  for f in "${found[@]}"; do
    echo "=== $f" >&2
    cat "$f" >&2
  done
  status=1
fi
if ((status == 0)); then
  echo "run-sanitized-tests: passed, no sanitizer reports"
fi
exit "$status"
