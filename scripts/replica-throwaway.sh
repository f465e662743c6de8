# Sourced (after pg-throwaway.sh, or alone: then it sources that first): a streaming hot standby of the
# throwaway PostgreSQL server, on loopback. The primary gets a replication role (luoshi_replication) and
# an hba line for it on 127.0.0.1; the standby is a pg_basebackup -R of the primary in a folder of its
# own, on another free 127.0.0.1 port, streaming and replaying as the primary writes. Exports LUOSHI_PG
# (the primary), LUOSHI_PG_READ (the standby, same user, database "postgres"), LUOSHI_PG_READ_DIR (its
# data folder, for pg_ctl) and LUOSHI_PG_BIN; stops and removes both servers when the calling shell
# exits, before whatever cleanup the EXIT trap already held.
if [ -z "${pg_dir:-}" ] || [ ! -d "$pg_dir/data" ]; then
  . "$(dirname "${BASH_SOURCE[0]}")/pg-throwaway.sh"
fi
replica_dir=$(mktemp -d /tmp/luoshi-replica.XXXXXX)
replica_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
if [ "$(id -u)" = 0 ]; then chown postgres "$replica_dir"; fi

# The primary: wal_level=replica and max_wal_senders=10 are PostgreSQL's defaults; said here so that a
# server started with other settings still streams. The role may only replicate (no database access).
run_pg "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
ALTER SYSTEM SET wal_level = 'replica';
ALTER SYSTEM SET max_wal_senders = 10;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'luoshi_replication') THEN
    CREATE ROLE luoshi_replication WITH REPLICATION LOGIN;
  END IF;
END $$;
SQL
# Loopback only, first in the file so that it is the line that matches.
hba="$pg_dir/data/pg_hba.conf"
if ! grep -q '^host replication luoshi_replication 127.0.0.1/32' "$hba"; then
  { echo "host replication luoshi_replication 127.0.0.1/32 trust"; cat "$hba"; } > "$hba.new"
  cat "$hba.new" > "$hba"; rm -f "$hba.new"
fi
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" reload >/dev/null

# The standby: a base backup that writes standby.signal and primary_conninfo (-R), streaming its WAL
# while it copies (-X stream). Its port and settings go into its own configuration, so that a plain
# pg_ctl start (the tests restart it after stopping it) brings it back the same. max_connections must
# be at least the primary's (pg-throwaway.sh starts it with 200).
run_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U luoshi_replication -D "$replica_dir/data" -R -X stream -c fast >/dev/null
cat >> "$replica_dir/data/postgresql.auto.conf" <<CONF
port = $replica_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$replica_dir'
max_connections = 200
hot_standby = on
hot_standby_feedback = on
CONF
run_pg "$pg_bin/pg_ctl" -D "$replica_dir/data" -w -l "$replica_dir/log" start >/dev/null

replica_cleanup() { run_pg "$pg_bin/pg_ctl" -D "$replica_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$replica_dir"; }
# Chain the trap already set (the cleanups have no single quotes, so the text can be taken back as is).
replica_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
trap "replica_cleanup; ${replica_previous_trap:-}" EXIT

# Streaming before anyone reads it: the standby's WAL receiver is up (bounded, the machine may be busy).
for _ in $(seq 1 600); do
  replica_state=$(run_pg "$pg_bin/psql" -At -h 127.0.0.1 -p "$replica_port" -U "$pg_user" -d postgres \
    -c "SELECT pg_is_in_recovery() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')" 2>/dev/null || true)
  [ "$replica_state" = t ] && break
  sleep 0.5
done
if [ "$replica_state" != t ]; then echo "the standby did not start streaming; its log:" >&2; tail -n 30 "$replica_dir/log" >&2; exit 1; fi

export LUOSHI_PG="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres"
export LUOSHI_PG_READ="Host=127.0.0.1;Port=$replica_port;Username=$pg_user;Database=postgres"
export LUOSHI_PG_READ_DIR="$replica_dir/data" LUOSHI_PG_BIN="$pg_bin"
echo "== PostgreSQL hot standby on 127.0.0.1:$replica_port, streaming from 127.0.0.1:$pg_port"
