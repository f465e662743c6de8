#!/usr/bin/env bash
# Runs every test of Luoshi. Installs what the tests need when it is missing (PostgreSQL, Chromium,
# CJK fonts, aiosmtpd, OpenLDAP, pg_auto_failover), starts a throwaway PostgreSQL server, an SMTP receiver and an LDAP
# directory (slapd) on 127.0.0.1 for the run, and stops them after.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/install-deps.sh
install_missing postgresql postgresql-15-auto-failover chromium fonts-noto-cjk python3-aiosmtpd nginx slapd ldap-utils libldap-2.5-0

PG_EXTRA_OPTIONS="-c fsync=off -c synchronous_commit=off"
. scripts/pg-throwaway.sh
. scripts/smtp-throwaway.sh
. scripts/ldap-throwaway.sh
export LUOSHI_TEST_POSTGRES="$LUOSHI_PG;Pooling=true;Maximum Pool Size=50"
export LUOSHI_CHROMIUM=/usr/bin/chromium

log=$(mktemp)
status=0
dotnet test Luoshi.slnx --nologo 2>&1 | tee "$log" || status=$?
# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
[ "$status" = 0 ] || echo "== the run failed (exit code $status): a build error or a failing test, see above"
exit $status
