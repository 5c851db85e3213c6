#!/usr/bin/env bash
# One benchmark session: the Python baselines and the JMH benchmarks back to back on the same
# machine, so that ratios are read within one run. Usage (from the repository root, after
# `./mvnw -B -pl diagnostics-benchmarks -am package -DskipTests`):
#   diagnostics-benchmarks/bench-session.sh OUT_DIR [JAVA]
# Writes OUT_DIR/python-*.json, OUT_DIR/jmh.txt, OUT_DIR/jmh.json, OUT_DIR/breakdown-*.txt and
# OUT_DIR/cputime.txt. Set JMH_INCLUDE to run fewer benchmarks.
set -euo pipefail
out=${1:?output directory}
java=${2:-java}
jar=diagnostics-benchmarks/target/benchmarks.jar
mkdir -p "$out"
# pydantic lives in the default python3, psutil in Debian's dist-packages (apt-get install python3-psutil).
debian_packages=/usr/lib/python3/dist-packages
bench=../shared/bench
[ -d "$bench" ] || bench=/work/shared/bench

python_baselines() {
  local tag=$1
  PYTHONPATH=$debian_packages python3 diagnostics-benchmarks/python/py_node_diagnostics.py \
    --iterations 200 --warmups 20 >"$out/python-node-$tag.json" || echo "node baseline failed: $?" >"$out/python-node-$tag.json"
  PYTHONPATH=$debian_packages python3 diagnostics-benchmarks/python/py_node_diagnostics.py --no-processes \
    --iterations 1000 --warmups 50 >"$out/python-node-noprocesses-$tag.json" || echo "failed: $?" >"$out/python-node-noprocesses-$tag.json"
  /usr/bin/python3 "$bench/py_process_collect.py" --iterations 50 --children 8 \
    >"$out/python-process-$tag.json" || echo "process baseline failed: $?" >"$out/python-process-$tag.json"
}

uptime >"$out/load-before.txt"
python_baselines before
"$java" -cp "$jar" dev.skulk.diagnostics.benchmarks.NodeAssemblyBenchmark 500 all >"$out/breakdown-all.txt"
"$java" -cp "$jar" dev.skulk.diagnostics.benchmarks.NodeAssemblyBenchmark 500 noProcesses >"$out/breakdown-noProcesses.txt"
# JMH allows one instance per machine (/tmp/jmh.lock): on a shared machine, wait for the other one.
for attempt in $(seq 1 90); do
  if "$java" -jar "$jar" -f 1 -wi 2 -w 1 -i 5 -r 1 -prof gc -rf json -rff "$out/jmh.json" \
      "${JMH_INCLUDE:-NodeAssemblyBenchmark|RunnerFlightRecorderBenchmark|CodecBenchmark|RunnerUpdatePathBenchmark|ProcessCollectorBenchmark.cachedCollector}" \
      >"$out/jmh.txt" 2>&1; then
    break
  fi
  grep -q "Unable to acquire the JMH lock" "$out/jmh.txt" || break
  sleep 10
done
"$java" -cp "$jar" dev.skulk.diagnostics.benchmarks.CpuTimeCheck >"$out/cputime.txt"
python_baselines after
uptime >"$out/load-after.txt"
