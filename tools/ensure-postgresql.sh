#!/usr/bin/env bash
# Make sure Debian's PostgreSQL server is installed: the e-PPID's tests start a throwaway cluster
# of their own on loopback (eppid/tests/test_eppid_postgres.py). The package's own service is
# not needed. Only Debian's packages, never a download from elsewhere.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && id postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL belum terpasang. Pasang paket Debian berikut lebih dulu:" >&2
  echo "  sudo apt-get install postgresql" >&2
  exit 1
fi
echo "Memasang paket Debian postgresql ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
