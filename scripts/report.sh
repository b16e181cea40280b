#!/usr/bin/env bash
# Turn the guest's TAP output into one line per test and a closing
# "N passed, N failed, N skipped"; fail on any failed or missing test, an
# unfinished guest, or a kernel report on the console.
# Usage: report.sh OUTPUT_LOG CONSOLE_LOG EXPECTED_TESTS
# EXPECTED_TESTS has the "collection:program" lines of the programs run.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

output=$1 console=$2 list=$3
[ -f "$output" ] || die "no guest output at $output; console: $console"

kernel_bad=0
"$TOP/scripts/kernel-report.sh" "$console" || kernel_bad=1

# kselftest-list.txt has "collection:test" lines; results say "collection: test".
summary=$(tr -d '\r' <"$output" | awk -v kernel_bad="$kernel_bad" -v console="$console" -v expected="$(cut -d: -f1,2 "$list" | tr ':' '/')" '
function leaf_result(line,    name, verdict) {
	verdict = (line ~ /^# not ok /) ? "FAIL" : "PASS"
	sub(/^# (not )?ok [0-9]+ /, "", line)
	if (line ~ /# (SKIP|skip)/) verdict = "SKIP"
	else if (line ~ /# XFAIL/) verdict = "PASS"
	sub(/ # .*/, "", line)
	return verdict " " line
}
BEGIN { n = split(expected, want, "\n"); nleaves = 0 }
/^# (not )?ok [0-9]+ / { leaves[++nleaves] = leaf_result($0); next }
/^(not )?ok [0-9]+ selftests: / {
	line = $0
	top = (line ~ /^not ok /) ? "FAIL" : "PASS"
	if (line ~ /# SKIP/) top = "SKIP"
	reason = line
	sub(/^.* selftests: /, "", line); sub(/ # .*/, "", line)
	split(line, parts, ": "); test = parts[1] "/" parts[2]
	seen[test] = 1
	leaf_failed = 0
	for (i = 1; i <= nleaves; i++) {
		split(leaves[i], v, " ")
		printf "%s %s: %s\n", v[1], test, substr(leaves[i], length(v[1]) + 2)
		count[v[1]]++
		if (v[1] == "FAIL") leaf_failed = 1
	}
	if (nleaves == 0 || (top == "FAIL" && !leaf_failed)) {
		if (reason ~ / # /) { sub(/^[^#]*# /, "", reason); reason = " (" reason ")" } else reason = ""
		printf "%s %s%s\n", top, test, reason
		count[top]++
	}
	nleaves = 0
	next
}
/^harness: done/ { done = 1 }
END {
	for (i = 1; i <= n; i++)
		if (want[i] != "" && !(want[i] in seen)) {
			printf "FAIL %s (produced no result)\n", want[i]
			count["FAIL"]++
		}
	if (!done) {
		print "FAIL guest did not finish the run"
		count["FAIL"]++
	}
	if (kernel_bad) {
		printf "FAIL kernel WARNING/BUG/Oops/sanitizer/lockdep report in %s\n", console
		count["FAIL"]++
	}
	printf "%d passed, %d failed, %d skipped\n", count["PASS"], count["FAIL"], count["SKIP"]
}')
echo "$summary"
case $(tail -n1 <<<"$summary") in
*", 0 failed,"*) ;;
*)
	echo "$summary" | grep '^FAIL' >&2
	echo "FAILED: see $output and $console" >&2
	echo "$summary" | tail -n1
	exit 1
	;;
esac
