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

// ---- Temporary paths removed on a second signal -------------------------------------------

#include <dirent.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TB_TEMP_SLOTS 64
#define TB_TEMP_PATH_MAX 1024

// A slot is free (0), being written (1) or holding a path (2). The handler reads only
// slots in state 2, so it never sees a half-written path.
static _Atomic int tb_temp_state[TB_TEMP_SLOTS];
static char tb_temp_path[TB_TEMP_SLOTS][TB_TEMP_PATH_MAX];

int tb_temp_register(const char *path) {
    size_t length = strlen(path);
    if (length == 0 || length >= TB_TEMP_PATH_MAX) return -1;
    for (int slot = 0; slot < TB_TEMP_SLOTS; slot++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&tb_temp_state[slot], &expected, 1)) {
            memcpy(tb_temp_path[slot], path, length + 1);
            atomic_store(&tb_temp_state[slot], 2);
            return slot;
        }
    }
    return -1;
}

void tb_temp_unregister(int slot) {
    if (slot < 0 || slot >= TB_TEMP_SLOTS) return;
    atomic_store(&tb_temp_state[slot], 0);
}

#if defined(__linux__)
struct tb_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/// Unlinks the entries directly inside `path` (getdents64 + unlinkat: no allocation).
static void tb_empty_folder(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    char buffer[4096] __attribute__((aligned(8)));
    for (int round = 0; round < 4096; round++) {
        long count = syscall(SYS_getdents64, fd, buffer, sizeof buffer);
        if (count <= 0) break;
        for (long offset = 0; offset < count;) {
            struct tb_dirent64 *entry = (struct tb_dirent64 *)(buffer + offset);
            offset += entry->d_reclen;
            const char *name = entry->d_name;
            if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
            if (unlinkat(fd, name, 0) != 0) unlinkat(fd, name, AT_REMOVEDIR);
        }
    }
    close(fd);
}
#else
static void tb_empty_folder(const char *path) { (void)path; }
#endif

void tb_temp_remove_all(void) {
    for (int slot = 0; slot < TB_TEMP_SLOTS; slot++) {
        if (atomic_load(&tb_temp_state[slot]) != 2) continue;
        const char *path = tb_temp_path[slot];
        if (unlink(path) != 0) {
            tb_empty_folder(path);
            rmdir(path);
        }
    }
}

// ---- Children to stop on a second signal --------------------------------------------------

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define TB_CHILD_SLOTS 64
static _Atomic int tb_child_pid[TB_CHILD_SLOTS];

void tb_child_remember(int pid) {
    for (int slot = 0; slot < TB_CHILD_SLOTS; slot++) {
        int empty = 0;
        if (atomic_compare_exchange_strong(&tb_child_pid[slot], &empty, pid)) return;
    }
}

void tb_child_forget(int pid) {
    for (int slot = 0; slot < TB_CHILD_SLOTS; slot++) {
        int expected = pid;
        atomic_compare_exchange_strong(&tb_child_pid[slot], &expected, 0);
    }
}

void tb_children_stop(int wait_ms) {
    for (int slot = 0; slot < TB_CHILD_SLOTS; slot++) {
        int pid = atomic_load(&tb_child_pid[slot]);
        if (pid <= 0) continue;
        kill(pid, SIGTERM);
        kill(pid, SIGINT);
    }
    struct timespec tick = {0, 10 * 1000 * 1000};
    for (int slot = 0; slot < TB_CHILD_SLOTS; slot++) {
        int pid = atomic_load(&tb_child_pid[slot]);
        if (pid <= 0) continue;
        // Ended once waited for here (it returns the pid) or elsewhere (ECHILD).
        for (int waited = 0; waited < wait_ms; waited += 10) {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) != 0) break;
            nanosleep(&tick, NULL);
        }
    }
}

// ---- Affinity mask ------------------------------------------------------------------------

#if defined(__linux__)
#include <sched.h>
#include <stdlib.h>

int tb_affinity_cpu_count(void) {
    // A mask for more CPUs than the kernel's is refused with EINVAL: grow it until it fits.
    for (int cpus = 1024; cpus <= (1 << 22); cpus *= 2) {
        cpu_set_t *set = CPU_ALLOC(cpus);
        if (set == NULL) return -1;
        size_t size = CPU_ALLOC_SIZE(cpus);
        CPU_ZERO_S(size, set);
        int result = sched_getaffinity(0, size, set) == 0 ? CPU_COUNT_S(size, set) : -1;
        int error = errno;
        CPU_FREE(set);
        if (result >= 0 || error != EINVAL) return result;
    }
    return -1;
}
#else
int tb_affinity_cpu_count(void) { return -1; }
#endif
