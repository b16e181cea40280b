# Teardown time of N children against N, one line per method.
# Usage: gnuplot -e "datafile='teardown.csv'; outfile='teardown.png'" teardown.gp
set datafile separator ','
set terminal pngcairo size 900,600 font ',11'
set output outfile
set title 'Killing N children when their owner exits (patched 6.12, QEMU)'
set xlabel 'children (N)'
set ylabel 'time until all are gone and reaped (ms)'
set logscale xy
set grid
set key top left
set xtics (1, 10, 100, 1000, 5000)
plot datafile using 1:2 skip 1 with linespoints lw 2 title 'CLONE\_PIDFD\_AUTOKILL (owner holds N pidfds)', \
     datafile using 1:3 skip 1 with linespoints lw 2 title 'PR\_SET\_PDEATHSIG(SIGKILL)', \
     datafile using 1:4 skip 1 with linespoints lw 2 title 'cgroup.kill'
