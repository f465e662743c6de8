#!/usr/bin/env bash
# Runs the benchmark at full size (100k tasks, 500 sections, 1M reports) against a throwaway
# PostgreSQL server on 127.0.0.1 and prints the table that the README shows.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/install-deps.sh
install_missing postgresql wrk
. scripts/pg-throwaway.sh
dotnet run -c Release --project bench/Luoshi.Bench -- --postgres "$LUOSHI_PG" "$@"
