#!/usr/bin/env bash
# Before/after in one session: the Python baselines, then for each benchmarks jar given (builds of
# different commits, copied aside after `./mvnw -B -pl diagnostics-benchmarks -am package -DskipTests`)
# ProcessCollectionBenchmark.pollingCollector and NodeAssemblyBenchmark in JMH sample mode with
# -prof gc, and the per-collector breakdown; then the Python baselines again. Load averages go
# next to each figure. Usage, from the repository root:
#   diagnostics-benchmarks/bench-compare.sh OUT_DIR before.jar after.jar ...
set -uo pipefail
out=${1:?output directory}; shift
mkdir -p "$out"
bench=../shared/bench
[ -d "$bench" ] || bench=/work/shared/bench
jmh_args=(-f 1 -wi 3 -w 1 -i 5 -r 1 -bm sample -tu us -prof gc)
python_baselines() {
  uptime >"$out/load-py-$1.txt"
  /usr/bin/python3 "$bench/py_process_collect.py" --iterations 200 --children 8 >"$out/py-process-$1.json"
  PYTHONPATH=/usr/lib/python3/dist-packages python3 diagnostics-benchmarks/python/py_node_diagnostics.py \
    --iterations 200 --warmups 20 >"$out/py-node-$1.json" 2>&1
  PYTHONPATH=/usr/lib/python3/dist-packages python3 diagnostics-benchmarks/python/py_node_diagnostics.py \
    --no-processes --iterations 1000 --warmups 50 >"$out/py-node-noproc-$1.json" 2>&1
}
python_baselines before
for jar in "$@"; do
  name=$(basename "$jar" .jar)
  uptime >"$out/load-$name.txt"
  java -jar "$jar" "${jmh_args[@]}" 'ProcessCollectionBenchmark.pollingCollector|NodeAssemblyBenchmark' >"$out/jmh-$name.txt" 2>&1
  java -cp "$jar" dev.skulk.diagnostics.benchmarks.NodeAssemblyBenchmark 2000 all >"$out/breakdown-$name.txt" 2>&1
  uptime >>"$out/load-$name.txt"
done
python_baselines after
