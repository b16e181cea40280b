#!/usr/bin/env python3
"""Turn the make bench guests' output into ratio tables, CSV and chart data.

Usage: bench-report.py OUTDIR CLOCK KERNEL:BOOT:LOG...

Each LOG is the output of bench/pidfd-bench in one guest boot ("raw,..."
lines). KERNEL is "base" or "patched". Prints the ratio tables on stdout,
writes OUTDIR/raw.csv (every round), OUTDIR/summary.csv (medians per kernel)
and OUTDIR/teardown.csv (the data of the chart). Exits non-zero if the
patched kernel lacks a feature the series adds.
"""
import csv
import math
import os
import statistics
import sys
from collections import defaultdict

SERIES_FEATURES = ("autoreap", "nnp", "autokill", "info_exit")
TEARDOWNS = ("autokill", "pdeathsig", "cgroup_kill", "cgroup_kill+pidfds")


def load(specs):
    """rounds[(kernel, boot, section, row, n)] -> [ns, ...]; features per kernel;
    the (section, row, n) keys in the order the patched kernel printed them."""
    rounds = defaultdict(list)
    features = defaultdict(dict)
    order = []
    for spec in sorted(specs, key=lambda s: not s.startswith("patched:")):
        kernel, boot, path = spec.split(":", 2)
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                fields = line.strip().split(",")
                if fields[0] == "feature" and len(fields) == 3:
                    features[kernel][fields[1]] = fields[2] == "yes"
                elif fields[0] == "raw" and len(fields) == 6:
                    key = (int(fields[1]), fields[2], int(fields[3]))
                    if key not in order:
                        order.append(key)
                    rounds[(kernel, int(boot)) + key].append(int(fields[5]))
    seen = {k: i for i, k in enumerate(order)}
    order.sort(key=lambda k: (k[0], k[2] if k[0] == 4 else 0, seen[k]))
    return rounds, features, order


def pooled(rounds, kernel, key):
    return [v for (k, _b, *rest), vals in rounds.items()
            if k == kernel and tuple(rest) == key for v in vals]


def per_boot_medians(rounds, kernel, key):
    return {b: statistics.median(vals) for (k, b, *rest), vals in rounds.items()
            if k == kernel and tuple(rest) == key}


def fmt_us(ns):
    return f"{ns / 1000:10.1f}"


def cost_to_others(rounds, order):
    """Rows both kernels ran: patched / base, judged against A/A noise."""
    print("\n== 1. Cost to others: patched / base, same workload (medians over both boots, us) ==")
    print(f"{'sec':3} {'row':28} {'N':>5} {'base':>10} {'patched':>10} {'delta':>8} {'ratio':>7}"
          f" {'cross-boot':>13} {'A/A noise':>9}  verdict")
    out = []
    for key in order:
        base, patched = pooled(rounds, "base", key), pooled(rounds, "patched", key)
        if not base or not patched:
            continue
        mb, mp = statistics.median(base), statistics.median(patched)
        ratio = mp / mb
        bb, pb = per_boot_medians(rounds, "base", key), per_boot_medians(rounds, "patched", key)
        cross = [p / b for p in pb.values() for b in bb.values()]
        # A/A: the same kernel booted twice; its disagreement is the noise floor.
        aa = [abs(1 - max(m.values()) / min(m.values())) for m in (bb, pb) if len(m) > 1]
        noise = max(aa) if aa else float("nan")
        if not aa:
            verdict = "no A/A pair"
        elif abs(ratio - 1) <= noise:
            verdict = "within noise"
        else:
            verdict = f"{'SLOWER' if ratio > 1 else 'faster'} by {abs(ratio - 1) * 100:.1f}%"
        print(f"{key[0]:<3} {key[1]:28} {key[2]:5} {fmt_us(mb)} {fmt_us(mp)}"
              f" {(mp - mb) / 1000:+8.2f} {ratio:7.3f}"
              f"  {min(cross):5.3f}-{max(cross):5.3f} {noise * 100:8.1f}%  {verdict}")
        out.append((key, ratio, noise, verdict))
    # The series only adds code to these paths: where the patched kernel is
    # faster, that is noise between two different builds, which the A/A of
    # one build cannot show.
    faster = min(out, key=lambda r: r[1], default=None)
    if faster and faster[1] < 1:
        print(f"The patched kernel only adds code, yet {faster[0][1]} (N={faster[0][2]}) is"
              f" {(1 - faster[1]) * 100:.1f}% faster: take differences up to that size as noise"
              " between two builds, not as cost.")
    return out


def against(rounds, order, section, reference, title, note):
    """Rows of one section on the patched kernel, each divided by its reference
    row: reference(row name) -> row name."""
    print(f"\n== {title} (patched kernel, us) ==")
    print(note)
    print(f"{'row':30} {'median':>10} {'ratio':>7} {'to':24} per boot")
    for key in order:
        ref_key = (section, reference(key[1]), key[2])
        vals, ref_vals = pooled(rounds, "patched", key), pooled(rounds, "patched", ref_key)
        if key[0] != section or not vals or not ref_vals:
            continue
        m = statistics.median(vals)
        boots = per_boot_medians(rounds, "patched", key)
        ref = per_boot_medians(rounds, "patched", ref_key)
        per_boot = " ".join(f"{boots[b] / ref[b]:.3f}" for b in sorted(boots) if b in ref)
        print(f"{key[1]:30} {fmt_us(m)} {m / statistics.median(ref_vals):7.3f}"
              f" {ref_key[1]:24} {per_boot}")


def growth_exponent(points):
    """Least-squares slope of log(time) against log(N): 1.0 is linear."""
    pts = [(math.log(n), math.log(t)) for n, t in points if n >= 100 and t > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return (sum((x - mx) * (y - my) for x, y in pts) /
            sum((x - mx) ** 2 for x, _ in pts))


def teardown(rounds, order, outdir):
    sizes = sorted({k[2] for k in order if k[0] == 4})
    if not sizes:
        return
    print("\n== 4. Teardown of N children when the owner exits (patched kernel) ==")
    print("total ms until all N are gone and reaped, us per child, and each method / autokill")
    print((f"{'':5} " + " ".join(f"{how:^24}" for how in TEARDOWNS)).rstrip())
    print(f"{'N':>5} " + " ".join(f"{'ms':>9} {'us/child':>8} {'/ak':>5}" for how in TEARDOWNS))
    table = []
    for n in sizes:
        med = {}
        for how in TEARDOWNS:
            vals = pooled(rounds, "patched", (4, how, n))
            med[how] = statistics.median(vals) if vals else float("nan")
        print(f"{n:5} " + " ".join(f"{med[how] / 1e6:9.2f} {med[how] / n / 1000:8.1f}"
                                   f" {med[how] / med['autokill']:5.3f}" for how in TEARDOWNS))
        table.append((n, med))
    exps = "  ".join(f"{how} {growth_exponent([(n, m[how]) for n, m in table]):.2f}"
                     for how in TEARDOWNS)
    print(f"growth: b in time ~ N^b over N >= 100 (1.00 = linear): {exps}")
    with open(os.path.join(outdir, "teardown.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["n"] + [f"{how}_ms" for how in TEARDOWNS])
        for n, med in table:
            w.writerow([n] + [f"{med[how] / 1e6:.3f}" for how in TEARDOWNS])


def write_csv(rounds, order, outdir):
    with open(os.path.join(outdir, "raw.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kernel", "boot", "section", "row", "n", "round", "ns"])
        for (kernel, boot, section, row, n), vals in sorted(rounds.items()):
            for i, v in enumerate(vals):
                w.writerow([kernel, boot, section, row, n, i, v])
    with open(os.path.join(outdir, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["section", "row", "n", "kernel", "rounds", "median_ns", "min_ns", "max_ns"])
        for key in order:
            for kernel in ("base", "patched"):
                vals = pooled(rounds, kernel, key)
                if vals:
                    w.writerow(list(key) + [kernel, len(vals), round(statistics.median(vals)),
                                            min(vals), max(vals)])


def main():
    outdir, clock, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
    rounds, features, order = load(specs)
    if not rounds:
        sys.exit("bench-report: no results in " + " ".join(specs))
    missing = [f for f in SERIES_FEATURES if not features["patched"].get(f)]
    if missing:
        sys.exit("bench-report: the patched kernel lacks " + ", ".join(missing))
    print(f"\nRatios over both boots of each kernel; times in us of the {clock}.")
    cost_to_others(rounds, order)
    against(rounds, order, 2, lambda row: "pidfd", "2. Cost of the flags: spawn to exit, ratio to CLONE_PIDFD alone",
            "each child exits at once; the parent waits for POLLIN, reaps (unless auto-reaped), closes")
    against(rounds, order, 3, lambda row: "autokill_close",
            "3. Teardown latency of one running child, ratio to autokill by close()",
            "from the owner letting go until a pidfd_open() watcher sees POLLIN, reap included")
    teardown(rounds, order, outdir)
    against(rounds, order, 5,
            lambda row: "pidfd_waitid_collect" if row.endswith("_collect") else "pidfd_waitid",
            "5. Exit-status path: PIDFD_GET_INFO after POLLIN, ratio to waitid() on an ordinary child",
            "spawn to status in hand; *_collect rows time only getting the status after POLLIN")
    write_csv(rounds, order, outdir)


if __name__ == "__main__":
    main()
