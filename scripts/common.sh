# shellcheck shell=bash
# The variables set here are used by the scripts that source this file.
# shellcheck disable=SC2034
# Shared paths and helpers, sourced by every harness script.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=base.conf
. "$TOP/base.conf"

# The base kernel: a file in bases/ named by BASE (default: base.conf's
# DEFAULT_BASE). A release line (BASE=6.12, BASE=6.1) names its newest file.
base_names() {
	find "$TOP/bases" -maxdepth 1 -type f -printf '%f\n' | sort -V
}
resolve_base() { # NAME
	local line
	if [ -f "$TOP/bases/$1" ]; then
		echo "$1"
		return 0
	fi
	line=$(base_names | grep -E "^${1//./\\.}\.[0-9]+-" | tail -n1 || true)
	[ -n "$line" ] || {
		echo "error: BASE=$1 names no file in bases/; known: $(base_names | paste -sd' ')" >&2
		return 1
	}
	echo "$line"
}
BASE_NAME=$(resolve_base "${BASE:-$DEFAULT_BASE}") || exit 1
# shellcheck source=bases/6.12.117-deb12
. "$TOP/bases/$BASE_NAME"
for var in BASE_PACKAGE BASE_VERSION BASE_SUITE BASE_SHA256 BASE_ABI BASE_QUEUE; do
	[ -n "${!var:-}" ] || {
		echo "error: bases/$BASE_NAME does not set $var" >&2
		exit 1
	}
done
# Everything built for a base lives under build/<base>: switching BASE keeps
# the other bases' trees and objects. Downloads and apt lists are shared.
BUILD=$TOP/build/$BASE_NAME
TREE=$BUILD/linux
LOGS=$BUILD/logs
QUEUE=$TOP/$BASE_QUEUE
APT_DIR=$TOP/build/apt

# Kernel identity used for every commit the harness makes in build/linux.
GIT_IDENT_NAME=pidfd-autokill
GIT_IDENT_EMAIL=pidfd-autokill@users.noreply.invalid

# Reproducible kbuild output: a second build with nothing changed stays a no-op.
export KBUILD_BUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 2026"
export KBUILD_BUILD_USER=pidfd-autokill
export KBUILD_BUILD_HOST=harness
export CCACHE_BASEDIR=$TOP

mkdir -p "$LOGS"

die() {
	echo "error: $*" >&2
	exit 1
}

# After a guest runner (QEMU under timeout, or vng) exited with STATUS: stop
# with one line naming the cause. Usage: guest_exit STATUS LIMIT CONSOLE RUNNER LOG
guest_exit() {
	if [ "$1" -eq 124 ] || [ "$1" -eq 137 ]; then
		echo "error: guest did not finish within $2 s; console: $3" >&2
		exit 2
	elif [ "$1" -ne 0 ]; then
		echo "error: $4 failed (exit $1), see $5" >&2
		exit 2
	fi
}

# The source tree of a kernel variant: 'base' is the unpatched base (a git
# worktree of build/linux at tag base, booted by make bench) with the test
# kernel's .config, 'base-VARIANT' the same base with VARIANT's .config
# (base-kcsan for make check-kcsan); every other variant (test, debug, kcsan)
# is the series.
srctree() {
	case $1 in
	base | base-*) echo "$BUILD/base" ;;
	*) echo "$TREE" ;;
	esac
}

# The object directory of a kernel variant. It lives directly under the source
# tree so kbuild uses relative paths and ccache hits across clones and trees.
objdir() {
	echo "$(srctree "$1")/obj-$1"
}

# make in the kernel tree KTREE (default: the series).
kmake() {
	local cc=gcc
	command -v ccache >/dev/null && cc="ccache gcc"
	make -C "${KTREE:-$TREE}" ARCH=x86_64 CC="$cc" HOSTCC="$cc" "$@"
}

# What a build in OBJ from the git tree SRC depends on: the tree's commit
# content, the .config, the compiler and linker, and the harness scripts that
# run kbuild. Prints nothing when SRC has uncommitted edits: only a clean tree
# is fully named by its tree id. Debian's .gitignore hides untracked files from
# git status, but a new file matters only once a tracked file (a Makefile, an
# #include) names it, and that edit makes the tree dirty.
build_inputs_id() { # SRC OBJ [EXTRA...]
	local src=$1 obj=$2
	shift 2
	[ -f "$obj/.config" ] || return 0
	[ -z "$(git -C "$src" status --porcelain --untracked-files=no)" ] || return 0
	{
		git -C "$src" rev-parse 'HEAD^{tree}'
		cat "$obj/.config" "$TOP/scripts/common.sh" "$0"
		gcc --version | head -n1
		ld --version | head -n1
		make --version | head -n1
		command -v ccache || true
		printf '%s\n' "$@"
	} | sha256sum | cut -d' ' -f1
}

# Make DIR a git worktree of build/linux at tag base, unless it already is one.
# base.sh's info/exclude, shared by all worktrees, keeps their obj-*/ out of git.
base_worktree() { # DIR LOG
	[ -e "$1/.git" ] && return 0
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q -f --detach "$1" base >>"$2" 2>&1 ||
		die "cannot create the worktree $1, see $2"
}

# Patch file names from the queue's series file, comments and blank lines dropped.
series_patches() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$QUEUE/series"
}

# The kernel C files the series touches, one per line (what bisect
# and lint build); userspace code (samples/, tools/) is not kernel objects.
series_kernel_sources() {
	git -C "$TREE" diff --name-only base HEAD |
		grep -E '^(arch|block|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|security|sound|virt)/.*\.c$' || true
}

# Identifies the exported series, so the tree is rebuilt only when it changed.
series_hash() {
	local p
	{
		cat "$QUEUE/series"
		for p in $(series_patches); do
			cat "$QUEUE/$p"
		done
	} | sha256sum | cut -d' ' -f1
}

# The selftest directories run in the VM: the series' own tests live in pidfd/.
SELFTEST_DIRS="pidfd clone3"

# The demo program `make demo` runs, provided by the series.
DEMO_SOURCE=samples/pidfd/pidfd-autokill.c

# apt-get/apt-cache options that reach one Debian suite through a private
# sources list and lists directory under build/apt/SUITE: the machine's own
# apt configuration is neither read nor changed. Debian's keyring signs it.
apt_suite_opts() { # SUITE
	local dir=$APT_DIR/$1 uri=http://deb.debian.org/debian
	case $1 in *-security) uri=http://deb.debian.org/debian-security ;; esac
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $1 main" >"$dir/sources.list"
	printf '%s\n' -o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
		-o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" \
		-o APT::Architecture=amd64 -o APT::Sandbox::User=root
}

# The kernel release of make deb's packages for FLAVOUR: the upstream part of
# the package version (6.1.192-3 and 6.12.117-1~deb12u1 give 6.1.192 and
# 6.12.117, the tree's kernelversion), then the series' local version and the
# flavour. Debian's ABI name is no kernel version on 6.1 (6.1.0-57).
deb_release() { # FLAVOUR
	echo "${BASE_VERSION%%-*}-pidfd-autokill-$1"
}
