#!/usr/bin/env bash
# Format gate: checks C++ and proto files against the repository's
# .clang-format with Debian 12's clang-format-14, and changes nothing.
#
#   deploy/check-format.sh           every tracked .h, .cc and .proto file (CI)
#   deploy/check-format.sh BASE      only those changed since the git revision
#                                    BASE, working-tree edits included
#                                    (e.g. origin/main before a push)
#
# Exit status 0 when every checked file is formatted; 1 with the list of the
# files that are not and clang-format's first complaints; 2 on a usage error.
# To fix a file: clang-format-14 -i FILE.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
clang_format="${CLANG_FORMAT:-clang-format-14}"
if ! command -v "$clang_format" >/dev/null; then
  echo "check-format: $clang_format not found (apt-get install clang-format-14)" >&2
  exit 2
fi
if (($# > 1)); then
  echo "usage: $0 [BASE-REVISION]" >&2
  exit 2
fi

patterns=('*.h' '*.cc' '*.proto')
files=()
if (($# == 1)); then
  if ! git rev-parse --verify --quiet "$1^{commit}" >/dev/null; then
    echo "check-format: unknown revision $1" >&2
    exit 2
  fi
  # Added, copied, modified or renamed since BASE; deleted files are gone.
  mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$1" -- "${patterns[@]}")
  what="changed since $1"
else
  mapfile -t files < <(git ls-files -- "${patterns[@]}")
  what="tracked"
fi

bad=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] || continue
  if ! "$clang_format" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done

if ((${#bad[@]} == 0)); then
  echo "check-format: all ${#files[@]} files ($what) are formatted"
  exit 0
fi
echo "check-format: ${#bad[@]} of ${#files[@]} files ($what) are not formatted" \
  "(fix with: $clang_format -i FILE):" >&2
for f in "${bad[@]}"; do
  echo "  $f" >&2
done
echo "first complaints:" >&2
"$clang_format" --style=file --dry-run -Werror "${bad[0]}" 2>&1 | head -n 12 >&2
exit 1
