#!/usr/bin/env bash
# Issue "Installers and a fast first window": the first-window variants interleaved, one run each
# per round, so a noisy machine weighs on all of them alike. Run under Xvfb, with the .deb installed
# and OLD_JAR naming a jar built from an earlier commit (optional):
#   xvfb-run -a -s '-screen 0 1600x1000x24' bench/first-window-compare.sh [ROUNDS]
# Prints one line per run ("VARIANT after N"); sort them to read medians.
set -u
rounds=${1:-8}
here="$(cd "$(dirname "$0")/.." && pwd)"
jsa=/opt/sockscope/lib/app/sockscope.jsa
for _ in $(seq 1 "$rounds"); do
  if [ -n "${OLD_JAR:-}" ]; then
    echo "old-jar $("$here/bench/first-window.sh" 1 java -Dprism.order=sw -jar "$OLD_JAR" | grep -o 'after [0-9]*')"
  fi
  echo "jar $("$here/bench/first-window.sh" 1 java -Dprism.order=sw -jar "$here/target/sockscope.jar" | grep -o 'after [0-9]*')"
  if command -v sockscope >/dev/null; then
    echo "deb $("$here/bench/first-window.sh" 1 env JAVA_TOOL_OPTIONS=-Dprism.order=sw sockscope | grep -o 'after [0-9]*')"
    if [ -f "$jsa" ]; then
      mv "$jsa" "$jsa.aside"
      echo "deb-without-cds $("$here/bench/first-window.sh" 1 env JAVA_TOOL_OPTIONS=-Dprism.order=sw sockscope \
        | grep -o 'after [0-9]*')"
      mv "$jsa.aside" "$jsa"
    fi
  fi
done
