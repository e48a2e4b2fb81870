// threads.c: the worker pool behind nn_parallel (see threads.h).

#include "threads.h"
#include "CKernels.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#define NN_MAX_THREADS 64
#define NN_SPIN_ROUNDS 20000      // about 50 microseconds of spinning before a worker sleeps

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    atomic_ulong generation;      // bumped once per nn_parallel call
    atomic_int pending;           // workers that have not finished the current call
    atomic_int busy;              // 1 while a call runs (a second caller runs serially)
    int sleepers;                 // guarded by lock
    int started;                  // workers running
    unsigned long start_generation; // the generation new workers wait past
    int width;                    // configured threads (0: not yet read)
    nn_task fn;
    void *ctx;
    int count;
} pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };

static inline void nn_relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static void *worker_main(void *arg) {
    int id = (int)(long)arg;
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
        if (id < pool.count) pool.fn(pool.ctx, id, pool.count);
        atomic_fetch_sub_explicit(&pool.pending, 1, memory_order_acq_rel);
    }
    return NULL;
}

static int default_width(void) {
    const char *env = getenv("NNLAB_THREADS");
    if (env && *env) {
        char *end;
        long t = strtol(env, &end, 10);
        if (*end == 0 && t >= 1) return t > NN_MAX_THREADS ? NN_MAX_THREADS : (int)t;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus < 1) cpus = 1;
    return cpus > 8 ? 8 : (int)cpus;
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
    if (count <= 1 || width <= 1 || count > width ||
        !atomic_compare_exchange_strong(&pool.busy, &expected, 1)) {
        for (int i = 0; i < count; i++) fn(ctx, i, count);
        return;
    }
    pool.start_generation = atomic_load(&pool.generation);
    while (pool.started < width - 1) {
        pthread_t t;
        if (pthread_create(&t, NULL, worker_main, (void *)(long)(pool.started + 1)) != 0) break;
        pthread_detach(t);
        pool.started++;
    }
    if (pool.started < count - 1) {                      // could not start enough workers
        atomic_store(&pool.busy, 0);
        for (int i = 0; i < count; i++) fn(ctx, i, count);
        return;
    }
    pool.fn = fn;
    pool.ctx = ctx;
    pool.count = count;
    atomic_store_explicit(&pool.pending, pool.started, memory_order_release);
    pthread_mutex_lock(&pool.lock);
    atomic_fetch_add_explicit(&pool.generation, 1, memory_order_acq_rel);
    if (pool.sleepers > 0) pthread_cond_broadcast(&pool.wake);
    pthread_mutex_unlock(&pool.lock);
    fn(ctx, 0, count);
    while (atomic_load_explicit(&pool.pending, memory_order_acquire) > 0) nn_relax();
    atomic_store(&pool.busy, 0);
}
