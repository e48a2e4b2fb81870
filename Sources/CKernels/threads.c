// threads.c: the worker pool behind nn_parallel (see threads.h).
//
// Tasks are claimed one at a time from a shared ticket, by the caller as well as the workers, so
// a worker the OS has not scheduled yet (another program is busy on its core) delays nothing:
// the caller takes its tasks. The ticket packs the call's number with the task count and the next
// index, so a late worker can never claim a task of a later call.

#include "threads.h"
#include "CKernels.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define NN_MAX_THREADS 64
#define NN_SPIN_ROUNDS 20000      // about 50 microseconds of spinning before a worker sleeps

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    atomic_ulong generation;      // bumped once per nn_parallel call
    _Atomic uint64_t ticket;      // call number (32 bits) | task count (16) | next task (16)
    atomic_int done;              // tasks of the current call finished
    atomic_int busy;              // 1 while a call runs (a second caller runs serially)
    int sleepers;                 // guarded by lock
    int started;                  // workers running
    unsigned long start_generation; // the generation new workers wait past
    int width;                    // configured threads (0: not yet read)
    nn_task fn;
    void *ctx;
} pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };

static inline void nn_relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/// Claims and runs tasks of call `call` until none is left.
static void run_tasks(uint32_t call) {
    for (;;) {
        uint64_t t = atomic_load_explicit(&pool.ticket, memory_order_acquire);
        uint32_t next = (uint32_t)(t & 0xffff), count = (uint32_t)((t >> 16) & 0xffff);
        if ((uint32_t)(t >> 32) != call || next >= count) return;
        if (!atomic_compare_exchange_weak_explicit(&pool.ticket, &t, t + 1, memory_order_acq_rel, memory_order_acquire))
            continue;
        // The caller cannot return (and publish another call) before this claimed task is done.
        pool.fn(pool.ctx, (int)next, (int)count);
        atomic_fetch_add_explicit(&pool.done, 1, memory_order_acq_rel);
    }
}

static void *worker_main(void *arg) {
    (void)arg;
    unsigned long seen = pool.start_generation;   // set before this worker was created
    for (;;) {
        unsigned long now;
        int spins = 0;
        while ((now = atomic_load_explicit(&pool.generation, memory_order_acquire)) == seen) {
            if (++spins < NN_SPIN_ROUNDS) { nn_relax(); continue; }
            pthread_mutex_lock(&pool.lock);
            pool.sleepers++;
            while (atomic_load_explicit(&pool.generation, memory_order_acquire) == seen)
                pthread_cond_wait(&pool.wake, &pool.lock);
            pool.sleepers--;
            pthread_mutex_unlock(&pool.lock);
            spins = 0;
        }
        seen = now;
        run_tasks((uint32_t)now);
    }
    return NULL;
}

static char env_error[200];

static int default_width(void) {
    const char *env = getenv("NNLAB_THREADS");
    if (env && *env) {
        char *end;
        long t = strtol(env, &end, 10);
        if (*end == 0 && t >= 1 && t <= NN_MAX_THREADS) return (int)t;
        snprintf(env_error, sizeof env_error,
                 "NNLAB_THREADS=%.40s is not a thread count: use a whole number from 1 to %d (or unset it)", env, NN_MAX_THREADS);
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus < 1) cpus = 1;
    return cpus > 8 ? 8 : (int)cpus;
}

const char *nn_parallel_error(void) {
    nn_parallel_width();
    return env_error[0] ? env_error : NULL;
}

int nn_parallel_width(void) {
    if (pool.width == 0) pool.width = default_width();
    return pool.width;
}

void nn_parallel_set_width(int threads) {
    pool.width = threads < 1 ? 1 : (threads > NN_MAX_THREADS ? NN_MAX_THREADS : threads);
}

void nn_parallel(int count, nn_task fn, void *ctx) {
    int width = nn_parallel_width();
    int expected = 0;
    if (count <= 1 || width <= 1 || count > 0xffff ||
        !atomic_compare_exchange_strong(&pool.busy, &expected, 1)) {
        for (int i = 0; i < count; i++) fn(ctx, i, count);
        return;
    }
    pool.start_generation = atomic_load(&pool.generation);
    while (pool.started < width - 1) {
        pthread_t t;
        if (pthread_create(&t, NULL, worker_main, NULL) != 0) break;
        pthread_detach(t);
        pool.started++;
    }
    pool.fn = fn;
    pool.ctx = ctx;
    atomic_store_explicit(&pool.done, 0, memory_order_relaxed);
    unsigned long call = atomic_load(&pool.generation) + 1;
    atomic_store_explicit(&pool.ticket, ((uint64_t)(uint32_t)call << 32) | ((uint64_t)count << 16), memory_order_release);
    pthread_mutex_lock(&pool.lock);
    atomic_store_explicit(&pool.generation, call, memory_order_release);
    if (pool.sleepers > 0) pthread_cond_broadcast(&pool.wake);
    pthread_mutex_unlock(&pool.lock);
    run_tasks((uint32_t)call);
    while (atomic_load_explicit(&pool.done, memory_order_acquire) < count) nn_relax();
    atomic_store(&pool.busy, 0);
}
