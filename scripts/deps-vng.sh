#!/usr/bin/env bash
# Install virtme-ng for make vng, on top of the harness's own packages.
# Debian ships virtme-ng only in sid (and trixie-backports); when the
# machine's configured suites lack it, its .deb (Architecture: all, pure
# Python) comes from sid through a private apt set-up under build/apt/sid
# (apt_suite_opts: the machine's apt configuration is not touched), and
# apt-get installs that file with its dependencies (busybox-static, kbd,
# python3-requests, ...) from the machine's own suites: no sid library lands
# on the machine.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

"$TOP/scripts/deps.sh"
# udev: virtme-init names the script's virtio-serial ports
# (/dev/virtio-ports/virtme.*) through udevd's rules, on the host's root it
# boots from; without udevd it runs the script on the serial console, mixed
# with the kernel's messages, and vng cannot learn the script's exit status.
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]; }
installed virtme-ng && installed udev && exit 0

[ "$(id -u)" -eq 0 ] ||
	die "virtme-ng or udev is not installed; run as root: $TOP/scripts/deps-vng.sh (it installs Debian sid's virtme-ng .deb, dependencies and udev from this machine's suites)"

log=$LOGS/deps-vng.log
: >"$log"
if ! installed udev; then
	echo "deps: installing udev (log: $log)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends udev >>"$log" 2>&1 ||
		die "apt-get install udev failed, see $log"
fi
installed virtme-ng && exit 0
apt-get update >>"$log" 2>&1 || die "apt-get update failed, see $log"
candidate=$(apt-cache policy virtme-ng 2>>"$log" | sed -n 's/^ *Candidate: //p')
if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
	echo "deps: installing virtme-ng $candidate (log: $log)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends virtme-ng \
		>>"$log" 2>&1 || die "apt-get install virtme-ng failed, see $log"
	exit 0
fi

# This machine's suites lack it: fetch the .deb from sid, privately.
mapfile -t opts < <(apt_suite_opts sid)
debs=$APT_DIR/debs
mkdir -p "$debs"
echo "deps: virtme-ng is not in this machine's apt suites; fetching it from Debian sid (log: $log)"
apt-get "${opts[@]}" update >>"$log" 2>&1 ||
	die "cannot fetch the package lists of sid from Debian's archive ($APT_DIR/sid), see $log"
rm -f "$debs"/virtme-ng_*.deb
(cd "$debs" && apt-get "${opts[@]}" download virtme-ng) >>"$log" 2>&1 ||
	die "downloading virtme-ng from sid failed, see $log"
deb=$(find "$debs" -maxdepth 1 -name 'virtme-ng_*.deb' -print -quit)
[ -n "$deb" ] || die "apt-get download left no virtme-ng .deb in $debs, see $log"
dpkg-deb -f "$deb" Package Version Depends >>"$log"
echo "deps: installing $(basename "$deb"), dependencies from this machine's suites"
# Only the machine's own sources are configured here: a dependency they cannot
# satisfy fails the install instead of pulling anything from sid.
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" >>"$log" 2>&1 ||
	die "apt-get install $deb failed (a dependency missing from this machine's suites?), see $log"
