#!/usr/bin/env bash
# Read the kmemleak scan the guest prints after the suites (guest/init) and
# fail on a leak whose backtrace has a function the series adds or changes
# (series-functions.sh). Every other unreferenced object is printed as
# pre-existing, with its first frames outside the allocator, and compared
# with BASE_OUTPUT_LOG, the unpatched base kernel's run of the same programs
# (make check-kcsan's base-kcsan run, the one base kernel with kmemleak) when
# there is one; only the series' own code fails the run.
# Usage: kmemleak-report.sh OUTPUT_LOG [BASE_OUTPUT_LOG]
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

output=$1 base_output=${2:-}
out=$BUILD/kmemleak
mkdir -p "$out"
name=$(basename "$output" -output.log)

# One line per unreferenced object: "SITE<TAB>FRAMES<TAB>SIZE". FRAMES are the
# backtrace's function names; SITE its first three outside the allocator, which
# names the leak the same way on kernels that allocate through other hooks.
leaks() { # OUTPUT_LOG
	tr -d '\r' <"$1" | awk '
	function finish(    i, site, n) {
		if (size == "") return
		site = ""; n = 0
		for (i = 1; i <= nf && n < 3; i++) {
			if (n == 0 && f[i] ~ /^(kmemleak_|__?kmalloc|kmalloc|kmem_cache_|kvmalloc|__kvmalloc|krealloc|kzalloc|kcalloc|kstrdup|kmemdup|slab_|__slab_|___slab_|__alloc_pages|alloc_pages|__get_free_pages|get_free_pages|alloc_slab|new_slab|allocate_slab|pcpu_|__alloc_percpu|alloc_percpu|memblock_|__vmalloc|vmalloc|vzalloc|__kmem_cache_|kasan_|__kasan_|kfence_|__kfence_|stack_depot_|__ksize|alloc_hooks|kmalloc_trace|__do_kmalloc)/) continue
			site = site (n++ ? " " : "") f[i]
		}
		printf "%s\t%s\t%s\n", site, frames, size
		size = ""
	}
	/^harness: kmemleak begin/ { scan = 1; next }
	/^harness: kmemleak end/ { finish(); scan = 0; next }
	!scan { next }
	/^unreferenced object / {
		finish()
		size = $0; sub(/.*\(size /, "", size); sub(/\).*/, "", size)
		frames = ""; nf = 0; trace = 0
		next
	}
	/^  backtrace/ { trace = 1; next }
	trace && /^    .*\+0x[0-9a-f]+\/0x[0-9a-f]+/ {
		fn = $NF
		sub(/\+0x.*/, "", fn)
		gsub(/\.(constprop|isra|part|cold|llvm)(\.[0-9]+)*/, "", fn)
		f[++nf] = fn
		frames = frames (frames == "" ? "" : " ") fn
	}
	END { finish() }'
}

out_text=$(tr -d '\r' <"$output")
grep -q '^harness: kmemleak begin' <<<"$out_text" ||
	die "no kmemleak scan in $output: the guest did not finish, or the kernel has no kmemleak"
if grep -E '^harness: kmemleak: .* scan failed' <<<"$out_text"; then
	die "kmemleak did not scan (it turns itself off when its early pool runs out: see 'kmemleak:' on the console), see $output"
fi
"$TOP/scripts/series-functions.sh" | cut -d' ' -f1 >"$out/series-functions.txt"
leaks "$output" >"$out/$name.tsv"
base_note="no base kernel run to compare with (make check-kcsan boots one)"
: >"$out/base.tsv"
if [ -n "$base_output" ] && [ -f "$base_output" ] && grep -q '^harness: kmemleak begin' "$base_output"; then
	leaks "$base_output" >"$out/base.tsv"
	base_note="base kernel: $(grep -c . "$out/base.tsv" || true) unreferenced objects ($base_output)"
fi

awk -F'\t' -v output="$output" -v base_note="$base_note" '
FILENAME == ARGV[1] { series[$1] = 1; next }
FILENAME == ARGV[2] { on_base[$1]++; next }
{
	nobjects++
	if (!($1 in count)) { order[++nsites] = $1; frames[$1] = $2 }
	count[$1]++
	bytes[$1] += $3
	k = split($2, words, " ")
	for (j = 1; j <= k; j++)
		if (words[j] in series && index(hits[$1], words[j] " ") == 0)
			hits[$1] = hits[$1] words[j] " (frame " j ") "
}
END {
	printf "kmemleak: %d unreferenced objects (%d allocation sites) in %s; %s\n", nobjects, nsites, output, base_note
	against = 0
	for (s = 1; s <= nsites; s++) {
		site = order[s]
		what = count[site] " object" (count[site] > 1 ? "s" : "") ", " bytes[site] " bytes"
		if (hits[site] != "") {
			against++
			why = hits[site]; sub(/ $/, "", why)
			printf "LEAK IN THE SERIES: %s (%s): backtrace has %s\n    %s\n", site, what, why, frames[site]
		} else {
			printf "pre-existing: %s (%s; %s)\n", site, what,
				(site in on_base) ? "base kernel " on_base[site] : "not seen on the base kernel"
		}
	}
	printf "kmemleak: %d allocation sites in the series, %d pre-existing\n", against, nsites - against
	exit against > 0
}' "$out/series-functions.txt" "$out/base.tsv" "$out/$name.tsv"
