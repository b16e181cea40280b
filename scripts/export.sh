#!/usr/bin/env bash
# Write patches/ back from build/linux (base..HEAD). The cover letter keeps its
# text; only its subject count, shortlog and diffstat are refreshed.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

[ -d "$TREE/.git" ] || die "no build/linux tree: run make tree first"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "build/linux has uncommitted edits: commit them there first"

cover=$TOP/patches/0000-cover-letter.patch
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Fixed options keep the output byte-stable across tree rebuilds.
git -C "$TREE" format-patch -q --zero-commit --no-signature --abbrev=12 \
	--cover-letter --subject-prefix=PATCH -o "$tmp" base..HEAD >/dev/null ||
	die "git format-patch failed in $TREE"

find "$TOP/patches" -name '[0-9][0-9][0-9][0-9]-*.patch' \
	! -name 0000-cover-letter.patch -delete
{
	echo "# The series, in order; apply with 'make tree'."
	for f in "$tmp"/[0-9]*.patch; do
		name=${f##*/}
		[ "$name" = 0000-cover-letter.patch ] && continue
		cp "$f" "$TOP/patches/$name"
		echo "$name"
	done
} >"$TOP/patches/series"

n=$(series_patches | wc -l)
summary_start='^'"$GIT_IDENT_NAME"' \([0-9]+\):$'
# The diffstat's "create mode" lines can pass 75 columns, which checkpatch
# flags in a cover letter; the stat above them already names every file.
generated=$(sed -nE "/$summary_start/,\$p" "$tmp/0000-cover-letter.patch" |
	grep -vE '^ (create|delete) mode ')
text_from=$cover
[ -f "$cover" ] || text_from=$tmp/0000-cover-letter.patch
text=$(sed -E "/$summary_start/,\$d" "$text_from")
printf '%s\n\n%s\n' "$text" "$generated" |
	sed -E "1,/^Subject:/s|^Subject: \[PATCH 0/[0-9]+\]|Subject: [PATCH 0/$n]|" >"$cover"

echo "$(series_hash) $(git -C "$TREE" rev-parse HEAD)" >"$BUILD/series.stamp"
echo "export: $n patches written to patches/"
