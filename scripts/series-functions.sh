#!/usr/bin/env bash
# Print the kernel functions the series adds or changes, one "FUNCTION FILE"
# line each, sorted: every function definition in the patched tree whose
# lines (declaration to closing brace) the diff base..HEAD adds, changes or
# deletes lines in. The one list check-kcsan and kmemleak-report.sh hold
# reports against. Kernel style is assumed: a definition starts at column 0
# and its body's braces are alone at column 0. SYSCALL_DEFINEn(name, ...)
# stands for the symbols __do_sys_name, __se_sys_name and __x64_sys_name.
# Usage: series-functions.sh
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

git -C "$TREE" rev-parse -q --verify refs/tags/base >/dev/null ||
	die "$TREE has no tag base: run make tree"
# The kernel's own C files and headers; userspace (samples/, tools/) and uapi
# headers hold no kernel function.
mapfile -t files < <(git -C "$TREE" diff --diff-filter=d --name-only base HEAD |
	grep -E '^(arch|block|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|security|sound|virt)/.*\.[ch]$' |
	grep -v '^include/uapi/' || true)
[ ${#files[@]} -gt 0 ] || exit 0
ranges=$(mktemp)
trap 'rm -f "$ranges"' EXIT

for f in "${files[@]}"; do
	# The new-side lines each hunk touches: c..c+d-1, or for a pure deletion
	# the lines on either side of where the old ones were.
	git -C "$TREE" diff -U0 base HEAD -- "$f" |
		sed -n 's/^@@ -[0-9,]* +\([0-9]*\)\(,\([0-9]*\)\)\? @@.*/\1 \3/p' |
		awk '{ n = ($2 == "") ? 1 : $2; if (n == 0) print $1, $1 + 1; else print $1, $1 + n - 1 }' \
			>"$ranges"
	git -C "$TREE" show "HEAD:$f" |
		awk -v file="$f" -v ranges="$ranges" '
		BEGIN { while ((getline line < ranges) > 0) { split(line, r, " "); lo[++n] = r[1]; hi[n] = r[2] } }
		function touched(from, to,    i) {
			for (i = 1; i <= n; i++) if (lo[i] <= to && hi[i] >= from) return 1
			return 0
		}
		# A definition starts at a column-0 line with an identifier and "(".
		!inbody && /^[A-Za-z_]/ && /\(/ && !name {
			line = $0
			sub(/\(.*/, "", line)
			if (match(line, /[A-Za-z_][A-Za-z0-9_]*$/)) { name = substr(line, RSTART); start = NR }
			if ($0 ~ /^SYSCALL_DEFINE[0-9]\(/) {
				name = $0; sub(/^SYSCALL_DEFINE[0-9]\(/, "", name); sub(/[,)].*/, "", name)
				name = "__do_sys_" name " __se_sys_" name " __x64_sys_" name
			}
		}
		!inbody && name && /;[[:space:]]*$/ && !/^{/ { name = "" ; next }
		!inbody && name && /^{/ { inbody = 1; next }
		inbody && /^}/ {
			if (touched(start, NR)) { k = split(name, names, " "); for (i = 1; i <= k; i++) print names[i], file }
			inbody = 0; name = ""
		}'
done | sort -u
