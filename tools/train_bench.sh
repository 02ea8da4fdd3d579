#!/usr/bin/env bash
# Side by side on this machine, alternating, best of 3 each: the C2W2 lab's own numpy loop on its
# Adam run (tools/lab_c2w2.py time) against sim train's loop on the same problem (sim bench-train:
# the lab's data and initial weights, Adam lr 0.0007, batches of 64, the CSV formatted), per epoch; then
# sim's full-batch loss at 128x128 points of a plane through parameter space on 2 threads.
# Needs python3-numpy and python3-sklearn.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${EPOCHS:-5000}; lab_epochs=${LAB_EPOCHS:-500}
lab_data=tests/Sim.Core.Tests/data/networks  # the lab's data and initial weights (tools/lab_c2w2.py data)
dotnet build src/Sim -c Release -v quiet -nologo >/dev/null
sim() { dotnet src/Sim/bin/Release/net10.0/sim.dll "$@"; }
field() { awk -v k="$1:" '$1 == k {print $2}'; }
lab=(); labcpu=(); train=(); traincpu=(); grid=(); gridcpu=()
for i in 1 2 3; do
  out=$(/usr/bin/python3 tools/lab_c2w2.py time "$lab_epochs")
  lab+=("$(echo "$out" | field numpy_lab_adam_us_per_epoch)"); labcpu+=("$(echo "$out" | field numpy_lab_adam_cpu_us_per_epoch)")
  out=$(sim bench-train --epochs "$epochs" --repeats 3 --threads 2 --data "$lab_data/lab_moons.csv" --init "$lab_data/lab_init.json")
  train+=("$(echo "$out" | field train_us_per_epoch)"); traincpu+=("$(echo "$out" | field train_cpu_us_per_epoch)")
  grid+=("$(echo "$out" | field grid_ms)"); gridcpu+=("$(echo "$out" | field grid_cpu_ms)")
done
best() { printf '%s\n' "$@" | sort -g | head -1; }
awk -v lab="$(best "${lab[@]}")" -v labcpu="$(best "${labcpu[@]}")" -v sim="$(best "${train[@]}")" -v simcpu="$(best "${traincpu[@]}")" \
    -v grid="$(best "${grid[@]}")" -v gridcpu="$(best "${gridcpu[@]}")" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "                               wall clock        CPU time\n"
  printf "lab numpy loop, Adam run      %8.1f us/epoch  %8.1f us/epoch\n", lab, labcpu
  printf "sim train loop, Adam run      %8.1f us/epoch  %8.1f us/epoch\n", sim, simcpu
  printf "sim is faster by              %8.0fx         %8.0fx\n", lab / sim, labcpu / simcpu
  printf "full-batch loss, 128x128 grid %8.1f ms        %8.1f ms CPU (both threads)\n", grid, gridcpu
  printf "load average at the end: %s\n", load
}'
