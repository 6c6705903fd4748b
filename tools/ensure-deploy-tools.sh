#!/usr/bin/env bash
# Make sure Debian's nginx (with the brotli_static module) and rsync are installed: the tests
# serve the published site with a real nginx using deploy/nginx.conf, and deploy it with rsync
# into a local folder. Only Debian's packages, never a download from elsewhere.
set -euo pipefail
MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ -x /usr/sbin/nginx ] && [ -f "$MODULE" ] && command -v rsync >/dev/null && command -v openssl >/dev/null; then
  exit 0
fi
PACKAGES="nginx libnginx-mod-http-brotli-static rsync openssl"
if [ "$(id -u)" -ne 0 ]; then
  echo "nginx, modul brotli, rsync, atau openssl belum terpasang." >&2
  echo "Pasang paket Debian berikut lebih dulu:" >&2
  echo "  sudo apt-get install $PACKAGES" >&2
  exit 1
fi
echo "Memasang paket Debian $PACKAGES ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The tests start their own nginx on loopback; the package's own service is not needed.
apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
test -x /usr/sbin/nginx && test -f "$MODULE" && command -v rsync >/dev/null
