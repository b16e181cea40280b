#!/usr/bin/env bash
# Generate the .config of a kernel variant: tinyconfig + our fragments + the
# selftests' own config files, merged with merge_config.sh. Every symbol a
# fragment asks for must end up as asked.
# Usage: kconfig.sh VARIANT FRAGMENT...
# START_CONFIG=FILE starts from FILE (a distribution's config, taken as it is)
# instead of tinyconfig, and then the selftests' config files are not merged.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1
shift
obj=$(objdir "$variant")
fragments=("$@")
start=${START_CONFIG:-}
if [ -z "$start" ]; then
	for d in $SELFTEST_DIRS; do
		[ -f "$TREE/tools/testing/selftests/$d/config" ] &&
			fragments+=("$TREE/tools/testing/selftests/$d/config")
	done
fi

stamp=$obj/.fragments.sha256
want=$(cat ${start:+"$start"} "${fragments[@]}" | sha256sum | cut -d' ' -f1)
if [ -f "$obj/.config" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
	exit 0
fi

log=$LOGS/kconfig-$variant.log
mkdir -p "$obj"
{
	if [ -n "$start" ]; then
		cp "$start" "$obj/.config"
	else
		kmake O="$obj" tinyconfig
	fi
	"$TREE/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "${fragments[@]}"
	kmake O="$obj" olddefconfig
} >"$log" 2>&1 || die "kernel configuration failed, see $log"

bad=0
for f in "${fragments[@]}"; do
	while read -r line; do
		case $line in
		CONFIG_*=*)
			sym=${line%%=*} val=${line#*=}
			got=$(grep -E "^$sym=" "$obj/.config" | cut -d= -f2- || true)
			# Without modules, a built-in symbol satisfies a request for =m.
			if [ "$got" != "$val" ] && ! { [ "$val" = m ] && [ "$got" = y ]; }; then
				echo "error: $sym=$val requested by $f, but .config has '${got:-not set}'" >&2
				bad=1
			fi
			;;
		"# CONFIG_"*" is not set")
			sym=${line#\# } sym=${sym%% *}
			if grep -qE "^$sym=" "$obj/.config"; then
				echo "error: $sym requested unset by $f, but .config sets it" >&2
				bad=1
			fi
			;;
		esac
	done <"$f"
done
[ $bad -eq 0 ] || die "kernel configuration does not match its fragments (log: $log)"
echo "$want" >"$stamp"
