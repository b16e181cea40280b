#!/usr/bin/env bash
# Build Debian packages (make bindeb-pkg: linux-image, linux-headers,
# linux-libc-dev) of the patched base with Debian's own config for the same
# version and flavour (FLAVOUR, default cloud-amd64; FLAVOUR=amd64 for the
# generic one), changed only as config/deb.config lists. The packages go to
# build/<base>/deb-FLAVOUR/, the config diff to its config.diff.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

flavour=${FLAVOUR:-cloud-amd64}
variant=deb-$flavour
obj=$(objdir "$variant")
out=$BUILD/$variant
log=$LOGS/kernel-$variant.log
release=$(deb_release "$flavour")
# The queue's version, from its cover letter ("[PATCH vN 0/M]"; none: v1).
series_version=$(sed -nE '1,/^$/s/^Subject: \[PATCH v([0-9]+) .*/\1/p' "$QUEUE/0000-cover-letter.patch")
pkgversion=$BASE_VERSION+pidfdautokill${series_version:-1}

# bindeb-pkg checks the generated Build-Depends (debhelper-compat).
"$TOP/scripts/deps.sh" dpkg-dev fakeroot debhelper
"$TOP/scripts/tree.sh"

image=linux-image-$BASE_ABI-$flavour-unsigned
deb=$("$TOP/scripts/debian-package.sh" "$BASE_SUITE" "$image" "$BASE_VERSION" 2>"$LOGS/$variant-config.log") ||
	die "Debian's config package $image=$BASE_VERSION cannot be found in $BASE_SUITE: $(tail -n1 "$LOGS/$variant-config.log")"
mkdir -p "$obj" "$out"
debian_config=$out/debian.config
dpkg-deb --fsys-tarfile "$deb" | tar -xO "./boot/config-$BASE_ABI-$flavour" >"$debian_config" ||
	die "$deb has no /boot/config-$BASE_ABI-$flavour"

START_CONFIG=$debian_config "$TOP/scripts/kconfig.sh" "$variant" "$TOP/config/deb.config"
"$TREE/scripts/diffconfig" "$debian_config" "$obj/.config" >"$out/config.diff"

found() { find "$out" -maxdepth 1 -name "linux-image-${release}_${pkgversion}_amd64.deb" | grep -q .; }
inputs=$(build_inputs_id "$TREE" "$obj" "$release" "$pkgversion")
if [ -n "$inputs" ] && found && [ "$(cat "$out/.inputs" 2>/dev/null)" = "$inputs" ]; then
	echo "deb: $out (sources, .config and toolchain unchanged)"
	ls -l "$out"/*.deb
	exit 0
fi
rm -f "$out/.inputs" "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
echo "deb: building $image's config with the series, release $release, version $pkgversion (log: $log)"
start=$SECONDS
# Without these mkdebian names the build user and host as the packages'
# maintainer (pidfd-autokill@harness), not the project's identity.
DEBFULLNAME=$GIT_IDENT_NAME DEBEMAIL=$GIT_IDENT_EMAIL \
	kmake O="$obj" -j"$(nproc)" LOCALVERSION="-pidfd-autokill-$flavour" \
	KDEB_PKGVERSION="$pkgversion" KDEB_SOURCENAME=linux-pidfd-autokill \
	bindeb-pkg >"$log" 2>&1 ||
	die "make bindeb-pkg failed ($(grep -m1 -E 'error:|Error [0-9]' "$log" || echo 'see log')), see $log"
# bindeb-pkg leaves the packages beside the object directory.
mv "$(dirname "$obj")"/*_"$pkgversion"_amd64.deb "$out"/
mv "$(dirname "$obj")"/*_"$pkgversion"_amd64.{buildinfo,changes} "$out"/ 2>/dev/null || true
[ -z "$inputs" ] || echo "$inputs" >"$out/.inputs"
echo "deb: $((SECONDS - start)) s; packages in $out:"
ls -l "$out"/*.deb
echo "deb: the .config against Debian's ($out/config.diff):"
cat "$out/config.diff"
