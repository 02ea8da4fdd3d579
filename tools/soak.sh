#!/usr/bin/env bash
# Soak: runs the real window under Xvfb at top speed and samples its resident memory (VmRSS) every
# 30 s, to show that a window left running for a lecture holds flat (issue 7).
# usage: tools/soak.sh DISPLAY_NUMBER MINUTES OUT.tsv [sim options, e.g. --lesson minibatch]
# Runs a copy of the Release build (so rebuilding meanwhile is safe); needs Xvfb and xdotool.
set -euo pipefail
display=$1 minutes=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
copy=$(mktemp -d)
cp -r "$here/src/Sim/bin/Release/net10.0/." "$copy/"
Xvfb ":$display" -screen 0 1280x720x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$sim" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$copy"' EXIT
sleep 2
(cd "$copy" && DISPLAY=":$display" exec dotnet "$copy/sim.dll" "$@") >"$out.log" 2>&1 &
sim=$!
sleep 8
# Top speed: each Up doubles the steps per second, up to the clock's maximum.
for _ in $(seq 1 12); do DISPLAY=":$display" xdotool key Up; sleep 0.2; done
printf 'seconds\tvmrss_kb\n' >"$out"
start=$(date +%s)
while [ $(( $(date +%s) - start )) -le $(( minutes * 60 )) ]; do
  kill -0 "$sim" 2>/dev/null || { echo "sim exited early" >&2; exit 1; }
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$sim/status")
  printf '%s\t%s\n' "$(( $(date +%s) - start ))" "$rss" >>"$out"
  sleep 30
done
DISPLAY=":$display" import -window root "$out.png" 2>/dev/null || true
