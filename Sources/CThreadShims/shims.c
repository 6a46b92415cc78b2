#define _GNU_SOURCE
#include "CThreadShims.h"
#include <errno.h>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TB_UNDER_TSAN 1
#endif
#endif

int tb_join_until(pthread_t thread, unsigned long long deadline_ns) {
#if defined(__linux__) && defined(TB_UNDER_TSAN)
    // ThreadSanitizer intercepts pthread_timedjoin_np but not pthread_clockjoin_np:
    // convert the monotonic deadline to the realtime clock for it.
    struct timespec now_mono, now_real, deadline;
    clock_gettime(CLOCK_MONOTONIC, &now_mono);
    clock_gettime(CLOCK_REALTIME, &now_real);
    unsigned long long mono = (unsigned long long)now_mono.tv_sec * 1000000000ULL + (unsigned long long)now_mono.tv_nsec;
    unsigned long long real = (unsigned long long)now_real.tv_sec * 1000000000ULL + (unsigned long long)now_real.tv_nsec;
    unsigned long long target = real + (deadline_ns > mono ? deadline_ns - mono : 0);
    deadline.tv_sec = (time_t)(target / 1000000000ULL);
    deadline.tv_nsec = (long)(target % 1000000000ULL);
    return pthread_timedjoin_np(thread, NULL, &deadline);
#elif defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 31))
    struct timespec deadline;
    deadline.tv_sec = (time_t)(deadline_ns / 1000000000ULL);
    deadline.tv_nsec = (long)(deadline_ns % 1000000000ULL);
    return pthread_clockjoin_np(thread, NULL, CLOCK_MONOTONIC, &deadline);
#else
    (void)deadline_ns;
    return pthread_join(thread, NULL);
#endif
}
