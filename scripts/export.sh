#!/usr/bin/env bash
# Write the base's queue (patches/) back from build/<base>/linux (base..HEAD). The cover letter keeps its
# text; its subject count, To:/Cc: headers (maintainers.sh), shortlog,
# diffstat and base: line are refreshed. The series version is the cover
# letter's subject, "[PATCH vN 0/M]" (no vN: v1): every patch is exported as
# "[PATCH vN NN/MM]", so making a v3 is editing that one subject.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

[ -d "$TREE/.git" ] || die "no $TREE: run make tree first"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted edits: commit them there first"

cover=$QUEUE/0000-cover-letter.patch
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

version=
[ -f "$cover" ] &&
	version=$(sed -nE '1,/^$/s/^Subject: \[PATCH v([0-9]+) [0-9]+\/[0-9]+\].*/\1/p' "$cover")
prefix=PATCH
[ "${version:-1}" -eq 1 ] || prefix="PATCH v$version"

# Fixed options keep the output byte-stable across tree rebuilds.
git -C "$TREE" format-patch -q --zero-commit --no-signature --abbrev=12 \
	--cover-letter --subject-prefix="$prefix" -o "$tmp" base..HEAD >/dev/null ||
	die "git format-patch failed in $TREE"

find "$QUEUE" -name '[0-9][0-9][0-9][0-9]-*.patch' \
	! -name 0000-cover-letter.patch -delete
{
	echo "# The series, in order; apply with 'make tree'."
	for f in "$tmp"/[0-9]*.patch; do
		name=${f##*/}
		[ "$name" = 0000-cover-letter.patch ] && continue
		cp "$f" "$QUEUE/$name"
		echo "$name"
	done
} >"$QUEUE/series"

n=$(series_patches | wc -l)
summary_start='^'"$GIT_IDENT_NAME"' \([0-9]+\):$'
# The diffstat's "create mode" lines can pass 75 columns, which checkpatch
# flags in a cover letter; the stat above them already names every file.
generated=$(sed -nE "/$summary_start/,\$p" "$tmp/0000-cover-letter.patch" |
	grep -vE '^ (create|delete) mode ')
# No upstream commit to name in base-commit:, the base is a Debian source package.
base_line="base: Debian $BASE_PACKAGE $BASE_VERSION"
text_from=$cover
[ -f "$cover" ] || text_from=$tmp/0000-cover-letter.patch
text=$(sed -E "/$summary_start/,\$d" "$text_from")
sender=$(sed -nE '1,/^$/s/^From: .*<([^>]+)>$/\1/p' "$text_from")
mapfile -t patch_files < <(find "$tmp" -name '[0-9]*.patch' ! -name 0000-cover-letter.patch | sort)
recipients=$("$TOP/scripts/maintainers.sh" "$sender" "${patch_files[@]}")
# The header block ends at the first empty line: the old To:/Cc: (with their
# folded lines) go, the fresh ones follow the other headers.
printf '%s\n\n%s\n\n%s\n' "$text" "$generated" "$base_line" |
	awk -v recipients="$recipients" '
	in_body { print; next }
	/^$/ { if (recipients != "") print recipients; print; in_body = 1; next }
	/^(To|Cc):/ { folded = 1; next }
	/^[ \t]/ && folded { next }
	{ folded = 0; print }' |
	sed -E "1,/^Subject:/s|^Subject: \[PATCH( v[0-9]+)? 0/[0-9]+\]|Subject: [$prefix 0/$n]|" >"$cover"

echo "$(series_hash) $(git -C "$TREE" rev-parse HEAD)" >"$BUILD/series.stamp"
echo "export: $n patches written to $BASE_QUEUE/ as [$prefix NN/$n]"
