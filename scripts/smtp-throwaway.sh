# Sourced by test.sh after pg-throwaway.sh: starts Debian's aiosmtpd on a free 127.0.0.1 port with a
# Maildir handler, exports LUOSHI_TEST_SMTP (host:port) and LUOSHI_TEST_MAILDIR, and stops it when
# the calling script exits, before whatever cleanup the EXIT trap already held (PostgreSQL's).
smtp_dir=$(mktemp -d /tmp/luoshi-smtp.XXXXXX)
smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Debian's interpreter, not a pyenv or venv one: the package installs into /usr/lib/python3.
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$smtp_dir/maildir" >"$smtp_dir/log" 2>&1 &
smtp_pid=$!
smtp_cleanup() { kill "$smtp_pid" 2>/dev/null || true; wait "$smtp_pid" 2>/dev/null || true; rm -rf "$smtp_dir"; }
# Chain the trap already set (pg_cleanup has no single quotes, so the text can be taken back as is).
smtp_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
trap "smtp_cleanup; ${smtp_previous_trap:-}" EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break
  kill -0 "$smtp_pid" 2>/dev/null || { cat "$smtp_dir/log" >&2; echo "aiosmtpd did not start" >&2; exit 1; }
  sleep 0.1
done
export LUOSHI_TEST_SMTP="127.0.0.1:$smtp_port" LUOSHI_TEST_MAILDIR="$smtp_dir/maildir"
echo "== SMTP receiver (aiosmtpd) on $LUOSHI_TEST_SMTP"
