// Small wrappers for GNU pthread extensions that Swift's Glibc module does not import.
#ifndef CTHREADSHIMS_H
#define CTHREADSHIMS_H

#include <pthread.h>
#include <time.h>

/// Joins `thread`, waiting until the CLOCK_MONOTONIC time `deadline_ns` at the latest.
/// Returns 0 when joined, ETIMEDOUT when the deadline passed, another errno on error.
int tb_join_until(pthread_t thread, unsigned long long deadline_ns);

#endif
