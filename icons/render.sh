#!/usr/bin/env bash
# Regenerate the Sockscope PNG icons from sockscope.svg (needs rsvg-convert, Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" -f png -o "sockscope-$s.png" sockscope.svg
done
cp sockscope-256.png sockscope.png
echo "rendered: $(ls sockscope-*.png sockscope.png | tr '\n' ' ')"
