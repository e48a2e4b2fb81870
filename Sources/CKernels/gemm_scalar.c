// gemm_scalar.c: the scalar micro-kernel (4 x 4 tiles, one fmaf at a time). It is the reference
// the vector kernels are tested against, so it is kept free of vectorization.

#include <math.h>
#include "gemm.h"

#if defined(__clang__) && defined(__x86_64__)
// One fused multiply-add instruction per fmaf where the CPU has FMA (libm's software fmaf
// elsewhere: the same result, as fma is exactly rounded by definition, only slower).
#define NN_SCALAR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#define NN_SCALAR_FN __attribute__((target_clones("fma", "default")))
#elif defined(__clang__)
#define NN_SCALAR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#define NN_SCALAR_FN
#else
#define NN_SCALAR_LOOP
#define NN_SCALAR_FN __attribute__((optimize("no-tree-vectorize", "no-tree-slp-vectorize")))
#endif

enum { MR = 4, NR = 4 };

NN_SCALAR_FN
static void kernel_4x4(long k, const float *a, long rs, long ks, const float *b, long bs,
                       float *c, long ldc, float alpha, float beta) {
    float acc[MR][NR] = {{0}};
    NN_SCALAR_LOOP
    for (long p = 0; p < k; p++) {
        const float *bp = b + p * bs;
        for (int i = 0; i < MR; i++) {
            float ai = a[i * rs + p * ks];
            for (int j = 0; j < NR; j++) acc[i][j] = fmaf(ai, bp[j], acc[i][j]);
        }
    }
    for (int i = 0; i < MR; i++) {
        NN_SCALAR_LOOP
        for (int j = 0; j < NR; j++) {
            float out = alpha * acc[i][j];
            if (beta != 0.0f) out = out + beta * c[i * ldc + j];
            c[i * ldc + j] = out;
        }
    }
}

nn_gemm_kernel nn_gemm_kernel_scalar(void) { return (nn_gemm_kernel){ MR, NR, kernel_4x4, 0, 0, 0, 0 }; }
