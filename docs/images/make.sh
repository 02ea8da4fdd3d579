#!/usr/bin/env bash
# Renders the README's pictures with `sim render` (headless, no X server needed). Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sim=(dotnet "$here/../../src/Sim/bin/Release/net10.0/sim.dll")
# The default scene (sim with no arguments) ten seconds in, at 60 steps per second.
"${sim[@]}" render --steps 600 --out "$here/rosenbrock-race.png"
# Plain SGD drops into the ravine and crawls along it; momentum overshoots but arrives.
"${sim[@]}" render --scenario "$here/ravine.json" --steps 90 --view top --out "$here/ravine-momentum.png"
# The wire frame is the loss of the current mini-batch of 2 examples: it jumps every step.
"${sim[@]}" render --scenario "$here/linreg-minibatch.json" --steps 30 --out "$here/linreg-minibatch.png"
# One picture per lesson, with its caption and panels.
"$here/lessons/make.sh"
