#!/usr/bin/env bash
# Builds the JMH benchmarks, runs them and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh [all|graph|runner|spark|startup|e2e|scaled]...   (default: all)
#
# graph, runner, spark and startup are JMH groups; e2e and scaled time whole processes (see
# benchmarks/process.sh for their settings: WEIR_BENCH_E2E_RUNS, WEIR_BENCH_SCALES, ...).
#
# Each group writes benchmarks/target/jmh-<group>.json plus the machine's state before and after it
# (benchmarks/target/machine-<group>.txt); RESULTS.md is regenerated from every JSON file present, so
# one group can be re-run alone. Environment:
#   WEIR_BENCH_SKIP_BUILD=1   use the existing benchmarks/target/benchmarks.jar
#   WEIR_BENCH_MVN_FLAGS      extra Maven flags for the build, for example -o
#   WEIR_BENCH_JMH_ARGS       extra JMH arguments for every group, for example "-f 2" or "-i 10"
#   WEIR_BENCH_JAR            another benchmarks jar to run (default benchmarks/target/benchmarks.jar)
#   WEIR_BENCH_EXTRA_CP       jars appended to the benchmark JVMs' class path
# Needs Java 17+, Maven 3.8+, python3 and /usr/bin/time. The JMH groups take about 30 minutes on
# 2 cores, e2e about 10 minutes (5 + 5 runs of 40-60 s), scaled hours (see benchmarks/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET="$ROOT/benchmarks/target"
JAR="${WEIR_BENCH_JAR:-$TARGET/benchmarks.jar}"
CP="$JAR${WEIR_BENCH_EXTRA_CP:+:$WEIR_BENCH_EXTRA_CP}"

if [[ "${WEIR_BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "run.sh: building weir modules and the benchmarks jar..." >&2
  # install, not package: the start-up benchmark's child JVMs use the installed jars from ~/.m2.
  # shellcheck disable=SC2086
  mvn -B -q ${WEIR_BENCH_MVN_FLAGS:-} -pl starter-project -am install \
    -DskipTests -Dspotless.check.skip
  # shellcheck disable=SC2086
  mvn -B -q ${WEIR_BENCH_MVN_FLAGS:-} -P benchmarks -pl benchmarks package -DskipTests \
    -Dspotless.check.skip
fi
groups=("$@")
[[ ${#groups[@]} -eq 0 || " ${groups[*]} " == *" all "* ]] && groups=(graph runner spark startup e2e scaled)
if [[ " ${groups[*]} " =~ " "(graph|runner|spark|startup)" " ]]; then
  [[ -f "$JAR" ]] || { echo "run.sh: $JAR is missing; build it first." >&2; exit 2; }
fi
[[ -d "$ROOT/benchmarks/target/classes/dev/weir/benchmarks" ]] \
  || { echo "run.sh: benchmarks/target/classes is missing; build the benchmarks first." >&2; exit 2; }
# shellcheck source=process.sh
source "$ROOT/benchmarks/process.sh"

machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "uptime: $(uptime)"
  echo "nproc: $(nproc)"
  echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "vm: $(java -version 2>&1 | tail -1)"
}

for group in "${groups[@]}"; do
  case "$group" in
    graph) pattern='dev\.weir\.benchmarks\.graph\..*' ;;
    runner) pattern='dev\.weir\.benchmarks\.runner\..*' ;;
    spark) pattern='dev\.weir\.benchmarks\.spark\..*' ;;
    startup) pattern='dev\.weir\.benchmarks\.startup\..*' ;;
    e2e | scaled)
      echo "run.sh: running the $group group..." >&2
      if [[ "$group" == scaled && "${WEIR_BENCH_KEEP_OTHER_SCALES:-0}" == 1 ]]; then
        { echo "[before x${WEIR_BENCH_SCALES:-10 100 1000}]"; machine; } >>"$TARGET/machine-$group.txt"
      else
        { echo "[before]"; machine; } >"$TARGET/machine-$group.txt"
      fi
      "run_$group"
      { echo "[after]"; machine; } >>"$TARGET/machine-$group.txt"
      continue
      ;;
    *) echo "run.sh: unknown group '$group' (all, graph, runner, spark, startup, e2e, scaled)" >&2; exit 2 ;;
  esac
  echo "run.sh: running the $group benchmarks..." >&2
  { echo "[before]"; machine; } >"$TARGET/machine-$group.txt"
  # shellcheck disable=SC2086
  java -cp "$CP" org.openjdk.jmh.Main "$pattern" -rf json -rff "$TARGET/jmh-$group.json" ${WEIR_BENCH_JMH_ARGS:-} \
    | tee "$TARGET/jmh-$group.log"
  if [[ "$group" == graph ]]; then
    # Thread-CPU-time cross-check of the same graphs (not JMH), for a loaded machine.
    java -Xms2g -Xmx2g -cp "$CP" dev.weir.benchmarks.graph.CpuTimeCheck >"$TARGET/cpu-graph.jsonl"
  fi
  { echo "[after]"; machine; } >>"$TARGET/machine-$group.txt"
done

python3 "$ROOT/benchmarks/report.py" "$TARGET" "$ROOT/benchmarks/RESULTS.md"
echo "run.sh: wrote benchmarks/RESULTS.md" >&2
