#!/usr/bin/env bash
# What the integration tests need on this machine besides Java and Maven: Debian's chromium and
# chromium-driver (the browser tests) and libaio1 (the broker's fast journal). Run by the build
# before the tests: as root it installs what is missing; otherwise it names the packages and stops.
# (The tests bring their own PostgreSQL: see EmbeddedDatabase.)
set -euo pipefail
chromium=${1:-/usr/bin/chromium}
chromedriver=${2:-/usr/bin/chromedriver}

needed=()
[ -x "$chromium" ] || needed+=(chromium)
[ -x "$chromedriver" ] || needed+=(chromium-driver)
wanted=()
if command -v dpkg >/dev/null && ! dpkg -s libaio1 >/dev/null 2>&1; then
  wanted+=(libaio1)
fi

if [ ${#needed[@]} -eq 0 ] && [ ${#wanted[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  if [ ${#needed[@]} -gt 0 ]; then
    echo "The browser tests need the Debian packages ${needed[*]} ($chromium, $chromedriver):" \
      "install them as root (apt-get install -y ${needed[*]} ${wanted[*]}) or name other" \
      "binaries with -Dchromium.binary=... -Dchromedriver.binary=..." >&2
    exit 1
  fi
  echo "Note: without the Debian package libaio1 the broker uses its slower NIO journal." >&2
  exit 0
fi
echo "Installing ${needed[*]} ${wanted[*]} for the integration tests"
apt-get update -qq </dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" "${wanted[@]}" </dev/null >/dev/null
