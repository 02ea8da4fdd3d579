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
# Basin maps: which of Himmelblau's four minima each start of a 256 x 256 grid reaches in 500 steps.
"${sim[@]}" basins --landscape himmelblau --optimizer sgd --param lr=0.01 --grid 256 --steps 500 --out "$here/basins-himmelblau-gd.png"
"${sim[@]}" basins --landscape himmelblau --optimizer sgd --param lr=0.01 --param momentum=0.9 --grid 256 --steps 500 --out "$here/basins-himmelblau-momentum.png"
"${sim[@]}" basins --landscape himmelblau --optimizer adam --param lr=0.1 --grid 256 --steps 500 --out "$here/basins-himmelblau-adam.png"
# A typed landscape with a hole where log is undefined (x < -1.5).
"${sim[@]}" render --scenario "$here/formula-holes.json" --steps 60 --out "$here/formula-holes.png"
# A network learning: four copies of the lab's network on moons, drawn on the PCA plane of their trajectories.
"${sim[@]}" render --data moons --layers 2,5,2,1 --optimizer sgd:lr=0.1 --optimizer momentum:lr=0.1,beta=0.9 --optimizer adam:lr=0.01 \
    --optimizer rmsprop:lr=0.01 --batch-size 64 --plane pca --steps 600 --out "$here/network-pca.png"
# The window's basin map draped over the surface: lesson 11's momentum step at 1280 x 720.
"${sim[@]}" render --lesson basins --lesson-step 3 --size 1280x720 --out "$here/basin-map-momentum.png"
# A swarm of 3,000 points released around the origin of Himmelblau, 12 steps in.
"${sim[@]}" render --landscape himmelblau --optimizer sgd --param lr=0.01 --swarm disc:0,0,1.5,3000 --steps 12 --no-trails --out "$here/swarm-himmelblau.png"
# formula-field-error.png is a screenshot of the window (Shift+F, typing "x^2 + 3*y^2 + sinn(3*x)", Enter): the field needs a window.
