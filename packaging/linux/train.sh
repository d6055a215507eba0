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
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dprism.order=sw" "$image/bin/sockscope" --data-dir "$data" \
    >"$data/train.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    if xwininfo -name Sockscope 2>/dev/null | grep -q IsViewable; then
      sleep 3 # the first pulses and the store's opening load their classes too
      break
    fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
if [ -n "$inside" ]; then
  run
  rm -rf "$data"
  exit 0
elif [ -n "${DISPLAY:-}" ] && command -v xwininfo >/dev/null; then
  run
elif command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  xvfb-run -a -s '-screen 0 1280x800x24' bash "$0" --inside "$image"
else
  echo "train.sh: no display, xvfb-run or xwininfo: the class list comes from the command line only" >&2
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$image/bin/sockscope" --data-dir "$data" ca info >/dev/null
fi
rm -rf "$data"
echo "class list: $(wc -l < "$list") classes"
bash "$image/lib/app/cds-dump.sh" "$image"
