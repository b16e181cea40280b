#!/usr/bin/env bash
# Fetch the base's linux-source package from Debian's archive, check its
# tarball against the base file and unpack it into build/<base>/linux as a git
# repo tagged 'base'.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

if git -C "$TREE" rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then
	exit 0
fi

deb=$("$TOP/scripts/debian-package.sh" "$BASE_SUITE" "$BASE_PACKAGE" "$BASE_VERSION")
log=$LOGS/base.log
tarball=$BUILD/$BASE_PACKAGE.tar.xz
dpkg-deb --fsys-tarfile "$deb" | tar -xO "./usr/src/$BASE_PACKAGE.tar.xz" >"$tarball" 2>"$log" ||
	die "$deb holds no /usr/src/$BASE_PACKAGE.tar.xz, see $log"
sum=$(sha256sum "$tarball" | cut -d' ' -f1)
[ "$sum" = "$BASE_SHA256" ] ||
	die "$BASE_PACKAGE.tar.xz of $BASE_VERSION has sha256 $sum, bases/$BASE_NAME says $BASE_SHA256"

tmp=$BUILD/linux.unpack
rm -rf "$tmp" "$TREE"
mkdir -p "$tmp"
echo "base: unpacking $BASE_PACKAGE $BASE_VERSION (log: $log)"
tar -C "$tmp" -xf "$tarball" --strip-components=1 >>"$log" 2>&1 ||
	die "unpacking $tarball failed, see $log"
rm -f "$tarball"

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
