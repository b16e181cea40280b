// SPDX-License-Identifier: GPL-2.0
/*
 * pidfd-bench: what CLONE_AUTOREAP, CLONE_NNP, CLONE_PIDFD_AUTOKILL and
 * PIDFD_GET_INFO cost, and how fast autokill tears children down against
 * the alternatives. `make bench` boots the base and the patched kernel with
 * this same binary and divides their results.
 *
 * Every row times one operation with CLOCK_MONOTONIC, many times per round,
 * over several rounds; the rows of a section take turns within each round so
 * that drift of the machine hits them all alike. Output, on stdout:
 *
 *   feature,NAME,yes|no          what this kernel supports
 *   raw,SECTION,ROW,N,ROUND,NS   nanoseconds per operation (per teardown
 *                                of N children in section 4) in one round
 *   skip,SECTION,ROW,N,REASON    a row this kernel cannot run
 *
 * and then a table: median, fastest and slowest round, and their spread
 * (slowest - fastest) / median. Must run as root (cgroup.kill, rlimits).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * The ABI this measures, for headers that predate it (Debian 12's do), as a
 * runtime would carry it until its libc catches up. The values are mainline's.
 */
#ifndef CLONE_AUTOREAP
#define CLONE_AUTOREAP 0x400000000ULL
#endif
#ifndef CLONE_NNP
#define CLONE_NNP 0x800000000ULL
#endif
#ifndef CLONE_PIDFD_AUTOKILL
#define CLONE_PIDFD_AUTOKILL 0x1000000000ULL
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#define BENCH_PIDFD_INFO_EXIT (1ULL << 3)

/* The first published struct pidfd_info: 64 bytes, enough for exit_code. */
struct bench_pidfd_info {
	uint64_t mask;
	uint64_t cgroupid;
	uint32_t pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
	int32_t exit_code;
};

#define BENCH_PIDFD_GET_INFO _IOWR(0xFF, 11, struct bench_pidfd_info)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define CGROUP_DIR "/sys/fs/cgroup/pidfd-bench"
#define MAX_ROUNDS 32
#define MAX_CHILDREN 5000

enum feature {
	HAVE_AUTOREAP = 1 << 0,
	HAVE_NNP = 1 << 1,
	HAVE_AUTOKILL = 1 << 2,
	HAVE_INFO_EXIT = 1 << 3,
	HAVE_CGROUP_KILL = 1 << 4,
};

static unsigned int features;

/* Every round of every row, kept for the table at the end. */
struct result {
	int section;
	const char *row;
	int n;
	int count;
	uint64_t ns[MAX_ROUNDS];
};

static struct result results[64];
static int nr_results;

static void die(const char *fmt, ...)
{
	va_list ap;
	int err = errno;

	va_start(ap, fmt);
	fprintf(stderr, "pidfd-bench: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, ": %s\n", strerror(err));
	va_end(ap);
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* Like fork(): returns 0 in the child, which runs on a copy of our stack. */
static pid_t spawn(uint64_t flags, int exit_signal, int *pidfd, int cgroup_fd)
{
	struct clone_args args = {
		.flags = flags,
		.exit_signal = exit_signal,
		.pidfd = (uintptr_t)pidfd,
		.cgroup = cgroup_fd >= 0 ? cgroup_fd : 0,
	};

	return syscall(SYS_clone3, &args, sizeof(args));
}

static pid_t spawn_or_die(uint64_t flags, int exit_signal, int *pidfd)
{
	pid_t pid = spawn(flags, exit_signal, pidfd, -1);

	if (pid < 0)
		die("clone3(flags %#llx)", (unsigned long long)flags);
	return pid;
}

static int pidfd_open(pid_t pid)
{
	int fd = syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0)
		die("pidfd_open(%d)", pid);
	return fd;
}

static void wait_readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	while (poll(&p, 1, -1) != 1)
		if (errno != EINTR)
			die("poll");
}

static void reap(idtype_t type, id_t id, int want_status)
{
	siginfo_t info = { 0 };

	if (waitid(type, id, &info, WEXITED) < 0)
		die("waitid");
	if (info.si_code != CLD_EXITED || info.si_status != want_status) {
		errno = 0;
		die("child %d ended with code %d status %d", info.si_pid,
		    info.si_code, info.si_status);
	}
}

/* Does clone3() take these flags? The probe child exits at once. */
static bool clone3_takes(uint64_t flags, int exit_signal)
{
	int pidfd = -1;
	pid_t pid = spawn(flags, exit_signal, &pidfd, -1);

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return false;
	if (pidfd >= 0) {
		wait_readable(pidfd);
		close(pidfd);
	}
	if (!(flags & CLONE_AUTOREAP))
		reap(P_PID, pid, 0);
	return true;
}

static bool info_exit_works(void)
{
	struct bench_pidfd_info info = { .mask = BENCH_PIDFD_INFO_EXIT };
	int pidfd = -1;
	pid_t pid = spawn_or_die(CLONE_PIDFD, SIGCHLD, &pidfd);
	bool ok;

	if (pid == 0)
		_exit(3);
	reap(P_PIDFD, pidfd, 3);
	ok = ioctl(pidfd, BENCH_PIDFD_GET_INFO, &info) == 0 &&
	     (info.mask & BENCH_PIDFD_INFO_EXIT) && WEXITSTATUS(info.exit_code) == 3;
	close(pidfd);
	return ok;
}

static void detect_features(void)
{
	struct stat st;

	if (clone3_takes(CLONE_PIDFD | CLONE_AUTOREAP, 0))
		features |= HAVE_AUTOREAP;
	if (clone3_takes(CLONE_NNP, SIGCHLD))
		features |= HAVE_NNP;
	if (clone3_takes(CLONE_PIDFD | CLONE_AUTOREAP | CLONE_PIDFD_AUTOKILL, 0))
		features |= HAVE_AUTOKILL;
	if (info_exit_works())
		features |= HAVE_INFO_EXIT;
	if (mkdir(CGROUP_DIR, 0755) == 0 || errno == EEXIST) {
		if (stat(CGROUP_DIR "/cgroup.kill", &st) == 0)
			features |= HAVE_CGROUP_KILL;
	}
	printf("feature,autoreap,%s\n", features & HAVE_AUTOREAP ? "yes" : "no");
	printf("feature,nnp,%s\n", features & HAVE_NNP ? "yes" : "no");
	printf("feature,autokill,%s\n", features & HAVE_AUTOKILL ? "yes" : "no");
	printf("feature,info_exit,%s\n", features & HAVE_INFO_EXIT ? "yes" : "no");
	printf("feature,cgroup_kill,%s\n", features & HAVE_CGROUP_KILL ? "yes" : "no");
}

/*
 * Sections 1, 2, 3 and 5: a row times one operation and returns its
 * nanoseconds; anything it does outside the clock is set-up.
 */

/* 1. Cost to others: paths every process takes, with or without the series. */

static uint64_t op_clone3_exit_wait(void)
{
	uint64_t t0 = now_ns();
	pid_t pid = spawn_or_die(0, SIGCHLD, NULL);

	if (pid == 0)
		_exit(0);
	reap(P_PID, pid, 0);
	return now_ns() - t0;
}

static uint64_t op_clone3_pidfd_close_wait(void)
{
	uint64_t t0 = now_ns();
	int pidfd;
	pid_t pid = spawn_or_die(CLONE_PIDFD, SIGCHLD, &pidfd);

	if (pid == 0)
		_exit(0);
	close(pidfd);
	reap(P_PID, pid, 0);
	return now_ns() - t0;
}

#define PIDFD_OPEN_BATCH 64

/* Too quick to time one at a time: a batch, reported per pair. */
static uint64_t op_pidfd_open_close(void)
{
	uint64_t t0 = now_ns();
	pid_t self = getpid();
	int i;

	for (i = 0; i < PIDFD_OPEN_BATCH; i++)
		close(pidfd_open(self));
	return (now_ns() - t0) / PIDFD_OPEN_BATCH;
}

static uint64_t op_fork_exit_wait(void)
{
	uint64_t t0 = now_ns();
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0)
		_exit(0);
	reap(P_PID, pid, 0);
	return now_ns() - t0;
}

/*
 * 2. Cost of the flags: spawn to exit, until the child is gone and its pidfd
 * closed. An auto-reaped child needs no waitid(): POLLIN means released.
 */
static uint64_t spawn_to_exit(uint64_t flags)
{
	bool autoreap = flags & CLONE_AUTOREAP;
	uint64_t t0 = now_ns();
	int pidfd;
	pid_t pid = spawn_or_die(CLONE_PIDFD | flags, autoreap ? 0 : SIGCHLD, &pidfd);

	if (pid == 0)
		_exit(0);
	wait_readable(pidfd);
	if (!autoreap)
		reap(P_PIDFD, pidfd, 0);
	close(pidfd);
	return now_ns() - t0;
}

static uint64_t op_pidfd(void)
{
	return spawn_to_exit(0);
}

static uint64_t op_pidfd_autoreap(void)
{
	return spawn_to_exit(CLONE_AUTOREAP);
}

static uint64_t op_pidfd_nnp(void)
{
	return spawn_to_exit(CLONE_NNP);
}

static uint64_t op_pidfd_autoreap_autokill(void)
{
	return spawn_to_exit(CLONE_AUTOREAP | CLONE_PIDFD_AUTOKILL);
}

static uint64_t op_all_flags(void)
{
	return spawn_to_exit(CLONE_AUTOREAP | CLONE_PIDFD_AUTOKILL | CLONE_NNP);
}

/*
 * 3. Teardown latency of one running child: from the moment its owner lets
 * go until the child is gone (dead and reaped), seen as POLLIN on a second
 * pidfd from pidfd_open(). For an auto-reaped child POLLIN means released.
 */
struct running_child {
	pid_t pid;
	int pidfd;	/* from clone3(), -1 without CLONE_PIDFD */
	int watcher;	/* from pidfd_open() */
};

static void child_wait_forever(int ready_fd)
{
	if (write(ready_fd, "r", 1) != 1)
		_exit(1);
	for (;;)
		pause();
}

static struct running_child start_child(uint64_t flags)
{
	struct running_child c = { .pidfd = -1 };
	bool autoreap = flags & CLONE_AUTOREAP;
	int ready[2];
	char byte;

	if (pipe2(ready, O_CLOEXEC))
		die("pipe2");
	c.pid = spawn_or_die(flags, autoreap ? 0 : SIGCHLD,
			     flags & CLONE_PIDFD ? &c.pidfd : NULL);
	if (c.pid == 0)
		child_wait_forever(ready[1]);
	if (read(ready[0], &byte, 1) != 1)
		die("child %d did not start", c.pid);
	close(ready[0]);
	close(ready[1]);
	c.watcher = pidfd_open(c.pid);
	return c;
}

static void reap_killed(idtype_t type, id_t id)
{
	siginfo_t info = { 0 };

	if (waitid(type, id, &info, WEXITED) < 0)
		die("waitid");
	if (info.si_code != CLD_KILLED || info.si_status != SIGKILL) {
		errno = 0;
		die("child %d ended with code %d status %d, not SIGKILL",
		    info.si_pid, info.si_code, info.si_status);
	}
}

static uint64_t finish_teardown(struct running_child *c, uint64_t t0)
{
	uint64_t t;

	wait_readable(c->watcher);
	t = now_ns() - t0;
	close(c->watcher);
	return t;
}

static uint64_t op_autokill_close(void)
{
	struct running_child c = start_child(CLONE_PIDFD | CLONE_AUTOREAP |
					     CLONE_PIDFD_AUTOKILL);
	uint64_t t0 = now_ns();

	close(c.pidfd);
	return finish_teardown(&c, t0);
}

static uint64_t op_kill_waitid(void)
{
	struct running_child c = start_child(0);
	uint64_t t0 = now_ns();

	if (kill(c.pid, SIGKILL))
		die("kill");
	reap_killed(P_PID, c.pid);
	return finish_teardown(&c, t0);
}

static uint64_t op_pidfd_send_signal_poll(void)
{
	struct running_child c = start_child(CLONE_PIDFD);
	uint64_t t0 = now_ns();

	if (syscall(SYS_pidfd_send_signal, c.pidfd, SIGKILL, NULL, 0))
		die("pidfd_send_signal");
	wait_readable(c.pidfd);
	reap_killed(P_PIDFD, c.pidfd);
	close(c.pidfd);
	return finish_teardown(&c, t0);
}

/*
 * 5. Exit-status path: the status of an auto-reaped child from
 * PIDFD_GET_INFO after POLLIN, against waitid() on an ordinary child. The
 * "_collect" rows time only getting the status once POLLIN was seen.
 */
static int info_exit_status(int pidfd)
{
	struct bench_pidfd_info info = { .mask = BENCH_PIDFD_INFO_EXIT };

	if (ioctl(pidfd, BENCH_PIDFD_GET_INFO, &info))
		die("PIDFD_GET_INFO");
	if (!(info.mask & BENCH_PIDFD_INFO_EXIT)) {
		errno = 0;
		die("PIDFD_GET_INFO after POLLIN has no PIDFD_INFO_EXIT");
	}
	return info.exit_code;
}

static uint64_t exit_status_path(bool autoreap, bool collect_only)
{
	uint64_t t0 = now_ns(), t1;
	int pidfd, status;
	pid_t pid = spawn_or_die(CLONE_PIDFD | (autoreap ? CLONE_AUTOREAP : 0),
				 autoreap ? 0 : SIGCHLD, &pidfd);

	if (pid == 0)
		_exit(7);
	wait_readable(pidfd);
	if (collect_only)
		t0 = now_ns();
	if (autoreap) {
		status = info_exit_status(pidfd);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 7) {
			errno = 0;
			die("PIDFD_GET_INFO status %#x, want exit 7", status);
		}
	} else {
		reap(P_PIDFD, pidfd, 7);
	}
	t1 = now_ns();
	close(pidfd);
	return t1 - t0;
}

static uint64_t op_autoreap_info(void)
{
	return exit_status_path(true, false);
}

static uint64_t op_pidfd_waitid(void)
{
	return exit_status_path(false, false);
}

static uint64_t op_autoreap_info_collect(void)
{
	return exit_status_path(true, true);
}

static uint64_t op_pidfd_waitid_collect(void)
{
	return exit_status_path(false, true);
}

struct row {
	int section;
	const char *name;
	unsigned int needs;
	uint64_t (*op)(void);
};

static const struct row op_rows[] = {
	{ 1, "clone3_exit_wait", 0, op_clone3_exit_wait },
	{ 1, "clone3_pidfd_close_wait", 0, op_clone3_pidfd_close_wait },
	{ 1, "pidfd_open_close", 0, op_pidfd_open_close },
	{ 1, "fork_exit_wait", 0, op_fork_exit_wait },
	{ 2, "pidfd", 0, op_pidfd },
	{ 2, "pidfd+autoreap", HAVE_AUTOREAP, op_pidfd_autoreap },
	{ 2, "pidfd+nnp", HAVE_NNP, op_pidfd_nnp },
	{ 2, "pidfd+autoreap+autokill", HAVE_AUTOKILL, op_pidfd_autoreap_autokill },
	{ 2, "pidfd+autoreap+autokill+nnp", HAVE_AUTOKILL | HAVE_NNP, op_all_flags },
	{ 3, "autokill_close", HAVE_AUTOKILL, op_autokill_close },
	{ 3, "kill_waitid", 0, op_kill_waitid },
	{ 3, "pidfd_send_signal_poll", 0, op_pidfd_send_signal_poll },
	{ 5, "autoreap_pollin_get_info", HAVE_AUTOREAP | HAVE_INFO_EXIT, op_autoreap_info },
	{ 5, "pidfd_waitid", 0, op_pidfd_waitid },
	{ 5, "autoreap_get_info_collect", HAVE_AUTOREAP | HAVE_INFO_EXIT,
	  op_autoreap_info_collect },
	{ 5, "pidfd_waitid_collect", 0, op_pidfd_waitid_collect },
};

#define NR_OP_ROWS ARRAY_SIZE(op_rows)

static void record(int section, const char *row, int n, int round, uint64_t ns)
{
	struct result *res = NULL;
	int i;

	printf("raw,%d,%s,%d,%d,%llu\n", section, row, n, round, (unsigned long long)ns);
	for (i = 0; i < nr_results; i++)
		if (results[i].row == row && results[i].n == n)
			res = &results[i];
	if (!res) {
		if (nr_results == (int)ARRAY_SIZE(results)) {
			errno = 0;
			die("too many result rows");
		}
		res = &results[nr_results++];
		*res = (struct result){ .section = section, .row = row, .n = n };
	}
	if (res->count < MAX_ROUNDS)
		res->ns[res->count++] = ns;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void print_table(void)
{
	int i;

	printf("\n%-3s %-30s %5s %12s %12s %12s %7s %6s\n", "sec", "row", "N",
	       "median_us", "min_us", "max_us", "spread", "rounds");
	for (i = 0; i < nr_results; i++) {
		struct result *res = &results[i];
		uint64_t *v = res->ns;
		double median;

		qsort(v, res->count, sizeof(*v), cmp_u64);
		median = res->count % 2 ? v[res->count / 2] :
			 (v[res->count / 2 - 1] + v[res->count / 2]) / 2.0;
		printf("%-3d %-30s %5d %12.1f %12.1f %12.1f %6.1f%% %6d\n", res->section,
		       res->row, res->n, median / 1000, v[0] / 1000.0,
		       v[res->count - 1] / 1000.0,
		       median ? 100.0 * (v[res->count - 1] - v[0]) / median : 0.0,
		       res->count);
	}
}

/*
 * 4. Teardown of N running children when their owner exits. The owner is a
 * child of ours; it starts N children that wait forever, then we SIGKILL the
 * owner and time until all N are gone and nothing is left to reap:
 *   autokill:   the owner holds N CLONE_PIDFD_AUTOKILL pidfds;
 *   pdeathsig:  the children set PR_SET_PDEATHSIG(SIGKILL);
 *   cgroup_kill: the children live in a cgroup; right after the owner's
 *               SIGKILL we write cgroup.kill, as a supervisor would once it
 *               saw the owner die (the time to notice is not counted);
 *   cgroup_kill+pidfds: the same, but the owner also holds a plain pidfd
 *               for each child, as a runtime that uses pidfds would: this
 *               tells the cost of the kill from that of closing N pidfds.
 * We are a child subreaper, so orphans come to us to be reaped.
 */
enum teardown {
	TD_AUTOKILL, TD_PDEATHSIG, TD_CGROUP_KILL, TD_CGROUP_KILL_PIDFDS, NR_TEARDOWNS
};

static const char *const teardown_names[NR_TEARDOWNS] = {
	"autokill", "pdeathsig", "cgroup_kill", "cgroup_kill+pidfds",
};

static const unsigned int teardown_needs[NR_TEARDOWNS] = {
	HAVE_AUTOKILL, 0, HAVE_CGROUP_KILL, HAVE_CGROUP_KILL,
};

static const int teardown_sizes[] = { 1, 10, 100, 1000, MAX_CHILDREN };

#define NR_SIZES ARRAY_SIZE(teardown_sizes)

/* Rounds per size: fewer for the big ones, which take seconds each. */
static int teardown_rounds(int n, int rounds)
{
	if (n >= 5000)
		return rounds < 3 ? rounds : 3;
	if (n >= 1000)
		return rounds < 5 ? rounds : 5;
	return rounds;
}

static void owner_child(pid_t owner, int ready_fd, bool pdeathsig)
{
	/* Inherited pidfds of earlier siblings would keep them alive. */
	if ((ready_fd > 3 && syscall(SYS_close_range, 3, ready_fd - 1, 0)) ||
	    syscall(SYS_close_range, ready_fd + 1, ~0U, 0))
		_exit(1);
	if (pdeathsig && (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != owner))
		_exit(1);
	child_wait_forever(ready_fd);
}

static void owner(enum teardown how, int n, pid_t *pids, int cgroup_fd, int report_fd)
{
	uint64_t autokill = CLONE_PIDFD | CLONE_AUTOREAP | CLONE_PIDFD_AUTOKILL;
	pid_t self = getpid();
	int i, ready[2], pidfd;
	char byte;

	/* Should we die, the owner and so its children go too. */
	if (pipe(ready) || prctl(PR_SET_PDEATHSIG, SIGKILL))
		_exit(1);
	for (i = 0; i < n; i++) {
		pid_t pid;

		switch (how) {
		case TD_AUTOKILL:
			pid = spawn(autokill, 0, &pidfd, -1);
			break;
		case TD_PDEATHSIG:
			pid = fork();
			break;
		case TD_CGROUP_KILL:
			pid = spawn(CLONE_INTO_CGROUP, SIGCHLD, NULL, cgroup_fd);
			break;
		default:
			pid = spawn(CLONE_INTO_CGROUP | CLONE_PIDFD, SIGCHLD, &pidfd, cgroup_fd);
			break;
		}
		if (pid == 0)
			owner_child(self, ready[1], how == TD_PDEATHSIG);
		if (pid < 0)
			_exit(2);
		pids[i] = pid;
	}
	for (i = 0; i < n; i++)
		if (read(ready[0], &byte, 1) != 1)
			_exit(3);
	if (write(report_fd, "o", 1) != 1)
		_exit(4);
	for (;;)
		pause();
}

static uint64_t teardown_once(enum teardown how, int n, pid_t *pids,
			      int *watchers, int cgroup_fd, int kill_fd)
{
	int report[2], i, reaped = 0;
	pid_t owner_pid;
	uint64_t t0, t;
	siginfo_t info;
	char byte;

	if (pipe2(report, O_CLOEXEC))
		die("pipe2");
	owner_pid = fork();
	if (owner_pid < 0)
		die("fork");
	if (owner_pid == 0) {
		close(report[0]);
		owner(how, n, pids, cgroup_fd, report[1]);
	}
	close(report[1]);
	if (read(report[0], &byte, 1) != 1) {
		errno = 0;
		die("%s owner of %d children failed to start them", teardown_names[how], n);
	}
	close(report[0]);
	for (i = 0; i < n; i++)
		watchers[i] = pidfd_open(pids[i]);

	t0 = now_ns();
	if (kill(owner_pid, SIGKILL))
		die("kill owner");
	if ((how == TD_CGROUP_KILL || how == TD_CGROUP_KILL_PIDFDS) &&
	    pwrite(kill_fd, "1", 1, 0) != 1)
		die("write cgroup.kill");
	for (i = 0; i < n; i++)
		wait_readable(watchers[i]);
	for (;;) {
		if (waitid(P_ALL, 0, &info, WEXITED) < 0) {
			if (errno == ECHILD)
				break;
			die("waitid");
		}
		reaped++;
	}
	t = now_ns() - t0;

	for (i = 0; i < n; i++)
		close(watchers[i]);
	/* The owner, plus every child that was not auto-reaped. */
	if (reaped != 1 + (how == TD_AUTOKILL ? 0 : n)) {
		errno = 0;
		die("%s with %d children: reaped %d processes", teardown_names[how], n, reaped);
	}
	return t;
}

static void run_teardowns(int rounds)
{
	pid_t *pids = mmap(NULL, MAX_CHILDREN * sizeof(pid_t), PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int *watchers = calloc(MAX_CHILDREN, sizeof(int));
	int cgroup_fd = -1, kill_fd = -1;
	unsigned int s, r;
	int how;

	if (pids == MAP_FAILED || !watchers)
		die("memory for %d children", MAX_CHILDREN);
	if (features & HAVE_CGROUP_KILL) {
		cgroup_fd = open(CGROUP_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		kill_fd = open(CGROUP_DIR "/cgroup.kill", O_WRONLY | O_CLOEXEC);
		if (cgroup_fd < 0 || kill_fd < 0)
			die("open %s", CGROUP_DIR);
	}
	for (how = 0; how < NR_TEARDOWNS; how++)
		if (teardown_needs[how] & ~features)
			for (s = 0; s < NR_SIZES; s++)
				printf("skip,4,%s,%d,kernel lacks it\n",
				       teardown_names[how], teardown_sizes[s]);
	for (s = 0; s < NR_SIZES; s++) {
		int n = teardown_sizes[s];

		for (r = 0; r < (unsigned int)teardown_rounds(n, rounds); r++) {
			for (how = 0; how < NR_TEARDOWNS; how++) {
				if (teardown_needs[how] & ~features)
					continue;
				record(4, teardown_names[how], n, r,
				       teardown_once(how, n, pids, watchers, cgroup_fd, kill_fd));
			}
		}
	}
	if (cgroup_fd >= 0) {
		close(cgroup_fd);
		close(kill_fd);
	}
	munmap(pids, MAX_CHILDREN * sizeof(pid_t));
	free(watchers);
}

static void run_op_section(int section, int rounds, int iterations)
{
	unsigned int i;
	int r, k;

	for (i = 0; i < NR_OP_ROWS; i++)
		if (op_rows[i].section == section && (op_rows[i].needs & ~features))
			printf("skip,%d,%s,1,kernel lacks it\n", section, op_rows[i].name);
	/* Round -1 warms caches and allocators up and is not reported. */
	for (r = -1; r < rounds; r++) {
		for (i = 0; i < NR_OP_ROWS; i++) {
			const struct row *row = &op_rows[i];
			uint64_t sum = 0;
			int n = r < 0 ? iterations / 4 + 1 : iterations;

			if (row->section != section || (row->needs & ~features))
				continue;
			for (k = 0; k < n; k++)
				sum += row->op();
			if (r >= 0)
				record(section, row->name, 1, r, sum / n);
		}
	}
}

static void usage(void)
{
	fprintf(stderr,
		"usage: pidfd-bench [-r ROUNDS] [-i ITERATIONS] [-s SECTIONS]\n"
		"  -r  rounds per row (default 7, at most %d)\n"
		"  -i  operations per round in sections 1, 2, 3 and 5 (default 200)\n"
		"  -s  sections to run, e.g. 1235 (default 12345)\n", MAX_ROUNDS);
	exit(2);
}

int main(int argc, char **argv)
{
	struct rlimit nofile = { 4 * MAX_CHILDREN, 4 * MAX_CHILDREN };
	const char *sections = "12345";
	int rounds = 7, iterations = 200, opt;
	struct utsname u;
	const char *s;

	while ((opt = getopt(argc, argv, "r:i:s:")) != -1) {
		switch (opt) {
		case 'r':
			rounds = atoi(optarg);
			break;
		case 'i':
			iterations = atoi(optarg);
			break;
		case 's':
			sections = optarg;
			break;
		default:
			usage();
		}
	}
	if (rounds < 1 || rounds > MAX_ROUNDS || iterations < 1 || optind != argc)
		usage();

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (setrlimit(RLIMIT_NOFILE, &nofile))
		die("RLIMIT_NOFILE %d", 4 * MAX_CHILDREN);
	if (prctl(PR_SET_CHILD_SUBREAPER, 1))
		die("PR_SET_CHILD_SUBREAPER");
	uname(&u);
	printf("pidfd-bench: kernel %s, %d rounds, %d operations per round\n",
	       u.release, rounds, iterations);
	detect_features();
	for (s = sections; *s; s++) {
		if (*s == '4')
			run_teardowns(rounds);
		else if (*s >= '1' && *s <= '5')
			run_op_section(*s - '0', rounds, iterations);
		else
			usage();
	}
	print_table();
	return 0;
}
