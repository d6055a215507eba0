#!/usr/bin/env bash
# Regenerate the Sockscope PNG icons from sockscope.svg (needs rsvg-convert, Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" -f png -o "sockscope-$s.png" sockscope.svg
done
cp sockscope-256.png sockscope.png
echo "rendered: $(ls sockscope-*.png sockscope.png | tr '\n' ' ')"

# Windows and macOS icons for jpackage, made from the PNGs above (ImageMagick's convert; icnsutils' png2icns).
if command -v /usr/bin/convert >/dev/null && command -v png2icns >/dev/null; then
  /usr/bin/convert sockscope-16.png sockscope-24.png sockscope-32.png sockscope-48.png sockscope-64.png sockscope-256.png sockscope.ico
  png2icns sockscope.icns sockscope-16.png sockscope-32.png sockscope-48.png sockscope-128.png sockscope-256.png sockscope-512.png >/dev/null
  echo "and sockscope.ico, sockscope.icns"
else
  echo "sockscope.ico and sockscope.icns not remade: apt-get install imagemagick icnsutils"
fi
