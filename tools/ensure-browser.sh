#!/usr/bin/env bash
# Make sure Debian's Chromium and ChromeDriver are installed. Nothing else may supply them:
# the audit must never download a browser or driver (Selenium Manager is never used).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium atau ChromeDriver belum terpasang." >&2
  echo "Pasang paket Debian 'chromium' dan 'chromium-driver' lebih dulu:" >&2
  echo "  sudo apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "Memasang paket Debian chromium dan chromium-driver ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
test -x /usr/bin/chromium && test -x /usr/bin/chromedriver
