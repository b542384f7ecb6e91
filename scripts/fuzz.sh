#!/usr/bin/env bash
# Fuzzes every reader of outside data in the core with cargo fuzz (libFuzzer, nightly):
# the JSON reader, the config reader, the record decoder, the cookie reader, the gated
# elements' attribute readers and the returning-visit plan reader. Each target starts from
# its committed seeds (crates/samtykke-core/fuzz/seeds/<target>) and keeps what it finds in
# fuzz/corpus/.
#   scripts/fuzz.sh                 a bounded run (make test): SECONDS_PER_TARGET, default 10
#   scripts/fuzz.sh --runs N        N executions per target, with a summary line per target
# A crash fails the run and leaves its input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../crates/samtykke-core/fuzz"
# FUZZ_TARGETS="record cookie" runs only those.
read -r -a TARGETS <<<"${FUZZ_TARGETS:-json config record cookie attributes plan}"
limit=(-max_total_time="${SECONDS_PER_TARGET:-10}")
if [ "${1:-}" = "--runs" ]; then limit=(-runs="${2:?--runs needs a number of executions}"); fi
cargo +nightly fuzz build -O
for target in "${TARGETS[@]}"; do
  mkdir -p "corpus/$target"
  start=$(date +%s)
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if ! cargo +nightly fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
      "${limit[@]}" -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    grep -v "^ *[0-9]*: \|^ *at " "$log" | tail -40
    echo "fuzz: $target found a crash (input in crates/samtykke-core/fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  corpus=$(ls "corpus/$target" | wc -l)
  echo "fuzz: $target: $execs executions in $(( $(date +%s) - start )) s, corpus $corpus inputs, no crash"
  rm -f "$log"
done
