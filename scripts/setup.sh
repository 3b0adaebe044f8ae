#!/usr/bin/env bash
# Installs what ReplyGuard needs on a fresh Debian 12 machine: Debian packages, the ICU source
# package (deb-src for the mirror already configured), and npm packages from the lockfile.
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"

packages=(cmake ninja-build g++ pkg-config emscripten libicu-dev icu-devtools nlohmann-json3-dev catch2
          libssl-dev openssl libfasttext-dev libical-dev libstemmer-dev libphonenumber-dev libprotobuf-dev protobuf-compiler python3 wngerman wamerican clang libclang-rt-14-dev dpkg-dev patch zip unzip chromium firefox-esr fonts-dejavu-core ccache)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# deb-src entries mirror the configured deb entries, so `apt-get source icu` uses the same mirror.
add_deb_src() {
  local list=/etc/apt/sources.list.d/replyguard-src.sources
  [ -f "$list" ] && return 1
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed -e 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$list" >/dev/null
  elif grep -q '^deb ' /etc/apt/sources.list 2>/dev/null; then
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | as_root tee /etc/apt/sources.list.d/replyguard-src.list >/dev/null
    as_root touch "$list"
  else
    echo "setup: no Debian apt source found to derive deb-src from" >&2; exit 1
  fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
need_update=0
add_deb_src && need_update=1
[ ${#missing[@]} -gt 0 ] && need_update=1
if [ $need_update = 1 ]; then
  echo "setup: apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

rg_icu_source >/dev/null
rg_snowball_source >/dev/null
rg_fasttext_source >/dev/null

cd "$RG_ROOT"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"
