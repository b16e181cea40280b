#!/usr/bin/env bash
# Print the To: and Cc: headers of the cover letter: who the patched tree's
# scripts/get_maintainer.pl names for the series' patches. No git history
# (--no-git, and no git fallback: build/linux's history is only the series).
# Maintainers and supporters go To:, reviewers and mailing lists Cc:; the
# sender is left out. Folded the way git format-patch --to/--cc writes them.
# Usage: maintainers.sh SENDER_ADDRESS PATCH...
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

sender=$1
shift
log=$LOGS/get_maintainer.log
found=$LOGS/get_maintainer.out
(cd "$TREE" && ./scripts/get_maintainer.pl --no-git --no-git-fallback "$@") >"$found" 2>"$log" ||
	die "scripts/get_maintainer.pl failed, see $log"
awk -v sender="$sender" '
function header(name, list, n,    i) {
	if (n == 0) return
	printf "%s: %s", name, list[1]
	for (i = 2; i <= n; i++) printf ",\n    %s", list[i]
	printf "\n"
}
# "Name <address> (maintainer:SECTION,reviewer:SECTION)" or
# "list@host (open list:SECTION)"; section names have parentheses too.
NF {
	if (match($0, /^[^<]*<[^>]+>/)) {
		who = substr($0, 1, RLENGTH)
		address = substr(who, index(who, "<") + 1)
		sub(/>$/, "", address)
	} else {
		who = $1
		address = $1
	}
	roles = substr($0, length(who) + 1)
	if (address == sender) next
	if (roles ~ /[(,](maintainer|supporter):/) to[++nto] = who
	else cc[++ncc] = who
}
END { header("To", to, nto); header("Cc", cc, ncc) }
' "$found"
