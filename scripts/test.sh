#!/usr/bin/env bash
# The whole test suite: preflight (installs missing Debian packages when root with apt), then every test file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/preflight.sh
mapfile -t files < <(find test -name '*.test.ts' | sort)
exec node --import tsx --test --test-concurrency=1 "${files[@]}"
