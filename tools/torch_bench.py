"""The torch side of Sim's bench comparison (README, "Performance").

Steps N points on Rosenbrock with torch.optim.Adam (foreach, float64) on one (N, 2) tensor, the
same job as `sim bench --landscape rosenbrock --optimizer adam --points N --steps S`. The
gradient is written by hand with tensor ops (faster than autograd, so the comparison is kind to
torch). Prints the same last line as sim bench: `point_steps_per_second: X`.

usage: /usr/bin/python3 tools/torch_bench.py [--points N] [--steps S] [--threads T] [--autograd]
"""
import argparse
import time

import torch


def rosenbrock_grad(p, out):
    x, y = p[:, 0], p[:, 1]
    r = y - x * x
    out[:, 0] = -2.0 * (1.0 - x) - 400.0 * x * r
    out[:, 1] = 200.0 * r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=1_000_000)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--autograd", action="store_true", help="gradient by autograd instead of by hand")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_default_dtype(torch.float64)
    gen = torch.Generator().manual_seed(1)
    lo = torch.tensor([-2.0, -1.0])
    span = torch.tensor([4.0, 4.0])
    p = (lo + span * torch.rand(args.points, 2, generator=gen)).requires_grad_(True)
    opt = torch.optim.Adam([p], lr=0.001, foreach=True)
    p.grad = torch.zeros_like(p)

    def step():
        if args.autograd:
            opt.zero_grad(set_to_none=False)
            x, y = p[:, 0], p[:, 1]
            ((1 - x) ** 2 + 100 * (y - x * x) ** 2).sum().backward()
        else:
            with torch.no_grad():
                rosenbrock_grad(p, p.grad)
        opt.step()

    for _ in range(3):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    print(f"torch: {torch.__version__}, threads: {torch.get_num_threads()}, autograd: {args.autograd}")
    print(f"points: {args.points}\nsteps: {args.steps}\nseconds: {seconds:.4f}\nms_per_step: {seconds * 1000 / args.steps:.3f}")
    print(f"point_steps_per_second: {args.points * args.steps / seconds:.0f}")


if __name__ == "__main__":
    main()
