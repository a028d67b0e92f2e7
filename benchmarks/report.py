#!/usr/bin/env python3
"""Writes benchmarks/RESULTS.md from the JMH JSON files of benchmarks/run.sh.

Usage: report.py <target dir with jmh-<group>.json and machine-<group>.txt> <RESULTS.md>

Every figure is read from the JSON files; nothing is typed in. The hand-written analysis in
benchmarks/ANALYSIS.md (why a target is missed, what would fix it) is appended verbatim.
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report_process  # noqa: E402  (the e2e and scaled sections)

GROUPS = ["graph", "runner", "spark", "startup"]
TITLES = {
    "graph": "Graph scale (core only)",
    "runner": "Runner overhead",
    "spark": "Spark overhead",
    "startup": "Start-up",
}


def load(target):
    results = {}
    for group in GROUPS:
        path = os.path.join(target, "jmh-%s.json" % group)
        if os.path.exists(path) and os.path.getsize(path) > 0:
            with open(path) as f:
                results[group] = json.load(f)
    return results


def machine(target, group):
    path = os.path.join(target, "machine-%s.txt" % group)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n") for line in f]


def short(benchmark):
    return benchmark.rsplit(".", 2)[-2] + "." + benchmark.rsplit(".", 1)[-1]


def fmt(value, digits=None):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if digits is None:
        a = abs(value)
        digits = 3 if a < 1 else 2 if a < 10 else 1 if a < 1000 else 0
    return ("{:,.%df}" % digits).format(value)


def pm(metric, scale=1.0, digits=None):
    score = metric["score"] * scale
    error = metric.get("scoreError")
    error = None if error in (None, "NaN") else float(error) * scale
    return "%s ± %s" % (fmt(score, digits), fmt(error, digits))


def judge(metrics, limit, scale=1.0, inclusive=False):
    """met: the whole 99.9% interval is under the limit; missed: the mean is not; else inconclusive."""
    means = [m["score"] * scale for m in metrics]
    uppers = [upper(m, scale) for m in metrics]
    under = (lambda v: v <= limit) if inclusive else (lambda v: v < limit)
    if all(under(u) for u in uppers):
        return "**met**"
    if not all(under(v) for v in means):
        return "**missed**"
    return "inconclusive (mean under, interval crosses)"


def find(rows, method, **params):
    for r in rows:
        if r["benchmark"].endswith("." + method) and all(
            r.get("params", {}).get(k) == str(v) for k, v in params.items()
        ):
            return r
    return None


def settings(rows):
    seen = []
    for r in rows:
        s = "%s: %s, %d fork(s), %d warmup × %s, %d measurement × %s, threads %d" % (
            short(r["benchmark"]).split(".")[0],
            r["mode"],
            r["forks"],
            r["warmupIterations"],
            r["warmupTime"],
            r["measurementIterations"],
            r["measurementTime"],
            r["threads"],
        )
        if s not in seen:
            seen.append(s)
    return seen


def upper(metric, scale=1.0):
    """Score plus error: the target is met only if the whole confidence interval is under it."""
    error = metric.get("scoreError")
    error = 0.0 if error in (None, "NaN") or math.isnan(float(error)) else float(error)
    return (metric["score"] + error) * scale


def graph_section(rows, out):
    out.append("### Build + validate + topological layers (`Pipeline.of(nodes).groupedNodes()`)\n")
    out.append("Nodes are built in setup; the figure is the pipeline's construction alone. ms/op, mean ± 99.9% error.\n")
    out.append("| nodes | chain | fan-out/fan-in | random layers | target | met |")
    out.append("|---:|---:|---:|---:|---|---|")
    for n in ("1000", "10000", "100000"):
        cells, found = [], []
        for shape in ("CHAIN", "FANOUT", "RANDOM"):
            r = find(rows, "buildValidateLayer", nodes=n, shape=shape)
            if r is None:
                cells.append("n/a")
                continue
            cells.append(pm(r["primaryMetric"]))
            found.append(r["primaryMetric"])
        limit = {"10000": 5.0, "100000": 150.0}.get(n)
        target = {"10000": "< 5 ms each", "100000": "< 150 ms each"}.get(n, "-")
        names = ["chain", "fan-out", "random"]
        met = (
            ", ".join("%s %s" % (names[i], judge([m], limit)) for i, m in enumerate(found))
            if limit is not None and len(found) == 3
            else "-"
        )
        out.append("| %s | %s | %s |" % (n, " | ".join(cells), target + " | " + met))
    out.append("")
    out.append("### Filters on the 10,000-node pipeline\n")
    out.append("The pipeline is built in setup; the figure includes building the filtered pipeline. `fromNodes` and `toNodes` of the middle node in topological order (on the chain each keeps 5,000 nodes, on the fan-out 2); the tag filter keeps a tenth. ms/op.\n")
    out.append("| operation | chain | fan-out/fan-in | random layers | target | met |")
    out.append("|---|---:|---:|---:|---|---|")
    for method, target in (("fromNodes", 5.0), ("toNodes", 5.0), ("onlyNodesWithTags", None)):
        cells, found = [], []
        for shape in ("CHAIN", "FANOUT", "RANDOM"):
            r = find(rows, method, shape=shape)
            if r is None:
                cells.append("n/a")
                continue
            cells.append(pm(r["primaryMetric"]))
            found.append(r["primaryMetric"])
        out.append(
            "| `%s` | %s | %s | %s |"
            % (method, " | ".join(cells), "< 5 ms" if target else "-", judge(found, target) if target and found else "-")
        )
    out.append("")
    out.append("### Combining and namespacing\n")
    out.append("Parts built in setup. ms/op.\n")
    out.append("| operation | time | target | met |")
    out.append("|---|---:|---|---|")
    for method, label, target in (
        ("unionOf50", "`Pipeline.of(p1, ..., p50)`, 50 × 100-node pipelines", 5.0),
        ("plusFoldOf50", "`p1.plus(p2).plus(p3)...`, the same 50 (Kedro's `sum(pipelines)`)", None),
        ("namespace1000", "`Pipeline.namespaced` of a 1,000-node pipeline", None),
    ):
        r = find(rows, method)
        if r is None:
            continue
        out.append(
            "| %s | %s | %s | %s |"
            % (label, pm(r["primaryMetric"]), "< 5 ms" if target else "-", judge([r["primaryMetric"]], target) if target else "-")
        )
    out.append("")


def cpu_section(target, out):
    path = os.path.join(target, "cpu-graph.jsonl")
    if not os.path.exists(path):
        return
    with open(path) as f:
        cases = [json.loads(line) for line in f if line.strip()]
    if not cases:
        return
    out.append("### Cross-check in thread CPU time (`graph.CpuTimeCheck`, not JMH)\n")
    out.append("The same operations timed with `ThreadMXBean.getCurrentThreadCpuTime()` after a warm-up in one JVM: the benchmark thread's own CPU time, which other processes' load inflates far less than wall-clock time (it still pays for shared caches). Median, minimum and 90th percentile over the repetitions, ms. Use it to read the JMH figures above when the load average was high; the targets are judged on the JMH figures.\n")
    out.append("| case | median | min | p90 | repetitions |")
    out.append("|---|---:|---:|---:|---:|")
    for c in cases:
        out.append("| %s | %s | %s | %s | %d |" % (c["case"], fmt(c["medianMs"]), fmt(c["minMs"]), fmt(c["p90Ms"]), c["reps"]))
    out.append("")


def runner_section(rows, out):
    out.append("Trivial nodes (identity on an Integer) on memory datasets, no hooks, logging at WARN. The score is one whole `Runner.run` (µs); per node = score / nodes. Parallel runner with its default 2 workers (2 processors).\n")
    out.append("| runner | shape | nodes | whole run (ms) | per node (µs) | target < 20 µs/node |")
    out.append("|---|---|---:|---:|---:|---|")
    per_node = {}
    for method in ("sequential", "parallel"):
        for shape in ("chain", "wide"):
            for n in ("1000", "5000"):
                r = find(rows, method, shape=shape, nodes=n)
                if r is None:
                    continue
                m = r["primaryMetric"]
                per_node[(method, shape, n)] = m["score"] / int(n)
                out.append(
                    "| %s | %s | %s | %s | %s | %s |"
                    % (method, shape, n, pm(m, 1e-3), pm(m, 1.0 / int(n)), judge([m], 20.0, 1.0 / int(n)))
                )
    out.append("")
    lines = []
    for method in ("sequential", "parallel"):
        for shape in ("chain", "wide"):
            a, b = per_node.get((method, shape, "1000")), per_node.get((method, shape, "5000"))
            if a and b:
                lines.append(
                    "- %s, %s: %s µs/node at 1,000 nodes, %s at 5,000 (ratio %s; 1.0 is linear)"
                    % (method, shape, fmt(a), fmt(b), fmt(b / a, 2))
                )
    if lines:
        out.append("Linearity (per-node cost at 5,000 nodes / at 1,000):\n")
        out.extend(lines)
        out.append("")


# Student's t quantile for a two-sided 99.9% interval (JMH's error), by degrees of freedom.
T999 = {1: 636.619, 2: 31.599, 3: 12.924, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041,
        9: 4.781, 10: 4.587, 11: 4.437, 12: 4.318, 13: 4.221, 14: 4.140, 15: 4.073, 16: 4.015,
        17: 3.965, 18: 3.922, 19: 3.883, 20: 3.850}


def secondary(r, name):
    """A secondary result as mean ± 99.9% error over the measurement iterations.

    JMH sums @AuxCounters(EVENTS) over iterations and gives no error, so the per-iteration values
    (rawData, one invocation each) are averaged here, with JMH's own formula for the error.
    """
    m = r.get("secondaryMetrics", {}).get(name)
    if m is None:
        return None
    values = [v for fork in m.get("rawData", []) for v in fork]
    if not values:
        return m
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return {"score": mean, "scoreError": "NaN", "n": n}
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return {"score": mean, "scoreError": T999.get(n - 1, 3.291) * sd / math.sqrt(n), "n": n}


def spark_section(rows, out):
    r = find(rows, "interleaved")
    dp = next((x for x in rows if "DataProcessingBenchmark" in x["benchmark"]), None)
    if dp is not None:
        out.append("#### spaceflights `data_processing`: Weir / plain Spark\n")
        out.append("All four variants run in every invocation (one iteration = one invocation), on one SparkSession, the order rotated each time; each writes its four Delta tables to fresh directories. ms, mean ± 99.9% error over the measurement iterations.\n")
        out.append("| variant | time (ms) |")
        out.append("|---|---:|")
        for name, label in (
            ("plainMs", "plain Spark program (one `main`, same transformations)"),
            ("plainReadBackMs", "plain Spark program whose join reads the three intermediate Delta tables back, as a pipeline of saved steps does"),
            ("weirRunnerMs", "Weir: catalog from `catalog.yml` + `SequentialRunner`, no hooks"),
            ("weirSessionMs", "Weir: `Session.run` (what `weir run` does, with the hooks every project gets from `META-INF/services`)"),
        ):
            m = secondary(dp, name)
            if m:
                out.append("| %s | %s |" % (label, pm(m)))
        out.append("")
        out.append("| ratio | value | target ≤ 1.05 |")
        out.append("|---|---:|---|")
        for name, label in (("runnerRatio", "Weir runner + catalog / plain"), ("sessionRatio", "Weir session / plain")):
            m = secondary(dp, name)
            if m:
                out.append("| %s | %s | %s |" % (label, pm(m, digits=3), judge([m], 1.05, inclusive=True)))
        m = secondary(dp, "runnerReadBackRatio")
        if m:
            out.append("| %s | %s | %s |" % ("Weir runner + catalog / plain reading back (Weir's own overhead; not the target's ratio)", pm(m, digits=3), "-"))
        out.append("")
    pb = next((x for x in rows if "PersistBenchmark" in x["benchmark"]), None)
    if pb is not None:
        out.append("#### Persisting a DataFrame that three later nodes read\n")
        out.append("The model input table (two CSV reads, the Excel shuttles, cleaning, two joins) handed in memory to three nodes that each run a Spark action. Both variants in every invocation, alternating which goes first.\n")
        out.append("| variant | time (ms) |")
        out.append("|---|---:|")
        for name, label in (
            ("persistMs", "`SequentialRunner` (persists a DataFrame read by 2+ nodes)"),
            ("noPersistMs", "same loop, persistence off (`MemoryDataPolicy.NONE`)"),
            ("gain", "gain: no-persist / persist (×)"),
        ):
            m = secondary(pb, name)
            if m:
                out.append("| %s | %s |" % (label, pm(m, digits=3 if name == "gain" else None)))
        out.append("")


def startup_section(rows, out):
    out.append("Each invocation is a fresh JVM `java <Spark's --add-opens flags> -Xmx2g -cp <runtime class path> dev.weir.cli.Main ...` in a project directory (what `./weir` execs, without the launcher script's own checks). ms, mean ± 99.9% error.\n")
    out.append("| command | trivial project (3 memory nodes) | spaceflights | target | met |")
    out.append("|---|---:|---:|---|---|")
    for method, label, target in (
        ("pipelineList", "`weir pipeline list`, process start to exit", 2000.0),
        ("runToFirstNode", "`weir run`, process start to the first `Running node:` line", None),
    ):
        cells, found = [], []
        for project in ("trivial", "spaceflights"):
            r = find(rows, method, project=project)
            if r is None:
                cells.append("n/a")
                continue
            cells.append(pm(r["primaryMetric"]))
            found.append(r["primaryMetric"])
        out.append(
            "| %s | %s | %s | %s |"
            % (label, " | ".join(cells), "< 2 s" if target else "-", judge(found, target) if target and found else "-")
        )
    out.append("")


def previous_sections(output):
    """The '## ' sections of the RESULTS.md being replaced, by title, each with its heading.

    A group whose measurements are not in the target folder (run.sh run for other groups only, or
    on a fresh clone) keeps its section from there, so one group can be re-run alone.
    """
    sections, title, lines = {}, None, []
    if not os.path.exists(output):
        return sections
    with open(output) as f:
        for line in f.read().split("\n"):
            if line.startswith("## "):
                if title:
                    sections[title] = lines
                title, lines = line[3:].strip(), [line]
            elif title:
                lines.append(line)
    if title:
        sections[title] = lines
    return sections


def main():
    target, output = sys.argv[1], sys.argv[2]
    kept = previous_sections(output)
    results = load(target)
    out = ["# Weir benchmark results", ""]
    out.append("Written by `benchmarks/run.sh` (`benchmarks/report.py`) from JMH's JSON output; every figure below is a measurement from this machine, with JMH's 99.9% confidence half-width as the error. Do not edit by hand: re-run `benchmarks/run.sh [group]`.\n")
    out.append("A target is **met** when the whole 99.9% interval (mean + error) is under it, **missed** when the mean is not under it, and inconclusive otherwise. The load average recorded with each group matters: on a shared 2-core machine a load of 10 or more inflates both means and errors several times.\n")
    any_rows = next(iter(results.values()), [{}])
    if any_rows and any_rows[0]:
        r0 = any_rows[0]
        out.append("JMH %s, %s %s.\n" % (r0.get("jmhVersion"), r0.get("vmName"), r0.get("jdkVersion")))
    elif os.path.exists(output):
        with open(output) as f:
            out.extend(line + "\n" for line in f.read().split("\n") if line.startswith("JMH ") and line[4:5].isdigit())
    for group in GROUPS:
        if group not in results:
            out.extend(kept.get(TITLES[group], []))
            continue
        rows = results[group]
        out.append("## %s\n" % TITLES[group])
        info = machine(target, group)
        if info:
            out.append("Machine while this group ran (load average before and after: other builds may share the machine):\n")
            out.append("```")
            out.extend(info)
            out.append("```\n")
        out.append("JMH settings: " + "; ".join(settings(rows)) + ".\n")
        {"graph": graph_section, "runner": runner_section, "spark": spark_section, "startup": startup_section}[group](rows, out)
        if group == "graph":
            cpu_section(target, out)
    for group, title in report_process.TITLES.items():
        if report_process.read_runs(target, group):
            report_process.section(target, group, machine(target, group), out)
        else:
            out.extend(kept.get(title, []))
    analysis = os.path.join(os.path.dirname(os.path.abspath(output)), "ANALYSIS.md")
    if os.path.exists(analysis):
        with open(analysis) as f:
            out.append(f.read().rstrip() + "\n")
    with open(output, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
