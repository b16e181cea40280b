#!/usr/bin/env bash
# Hold the KCSAN reports of the patched kernel against the series and the base
# kernel run with the same programs. A report counts against the series when
# a frame of either access is in a function the series adds or changes
# (series-functions.sh), or when the base kernel's console has no report of
# the same title; every other report is printed as pre-existing with its first
# frames. Each distinct title is printed once, with how often it came.
# Fails when any report counts against the series.
# Usage: kcsan-classify.sh PATCHED_CONSOLE BASE_CONSOLE
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

patched_console=$1 base_console=$2
out=$BUILD/kcsan
mkdir -p "$out"
"$TOP/scripts/series-functions.sh" | cut -d' ' -f1 >"$out/series-functions.txt"
[ -s "$out/series-functions.txt" ] || die "series-functions.sh found no function the series changes"
"$TOP/scripts/kcsan-reports.sh" "$patched_console" >"$out/patched-reports.tsv"
"$TOP/scripts/kcsan-reports.sh" "$base_console" >"$out/base-reports.tsv"

awk -F'\t' -v patched="$patched_console" -v base="$base_console" '
function first_frames(frames,    n, parts, i, k, words, s) {
	n = split(frames, parts, " [|] ")
	s = ""
	for (i = 1; i <= n; i++) {
		k = split(parts[i], words, " ")
		s = s (i > 1 ? " | " : "") words[1] (k > 1 ? " " words[2] : "") (k > 2 ? " " words[3] : "") (k > 3 ? " " words[4] : "") (k > 4 ? " ..." : "")
	}
	return s
}
FILENAME == ARGV[1] { series[$1] = 1; next }
FILENAME == ARGV[2] { base_count[$1]++; nbase++; next }
{
	npatched++
	if (!($1 in count)) { order[++ntitles] = $1; frames[$1] = $2; line[$1] = $3 }
	count[$1]++
	# Where the series shows in the stacks: "pidfs_exit (access 1, frame 1)".
	n = split($2, parts, " [|] ")
	for (i = 1; i <= n; i++) {
		k = split(parts[i], words, " ")
		for (j = 1; j <= k; j++)
			if (words[j] in series && index(hits[$1], words[j] " ") == 0)
				hits[$1] = hits[$1] words[j] " (access " i ", frame " j ") "
	}
}
END {
	printf "kcsan: patched kernel %d reports (%d distinct), base kernel %d reports (%d distinct)\n",
		npatched, ntitles, nbase, length(base_count)
	against = 0
	for (t = 1; t <= ntitles; t++) {
		title = order[t]
		times = count[title] " time" (count[title] > 1 ? "s" : "")
		if (hits[title] != "") {
			why = "in the series: " hits[title]
			sub(/ $/, "", why)
		} else if (!(title in base_count)) {
			why = "not on the base kernel"
		} else {
			why = ""
		}
		if (why != "") {
			against++
			printf "AGAINST THE SERIES: %s (%s, %s line %d): %s\n", title, times, patched, line[title], why
		} else {
			printf "pre-existing: %s (%s; base kernel %d)\n", title, times, base_count[title]
		}
		printf "    %s\n", first_frames(frames[title])
	}
	printf "kcsan: %d distinct reports against the series, %d pre-existing\n", against, ntitles - against
	exit against > 0
}' "$out/series-functions.txt" "$out/base-reports.tsv" "$out/patched-reports.tsv"
