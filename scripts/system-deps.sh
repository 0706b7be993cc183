#!/usr/bin/env bash
# Installs the Debian packages the PDF renderer and its tests need, only those that are missing.
#   libharfbuzz-subset0  lets WeasyPrint subset fonts (and silences its HarfBuzz warning)
#   poppler-utils        pdftotext / pdftoppm, used by the tests to read PDFs back
#   fonts-dejavu-core    a font with wide Unicode coverage for the PDF
#   chromium, chromium-driver  headless browser for the test that looks at the HTML at 360 and 1280 px
set -euo pipefail
wanted=(libharfbuzz-subset0 poppler-utils fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 chromium chromium-driver)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
