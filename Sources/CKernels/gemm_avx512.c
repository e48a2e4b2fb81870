// gemm_avx512.c: the AVX-512 micro-kernel, 6 rows x 64 columns (24 zmm accumulators, four zmm
// of B per step, one broadcast of A). Each lane is one output's FMA chain over k in ascending
// order, exactly the scalar kernel's chain (gemm_scalar.c), so the results are the same bits.

#include "gemm.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum { MR = 6, NV = 4, NR = 16 * NV, NARROW_MR = 12 };

__attribute__((target("avx512f")))
static void kernel_6x64(long k, const float *a, long rs, long ks, const float *b, long bs,
                        float *c, long ldc, float alpha, float beta) {
    __m512 acc[MR][NV];
    for (int i = 0; i < MR; i++)
        for (int v = 0; v < NV; v++) acc[i][v] = _mm512_setzero_ps();
    for (long p = 0; p < k; p++) {
        const float *bp = b + p * bs;
        __m512 bv[NV];
        for (int v = 0; v < NV; v++) bv[v] = _mm512_loadu_ps(bp + 16 * v);
        const float *ap = a + p * ks;
        for (int i = 0; i < MR; i++) {
            __m512 ai = _mm512_set1_ps(ap[i * rs]);
            for (int v = 0; v < NV; v++) acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);
        }
    }
    __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    for (int i = 0; i < MR; i++) {
        for (int v = 0; v < NV; v++) {
            float *cp = c + i * ldc + 16 * v;
            __m512 out = _mm512_mul_ps(va, acc[i][v]);
            if (beta != 0.0f) out = _mm512_add_ps(out, _mm512_mul_ps(vb, _mm512_loadu_ps(cp)));
            _mm512_storeu_ps(cp, out);
        }
    }
}

/// For products at most 16 columns wide (the output layer): 12 rows x one zmm.
__attribute__((target("avx512f")))
static void kernel_12x16(long k, const float *a, long rs, long ks, const float *b, long bs,
                         float *c, long ldc, float alpha, float beta) {
    __m512 acc[NARROW_MR];
    for (int i = 0; i < NARROW_MR; i++) acc[i] = _mm512_setzero_ps();
    for (long p = 0; p < k; p++) {
        __m512 bv = _mm512_loadu_ps(b + p * bs);
        const float *ap = a + p * ks;
        for (int i = 0; i < NARROW_MR; i++) acc[i] = _mm512_fmadd_ps(_mm512_set1_ps(ap[i * rs]), bv, acc[i]);
    }
    __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    for (int i = 0; i < NARROW_MR; i++) {
        float *cp = c + i * ldc;
        __m512 out = _mm512_mul_ps(va, acc[i]);
        if (beta != 0.0f) out = _mm512_add_ps(out, _mm512_mul_ps(vb, _mm512_loadu_ps(cp)));
        _mm512_storeu_ps(cp, out);
    }
}

nn_gemm_kernel nn_gemm_kernel_avx512(void) { return (nn_gemm_kernel){ MR, NR, kernel_6x64, NARROW_MR, 16, kernel_12x16, nn_pack_transposed_avx }; }
#else
nn_gemm_kernel nn_gemm_kernel_avx512(void) { return (nn_gemm_kernel){ 0, 0, 0, 0, 0, 0, 0 }; }
#endif
