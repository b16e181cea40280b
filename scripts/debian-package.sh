#!/usr/bin/env bash
# Download PACKAGE=VERSION from the Debian suite SUITE into build/apt/debs and
# print the .deb's path. Nothing is installed. The suite's package lists are
# fetched (privately, see apt_suite_opts) when they lack that version.
# Usage: debian-package.sh SUITE PACKAGE VERSION
#        debian-package.sh --update SUITE   (only refresh the suite's lists)
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

update_only=0
if [ "$1" = --update ]; then
	update_only=1
	shift
fi
suite=$1 package=${2:-} version=${3:-}
debs=$APT_DIR/debs
log=$APT_DIR/$suite.log
mkdir -p "$debs"
mapfile -t opts < <(apt_suite_opts "$suite")
update() {
	apt-get "${opts[@]}" update >"$log" 2>&1 ||
		die "cannot fetch the package lists of $suite from Debian's archive, see $log"
}
if [ $update_only -eq 1 ]; then
	update
	exit 0
fi

# apt writes an epoch's colon as %3a in file names.
found=$(find "$debs" -name "${package}_${version//:/%3a}_*.deb" -print -quit)
if [ -n "$found" ]; then
	echo "$found"
	exit 0
fi
# apt-cache show exits 0 for a version it does not have; madison lists them.
served() {
	apt-cache "${opts[@]}" madison "$package" 2>/dev/null |
		awk -F' *[|] *' -v v="$version" '$2 == v { found = 1 } END { exit !found }'
}
if ! served; then
	update
	served || die "Debian's $suite does not serve $package=$version (any more?); see $log"
fi
(cd "$debs" && apt-get "${opts[@]}" download "$package=$version") >>"$log" 2>&1 ||
	die "downloading $package=$version from $suite failed, see $log"
find "$debs" -name "${package}_${version//:/%3a}_*.deb" -print -quit
