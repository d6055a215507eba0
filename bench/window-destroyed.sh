#!/usr/bin/env bash
# Issue "Heavy use": what the app does when its window is destroyed from outside (XDestroyWindow,
# as `xdotool windowclose` does with no window manager), against a window hidden by the app.
# Needs xvfb-run and xdotool (apt-get install xvfb xdotool) and the built jar:
#   mvn -B -q package -DskipTests && xvfb-run -a bench/window-destroyed.sh
# Prints whether the process ended within 10 s.
set -u
jar="$(dirname "$0")/../target/sockscope.jar"
data=$(mktemp -d)
java -Dprism.order=sw -jar "$jar" gui --data-dir "$data" > "$data/out.txt" 2>&1 &
pid=$!
window=""
for _ in $(seq 1 60); do
  sleep 0.5
  window=$(xdotool search --name '^Sockscope$' 2>/dev/null | head -1)
  [ -n "$window" ] && break
done
[ -n "$window" ] || { echo "no window appeared"; kill "$pid"; exit 1; }
sleep 2
xdotool windowclose "$window"
for i in $(seq 1 20); do
  sleep 0.5
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "ended $((i * 500)) ms after the window was destroyed"
    exit 0
  fi
done
echo "still running 10 s after its window was destroyed (JavaFX is not told: see docs/performance.md)"
kill "$pid"
exit 1
