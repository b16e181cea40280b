#!/usr/bin/env bash
# Unpack the pinned base kernel into build/linux as a git repo tagged 'base'.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

if git -C "$TREE" rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then
	exit 0
fi

have=$(dpkg-query -W -f='${Version}' "$BASE_PACKAGE" 2>/dev/null || true)
[ "$have" = "$BASE_VERSION" ] ||
	die "$BASE_PACKAGE is '$have', base.conf pins $BASE_VERSION: run make deps"
echo "$BASE_SHA256  $BASE_TARBALL" | sha256sum --quiet -c - ||
	die "$BASE_TARBALL does not match BASE_SHA256 in base.conf"

log=$LOGS/base.log
tmp=$BUILD/linux.unpack
rm -rf "$tmp" "$TREE"
mkdir -p "$tmp"
echo "base: unpacking $BASE_TARBALL (log: $log)"
tar -C "$tmp" -xf "$BASE_TARBALL" --strip-components=1 >"$log" 2>&1 ||
	die "unpacking $BASE_TARBALL failed, see $log"

# Debian's top-level .gitignore ignores everything; the base commit must hold
# the tarball exactly, hence add -f.
{
	git -C "$tmp" init -q -b series
	git -C "$tmp" config user.name "$GIT_IDENT_NAME"
	git -C "$tmp" config user.email "$GIT_IDENT_EMAIL"
	git -C "$tmp" add -A -f .
	GIT_AUTHOR_DATE="2026-01-01T00:00:00Z" GIT_COMMITTER_DATE="2026-01-01T00:00:00Z" \
		git -C "$tmp" commit -q -m "Linux $BASE_PACKAGE $BASE_VERSION"
	git -C "$tmp" tag base
	echo "/obj-*/" >>"$tmp/.git/info/exclude"
} >>"$log" 2>&1 || die "creating the base git repo failed, see $log"
mv "$tmp" "$TREE"
