# Teardown time of N children against N, one line per method: the total on
# the left, per child on the right (where the methods can be told apart).
# Usage: gnuplot -e "datafile='teardown.csv'; outfile='teardown.png'; clock='...'" teardown.gp
if (!exists("clock")) clock = "clock not given"
set datafile separator ','
set terminal pngcairo size 1200,560 font ',10'
set output outfile
set multiplot layout 1,2 title sprintf("Killing N children when their owner exits, patched 6.12 (%s)", clock)
set xlabel 'children (N)'
set logscale x
set xtics (1, 10, 100, 1000, 5000)
set grid
set key top left
ak = 'CLONE\_PIDFD\_AUTOKILL (owner holds N pidfds)'
pd = 'PR\_SET\_PDEATHSIG(SIGKILL)'
cg = 'cgroup.kill'
cgp = 'cgroup.kill, owner holding N plain pidfds'

set title 'total, until all N are gone and reaped'
set ylabel 'ms'
set logscale y
plot datafile using 1:2 skip 1 with linespoints lw 2 title ak, \
     datafile using 1:3 skip 1 with linespoints lw 2 title pd, \
     datafile using 1:4 skip 1 with linespoints lw 2 title cg, \
     datafile using 1:5 skip 1 with linespoints lw 2 dt 2 title cgp

set title 'per child'
set ylabel 'us per child'
unset logscale y
set yrange [0:*]
set key top right
plot datafile using 1:($2 * 1000 / $1) skip 1 with linespoints lw 2 title ak, \
     datafile using 1:($3 * 1000 / $1) skip 1 with linespoints lw 2 title pd, \
     datafile using 1:($4 * 1000 / $1) skip 1 with linespoints lw 2 title cg, \
     datafile using 1:($5 * 1000 / $1) skip 1 with linespoints lw 2 dt 2 title cgp
unset multiplot
