#!/usr/bin/env bash
# Pack the guest initramfs with the kernel's usr/gen_init_cpio: busybox, the
# installed kselftests, the demo, the shared libraries they need, /init and
# /selftests (guest/selftests, which runs the kselftests).
# Usage: initramfs.sh VARIANT
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1
obj=$(objdir "$variant")
kst=$obj/kselftest/kselftest_install
list=$obj/initramfs.list
out=$obj/initramfs.cpio
busybox=/bin/busybox
[ -x "$busybox" ] || die "$busybox missing: run make deps (busybox-static)"
[ -x "$obj/usr/gen_init_cpio" ] || die "$obj/usr/gen_init_cpio missing: build the kernel first"

declare -A dirs=()
add_dir() {
	local d=$1
	while [ "$d" != / ] && [ -z "${dirs[$d]:-}" ]; do
		dirs[$d]=1
		d=$(dirname "$d")
	done
}
entries=()
add_file() { # guest-path host-path mode
	add_dir "$(dirname "$1")"
	entries+=("file $1 $2 $3 0 0")
}

for d in /dev /proc /sys /tmp /root /etc /bin /sbin /usr/bin /usr/sbin; do add_dir "$d"; done
add_file /bin/busybox "$busybox" 0755
add_file /init "$TOP/guest/init" 0755
add_file /selftests "$TOP/guest/selftests" 0755
# The kselftest runner needs GNU timeout (--foreground); busybox's has none.
add_file /usr/bin/timeout /usr/bin/timeout 0755
elves=(/usr/bin/timeout)
while IFS= read -r -d '' f; do
	rel=${f#"$kst"}
	mode=$(stat -c %a "$f")
	add_file "/kselftest$rel" "$f" "$mode"
	if head -c4 "$f" | grep -q ELF; then elves+=("$f"); fi
done < <(find "$kst" -type f -print0)
for f in "$obj"/demo/*; do
	[ -f "$f" ] || continue
	add_file "/demo/${f##*/}" "$f" 0755
	elves+=("$f")
done
for lib in $(ldd "${elves[@]}" 2>/dev/null | grep -oE '/[^ ]+\.so[^ ]*' | sort -u); do
	add_file "$lib" "$(readlink -f "$lib")" 0755
done

{
	echo "nod /dev/console 0600 0 0 c 5 1"
	for d in "${!dirs[@]}"; do echo "dir $d 0755 0 0"; done | sort
	printf '%s\n' "${entries[@]}"
} >"$list.new"
# Repacking costs seconds on a loaded machine: skip it when the same files,
# none changed since the last pack, would go in.
mapfile -t packed < <(awk '$1 == "file" { print $3 }' "$list.new")
if [ -f "$out" ] && cmp -s "$list.new" "$list" &&
	[ -z "$(find "${packed[@]}" -newer "$out" -print -quit)" ]; then
	rm "$list.new"
	exit 0
fi
mv "$list.new" "$list"
"$obj/usr/gen_init_cpio" "$list" >"$out.tmp" || die "gen_init_cpio failed on $list"
mv "$out.tmp" "$out"
