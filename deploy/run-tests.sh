#!/usr/bin/env bash
# Quick start, command two: install what is missing, build, and run the whole
# test suite (unit, service and end-to-end tests of the real binaries).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/deploy/build.sh"
cd "$root/build"
ctest --output-on-failure -j"$(nproc)" --timeout 600
