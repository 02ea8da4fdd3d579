#!/usr/bin/python3
"""Generate torch.optim reference trajectories for the Sim.Core tests.

Writes tests/Sim.Core.Tests/data/torch/cases.csv (one row per case: landscape,
optimizer, parameters in OUR names from docs/optimizers.md, start, steps) and
one <case>.csv per case (`step,x,y,loss`, step 0 = the start, then one row
after each optimizer step, loss at the new position). The C# optimizers must
reproduce these float64 trajectories to 1e-9 relative, so every case is
checked here to be non-chaotic: nudging the start by 1e-12 (and jittering
every step by ~1e-15) must move no coordinate by more than 1e-10 relative to
max(1, |value|) over the whole run, all values must be finite, and the point
must actually move. The script asserts all of that, so re-running it is safe.

Run from the repository root with Debian's torch (python3-torch 1.13):
    /usr/bin/python3 tools/torch_reference.py
"""

import csv
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

STEPS = 500
OUT_DIR = os.path.join("tests", "Sim.Core.Tests", "data", "torch")
NUDGE = 1e-12          # start perturbation for the chaos check
JITTER = 2.0 ** -50    # per-step relative perturbation (~8.9e-16, rounding-sized)
TOLERANCE = 1e-10      # allowed growth of those perturbations (relative)
MIN_TRAVEL = 0.05      # the point must get at least this far from its start


# ---------------------------------------------------------------- landscapes

def quadratic(x, y):
    return 0.5 * (x ** 2 + 10 * y ** 2)


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


def beale(x, y):
    return ((1.5 - x + x * y) ** 2
            + (2.25 - x + x * y ** 2) ** 2
            + (2.625 - x + x * y ** 3) ** 2)


def himmelblau(x, y):
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def rastrigin(x, y):
    two_pi = 2 * math.pi
    return (20 + x ** 2 - 10 * torch.cos(two_pi * x)
            + y ** 2 - 10 * torch.cos(two_pi * y))


LANDSCAPES = {f.__name__: f for f in (quadratic, rosenbrock, beale, himmelblau, rastrigin)}


# ---------------------------------------------------------------- optimizers

OPTIMIZERS = {
    "sgd": torch.optim.SGD,
    "rmsprop": torch.optim.RMSprop,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
    "adamax": torch.optim.Adamax,
    "nadam": torch.optim.NAdam,
    "radam": torch.optim.RAdam,
    "adagrad": torch.optim.Adagrad,
    "adadelta": torch.optim.Adadelta,
    "rprop": torch.optim.Rprop,
}

# Our names that torch groups into tuples: torch name -> (our names, defaults).
TUPLES = {
    "betas": (("beta1", "beta2"), (0.9, 0.999)),
    "etas": (("eta_minus", "eta_plus"), (0.5, 1.2)),
    "step_sizes": (("step_min", "step_max"), (1e-6, 50.0)),
}
SCHEDULE_KEYS = ("schedule", "decay_rate", "k", "interval")


def torch_kwargs(optimizer, params):
    """Translate our parameter names to torch's constructor arguments."""
    kwargs = {k: v for k, v in params.items() if k not in SCHEDULE_KEYS}
    for torch_name, (ours, defaults) in TUPLES.items():
        if any(name in kwargs for name in ours):
            kwargs[torch_name] = tuple(kwargs.pop(name, d) for name, d in zip(ours, defaults))
    # torch 1.13's single-tensor NAdam counts mu_t twice in the running product
    # (fixed in 2.0); the foreach path computes the rule in docs/optimizers.md.
    kwargs["foreach"] = optimizer == "nadam"
    return kwargs


# ------------------------------------------------------------------ schedules
# Factor applied to lr0 at epoch e (counted from 0); one step = one epoch.

def schedule_factor(params):
    name = params.get("schedule", "constant")
    rate = params.get("decay_rate")
    if name == "constant":
        return lambda e: 1.0
    if name == "inverse_time":
        rate = 1.0 if rate is None else rate
        return lambda e: 1.0 / (1.0 + rate * e)
    if name == "exponential":
        rate = 0.95 if rate is None else rate
        return lambda e: rate ** e
    if name == "inverse_sqrt":
        k = params.get("k", 1.0)
        return lambda e: k / math.sqrt(e + 1)
    interval = params.get("interval", 1000)
    if name == "staircase":
        rate = 0.5 if rate is None else rate
        return lambda e: rate ** (e // interval)
    if name == "fixed_interval":
        rate = 1.0 if rate is None else rate
        return lambda e: 1.0 / (1.0 + rate * (e // interval))
    raise ValueError(f"unknown schedule {name!r}")


# ---------------------------------------------------------------------- cases
# (name, landscape, optimizer, params in our names, start)

CASES = [
    # every optimizer on every landscape
    ("sgd_quadratic", "quadratic", "sgd", {"lr": 0.05}, (-2.5, 1.5)),
    ("sgd_rosenbrock", "rosenbrock", "sgd", {"lr": 0.001}, (-1.5, 2.0)),
    ("sgd_beale", "beale", "sgd", {"lr": 0.01}, (1.0, 1.5)),
    ("sgd_himmelblau", "himmelblau", "sgd", {"lr": 0.005}, (0.0, 0.0)),
    ("sgd_rastrigin", "rastrigin", "sgd", {"lr": 0.002}, (2.3, -1.7)),

    ("rmsprop_quadratic", "quadratic", "rmsprop", {"lr": 0.01}, (-2.5, 1.5)),
    ("rmsprop_rosenbrock", "rosenbrock", "rmsprop", {"lr": 0.001}, (-1.5, 2.0)),
    ("rmsprop_beale", "beale", "rmsprop", {"lr": 0.005}, (1.0, 1.5)),
    ("rmsprop_himmelblau", "himmelblau", "rmsprop", {"lr": 0.01}, (0.0, 0.0)),
    ("rmsprop_rastrigin", "rastrigin", "rmsprop", {"lr": 0.002}, (2.3, -1.7)),

    ("adam_quadratic", "quadratic", "adam", {"lr": 0.01}, (-2.5, 1.5)),
    ("adam_rosenbrock", "rosenbrock", "adam", {"lr": 0.01}, (-1.5, 2.0)),
    ("adam_beale", "beale", "adam", {"lr": 0.01}, (1.0, 1.5)),
    ("adam_himmelblau", "himmelblau", "adam", {"lr": 0.02}, (0.0, 0.0)),
    ("adam_rastrigin", "rastrigin", "adam", {"lr": 0.005}, (2.3, -1.7)),

    ("adamw_quadratic", "quadratic", "adamw", {"lr": 0.01}, (-2.5, 1.5)),
    ("adamw_rosenbrock", "rosenbrock", "adamw", {"lr": 0.01}, (-1.5, 2.0)),
    ("adamw_beale", "beale", "adamw", {"lr": 0.01}, (1.0, 1.5)),
    ("adamw_himmelblau", "himmelblau", "adamw", {"lr": 0.02}, (0.0, 0.0)),
    ("adamw_rastrigin", "rastrigin", "adamw", {"lr": 0.005}, (2.3, -1.7)),

    ("adamax_quadratic", "quadratic", "adamax", {"lr": 0.02}, (-2.5, 1.5)),
    ("adamax_rosenbrock", "rosenbrock", "adamax", {"lr": 0.01}, (-1.5, 2.0)),
    ("adamax_beale", "beale", "adamax", {"lr": 0.01}, (1.0, 1.5)),
    ("adamax_himmelblau", "himmelblau", "adamax", {"lr": 0.02}, (0.0, 0.0)),
    ("adamax_rastrigin", "rastrigin", "adamax", {"lr": 0.005}, (2.3, -1.7)),

    ("nadam_quadratic", "quadratic", "nadam", {"lr": 0.02}, (-2.5, 1.5)),
    ("nadam_rosenbrock", "rosenbrock", "nadam", {"lr": 0.01}, (-1.5, 2.0)),
    ("nadam_beale", "beale", "nadam", {"lr": 0.01}, (1.0, 1.5)),
    ("nadam_himmelblau", "himmelblau", "nadam", {"lr": 0.02}, (0.0, 0.0)),
    ("nadam_rastrigin", "rastrigin", "nadam", {"lr": 0.005}, (2.3, -1.7)),

    ("radam_quadratic", "quadratic", "radam", {"lr": 0.02}, (-2.5, 1.5)),
    ("radam_rosenbrock", "rosenbrock", "radam", {"lr": 0.003}, (-1.5, 2.0)),
    ("radam_beale", "beale", "radam", {"lr": 0.01}, (1.0, 1.5)),
    ("radam_himmelblau", "himmelblau", "radam", {"lr": 0.02}, (0.0, 0.0)),
    ("radam_rastrigin", "rastrigin", "radam", {"lr": 0.005}, (2.3, -1.7)),

    ("adagrad_quadratic", "quadratic", "adagrad", {"lr": 0.1}, (-2.5, 1.5)),
    ("adagrad_rosenbrock", "rosenbrock", "adagrad", {"lr": 0.05}, (-1.5, 2.0)),
    ("adagrad_beale", "beale", "adagrad", {"lr": 0.05}, (1.0, 1.5)),
    ("adagrad_himmelblau", "himmelblau", "adagrad", {"lr": 0.1}, (0.0, 0.0)),
    ("adagrad_rastrigin", "rastrigin", "adagrad", {"lr": 0.02}, (2.3, -1.7)),

    ("adadelta_quadratic", "quadratic", "adadelta", {"lr": 1.0}, (-2.5, 1.5)),
    ("adadelta_rosenbrock", "rosenbrock", "adadelta", {"lr": 0.3}, (2.0, 2.0)),
    ("adadelta_beale", "beale", "adadelta", {"lr": 1.0}, (1.0, 1.5)),
    ("adadelta_himmelblau", "himmelblau", "adadelta", {"lr": 0.5}, (0.0, 0.0)),
    ("adadelta_rastrigin", "rastrigin", "adadelta", {"lr": 0.2}, (2.3, -1.7)),

    ("rprop_quadratic", "quadratic", "rprop", {"lr": 0.01}, (-2.5, 1.5)),
    ("rprop_rosenbrock", "rosenbrock", "rprop", {"lr": 0.001}, (-1.5, 2.0)),
    ("rprop_beale", "beale", "rprop", {"lr": 0.01}, (1.0, 1.5)),
    ("rprop_himmelblau", "himmelblau", "rprop", {"lr": 0.01}, (0.0, 0.0)),
    ("rprop_rastrigin", "rastrigin", "rprop", {"lr": 0.001}, (2.3, -1.7)),

    # switches
    ("sgd_momentum_quadratic", "quadratic", "sgd", {"lr": 0.01, "momentum": 0.9}, (-2.5, 1.5)),
    ("sgd_momentum_rosenbrock", "rosenbrock", "sgd", {"lr": 0.0002, "momentum": 0.9}, (-1.5, 2.0)),
    ("sgd_nesterov_quadratic", "quadratic", "sgd",
     {"lr": 0.01, "momentum": 0.9, "nesterov": True}, (-2.5, 1.5)),
    ("sgd_nesterov_himmelblau", "himmelblau", "sgd",
     {"lr": 0.002, "momentum": 0.8, "nesterov": True}, (0.0, 0.0)),
    ("sgd_dampening_quadratic", "quadratic", "sgd",
     {"lr": 0.02, "momentum": 0.9, "dampening": 0.5}, (-2.5, 1.5)),
    ("sgd_weight_decay_quadratic", "quadratic", "sgd",
     {"lr": 0.05, "weight_decay": 0.1}, (-2.5, 1.5)),
    ("sgd_weight_decay_himmelblau", "himmelblau", "sgd",
     {"lr": 0.005, "momentum": 0.5, "weight_decay": 0.05}, (-1.0, -1.0)),
    ("rmsprop_centered_quadratic", "quadratic", "rmsprop",
     {"lr": 0.01, "centered": True}, (-2.5, 1.5)),
    ("rmsprop_centered_rosenbrock", "rosenbrock", "rmsprop",
     {"lr": 0.002, "centered": True}, (-1.5, 2.0)),
    ("rmsprop_momentum_quadratic", "quadratic", "rmsprop",
     {"lr": 0.001, "momentum": 0.9}, (-2.5, 1.5)),
    ("rmsprop_weight_decay_himmelblau", "himmelblau", "rmsprop",
     {"lr": 0.005, "alpha": 0.9, "weight_decay": 0.1}, (0.0, 0.0)),
    ("adam_amsgrad_rosenbrock", "rosenbrock", "adam",
     {"lr": 0.01, "amsgrad": True}, (-1.5, 2.0)),
    ("adam_amsgrad_beale", "beale", "adam", {"lr": 0.01, "amsgrad": True}, (-1.0, 1.5)),
    ("adam_weight_decay_quadratic", "quadratic", "adam",
     {"lr": 0.02, "weight_decay": 0.1}, (-2.5, 1.5)),
    ("adam_betas_himmelblau", "himmelblau", "adam",
     {"lr": 0.02, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}, (-1.0, -1.0)),
    ("adamw_weight_decay_rosenbrock", "rosenbrock", "adamw",
     {"lr": 0.01, "weight_decay": 0.1}, (-1.5, 2.0)),
    ("adamax_betas_beale", "beale", "adamax",
     {"lr": 0.01, "beta1": 0.8, "beta2": 0.99}, (1.0, 1.5)),
    ("nadam_momentum_decay_quadratic", "quadratic", "nadam",
     {"lr": 0.05, "momentum_decay": 0.01}, (-2.5, 1.5)),
    ("radam_betas_quadratic", "quadratic", "radam",
     {"lr": 0.02, "beta1": 0.8, "beta2": 0.99}, (-2.5, 1.5)),
    ("adagrad_lr_decay_quadratic", "quadratic", "adagrad",
     {"lr": 0.5, "lr_decay": 0.01}, (-2.5, 1.5)),
    ("adagrad_initial_accumulator_himmelblau", "himmelblau", "adagrad",
     {"lr": 0.5, "initial_accumulator_value": 1.0}, (0.0, 0.0)),
    ("adadelta_rho_quadratic", "quadratic", "adadelta",
     {"lr": 1.0, "rho": 0.95, "eps": 1e-4}, (-2.5, 1.5)),
    ("rprop_etas_rosenbrock", "rosenbrock", "rprop",
     {"lr": 0.001, "eta_minus": 0.3, "eta_plus": 1.1, "step_min": 1e-5, "step_max": 0.05},
     (-1.5, 2.0)),
    ("rprop_step_sizes_quadratic", "quadratic", "rprop",
     {"lr": 0.1, "step_min": 1e-4, "step_max": 0.2}, (-2.5, 1.5)),

    # learning-rate schedules
    ("sgd_exponential_quadratic", "quadratic", "sgd",
     {"lr": 0.1, "schedule": "exponential", "decay_rate": 0.99}, (-2.5, 1.5)),
    ("adam_inverse_time_rosenbrock", "rosenbrock", "adam",
     {"lr": 0.02, "schedule": "inverse_time", "decay_rate": 0.01}, (-1.5, 2.0)),
    ("sgd_momentum_staircase_quadratic", "quadratic", "sgd",
     {"lr": 0.02, "momentum": 0.9, "schedule": "staircase", "decay_rate": 0.5, "interval": 100},
     (-2.5, 1.5)),
    ("rmsprop_inverse_sqrt_himmelblau", "himmelblau", "rmsprop",
     {"lr": 0.05, "schedule": "inverse_sqrt", "k": 1.0}, (0.0, 0.0)),
    ("adam_fixed_interval_beale", "beale", "adam",
     {"lr": 0.02, "schedule": "fixed_interval", "decay_rate": 1.0, "interval": 50}, (1.0, 1.5)),
]


# ----------------------------------------------------------------- trajectory

def trajectory(landscape, optimizer, params, start, steps=STEPS, jitter=False):
    """Rows (step, x, y, loss) of one run; loss is taken at the new position."""
    f = LANDSCAPES[landscape]
    p = torch.tensor(start, requires_grad=True)
    opt = OPTIMIZERS[optimizer]([p], **torch_kwargs(optimizer, params))
    sched = None
    if "schedule" in params:
        sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule_factor(params))

    def loss():
        return f(p[0], p[1])

    with torch.no_grad():
        rows = [(0, p[0].item(), p[1].item(), loss().item())]
    for t in range(1, steps + 1):
        opt.zero_grad()
        loss().backward()
        opt.step()
        if sched is not None:
            sched.step()
        with torch.no_grad():
            if jitter:  # a rounding-sized, deterministic perturbation of each step
                sign = 1.0 if (t * 7919) % 13 < 6 else -1.0
                p.mul_(torch.tensor([1 + sign * JITTER, 1 - sign * JITTER]))
            rows.append((t, p[0].item(), p[1].item(), loss().item()))
    return rows


def max_rel_diff(a, b):
    return max(abs(ra[i] - rb[i]) / max(1.0, abs(ra[i]))
               for ra, rb in zip(a, b) for i in (1, 2))


def check(name, case, rows):
    """Assert the case is finite, moves, and is insensitive to tiny perturbations."""
    _, landscape, optimizer, params, (x0, y0) = case
    assert all(math.isfinite(v) for r in rows for v in r[1:]), f"{name}: non-finite values"
    travel = max(math.hypot(r[1] - x0, r[2] - y0) for r in rows)
    assert travel >= MIN_TRAVEL, f"{name}: barely moves ({travel:.3g})"
    worst = 0.0
    for start in ((x0 + NUDGE, y0 + NUDGE), (x0 - NUDGE, y0 + NUDGE)):
        worst = max(worst, max_rel_diff(rows, trajectory(landscape, optimizer, params, start)))
    worst = max(worst, max_rel_diff(rows, trajectory(landscape, optimizer, params,
                                                     (x0, y0), jitter=True)))
    assert worst < TOLERANCE, f"{name}: chaotic, perturbation grows to {worst:.3g}"
    return worst


def format_params(params):
    def fmt(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        return v if isinstance(v, str) else repr(v)
    return ";".join(f"{k}={fmt(v)}" for k, v in params.items())


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    names = [c[0] for c in CASES]
    assert len(set(names)) == len(names), "duplicate case names"
    worst = 0.0
    with open(os.path.join(OUT_DIR, "cases.csv"), "w", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "landscape", "optimizer", "params", "start_x", "start_y", "steps"])
        for case in CASES:
            name, landscape, optimizer, params, (x0, y0) = case
            rows = trajectory(landscape, optimizer, params, (x0, y0))
            worst = max(worst, check(name, case, rows))
            out.writerow([name, landscape, optimizer, format_params(params),
                          repr(x0), repr(y0), STEPS])
            with open(os.path.join(OUT_DIR, name + ".csv"), "w", newline="") as cf:
                w = csv.writer(cf, lineterminator="\n")
                w.writerow(["step", "x", "y", "loss"])
                w.writerows([t, repr(x), repr(y), repr(l)] for t, x, y, l in rows)
    print(f"wrote {len(CASES)} cases x {STEPS} steps to {OUT_DIR} "
          f"(torch {torch.__version__}; worst perturbation growth {worst:.2g} < {TOLERANCE:g})")


if __name__ == "__main__":
    if not os.path.isdir(os.path.join("tests", "Sim.Core.Tests")):
        sys.exit("run from the repository root: /usr/bin/python3 tools/torch_reference.py")
    main()
