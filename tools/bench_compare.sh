#!/usr/bin/env bash
# Side by side on this machine: sim's swarm against torch.optim.Adam (foreach, float64, 2 threads)
# on the same job, and the machine's memory bandwidth. Best of 3 runs each. Needs python3-torch.
set -euo pipefail
cd "$(dirname "$0")/.."
points=${POINTS:-1000000}; steps=${STEPS:-50}
dotnet build src/Sim -c Release -v quiet -nologo >/dev/null
sim() { dotnet src/Sim/bin/Release/net10.0/sim.dll "$@"; }
best() { sort -g | tail -1; }
last() { awk '/point_steps_per_second|triad_bytes_per_second/ {print $2}'; }
s64=$(for i in 1 2 3; do sim bench --landscape rosenbrock --optimizer adam --points "$points" --steps "$steps" --threads 2 | last; done | best)
sps=$(for i in 1 2 3; do sim bench --landscape rosenbrock --optimizer adam --points "$points" --steps "$steps" --threads 2 --per-step | last; done | best)
s32=$(for i in 1 2 3; do sim bench --landscape rosenbrock --optimizer adam --points "$points" --steps "$steps" --threads 2 --float32 | last; done | best)
t=$(for i in 1 2 3; do /usr/bin/python3 tools/torch_bench.py --points "$points" --steps "$steps" --threads 2 | last; done | best)
ta=$(/usr/bin/python3 tools/torch_bench.py --points "$points" --steps "$steps" --threads 2 --autograd | last)
bw=$(for i in 1 2 3; do sim bench-memory --threads 2 | last; done | best)
awk -v sps="$sps" -v s64="$s64" -v s32="$s32" -v t="$t" -v ta="$ta" -v bw="$bw" -v n="$points" 'BEGIN {
  bytes = n * 2 * 8 * 3 * 2;  # p, m, v: read and written once per step, float64
  printf "sim adam float64     %12.0f point-steps/s  (%.2f ms/step, blocked)\n", s64, n / s64 * 1000
  printf "sim adam float64     %12.0f point-steps/s  (%.2f ms/step, per step)\n", sps, n / sps * 1000
  printf "sim adam float32     %12.0f point-steps/s\n", s32
  printf "torch adam foreach   %12.0f point-steps/s  (gradient by hand)   sim/torch = %.1fx\n", t, s64 / t
  printf "torch adam autograd  %12.0f point-steps/s                       sim/torch = %.1fx\n", ta, s64 / ta
  printf "memory (triad)       %12.2f GB/s\n", bw / 1e9
  printf "per step, sim moves %.0f MB/step: %.2f GB/s; memory-bound time %.2f ms/step, sim per step takes %.2fx that\n", bytes / 1e6, bytes * sps / n / 1e9, bytes / bw * 1000, (n / sps) / (bytes / bw)
}'
