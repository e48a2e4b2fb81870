// level.c: which kernel level runs (picked from the CPU, or forced by NNLAB_KERNELS), and the
// thread count. See CKernels.h.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "CKernels.h"
#include "threads.h"

static int chosen = -1;                // nn_level, or -1 before the first use
static char error_text[256];

int nn_kernels_supported(nn_level level) {
    switch (level) {
    case NN_LEVEL_SCALAR: return 1;
#if defined(__x86_64__)
    case NN_LEVEL_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case NN_LEVEL_AVX512: return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma");
#elif defined(__aarch64__)
    case NN_LEVEL_NEON: return 1;
#endif
    default: return 0;
    }
}

const char *nn_kernels_level_name(nn_level level) {
    switch (level) {
    case NN_LEVEL_SCALAR: return "scalar";
    case NN_LEVEL_AVX2: return "avx2";
    case NN_LEVEL_AVX512: return "avx512";
    case NN_LEVEL_NEON: return "neon";
    }
    return "unknown";
}

static nn_level best_level(void) {
    if (nn_kernels_supported(NN_LEVEL_AVX512)) return NN_LEVEL_AVX512;
    if (nn_kernels_supported(NN_LEVEL_AVX2)) return NN_LEVEL_AVX2;
    if (nn_kernels_supported(NN_LEVEL_NEON)) return NN_LEVEL_NEON;
    return NN_LEVEL_SCALAR;
}

static void choose(void) {
    if (chosen >= 0) return;
    nn_level level = best_level();
    const char *forced = getenv("NNLAB_KERNELS");
    if (forced && *forced) {
        int found = -1;
        for (int l = NN_LEVEL_SCALAR; l <= NN_LEVEL_NEON; l++)
            if (strcmp(forced, nn_kernels_level_name((nn_level)l)) == 0) found = l;
        if (found < 0)
            snprintf(error_text, sizeof error_text,
                     "NNLAB_KERNELS=%s is not a kernel level: use scalar, avx2, avx512 or neon (or unset it)", forced);
        else if (!nn_kernels_supported((nn_level)found))
            snprintf(error_text, sizeof error_text,
                     "NNLAB_KERNELS=%s: this CPU cannot run the %s kernels; it can run %s (unset NNLAB_KERNELS to use it)",
                     forced, forced, nn_kernels_level_name(level));
        else level = (nn_level)found;
    }
    chosen = level;
}

nn_level nn_kernels_level(void) { choose(); return (nn_level)chosen; }

const char *nn_kernels_error(void) {
    choose();
    return error_text[0] ? error_text : nn_parallel_error();
}

int nn_kernels_set_level(nn_level level) {
    if (!nn_kernels_supported(level)) return 0;
    chosen = level;
    return 1;
}

int nn_kernels_threads(void) { return nn_parallel_width(); }
void nn_kernels_set_threads(int threads) { nn_parallel_set_width(threads); }
