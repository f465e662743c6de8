#!/usr/bin/env bash
# Runs every test of Luoshi. Installs what the tests need when it is missing (PostgreSQL, Chromium,
# CJK fonts), starts a throwaway PostgreSQL server on 127.0.0.1 for the run, and stops it after.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "需要 root 权限安装：$*" >&2; return 1; fi; }

packages=(postgresql chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A throwaway PostgreSQL cluster in a temporary folder, on a free loopback port.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/luoshi-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && { chown postgres "$pg_dir"; pg_user=postgres; }
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U "$pg_user" -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/log" \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
export LUOSHI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Pooling=true;Maximum Pool Size=50"
export LUOSHI_CHROMIUM=/usr/bin/chromium
echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

log=$(mktemp)
status=0
dotnet test Luoshi.slnx --nologo 2>&1 | tee "$log" || status=$?
# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", f); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
[ "$status" = 0 ] || echo "== the run failed (exit code $status): a build error or a failing test, see above"
exit $status
