#!/usr/bin/env bash
# The command line against a large recording, each command a new JVM as a user runs it, against
# a bare JVM start (--version) and grep over the same messages exported as JSON Lines.
#   bench/cli-times.sh DATA_DIR [RUNS]
# Make DATA_DIR first with dev.sockscope.bench.RecordingMaker (see its comment). Needs the jar.
set -euo pipefail
dir=${1:?data directory}
runs=${2:-5}
jar="$(dirname "$0")/../target/sockscope.jar"
export_file=$(mktemp --suffix=.jsonl)
trap 'rm -f "$export_file"' EXIT

# Median wall time in ms of a command run $runs times (output discarded).
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

bare=$(median java -jar "$jar" --version)
printf '%-52s %6s ms\n' "bare JVM start (sockscope --version)" "$bare"
report() {
  local what=$1; shift
  local ms
  ms=$(median "$@")
  printf '%-52s %6s ms  (%+d ms over the bare start)\n' "$what" "$ms" $(( ms - bare ))
}
report "sessions" java -jar "$jar" sessions --data-dir "$dir"
report "search rare term, first page (50)" java -jar "$jar" search order-rare --limit 50 --data-dir "$dir"
report "search common term, first page (50)" java -jar "$jar" search ETH-USD --limit 50 --data-dir "$dir"
report "search regex over everything (all matches)" java -jar "$jar" search --regex '"price":6\d{4}\.5,"qty"' --data-dir "$dir"
start=$(date +%s%N)
java -jar "$jar" export --all --format jsonl --out "$export_file" --data-dir "$dir"
printf '%-52s %6s ms  (%s MB)\n' "export --all --format jsonl (once)" $(( ($(date +%s%N) - start) / 1000000 )) \
  $(( $(stat -c %s "$export_file") / 1000000 ))
report "baseline: grep -c order-rare over the export" grep -c order-rare "$export_file"
report "baseline: grep -m 50 ETH-USD over the export" grep -m 50 ETH-USD "$export_file"
report "baseline: grep -cE regex over the export" grep -cE '\\"price\\":6[0-9]{4}\.5,' "$export_file"
