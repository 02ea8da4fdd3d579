#!/usr/bin/env bash
# One picture per built-in lesson (sim lessons), each a representative step rendered headless with
# its caption and panels by `sim render --lesson` (no X server needed). Run from anywhere, after
# `dotnet build src/Sim -c Release`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sim=(dotnet "$here/../../../src/Sim/bin/Release/net10.0/sim.dll")
# number, lesson, the step shown: the one whose caption makes the lesson's point.
while read -r number name step; do
  "${sim[@]}" render --lesson "$name" --lesson-step "$step" --out "$here/lesson-$number-$name.png"
done <<'LESSONS'
01 minibatch 3
02 inputs 1
03 ema 4
04 momentum 4
05 gains 2
06 rmsprop 3
07 adam 3
08 decay 5
09 saddles 3
10 race 1
11 basins 2
12 lab 2
13 highsaddles 2
14 netbatches 3
LESSONS
