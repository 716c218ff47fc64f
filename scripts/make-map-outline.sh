#!/usr/bin/env bash
# Builds Sources/Views/Panes/MapOutlineData.swift, the US outline the map pane draws.
#
# Data: Natural Earth 1:50m admin-1 states/provinces (`states50`) and admin-0 countries
# (`countries50`), as shipped in the Debian package r-cran-rnaturalearthdata 0.1.0-2
# (Debian 12, upstream rnaturalearthdata 0.1.0 from CRAN). Natural Earth is public domain
# (https://www.naturalearthdata.com/about/terms-of-use/); the R package and its Debian
# packaging are CC0 (see /usr/share/doc/r-cran-rnaturalearthdata/copyright in the .deb).
# The package is only downloaded and unpacked under a temporary directory: nothing is
# installed, and neither the app nor its tests need it. Reading the R data needs only
# python3's standard library (scripts/map_outline/rdata.py); no R.
#
# Usage: scripts/make-map-outline.sh [tolerance-degrees]   (Douglas-Peucker, default 0.02)
# The output is deterministic: running it again must leave `git diff` empty.
set -euo pipefail
cd "$(dirname "$0")/.."

package=r-cran-rnaturalearthdata
expected_version=0.1.0-2
tolerance=${1:-0.02}
out=Sources/Views/Panes/MapOutlineData.swift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(apt-cache show --no-all-versions "$package" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
if [ -z "$version" ]; then
  echo "make-map-outline: $package is unknown to apt; run apt-get update first" >&2
  exit 1
fi
if [ "$version" != "$expected_version" ]; then
  echo "make-map-outline: warning: apt offers $package $version, this script was written against $expected_version" >&2
fi

(cd "$work" && apt-get download "$package" >/dev/null 2>&1) || {
  echo "make-map-outline: apt-get download $package failed" >&2
  exit 1
}
dpkg-deb -x "$work"/"$package"_*.deb "$work/root"
data="$work/root/usr/lib/R/site-library/rnaturalearthdata/data/Rdata"
[ -f "$data.rdb" ] || { echo "make-map-outline: no $data.rdb in the package" >&2; exit 1; }

PYTHONDONTWRITEBYTECODE=1 python3 scripts/map_outline/outline.py "$data" "$out" "$tolerance"
echo "make-map-outline: wrote $out ($(wc -c <"$out") bytes) from $package $version" >&2
