#!/usr/bin/env bash
# make lint: what a maintainer runs on a series before reviewing it, each
# check against the unpatched base where the base has warnings of its own.
# Runs every check, one line each, and fails at the end if any failed.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

"$TOP/scripts/deps.sh" sparse codespell python3-sphinx python3-yaml

failed=()
run_check() { # NAME COMMAND...
	local name=$1 start=$SECONDS
	shift
	if "$@"; then
		echo "lint: $name: ok ($((SECONDS - start)) s)"
	else
		echo "lint: $name: FAILED ($((SECONDS - start)) s)" >&2
		failed+=("$name")
	fi
}
start=$SECONDS
run_check checkpatch "$TOP/scripts/checkpatch.sh"
run_check codespell codespell "$QUEUE"
run_check kernel-doc "$TOP/scripts/lint-kernel-doc.sh"
run_check sparse "$TOP/scripts/lint-compile.sh" sparse
run_check W=1 "$TOP/scripts/lint-compile.sh" w1
run_check htmldocs "$TOP/scripts/lint-htmldocs.sh"
[ ${#failed[@]} -eq 0 ] ||
	die "lint: ${failed[*]} failed, see above and $LOGS/lint-*.log"
echo "lint: all checks passed ($((SECONDS - start)) s)"
