#!/usr/bin/env bash
# make bench: boot the unpatched base kernel and the patched kernel in turn
# (base, patched, base, patched: the repeat of each kernel measures the noise),
# same config, QEMU settings, benchmark binary and initramfs; print the ratio
# tables, write build/bench/{raw,summary,teardown}.csv and teardown.png.
# Under TCG the guest clock counts executed instructions (1 ns each, QEMU
# -icount): emulation on a shared machine makes real time too noisy to see a
# few per cent, instruction counts are repeatable. BENCH_CLOCK=real measures
# real time instead; under KVM the clock is always real. One guest CPU: a
# second one doubled the spread of the rounds.
# BENCH_ROUNDS and BENCH_ITERATIONS override the benchmark's rounds per row
# and operations per round.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

rounds=${BENCH_ROUNDS:-7} iterations=${BENCH_ITERATIONS:-200}
clock=${BENCH_CLOCK:-icount}
out=$BUILD/bench
limit=900
case $clock in
icount) export ICOUNT=shift=0 ;;
real) unset ICOUNT ;;
*) die "BENCH_CLOCK must be icount or real, not '$clock'" ;;
esac
export SMP=1

"$TOP/scripts/prepare.sh" test
"$TOP/scripts/base-kernel.sh"
"$TOP/scripts/bench-guest.sh"
rm -f "$out"/*.log

runs=()
for boot in 1 2; do
	for variant in base test; do
		kernel=$variant
		[ "$variant" = test ] && kernel=patched
		start=$SECONDS
		INITRAMFS=$out/initramfs.cpio "$TOP/scripts/run-vm.sh" "$variant" bench "$limit" \
			"harness.bench=-r,$rounds,-i,$iterations"
		log=$out/$kernel-$boot.log
		console=$out/$kernel-$boot-console.log
		tr -d '\r' <"$LOGS/$variant-bench-output.log" >"$log"
		cp "$LOGS/$variant-bench-console.log" "$console"
		"$TOP/scripts/kernel-report.sh" "$console"
		grep -q '^harness: done rc=0$' "$log" ||
			die "the benchmark failed on the $kernel kernel (boot $boot): $(grep -m1 '^pidfd-bench: ' "$log" || echo 'no result'); see $log and $console"
		echo "bench: $kernel kernel, boot $boot: $((SECONDS - start)) s"
		runs+=("$kernel:$boot:$log")
	done
done

accels=$(cat "$(objdir base)/kvm-probe" "$(objdir test)/kvm-probe" 2>/dev/null | sort -u)
case $accels:$clock in
kvm:*) clock_label="real time, KVM" ;;
tcg:icount) clock_label="instruction clock, QEMU TCG -icount shift=0: 1 ns = 1 guest instruction" ;;
tcg:real) clock_label="real time, QEMU TCG emulation" ;;
*) die "the two kernels booted with different accelerators ($(echo "$accels" | tr '\n' ' ')): rerun make bench" ;;
esac
echo "clock: $clock_label; 1 guest CPU"
for kernel in base patched; do
	echo
	echo "== The guest's table: $kernel kernel, boot 1 (us per operation; section 4: per teardown of N) =="
	sed -n '/^sec /,/^harness: /p' "$out/$kernel-1.log" | grep -v '^harness: '
done
python3 "$TOP/scripts/bench-report.py" "$out" "$clock_label" "${runs[@]}"
gnuplot -e "datafile='$out/teardown.csv'; outfile='$out/teardown.png'; clock='$clock_label'" \
	"$TOP/bench/teardown.gp" 2>"$LOGS/gnuplot.log" ||
	die "gnuplot failed, see $LOGS/gnuplot.log"
echo
echo "bench: wrote $out/raw.csv, $out/summary.csv, $out/teardown.csv, $out/teardown.png"
