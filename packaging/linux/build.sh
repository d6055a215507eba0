#!/usr/bin/env bash
# Builds the Linux app-image and .deb into target/dist: `mvn -B -Ppackage -DskipTests package` runs
# it after the jar, with the pom's version. Needs JDK 17's jlink and jpackage, dpkg-deb and fakeroot.
# Steps: the app's jars (JavaFX left out: it goes into the runtime as modules); a runtime trimmed
# with jlink (packaging/modules.txt); the app-image; a class list from a training run of the window
# (under xvfb-run when there is no display), from which the .deb's postinst makes the AppCDS archive
# for the installed paths; then the .deb from the app-image.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: build.sh VERSION}"
# jpackage takes digits only (Debian would sort 0.1.0-SNAPSHOT after 0.1.0).
app_version="${version%%-*}"
target=target
dist="$target/dist"
input="$target/jpackage/input"
runtime="$target/jpackage/runtime"
rm -rf "$dist" "$target/jpackage"
mkdir -p "$dist" "$input/lib"

cp "$target/sockscope.jar" packaging/cds-dump.sh packaging/linux/path-command.sh "$input/"
for jar in "$target"/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$input/lib/" ;; esac
done
fx=$(ls "$target"/lib/javafx-*-linux.jar | tr '\n' ':')

echo "jlink: runtime with $(tr ',' ' ' < packaging/modules.txt | wc -w) modules"
# --compress=0: no slower or faster to start than zip (measured), and the .deb comes out smaller
# (48 MB against 70 MB: dpkg's xz does better on uncompressed modules); installed it takes 47 MB more.
jlink --module-path "$fx" --add-modules "$(tr -d ' \n' < packaging/modules.txt)" --strip-debug --no-header-files \
  --no-man-pages --compress=0 --generate-cds-archive --output "$runtime"

echo "jpackage: app-image"
jpackage @packaging/common.args @packaging/launcher.args @packaging/linux/app-image.args --app-version "$app_version" \
  --input "$input" --runtime-image "$runtime" --dest "$dist"

image="$dist/sockscope"
bash packaging/linux/train.sh "$image"

echo "jpackage: deb"
# The image's archive holds this build directory's paths: the .deb's postinst makes its own.
mv "$image/lib/app/sockscope.jsa" "$target/jpackage/" 2>/dev/null || true
jpackage @packaging/common.args @packaging/linux/deb.args --app-version "$app_version" --app-image "$image" \
  --dest "$dist"
mv "$target/jpackage/sockscope.jsa" "$image/lib/app/" 2>/dev/null || true
ls -l "$dist"
