#!/usr/bin/env bash
# Debian packages the tests and document rendering need: Chromium for browser tests, CJK fonts for
# PDF/DOCX, gettext for compilemessages, LibreOffice to open DOCX, poppler for PDF text checks.
set -euo pipefail
packages=(chromium fonts-noto-cjk gettext libreoffice-writer-nogui poppler-utils)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Qingshan's tests need these Debian packages, which are missing: ${missing[*]}" >&2
  echo "Install them as root:  apt-get install ${missing[*]}" >&2
  exit 1
fi
