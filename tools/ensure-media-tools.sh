#!/usr/bin/env bash
# Make sure Debian's ffmpeg (video encoding) and espeak-ng (Indonesian speech) are installed.
# Only tools/make_video_samples.py needs them, to regenerate the committed sample videos;
# building and testing the portal never does.
set -euo pipefail
if command -v ffmpeg >/dev/null && command -v espeak-ng >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ffmpeg atau espeak-ng belum terpasang." >&2
  echo "Pasang paket Debian 'ffmpeg' dan 'espeak-ng' lebih dulu:" >&2
  echo "  sudo apt-get install ffmpeg espeak-ng" >&2
  exit 1
fi
echo "Memasang paket Debian ffmpeg dan espeak-ng ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends ffmpeg espeak-ng >/dev/null
command -v ffmpeg >/dev/null && command -v espeak-ng >/dev/null
