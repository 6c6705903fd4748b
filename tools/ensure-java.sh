#!/usr/bin/env bash
# Make sure a Java runtime, 17 or later, is installed for the Nu HTML Checker (vnu.jar is built
# for Java 17). Only Debian's package: vnu-jar's own postinstall would otherwise download a
# Temurin runtime from GitHub when it finds no system Java, and nothing in the gate may come
# from outside Debian and npm's pinned lock file.
set -euo pipefail
PACKAGE=default-jre-headless
MINIMUM=17

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

if ! command -v java >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Java belum terpasang; pemeriksa validitas HTML (vnu.jar) membutuhkannya." >&2
    echo "Pasang paket Debian '$PACKAGE' lebih dulu:" >&2
    echo "  sudo apt-get install $PACKAGE" >&2
    exit 1
  fi
  echo "Memasang paket Debian $PACKAGE ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$PACKAGE" >/dev/null
  command -v java >/dev/null
fi
MAJOR="$(java_major)"
if [ -z "$MAJOR" ] || [ "$MAJOR" -lt "$MINIMUM" ]; then
  echo "Java ${MAJOR:-(versi tidak terbaca)} terlalu lama: pemeriksa validitas HTML (vnu.jar) membutuhkan Java $MINIMUM atau lebih baru." >&2
  echo "Pasang paket Debian '$PACKAGE' dari Debian 12 atau lebih baru (OpenJDK $MINIMUM ke atas)." >&2
  exit 1
fi
