// threads.h: a small pool of worker threads for the matrix products (private to CKernels).
//
// nn_parallel(count, fn, ctx) runs fn(ctx, i, count) for i = 0 ... count-1, task 0 on the calling
// thread, the others on workers, and returns when all are done. Tasks split a product's OUTPUT
// elements, never its sums, so the result never depends on how many threads ran it. Workers spin
// briefly between tasks (a training step calls ~15 products back to back), then sleep.

#ifndef NNLAB_THREADS_H
#define NNLAB_THREADS_H

typedef void (*nn_task)(void *ctx, int index, int count);

/// The number of tasks nn_parallel can run at once (the configured thread count).
int nn_parallel_width(void);
/// Runs `count` tasks (count <= nn_parallel_width(); more run serially on the caller).
void nn_parallel(int count, nn_task fn, void *ctx);
/// NULL, or why NNLAB_THREADS could not be used (the default was taken instead).
const char *nn_parallel_error(void);
/// Sets the thread count (clamped to 1 ... 64).
void nn_parallel_set_width(int threads);

#endif
