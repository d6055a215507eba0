#!/usr/bin/env bash
# The class list for the AppCDS archive: runs the app-image's window once (under xvfb-run when there
# is no display) with -XX:DumpLoadedClassList, stops it once the window is up, and keeps the list in
# the image (lib/app/classes.lst). Then makes the archive for the image where it stands; the .deb's
# postinst makes it again for the installed paths (JDK 17's archives hold absolute class paths).
set -euo pipefail
inside=""
if [ "${1:-}" = "--inside" ]; then
  inside=yes
  shift
fi
image="${1:?usage: train.sh APP_IMAGE}"
app="$image/lib/app"
list="$app/classes.lst"
data=$(mktemp -d)
run() {
  # xvfb-run may hand over before its server takes connections
  for _ in $(seq 1 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
  rm -f "$list"
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dprism.order=sw" "$image/bin/sockscope" --data-dir "$data" \
    >/tmp/sockscope-train.log 2>&1 &
  pid=$!
  shown=""
  for _ in $(seq 1 300); do
    if xwininfo -name Sockscope 2>/dev/null | grep -q IsViewable; then
      shown=yes
      sleep 3 # the first pulses and the store's opening load their classes too
      break
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$shown" ]
}
# The window once, trying again when it did not come up (a display that was not ready).
train() {
  for attempt in 1 2 3; do
    run && return 0
    echo "train.sh: no window on attempt $attempt (see /tmp/sockscope-train.log)" >&2
  done
  return 1
}
if [ -n "$inside" ]; then
  status=0
  train || status=1
  rm -rf "$data"
  exit "$status"
elif [ -n "${DISPLAY:-}" ] && command -v xwininfo >/dev/null; then
  train
elif command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" --inside "$image"
else
  echo "train.sh: no display, xvfb-run or xwininfo: the class list comes from the command line only" >&2
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$image/bin/sockscope" --data-dir "$data" ca info >/dev/null
fi
rm -rf "$data"
echo "class list: $(wc -l < "$list") classes"
bash "$image/lib/app/cds-dump.sh" "$image"
