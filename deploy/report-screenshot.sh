#!/usr/bin/env bash
# Renders an annual-report HTML file (ogi report show YEAR --format html -o
# FILE, or build/report_render_sample html > FILE) in headless
# Chromium, to look at it as a reader would:
#   OUT.png          a screenshot of the page (the whole document on a tall
#                    window; REPORT_WINDOW=WIDTH,HEIGHT to change it)
#   OUT.pdf          the document printed to PDF (A4, as the page's @page says)
#   OUT-page-N.png   each PDF page as an image (when pdftoppm is available)
# OUT defaults to the HTML file's path without ".html".
#
# Usage: bash deploy/report-screenshot.sh REPORT.html [OUT]
#
# Installs Debian's chromium, the Noto CJK fonts (fonts-noto-cjk) and
# poppler-utils if they are missing (needs root or sudo). A tool for people;
# the test suite does not run it (Chromium is too heavy for CI).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || ! -f "$1" ]]; then
  echo "usage: $0 REPORT.html [OUT]" >&2
  exit 2
fi
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-${html%.html}}"
window="${REPORT_WINDOW:-1000,4200}"

missing=()
for pkg in chromium fonts-noto-cjk poppler-utils; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  echo "report-screenshot: installing ${missing[*]}" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# --no-sandbox: Chromium refuses to run as root otherwise.
chromium_flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars
  --no-first-run --user-data-dir="$profile")

chromium "${chromium_flags[@]}" --window-size="$window" \
  --screenshot="$out.png" "file://$html" 2>/dev/null
chromium "${chromium_flags[@]}" --no-pdf-header-footer \
  --print-to-pdf="$out.pdf" "file://$html" 2>/dev/null

if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 80 "$out.pdf" "$out-page"
fi
ls -1 "$out".png "$out".pdf "$out"-page*.png 2>/dev/null
