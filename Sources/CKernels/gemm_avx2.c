// gemm_avx2.c: the AVX2 + FMA micro-kernel, 6 rows x 16 columns (12 ymm accumulators, two ymm of
// B per step). Same chains as the scalar kernel (gemm_scalar.c), so the same bits.

#include "gemm.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum { MR = 6, NV = 2, NR = 8 * NV };

__attribute__((target("avx2,fma")))
static void kernel_6x16(long k, const float *a, long rs, long ks, const float *b, long bs,
                        float *c, long ldc, float alpha, float beta) {
    __m256 acc[MR][NV];
    for (int i = 0; i < MR; i++)
        for (int v = 0; v < NV; v++) acc[i][v] = _mm256_setzero_ps();
    for (long p = 0; p < k; p++) {
        const float *bp = b + p * bs;
        __m256 bv[NV];
        for (int v = 0; v < NV; v++) bv[v] = _mm256_loadu_ps(bp + 8 * v);
        const float *ap = a + p * ks;
        for (int i = 0; i < MR; i++) {
            __m256 ai = _mm256_broadcast_ss(ap + i * rs);
            for (int v = 0; v < NV; v++) acc[i][v] = _mm256_fmadd_ps(ai, bv[v], acc[i][v]);
        }
    }
    __m256 va = _mm256_set1_ps(alpha), vb = _mm256_set1_ps(beta);
    for (int i = 0; i < MR; i++) {
        for (int v = 0; v < NV; v++) {
            float *cp = c + i * ldc + 8 * v;
            __m256 out = _mm256_mul_ps(va, acc[i][v]);
            if (beta != 0.0f) out = _mm256_add_ps(out, _mm256_mul_ps(vb, _mm256_loadu_ps(cp)));
            _mm256_storeu_ps(cp, out);
        }
    }
}

nn_gemm_kernel nn_gemm_kernel_avx2(void) { return (nn_gemm_kernel){ MR, NR, kernel_6x16 }; }
#else
nn_gemm_kernel nn_gemm_kernel_avx2(void) { return (nn_gemm_kernel){ 0, 0, 0 }; }
#endif
