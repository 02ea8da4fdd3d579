#!/usr/bin/env bash
# Speeds for the README's formula and basin-map claims, each pair in one run, best of three:
#  1. a typed landscape against the built-in one: sim bench --formula ... vs --landscape ...;
#  2. sim basins (256 x 256 starts, 500 steps) against sim bench on the same landscape and optimizer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sim=(dotnet "$here/../src/Sim/bin/Release/net10.0/sim.dll")
best() { sort -g | tail -1; }
rate() { "${sim[@]}" bench "$@" | sed -n 's/^point_steps_per_second: //p'; }
basins_rate() { "${sim[@]}" basins "$@" --out /tmp/formula_bench_$$.csv | sed -n 's/.*(\([0-9]*\) point-steps\/s).*/\1/p'; rm -f /tmp/formula_bench_$$.csv; }
echo "load: $(uptime | sed 's/.*load average: //')"
for optimizer in sgd adam; do
  params=(--param lr=0.0001)
  [ "$optimizer" = adam ] && params=(--param lr=0.01)
  b=$(for i in 1 2 3; do rate --landscape rosenbrock --optimizer "$optimizer" "${params[@]}" --points 1000000 --steps 50; done | best)
  f=$(for i in 1 2 3; do rate --formula "(1-x)^2+100*(y-x^2)^2" --optimizer "$optimizer" "${params[@]}" --points 1000000 --steps 50; done | best)
  echo "rosenbrock $optimizer: built-in $b, typed $f, ratio $(echo "scale=2; $f / $b" | bc)"
done
for setting in "--landscape himmelblau --optimizer sgd --param lr=0.01" "--landscape rosenbrock --optimizer adam --param lr=0.05" "--formula (x^2+y-11)^2+(x+y^2-7)^2 --optimizer adam --param lr=0.1"; do
  # shellcheck disable=SC2086
  b=$(for i in 1 2 3; do rate $setting --points 65536 --steps 500; done | best)
  # shellcheck disable=SC2086
  m=$(for i in 1 2 3; do basins_rate $setting --grid 256 --steps 500; done | best)
  echo "basins [$setting]: bench $b, basins $m, ratio $(echo "scale=2; $m / $b" | bc)"
done
echo "load: $(uptime | sed 's/.*load average: //')"
