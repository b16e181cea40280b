#!/usr/bin/env bash
# Boot the kernel from make deb's linux-image package (its /boot/vmlinuz, not
# the build tree) with the test initramfs, run the same suites as make check,
# and list the security modules that initialised.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

flavour=${FLAVOUR:-cloud-amd64}
release=$(deb_release "$flavour")
out=$BUILD/deb-$flavour
"$TOP/scripts/deb.sh"
image=$(find "$out" -maxdepth 1 -name "linux-image-${release}_*_amd64.deb" -print -quit)
[ -n "$image" ] || die "no linux-image-$release package in $out: make deb"
vmlinuz=$out/vmlinuz-$release
dpkg-deb --fsys-tarfile "$image" | tar -xO "./boot/vmlinuz-$release" >"$vmlinuz" ||
	die "$image has no /boot/vmlinuz-$release"

status=0
KERNEL=$vmlinuz "$TOP/scripts/check.sh" test "deb-$flavour" quick 1200 \
	"harness.timeout=300 harness.pid_max=1100" || status=$?
console=$LOGS/test-deb-$flavour-console.log
echo "LSMs: $(grep -oE 'LSM: initializing lsm=[^ ]*' "$console" | tail -n1 | cut -d= -f2 || echo none seen)"
exit "$status"
