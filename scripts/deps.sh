#!/usr/bin/env bash
# Install the Debian packages the harness needs (the base kernel source is
# downloaded, not installed: see base.sh).
# Usage: deps.sh [PACKAGE...]: a target's own packages on top (make lint's linters).
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

packages=(
	build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils
	busybox-static qemu-system-x86 libcap-dev ccache git perl python3
	rsync coreutils kmod gnuplot-nox python3-ply python3-git
	"$@"
)

# One dpkg-query for all: one per package took seconds on a loaded machine.
declare -A installed=()
while read -r p status; do
	if [ "$status" = installed ]; then installed[$p]=1; fi
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
	[ -n "${installed[$p]:-}" ] || missing+=("$p")
done

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	die "missing packages; run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
fi

log=$LOGS/deps.log
echo "deps: installing ${missing[*]} (log: $log)"
apt-get update >"$log" 2>&1 || die "apt-get update failed, see $log"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	"${missing[@]}" >>"$log" 2>&1 ||
	die "apt-get install failed, see $log"
