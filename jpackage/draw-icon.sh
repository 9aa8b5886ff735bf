#!/usr/bin/env bash
# Draws a first app icon (assets/icon.png, 256×256) with ImageMagick: a hand skeleton, as the app
# draws it over the video, above a text caret. Used only until the UI's own icon replaces it.
set -euo pipefail
out="${1:-$(cd "$(dirname "$0")/.." && pwd)/assets/icon.png}"
# 21 landmarks of an open right hand, in icon pixels (wrist at the bottom).
pts=(128,212 96,196 74,172 60,148 48,126  104,128 98,92 94,68 92,46  126,122 126,82 126,56 126,32
     148,128 154,92 158,68 160,48  168,140 180,112 188,92 194,74)
bones=(0-1 1-2 2-3 3-4 0-5 5-6 6-7 7-8 5-9 9-10 10-11 11-12 9-13 13-14 14-15 15-16 13-17 0-17 17-18 18-19 19-20)
draw=()
for b in "${bones[@]}"; do
  a="${pts[${b%-*}]}"; c="${pts[${b#*-}]}"
  draw+=(-draw "line ${a/,/,} ${c/,/,}")
done
dots=()
for p in "${pts[@]}"; do x="${p%,*}"; y="${p#*,}"; dots+=(-draw "circle $x,$y $((x+6)),$y"); done
convert -size 256x256 xc:none \
  -fill '#1f6feb' -draw "roundrectangle 8,8 248,248 44,44" \
  -stroke '#ffffff' -strokewidth 9 -fill none "${draw[@]}" \
  -stroke none -fill '#ffd33d' "${dots[@]}" \
  -fill '#ffffff' -draw "rectangle 196,196 204,236" \
  -depth 8 "$out"
