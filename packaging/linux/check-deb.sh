#!/usr/bin/env bash
# Checks the .deb as a user gets it, on this machine (as root; it installs and removes the package):
# installs it with apt (which pulls its dependencies), runs `sockscope` from PATH (version, the CA,
# the TLS listener and the TLS inspector with EC keys, the store: import, sessions, search, export),
# opens the window under Xvfb with a window manager (openbox) so its title bar and icon show, takes
# a screenshot, then removes the package and checks that nothing of it is left.
#   mvn -B -Ppackage -DskipTests package && bash packaging/linux/check-deb.sh [SCREENSHOT.png]
# Needs: apt-get install xvfb x11-utils imagemagick openbox
set -euo pipefail
cd "$(dirname "$0")/../.."
shot="${1:-target/dist/screenshot-installed.png}"
deb=$(ls target/dist/sockscope_*.deb | head -1)
work=$(mktemp -d)
data="$work/data"
step() { echo "== $*"; }

step "install $deb"
apt-get install -y -qq "./$deb" >/dev/null
command -v sockscope
[ "$(command -v sockscope)" = /usr/bin/sockscope ]
if [ -f /usr/share/applications/sockscope-sockscope.desktop ]; then
  echo "menu entry: /usr/share/applications/sockscope-sockscope.desktop"
else
  echo "menu entry: none (this system has no desktop menu; xdg-desktop-menu said so at install)"
fi
test -f /opt/sockscope/lib/app/sockscope.jsa && echo "AppCDS archive made by postinst: $(du -h /opt/sockscope/lib/app/sockscope.jsa | cut -f1)"

step "command line from PATH"
sockscope --version
sockscope ca info --data-dir "$data"
ca=$(sockscope ca info --data-dir "$data" --json | sed -n 's/.*"certificateFile" *: *"\([^"]*\)".*/\1/p')
[ -f "$ca" ]

# No server behind the reverse proxy: its upgrade is answered 502, what is checked is the TLS session.
step "TLS listener (EC leaf from the CA) and the TLS inspector"
sockscope proxy --data-dir "$data" --listen 127.0.0.1:0 --reverse ws://127.0.0.1:9 --tls > "$work/proxy.out" 2>&1 &
proxy=$!
for _ in $(seq 1 100); do grep -q "^listening on" "$work/proxy.out" && break; sleep 0.1; done
address=$(sed -n 's/^listening on //p' "$work/proxy.out")
port=${address##*:}
sockscope tls "wss://localhost:$port/" --ca-file "$ca" | tee "$work/tls.out"
grep -q "TLSv1.3" "$work/tls.out"
kill -TERM "$proxy"
wait "$proxy"

step "store: import, sessions, search, export"
printf '%s\n' '{"connection":1,"url":"ws://h/","direction":"send","opcode":1,"timestamp":"2026-12-01T10:00:00.000001Z","size":13,"text":"hello package"}' > "$work/in.jsonl"
sockscope import "$work/in.jsonl" --session packaged --data-dir "$data"
sockscope sessions --data-dir "$data"
sockscope search "hello package" --data-dir "$data" | grep -q "hello package"
sockscope export --session packaged --format har --out "$work/out.har" --data-dir "$data"
grep -q "hello package" "$work/out.har"

step "the window, with a window manager, and a screenshot"
cat > "$work/gui.sh" <<GUI
openbox >/dev/null 2>&1 &
for _ in \$(seq 1 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
sockscope --data-dir "$data" >"$work/gui.log" 2>&1 &
pid=\$!
for _ in \$(seq 1 300); do xwininfo -name Sockscope 2>/dev/null | grep -q IsViewable && break; sleep 0.1; done
sleep 3
xprop -name Sockscope _NET_WM_ICON | head -c 60; echo
import -window root "$shot"
kill \$pid
wait \$pid || true
GUI
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/gui.sh"
echo "screenshot: $shot"

step "remove"
apt-get remove -y -qq sockscope >/dev/null
hash -r
if command -v sockscope >/dev/null; then echo "sockscope is still on PATH after removal"; exit 1; fi
[ ! -e /usr/bin/sockscope ]
[ ! -e /opt/sockscope/bin/sockscope ]
[ ! -e /opt/sockscope/lib/app/sockscope.jsa ]
rm -rf "$work"
echo "the .deb installs, runs and goes cleanly"
