#!/usr/bin/env bash
# Installs the Debian packages the tests need when running as root with apt (as on CI); otherwise stops with the
# exact apt-get line to run. Packages are listed once, here.
set -euo pipefail
# Add a package here when a test needs it; CI installs it through this list.
PACKAGES=(chromium postgresql redis-server)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "preflight: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "preflight: missing Debian packages. Run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
