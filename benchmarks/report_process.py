"""The RESULTS.md sections of the process-level groups (e2e, scaled), for report.py.

Reads benchmarks/target/process-<group>.tsv (scale, variant, run, wall s, user s, sys s, max RSS
KiB, exit code; one line per process, written by benchmarks/process.sh), machine-<group>.txt and
profile-<group>-x<scale>.json (the JSON of one `weir run --profile`).
"""
import json
import os
import statistics

TITLES = {"e2e": "End to end: `weir run` against a plain Spark program", "scaled": "Scaled data"}


def read_runs(target, group):
    path = os.path.join(target, "process-%s.tsv" % group)
    runs = []
    if not os.path.exists(path):
        return runs
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 8:
                continue
            runs.append(
                {
                    "scale": int(parts[0]),
                    "variant": parts[1],
                    "run": int(parts[2]),
                    "wall": float(parts[3]),
                    "cpu": float(parts[4]) + float(parts[5]),
                    "rss_mb": float(parts[6]) / 1024.0,
                    "ok": parts[7].strip() == "0",
                }
            )
    return runs


def med(values):
    return statistics.median(values) if values else None


def f1(value):
    return "-" if value is None else "%.1f" % value


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def table(runs, scales, out):
    out.append("| data | variant | runs ok | wall s (median, min-max) | CPU s user+sys (median) | peak RSS MB (median) |")
    out.append("|---:|---|---:|---:|---:|---:|")
    for scale in scales:
        for variant in ("weir", "plain"):
            rs = [r for r in runs if r["scale"] == scale and r["variant"] == variant]
            ok = [r for r in rs if r["ok"]]
            walls = [r["wall"] for r in ok]
            out.append(
                "| x%d | %s | %d of %d | %s (%s-%s) | %s | %s |"
                % (
                    scale,
                    "`weir run`" if variant == "weir" else "plain program",
                    len(ok),
                    len(rs),
                    f1(med(walls)),
                    f1(min(walls) if walls else None),
                    f1(max(walls) if walls else None),
                    f1(med([r["cpu"] for r in ok])),
                    f1(med([r["rss_mb"] for r in ok])),
                )
            )
    out.append("")
    out.append("| data | wall ratio weir / plain | CPU ratio | peak RSS ratio | Weir's added wall s |")
    out.append("|---:|---:|---:|---:|---:|")
    for scale in scales:
        m = {}
        for variant in ("weir", "plain"):
            ok = [r for r in runs if r["scale"] == scale and r["variant"] == variant and r["ok"]]
            m[variant] = (med([r["wall"] for r in ok]), med([r["cpu"] for r in ok]), med([r["rss_mb"] for r in ok]))
        w, p = m["weir"], m["plain"]
        added = None if w[0] is None or p[0] is None else w[0] - p[0]
        out.append(
            "| x%d | %s | %s | %s | %s |"
            % (
                scale,
                "-" if ratio(w[0], p[0]) is None else "%.2f" % ratio(w[0], p[0]),
                "-" if ratio(w[1], p[1]) is None else "%.2f" % ratio(w[1], p[1]),
                "-" if ratio(w[2], p[2]) is None else "%.2f" % ratio(w[2], p[2]),
                f1(added),
            )
        )
    out.append("")


def profile_section(target, group, scale, out):
    path = os.path.join(target, "profile-%s-x%d.json" % (group, scale))
    if not os.path.exists(path):
        return
    with open(path) as f:
        profile = json.load(f)
    out.append("Where one further `weir run --profile` spent its time at x%d (run %s, wall %.1f s from the JVM's start; each part excludes the parts timed inside it):\n" % (scale, profile.get("runId"), profile["wallSeconds"]))
    by_kind = {}
    by_node = {}
    for part in profile["parts"]:
        by_kind[part["kind"]] = by_kind.get(part["kind"], 0.0) + part["seconds"]
        if part["scope"] != "(run)":
            by_node[part["scope"]] = by_node.get(part["scope"], 0.0) + part["seconds"]
    out.append("| part | s | share of wall |")
    out.append("|---|---:|---:|")
    wall = profile["wallSeconds"]
    for kind, seconds in sorted(by_kind.items(), key=lambda kv: -kv[1]):
        out.append("| %s | %.2f | %.0f%% |" % (kind, seconds, 100 * seconds / wall))
    out.append("| other (not timed) | %.2f | %.0f%% |" % (profile["otherSeconds"], 100 * profile["otherSeconds"] / wall))
    out.append("| **wall** | %.2f | 100%% |" % wall)
    out.append("")
    out.append("| node | load + function + save + hooks, s |")
    out.append("|---|---:|")
    for node, seconds in by_node.items():
        out.append("| `%s` | %.2f |" % (node, seconds))
    out.append("")


def launcher_section(target, out):
    path = os.path.join(target, "process-launcher.tsv")
    if not os.path.exists(path):
        return
    values, failed = [], 0
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[1] == "failed":
                failed += 1
            else:
                values.append(float(parts[1]))
    if not values and not failed:
        return
    out.append("### Start-up of `starter-project/weir run` with nothing to rebuild\n")
    out.append("From the command to the first `Running node:` line (the launcher's raw-data and rebuild checks, the JVM, configuration, catalog and Spark start-up), then the run is stopped. Seconds.\n")
    out.append("| starts | median | min | max | failed | target < 3 s |")
    out.append("|---:|---:|---:|---:|---:|---|")
    m = med(values)
    verdict = "-" if m is None else ("**met**" if max(values) < 3 else ("missed" if m >= 3 else "inconclusive (median under, max over)"))
    out.append("| %d | %s | %s | %s | %d | %s |" % (len(values), "-" if m is None else "%.2f" % m, "-" if not values else "%.2f" % min(values), "-" if not values else "%.2f" % max(values), failed, verdict))
    out.append("")


def section(target, group, machine_lines, out):
    runs = read_runs(target, group)
    if not runs:
        return
    out.append("## %s\n" % TITLES[group])
    if machine_lines:
        out.append("Machine while this group ran (load average before and after: other builds may share the machine):\n")
        out.append("```")
        out.extend(machine_lines)
        out.append("```\n")
    out.append(
        "Each figure is a whole process measured with `/usr/bin/time` (wall, user + system CPU, peak RSS): the starter's `__default__` job as `java ... dev.weir.cli.Main run` on the starter's class path (what `./weir run` starts, without the launcher's build check), and `dev.weir.benchmarks.e2e.PlainSpaceflights`, the same reads, node functions and outputs (four Delta tables, the model JSON, the metrics JSON, two CSV files, the PNG) in one plain Spark program without Weir and without MLflow. Both get the same JVM flags and heap, alternate (which goes first alternates), and write to their own folders.\n"
    )
    scales = sorted({r["scale"] for r in runs})
    table(runs, scales, out)
    if group == "scaled":
        out.append("Data: spaceflights scaled by `dev.weir.benchmarks.e2e.ScaledSpaceflights` (seeded bootstrap of real rows under new, consistent ids); from the factor where the shuttles no longer fit one xlsx sheet they are a CSV file, read by both programs.\n")
        out.append("![median wall time by data size](scaled.png)\n")
    for scale in scales:
        profile_section(target, group, scale, out)
    if group == "e2e":
        launcher_section(target, out)
