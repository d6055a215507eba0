#!/usr/bin/env bash
# Issue "Installers and a fast first window": time from launch to the first window mapped and
# viewable, cold (a new JVM each run), under the X server this runs in.
#   mvn -B -q package -DskipTests && xvfb-run -a -s '-screen 0 1600x1000x24' bench/first-window.sh [RUNS] [COMMAND...]
# COMMAND defaults to `java -jar target/sockscope.jar`; give the packaged launcher to time it
# (e.g. target/dist/sockscope/bin/sockscope). Each run gets an empty data directory unless
# SOCKSCOPE_BENCH_DATA names one to reuse (a second launch, with a store that exists).
# Needs xwininfo (x11-utils). Prints one line per run and the median.
set -u
runs=${1:-5}
shift || true
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$#" -eq 0 ]; then
  set -- java -Dprism.order=sw -jar "$here/target/sockscope.jar"
fi
times=()
# xvfb-run may hand over before its server takes connections
for _ in $(seq 1 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
for run in $(seq 1 "$runs"); do
  data=${SOCKSCOPE_BENCH_DATA:-$(mktemp -d)}
  start=$(date +%s%N)
  "$@" --data-dir "$data" > /tmp/first-window-$run.log 2>&1 &
  pid=$!
  shown=""
  for _ in $(seq 1 1500); do
    if xwininfo -name Sockscope 2>/dev/null | grep -q "IsViewable"; then
      shown=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    sleep 0.02
  done
  sleep 1 # for its first pulse and the log line about it
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # the app's own word, from its log: JVM start to the first laid-out window
  inside=$(sed -n 's/.*first window laid out \([0-9]*\) ms.*/\1/p' "$data/logs/sockscope.log" 2>/dev/null | tail -1)
  [ -z "${SOCKSCOPE_BENCH_DATA:-}" ] && rm -rf "$data"
  if [ -z "$shown" ]; then
    echo "run $run: no window in 15 s (see /tmp/first-window-$run.log)"
    continue
  fi
  echo "run $run: window after $shown ms${inside:+ (the app logged $inside ms from JVM start to its first layout)}"
  times+=("$shown")
  sleep 1
done
[ "${#times[@]}" -gt 0 ] && printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms over " NR " runs"}'
