#!/usr/bin/env bash
# Build the benchmark (static, so one binary runs on both kernels) and pack
# the initramfs make bench boots both kernels with: busybox, /init, the
# benchmark.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

out=$BUILD/bench
src=$TOP/bench/pidfd-bench.c
bin=$out/pidfd-bench
gen_init_cpio=$(objdir test)/usr/gen_init_cpio
log=$LOGS/bench-build.log
[ -x "$gen_init_cpio" ] || die "$gen_init_cpio missing: build the test kernel first"
mkdir -p "$out"

if [ ! "$bin" -nt "$src" ]; then
	gcc -O2 -Wall -Wextra -Werror -static -o "$bin" "$src" >"$log" 2>&1 ||
		die "building $src failed, see $log"
fi
{
	echo "nod /dev/console 0600 0 0 c 5 1"
	for d in /bench /bin /dev /proc /sbin /sys /tmp /usr /usr/bin /usr/sbin; do
		echo "dir $d 0755 0 0"
	done
	echo "file /bin/busybox /bin/busybox 0755 0 0"
	echo "file /init $TOP/guest/init 0755 0 0"
	echo "file /bench/pidfd-bench $bin 0755 0 0"
} >"$out/initramfs.list"
"$gen_init_cpio" "$out/initramfs.list" >"$out/initramfs.cpio" ||
	die "gen_init_cpio failed on $out/initramfs.list"
