#!/usr/bin/env bash
# Install virtme-ng for make vng, on top of the harness's own packages.
# Debian ships virtme-ng only in sid (and trixie-backports); when the machine's
# configured suites lack it, its .deb (Architecture: all, pure Python) comes
# from sid through a private apt set-up under build/apt-sid/ (the machine's apt
# configuration is not touched), and apt-get installs that file with its
# dependencies (busybox-static, kbd, python3-requests, ...) from the machine's
# own suites: no sid library lands on the machine.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

"$TOP/scripts/deps.sh"
status=$(dpkg-query -W -f='${db:Status-Status}' virtme-ng 2>/dev/null || true)
[ "$status" = installed ] && exit 0

[ "$(id -u)" -eq 0 ] ||
	die "virtme-ng is not installed; run as root: $TOP/scripts/deps-vng.sh (it installs Debian sid's virtme-ng .deb, dependencies from this machine's suites)"

log=$LOGS/deps-vng.log
: >"$log"
apt-get update >>"$log" 2>&1 || die "apt-get update failed, see $log"
candidate=$(apt-cache policy virtme-ng 2>>"$log" | sed -n 's/^ *Candidate: //p')
if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
	echo "deps: installing virtme-ng $candidate (log: $log)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends virtme-ng \
		>>"$log" 2>&1 || die "apt-get install virtme-ng failed, see $log"
	exit 0
fi

# This machine's suites lack it: fetch the .deb from sid.
dir=$BUILD/apt-sid
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring missing (package debian-archive-keyring): cannot check sid's signature"
mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
echo "deb [signed-by=$keyring] http://deb.debian.org/debian sid main" >"$dir/sources.list"
private=(
	-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
	-o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache"
	-o Acquire::Languages=none -o APT::Sandbox::User=root
)
echo "deps: virtme-ng is not in this machine's apt suites; fetching it from Debian sid (log: $log)"
apt-get "${private[@]}" update >>"$log" 2>&1 ||
	die "apt-get update of the private sid list ($dir/sources.list) failed, see $log"
rm -f "$dir"/virtme-ng_*.deb
(cd "$dir" && apt-get "${private[@]}" download virtme-ng) >>"$log" 2>&1 ||
	die "downloading virtme-ng from sid failed, see $log"
deb=$(find "$dir" -maxdepth 1 -name 'virtme-ng_*.deb' -print -quit)
[ -n "$deb" ] || die "apt-get download left no virtme-ng .deb in $dir, see $log"
dpkg-deb -f "$deb" Package Version Depends >>"$log"
echo "deps: installing $(basename "$deb"), dependencies from this machine's suites"
# Only the machine's own sources are configured here: a dependency they cannot
# satisfy fails the install instead of pulling anything from sid.
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" >>"$log" 2>&1 ||
	die "apt-get install $deb failed (a dependency missing from this machine's suites?), see $log"
