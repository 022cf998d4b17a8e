#!/usr/bin/env bash
# Quick start, command two: install what is missing, build, and run the whole
# test suite (unit, service and end-to-end tests of the real binaries).
# The build is the normal one (build/, g++, RelWithDebInfo) with warnings as
# errors in ogi's own code (OGI_WERROR; the generated protobuf/gRPC code and
# system headers are exempt), and it fails on any warning left in its log
# (build/build.log), e.g. one from the generated code.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/deploy/install-deps.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DOGI_WERROR=ON >/dev/null
log="$root/build/build.log"
cmake --build "$root/build" -j"$(nproc)" 2>&1 | tee "$log"
if grep -q 'warning:' "$log"; then
  echo "run-tests: the build printed $(grep -c 'warning:' "$log") warning(s):" >&2
  grep 'warning:' "$log" >&2
  exit 1
fi
cd "$root/build"
ctest --output-on-failure -j"$(nproc)" --timeout 600
