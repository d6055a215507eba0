#!/usr/bin/env bash
# Writes the `sockscope` command on PATH for an installed Sockscope: a shell script that starts the
# bundled runtime with the launcher's options and class path (from lib/app/sockscope.cfg) directly.
# Why not a link to bin/sockscope: on Linux, jpackage's launcher asks `rpm -qf` and `dpkg -S` which
# package it belongs to before it starts Java, and `dpkg -S` reads every installed package's file
# list: 0.5 s on our machine, more on a desktop with more packages, on every start.
# Run by the .deb's postinst after cds-dump.sh (which may have taken the archive option out).
set -eu
image="${1:?usage: path-command.sh APP_DIR COMMAND_FILE}"
out="${2:?usage: path-command.sh APP_DIR COMMAND_FILE}"
app="$image/lib/app"
cfg="$app/sockscope.cfg"
classpath=$(sed -n 's/^app.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
main=$(sed -n 's/^app.mainclass=//p' "$cfg")
options=$(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | sed "s/'/'\\\\''/g; s/.*/'&'/" | paste -sd' ' -)
tmp="$out.new"
cat > "$tmp" <<SCRIPT
#!/bin/sh
# sockscope: written by the sockscope package (path-command.sh); starts $image directly.
exec '$image/lib/runtime/bin/java' $options '-Djpackage.app-path=$image/bin/sockscope' -cp '$classpath' '$main' "\$@"
SCRIPT
chmod 755 "$tmp"
mv "$tmp" "$out"
