#!/usr/bin/env bash
# Installs the Debian packages the tests need (real servers + Chromium), when run as root and missing.
set -euo pipefail
PKGS=(postgresql postgresql-contrib mariadb-server redis-server slapd ldap-utils chromium openssl
      swift-proxy swift-account swift-container swift-object memcached)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then echo "install-deps: all Debian packages present"; exit 0; fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing Debian packages (${missing[*]}) and not root: install them first" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
