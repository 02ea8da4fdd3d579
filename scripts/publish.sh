#!/usr/bin/env bash
# Writes self-contained single-file builds of sim (no .NET needed where they run) to dist/<runtime>/,
# or to $SIM_DIST/<runtime>/. Usage: scripts/publish.sh [RUNTIME...]; default: linux-x64 win-x64 osx-arm64.
# The publish settings (single file, trimmed, ReadyToRun) live in src/Sim/Sim.csproj; this only picks runtimes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${SIM_DIST:-dist}
runtimes=("$@")
[ ${#runtimes[@]} -gt 0 ] || runtimes=(linux-x64 win-x64 osx-arm64)
for rid in "${runtimes[@]}"; do
  rm -rf "${out:?}/$rid"
  log=$(mktemp)
  if ! dotnet publish src/Sim -c Release -r "$rid" -o "$out/$rid" -nologo >"$log" 2>&1; then
    grep -E 'error|warning' "$log" | sort -u >&2 || cat "$log" >&2
    rm -f "$log"
    echo "error: publishing sim for $rid failed (above)" >&2
    exit 1
  fi
  rm -f "$log" "$out/$rid"/*.pdb # symbols of the referenced projects; the program is the one file
  for f in "$out/$rid"/*; do
    printf '%s  %s MB\n' "$f" "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1e6 }')"
  done
done
