// Small wrappers for GNU pthread extensions that Swift's Glibc module does not import.
#ifndef CTHREADSHIMS_H
#define CTHREADSHIMS_H

#include <pthread.h>
#include <time.h>

/// Joins `thread`, waiting until the CLOCK_MONOTONIC time `deadline_ns` at the latest.
/// Returns 0 when joined, ETIMEDOUT when the deadline passed, another errno on error.
int tb_join_until(pthread_t thread, unsigned long long deadline_ns);

/// Registers a temporary file or folder to remove if the process is ended by a second
/// signal. Returns a slot number for `tb_temp_unregister`, or -1 when all slots are taken
/// or the path is too long. Safe to call from any thread.
int tb_temp_register(const char *path);

/// Forgets the path in `slot` (after the caller removed or renamed it).
void tb_temp_unregister(int slot);

/// Removes every registered path: a file is unlinked; a folder has the entries directly
/// inside it unlinked, then is removed. Uses only async-signal-safe calls, so a signal
/// handler may call it just before `_exit`.
void tb_temp_remove_all(void);

/// Remembers a child process (a round run in a fresh process) until `tb_child_forget`, so
/// that `tb_children_stop` can reach it from a signal handler. Safe to call from any thread;
/// a child past the slots is not remembered.
void tb_child_remember(int pid);

/// Forgets a child remembered by `tb_child_remember`, after it was waited for.
void tb_child_forget(int pid);

/// Sends every remembered child SIGTERM and then SIGINT, two signals, so that its
/// `Interruption` handler removes its own temporary paths and exits at once, and waits up to
/// `wait_ms` for each to end. Uses only async-signal-safe calls.
void tb_children_stop(int wait_ms);

/// The number of CPUs in this process's affinity mask (sched_getaffinity, CPU_COUNT_S),
/// or -1 where it cannot be read (not Linux, or the call fails).
int tb_affinity_cpu_count(void);

#endif
