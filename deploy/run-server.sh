#!/usr/bin/env bash
# Quick start, command one: install what is missing, build, and run ogi-server
# on 127.0.0.1:50051 with its SQLite database in data/ogi.db of the checkout.
# On the first run it also makes the first administrator (login name admin,
# holding every role, for trying ogi out alone) and keeps its token in
# data/admin.token (mode 0600): `ogi login < data/admin.token`.
# Extra arguments go to ogi-server (e.g. --agency_name=聊城市行政审批服务局).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/deploy/build.sh"
mkdir -p "$root/data"
if [[ ! -e "$root/data/admin.token" ]]; then
  (
    umask 077
    "$root/build/ogi-server" add-admin --db="$root/data/ogi.db" --user=admin \
      --display_name=管理员 --roles=clerk,approver,legal,statistician,auditor \
      "$@" >"$root/data/admin.token.new"
    mv "$root/data/admin.token.new" "$root/data/admin.token"
  )
  echo "run-server: first administrator \"admin\"; its token is in data/admin.token" \
       "(ogi login < data/admin.token)" >&2
fi
exec "$root/build/ogi-server" --listen=127.0.0.1:50051 --db="$root/data/ogi.db" "$@"
