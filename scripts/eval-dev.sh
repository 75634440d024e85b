#!/usr/bin/env bash
# Dev-set figures (EVAL.md): scores the engine with `selon eval` on each dev set in ../shared/data and checks that the
# reference ../shared/tools/score.py prints the same figures for the same predictions.
# usage: scripts/eval-dev.sh [SET…]   (sets: frnews ennews polnear aads_french; default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/data" ] || { echo "eval-dev: $shared/data not found (dev sets live outside the repository)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0

score_set() {
  local name=$1 gold=$shared/data/$1/dev.jsonl
  shift
  [ -f "$gold" ] || { echo "== $name: $gold not found, skipped"; return; }
  echo "== $name dev $*"
  node bin/selon.js eval "$gold" --out "$out/$name.jsonl" "$@" | tee "$out/$name.ts.txt"
  if command -v python3 >/dev/null && [ -f "$shared/tools/score.py" ]; then
    python3 "$shared/tools/score.py" "$gold" "$out/$name.jsonl" "$@" >"$out/$name.py.txt"
    if cmp -s "$out/$name.ts.txt" "$out/$name.py.txt"; then
      echo "(score.py agrees)"
    else
      echo "score.py DISAGREES:" && diff "$out/$name.ts.txt" "$out/$name.py.txt" || true
      status=1
    fi
  fi
}

sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(frnews ennews polnear aads_french)
for s in "${sets[@]}"; do
  # aads_french annotates direct speech only (EVAL.md).
  if [ "$s" = aads_french ]; then score_set "$s" --kinds direct; else score_set "$s"; fi
done
exit $status
