#!/usr/bin/env bash
# Makes the AppCDS archive (lib/app/sockscope.jsa) of an installed or built Sockscope from its class
# list, for the class path its launcher uses. Run by the build for the app-image and by the .deb's
# postinst for /opt/sockscope. Without the archive the app starts as well, only slower.
set -eu
image="${1:?usage: cds-dump.sh APP_DIR}"
app="$image/lib/app"
classpath=$(sed -n 's/^app.classpath=//p' "$app/sockscope.cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
"$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/classes.lst" \
  -XX:SharedArchiveFile="$app/sockscope.jsa" -cp "$classpath" -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null 2>&1 \
  || {
    # Without it, the launcher's option would leave the JVM with no CDS at all (not even the
    # runtime's own archive): the option goes, and the app starts as a plain runtime does.
    sed -i '/SharedArchiveFile/d' "$app/sockscope.cfg"
    echo "cds-dump.sh: no AppCDS archive made; the app starts without it, a little slower" >&2
    exit 0
  }
echo "AppCDS archive: $(du -h "$app/sockscope.jsa" | cut -f1)"
