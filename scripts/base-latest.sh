#!/usr/bin/env bash
# For every release line the bases/ files cover, ask Debian's archive for the
# newest linux-source package of each suite that ships the line, and print
# whether a base file pins that version and whether the line's queue applies
# to it with git am (no fuzz, no 3-way). Changes nothing in bases/ or the
# trees; downloads go to build/apt.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

suites=(bookworm bookworm-security trixie trixie-security)
work=$TOP/build/base-latest
mkdir -p "$work"

newest() { # SUITE PACKAGE: the suite's newest version of PACKAGE, or nothing
	local v best='' opts
	mapfile -t opts < <(apt_suite_opts "$1")
	for v in $(apt-cache "${opts[@]}" madison "$2" 2>/dev/null | awk '{print $3}'); do
		if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
	done
	echo "$best"
}

base_file_for() { # PACKAGE VERSION: the base files that pin it, or "none"
	local f names=()
	for f in "$TOP"/bases/*; do
		if grep -qxF "BASE_PACKAGE=$1" "$f" && grep -qxF "BASE_VERSION=$2" "$f"; then
			names+=("$(basename "$f")")
		fi
	done
	if [ ${#names[@]} -eq 0 ]; then echo none; else echo "${names[*]}"; fi
}

# git am of QUEUE onto PACKAGE=VERSION from SUITE. Only the files the queue
# changes are unpacked: git am reads nothing else, and adding all 90,000
# files to a scratch repo would take minutes.
applies() { # SUITE PACKAGE VERSION QUEUE_DIR
	local suite=$1 package=$2 version=$3 queue=$4 deb repo log p files
	deb=$("$TOP/scripts/debian-package.sh" "$suite" "$package" "$version") || {
		echo "no (download failed)"
		return
	}
	repo=$work/$package-$version
	log=$repo.log
	rm -rf "$repo"
	mkdir -p "$repo"
	mapfile -t files < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$queue/series" |
		while read -r p; do sed -n 's|^--- a/||p' "$queue/$p"; done | sort -u)
	if ! { dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/$package.tar.xz" |
		tar -C "$repo" -xJ --strip-components=1 "${files[@]/#/$package/}"; } >"$log" 2>&1; then
		echo "no (a file the queue changes is missing, see $log)"
		return
	fi
	{
		git -C "$repo" init -q
		git -C "$repo" add -A -f .
		git -C "$repo" -c user.name="$GIT_IDENT_NAME" -c user.email="$GIT_IDENT_EMAIL" \
			commit -q -m base
	} >>"$log" 2>&1
	while read -r p; do
		if ! git -C "$repo" -c user.name="$GIT_IDENT_NAME" -c user.email="$GIT_IDENT_EMAIL" \
			am -q "$queue/$p" >>"$log" 2>&1; then
			echo "no ($p fails, see $log)"
			return
		fi
	done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$queue/series")
	echo yes
}

printf '%-18s %-18s %-22s %-16s %s\n' SUITE PACKAGE NEWEST "BASE FILE" "QUEUE APPLIES"
mapfile -t packages < <(sed -n 's/^BASE_PACKAGE=//p' "$TOP"/bases/* | sort -u)
for package in "${packages[@]}"; do
	# The line's queue: the one its newest base file takes.
	line_base=$(grep -lxF "BASE_PACKAGE=$package" "$TOP"/bases/* | xargs -n1 basename | sort -V | tail -n1)
	queue=$TOP/$(sed -n 's/^BASE_QUEUE=//p' "$TOP/bases/$line_base")
	for suite in "${suites[@]}"; do
		"$TOP/scripts/debian-package.sh" --update "$suite" >/dev/null
		version=$(newest "$suite" "$package")
		[ -n "$version" ] || continue
		printf '%-18s %-18s %-22s %-16s %s\n' "$suite" "$package" "$version" \
			"$(base_file_for "$package" "$version")" \
			"$(applies "$suite" "$package" "$version" "$queue")"
	done
done
