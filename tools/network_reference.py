#!/usr/bin/python3
"""Full-batch reference runs of neural networks for Sim's tests, in float64.

From the C2W2 lab's data and initial weights (tools/lab_c2w2.py data writes them), each case trains
a network with full-batch gradients (autograd) and records the loss over the data set and the
accuracy (output > 0.5 means label 1) before training and after each epoch (one step per epoch).
torch.optim steps sgd (plain, momentum, nesterov), adam and rmsprop; what torch lacks, Ng's
momentum (with and without bias correction) and adam without bias correction, is written in numpy
as the lab writes it. A schedule case sets each epoch's learning rate by fixed_interval decay.

Every case is checked not to be chaotic: a 1e-12 relative nudge of every initial weight may not move
the loss by more than 1e-10 relative at any epoch, so Sim's agreement to 1e-9 is meaningful.

Writes tests/Sim.Core.Tests/data/networks/cases.csv and one <case>.csv per case (epoch,loss,accuracy).
Run from the repository root after tools/lab_c2w2.py data:
    /usr/bin/python3 tools/network_reference.py
"""

import json
import math
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)

DIR = os.path.join("tests", "Sim.Core.Tests", "data", "networks")
EPOCHS = 400

# name, layers (- between sizes: the file is CSV), activation, init file, optimizer (Sim's name), parameters (Sim's names; schedule= and its keys)
CASES = [
    ("sgd", "2-5-2-1", "relu", "lab_init.json", "sgd", "lr=0.5"),
    ("sgd_momentum", "2-5-2-1", "relu", "lab_init.json", "sgd", "lr=0.1;momentum=0.9"),
    ("sgd_nesterov", "2-5-2-1", "relu", "lab_init.json", "sgd", "lr=0.1;momentum=0.9;nesterov=true"),
    ("ng_momentum", "2-5-2-1", "relu", "lab_init.json", "momentum", "lr=0.5;beta=0.9"),
    ("ng_momentum_corrected", "2-5-2-1", "relu", "lab_init.json", "momentum", "lr=0.5;beta=0.9;bias_correction=true"),
    ("adam", "2-5-2-1", "relu", "lab_init.json", "adam", "lr=0.01"),
    ("adam_uncorrected", "2-5-2-1", "relu", "lab_init.json", "adam", "lr=0.01;bias_correction=false"),
    ("rmsprop", "2-5-2-1", "relu", "lab_init.json", "rmsprop", "lr=0.003"),
    ("sgd_fixed_interval", "2-5-2-1", "relu", "lab_init.json", "sgd", "lr=0.8;momentum=0.5;schedule=fixed_interval;interval=100;decay_rate=1"),
    ("adam_tanh", "2-4-3-1", "tanh", "tanh_init.json", "adam", "lr=0.01"),
]


def load_data():
    rows = np.loadtxt(os.path.join(DIR, "lab_moons.csv"), delimiter=",", skiprows=1)
    return torch.tensor(rows[:, :2]), torch.tensor(rows[:, 2])


def write_tanh_init():
    np.random.seed(5)
    sizes = [2, 4, 3, 1]
    layers = [{"weights": (np.random.randn(sizes[l], sizes[l - 1]) * np.sqrt(2 / sizes[l - 1])).tolist(),
               "biases": (0.1 * np.random.randn(sizes[l])).tolist()} for l in range(1, len(sizes))]
    with open(os.path.join(DIR, "tanh_init.json"), "w") as f:
        json.dump({"layers": layers}, f)
        f.write("\n")


def load_init(name, nudge=0.0):
    with open(os.path.join(DIR, name)) as f:
        layers = json.load(f)["layers"]
    params = []
    for layer in layers:
        for values in (layer["weights"], layer["biases"]):
            t = torch.tensor(values)
            params.append((t * (1 + nudge)).requires_grad_(True))
    return params


def logits(params, X, activation):
    a = X
    for l in range(0, len(params), 2):
        z = a @ params[l].T + params[l + 1]
        a = z if l == len(params) - 2 else (torch.relu(z) if activation == "relu" else torch.tanh(z))
    return a[:, 0]


def evaluate(params, X, Y, activation):
    with torch.no_grad():
        z = logits(params, X, activation)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(z, Y).item()
        accuracy = ((1 / (1 + torch.exp(-z)) > 0.5).double() == Y).double().mean().item()
    return loss, accuracy


def parse(pairs):
    out = {}
    for pair in pairs.split(";"):
        k, v = pair.split("=")
        out[k] = v
    return out


def learning_rate(p, epoch):
    lr0 = float(p["lr"])
    if p.get("schedule") == "fixed_interval":
        return lr0 / (1 + float(p["decay_rate"]) * math.floor(epoch / int(p["interval"])))
    return lr0


def torch_optimizer(name, p, params):
    lr = float(p["lr"])
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=float(p.get("momentum", 0)), nesterov=p.get("nesterov") == "true")
    if name == "adam" and p.get("bias_correction") != "false":
        return torch.optim.Adam(params, lr=lr)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr)
    return None


def numpy_step(name, p, params, state, t, lr):
    """Ng's momentum and Adam without bias correction, as the lab writes them."""
    with torch.no_grad():
        for k, w in enumerate(params):
            g = w.grad.numpy()
            if name == "momentum":
                beta = float(p["beta"])
                v = state.setdefault(("v", k), np.zeros_like(g))
                v[...] = beta * v + (1 - beta) * g
                corrected = v / (1 - beta ** t) if p.get("bias_correction") == "true" else v
                w -= torch.tensor(lr * corrected)
            else:  # adam, bias_correction=false
                m = state.setdefault(("m", k), np.zeros_like(g))
                s = state.setdefault(("s", k), np.zeros_like(g))
                m[...] = 0.9 * m + (1 - 0.9) * g
                s[...] = 0.999 * s + (1 - 0.999) * g ** 2
                w -= torch.tensor(lr * m / (np.sqrt(s) + 1e-8))


def run(case, nudge=0.0):
    _, layers, activation, init, name, pairs = case
    p = parse(pairs)
    X, Y = load_data()
    params = load_init(init, nudge)
    optimizer = torch_optimizer(name, p, params)
    state = {}
    rows = [evaluate(params, X, Y, activation)]
    for epoch in range(EPOCHS):
        for w in params:
            w.grad = None
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits(params, X, activation), Y)
        loss.backward()
        lr = learning_rate(p, epoch)
        if optimizer is not None:
            for group in optimizer.param_groups:
                group["lr"] = lr
            optimizer.step()
        else:
            numpy_step(name, p, params, state, epoch + 1, lr)
        rows.append(evaluate(params, X, Y, activation))
    return rows


def check_not_chaotic(case, rows):
    nudged = run(case, nudge=1e-12)
    worst = max(abs(a[0] - b[0]) / abs(a[0]) for a, b in zip(rows, nudged))
    assert worst < 1e-10, "%s is chaotic: a 1e-12 nudge moves the loss by %g" % (case[0], worst)
    assert rows[-1][0] < 0.9 * rows[0][0], "%s barely trains" % case[0]
    return worst


def main():
    write_tanh_init()
    with open(os.path.join(DIR, "cases.csv"), "w") as f:
        f.write("name,layers,activation,init,optimizer,params,epochs\n")
        for case in CASES:
            rows = run(case)
            worst = check_not_chaotic(case, rows)
            f.write("%s,%s,%s,%s,%s,%s,%d\n" % (case + (EPOCHS,)))
            with open(os.path.join(DIR, case[0] + ".csv"), "w") as out:
                out.write("epoch,loss,accuracy\n")
                for epoch, (loss, accuracy) in enumerate(rows):
                    out.write("%d,%r,%r\n" % (epoch, loss, accuracy))
            print("%-22s loss %.4f -> %.4f, accuracy %.3f -> %.3f, nudge growth %.1e"
                  % (case[0], rows[0][0], rows[-1][0], rows[0][1], rows[-1][1], worst), flush=True)


if __name__ == "__main__":
    main()
