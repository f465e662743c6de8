# A throwaway pg_auto_failover formation on loopback, as the current user: a monitor, a primary and a
# secondary (Debian package postgresql-15-auto-failover, binary pg_autoctl), in a temporary folder.
#
#   . scripts/failover-throwaway.sh       sourced: starts it, exports LUOSHI_PG (a multi-host
#                                         connection string to the "luoshi" database that always
#                                         reaches the primary) and the variables below, and stops and
#                                         removes everything when the calling shell exits
#   scripts/failover-throwaway.sh hold    run: the same, prints the variables as NAME=value lines and
#                                         "== ready", and stops when its standard input closes (the
#                                         failover test runs it this way)
#
# Exported besides LUOSHI_PG: LUOSHI_FAILOVER_DIR (the folder), LUOSHI_FAILOVER_NODES ("node1 node2":
# each node's data is $LUOSHI_FAILOVER_DIR/<node>, its port in $LUOSHI_FAILOVER_DIR/<node>.port),
# LUOSHI_FAILOVER_MONITOR (the monitor's URI), and failover_autoctl, a function running pg_autoctl as
# the user that owns the folder (postgres when run as root: PostgreSQL refuses to run as root).
#
# Replication is synchronous: pg_auto_failover names the secondary in synchronous_standby_names while it
# is healthy, so a commit returns only when the secondary has it, and the monitor only promotes a
# secondary that had caught up. (number-sync-standbys stays 0: with one secondary, pg_auto_failover
# still waits for it while it is up, and lets the primary go on alone, state wait_primary, when it is
# down; 1 would need two secondaries.) Settings: FAILOVER_FAST=1 shortens the monitor's health checks
# and its wait for a lost primary to demote itself (a dead primary is replaced after ~10 s instead of
# ~20 s + 30 s), as the failover test does; not for production, where the wait guards against two primaries.
failover_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
command -v pg_autoctl >/dev/null || { echo "pg_autoctl 未安装（Debian 软件包 postgresql-15-auto-failover）" >&2; return 1 2>/dev/null || exit 1; }
failover_dir=$(mktemp -d /tmp/luoshi-failover.XXXXXX)
failover_user=$(id -un)
if [ "$(id -u)" = 0 ]; then chown postgres "$failover_dir"; failover_user=postgres; fi
failover_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# pg_autoctl keeps its state under XDG folders: inside the throwaway folder, not the user's home.
failover_command() {
  local env=(env HOME="$failover_dir" XDG_CONFIG_HOME="$failover_dir/config" XDG_DATA_HOME="$failover_dir/share" XDG_RUNTIME_DIR="$failover_dir/run"
             PATH="$failover_bin:$PATH" PG_CONFIG="$failover_bin/pg_config")
  if [ "$(id -u)" = 0 ]; then echo runuser -u postgres -- "${env[@]}"; else echo "${env[@]}"; fi
}
failover_autoctl() { $(failover_command) pg_autoctl "$@"; }

failover_cleanup() {
  # Each service runs in a process group of its own (setsid): the supervisor, its workers and postgres
  # go together, and a worker left without its supervisor cannot start postgres again.
  local pid
  for pid in $(cat "$failover_dir"/*.pid 2>/dev/null); do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in $(cat "$failover_dir"/*.pid 2>/dev/null); do
    for _ in $(seq 1 100); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  # Whatever postgres a killed supervisor left behind.
  local data
  for data in "$failover_dir"/monitor "$failover_dir"/node1 "$failover_dir"/node2; do
    [ -f "$data/postmaster.pid" ] || continue
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$failover_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    else "$failover_bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$failover_dir"
}
trap failover_cleanup EXIT

# Starts one pg_autoctl service (monitor or node) in the background; its supervisor's pid is kept.
failover_run() {
  local name=$1; shift
  mkdir -p "$failover_dir/run"
  [ "$(id -u)" = 0 ] && chown postgres "$failover_dir/run"
  # setsid execs in place (the shell's background child is no group leader): $! is the group's id.
  setsid $(failover_command) pg_autoctl "$@" --run < /dev/null > "$failover_dir/$name.log" 2>&1 &
  echo $! > "$failover_dir/$name.pid"
}

failover_wait() {
  local what=$1; shift
  for _ in $(seq 1 600); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "pg_auto_failover: $what not reached after 5 minutes" >&2
  tail -n 30 "$failover_dir"/*.log >&2
  failover_autoctl show state --pgdata "$failover_dir/monitor" >&2 || true
  return 1
}

failover_monitor_port=$(failover_free_port)
failover_run monitor create monitor --pgdata "$failover_dir/monitor" --pgport "$failover_monitor_port" --pgctl "$failover_bin/pg_ctl" \
  --hostname 127.0.0.1 --auth trust --no-ssl
export LUOSHI_FAILOVER_MONITOR="postgres://autoctl_node@127.0.0.1:$failover_monitor_port/pg_auto_failover?sslmode=disable"
failover_wait "the monitor" "$failover_bin/pg_isready" -h 127.0.0.1 -p "$failover_monitor_port" -d pg_auto_failover
failover_wait "the monitor's extension" "$failover_bin/psql" -h 127.0.0.1 -p "$failover_monitor_port" -U autoctl_node -d pg_auto_failover -Atc "select 1 from pgautofailover.formation"
if [ "${FAILOVER_FAST:-}" = 1 ]; then
  # The monitor's health checks, shortened for a test: a primary that does not answer for 5 s is failed over.
  "$failover_bin/psql" -q -h 127.0.0.1 -p "$failover_monitor_port" -U "$failover_user" -d pg_auto_failover \
    -c "alter system set pgautofailover.health_check_period = 1000" \
    -c "alter system set pgautofailover.health_check_timeout = 1000" \
    -c "alter system set pgautofailover.health_check_max_retries = 1" \
    -c "alter system set pgautofailover.health_check_retry_delay = 500" \
    -c "alter system set pgautofailover.node_considered_unhealthy_timeout = 5000" \
    -c "alter system set pgautofailover.primary_demote_timeout = 5000" \
    -c "select pg_reload_conf()" >/dev/null
fi

# The nodes one after the other: the first becomes the primary, the second its secondary (a base backup).
for failover_node in node1 node2; do
  failover_port=$(failover_free_port)
  echo "$failover_port" > "$failover_dir/$failover_node.port"
  failover_run "$failover_node" create postgres --pgdata "$failover_dir/$failover_node" --pgport "$failover_port" --pgctl "$failover_bin/pg_ctl" \
    --pghost 127.0.0.1 --listen 127.0.0.1 --hostname 127.0.0.1 --name "$failover_node" --username "$failover_user" --dbname luoshi \
    --monitor "$LUOSHI_FAILOVER_MONITOR" --auth trust --no-ssl
  if [ "$failover_node" = node1 ]; then
    failover_wait "node1 as the primary" bash -c "'$failover_bin/psql' -h 127.0.0.1 -p $failover_port -U $failover_user -d luoshi -Atc 'select not pg_is_in_recovery()' | grep -qx t \
      && '$failover_bin/psql' -h 127.0.0.1 -p $failover_monitor_port -U autoctl_node -d pg_auto_failover -Atc \"select reportedstate from pgautofailover.node where nodename = 'node1'\" | grep -qx single"
  fi
done
# Both nodes in their places, and the primary waits for the secondary on every commit. The secondary's
# base backup starts with a checkpoint that the primary spreads over minutes unless asked to hurry: each
# probe asks (pg_autoctl does not pass pg_basebackup --checkpoint=fast).
failover_wait "primary and secondary" bash -c "'$failover_bin/psql' -q -h 127.0.0.1 -p $(cat "$failover_dir/node1.port") -U $failover_user -d luoshi -c checkpoint; \
  '$failover_bin/psql' -h 127.0.0.1 -p $failover_monitor_port -U autoctl_node -d pg_auto_failover -Atc \
  \"select string_agg(reportedstate::text || '/' || goalstate::text, ' ' order by nodename) from pgautofailover.node\" | grep -qx 'primary/primary secondary/secondary'"
failover_wait "synchronous replication" bash -c "'$failover_bin/psql' -h 127.0.0.1 -p $(cat "$failover_dir/node1.port") -U $failover_user -d luoshi -Atc \
  \"select count(*) from pg_stat_replication where sync_state in ('sync', 'quorum')\" | grep -qx 1"

export LUOSHI_FAILOVER_DIR="$failover_dir"
export LUOSHI_FAILOVER_NODES="node1 node2"
# Npgsql's multi-host form: it tries the hosts in turn and keeps to the one that is the primary; a host
# found down or a standby is asked again after Host Recheck Seconds (10 by default: 2 here, so the
# promoted secondary is found soon after its promotion).
export LUOSHI_PG="Host=127.0.0.1:$(cat "$failover_dir/node1.port"),127.0.0.1:$(cat "$failover_dir/node2.port");Username=$failover_user;Database=luoshi;Target Session Attributes=primary;Host Recheck Seconds=2"
echo "== pg_auto_failover $(pg_autoctl --version | awk 'NR==1 {print $3}'): monitor 127.0.0.1:$failover_monitor_port, node1 127.0.0.1:$(cat "$failover_dir/node1.port") (primary), node2 127.0.0.1:$(cat "$failover_dir/node2.port") (secondary)"

if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1:-}" = hold ]; then
  echo "LUOSHI_PG=$LUOSHI_PG"
  echo "LUOSHI_FAILOVER_DIR=$LUOSHI_FAILOVER_DIR"
  echo "LUOSHI_FAILOVER_MONITOR=$LUOSHI_FAILOVER_MONITOR"
  echo "FAILOVER_BIN=$failover_bin"
  echo "FAILOVER_USER=$failover_user"
  echo "== ready"
  # Until the caller closes our input (or dies): then the exit trap stops everything.
  cat > /dev/null
fi
