#!/usr/bin/env bash
# Quick start, command one: install what is missing, build, and run ogi-server
# on 127.0.0.1:50051 with its SQLite database in data/ogi.db of the checkout.
# Extra arguments go to ogi-server (e.g. --agency_name=聊城市行政审批服务局).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/deploy/build.sh"
exec "$root/build/ogi-server" --listen=127.0.0.1:50051 --db="$root/data/ogi.db" "$@"
