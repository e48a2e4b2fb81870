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

/// bᵀ panels through 8 x 8 register transposes (unpack, shuffle, swap halves); edges plainly.
__attribute__((target("avx2,fma")))
void nn_pack_transposed_avx(long k, const float *b, long ldb, long col, long w, long nr, float *dst) {
    long k8 = k - k % 8, w8 = w - w % 8;
    for (long j0 = 0; j0 < w8; j0 += 8) {
        const float *src = b + (col + j0) * ldb;
        for (long p0 = 0; p0 < k8; p0 += 8) {
            __m256 r0 = _mm256_loadu_ps(src + 0 * ldb + p0), r1 = _mm256_loadu_ps(src + 1 * ldb + p0);
            __m256 r2 = _mm256_loadu_ps(src + 2 * ldb + p0), r3 = _mm256_loadu_ps(src + 3 * ldb + p0);
            __m256 r4 = _mm256_loadu_ps(src + 4 * ldb + p0), r5 = _mm256_loadu_ps(src + 5 * ldb + p0);
            __m256 r6 = _mm256_loadu_ps(src + 6 * ldb + p0), r7 = _mm256_loadu_ps(src + 7 * ldb + p0);
            __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
            __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
            __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
            __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
            __m256 s0 = _mm256_shuffle_ps(t0, t2, 0x44), s1 = _mm256_shuffle_ps(t0, t2, 0xEE);
            __m256 s2 = _mm256_shuffle_ps(t1, t3, 0x44), s3 = _mm256_shuffle_ps(t1, t3, 0xEE);
            __m256 s4 = _mm256_shuffle_ps(t4, t6, 0x44), s5 = _mm256_shuffle_ps(t4, t6, 0xEE);
            __m256 s6 = _mm256_shuffle_ps(t5, t7, 0x44), s7 = _mm256_shuffle_ps(t5, t7, 0xEE);
            float *d = dst + p0 * nr + j0;
            _mm256_storeu_ps(d + 0 * nr, _mm256_permute2f128_ps(s0, s4, 0x20));
            _mm256_storeu_ps(d + 1 * nr, _mm256_permute2f128_ps(s1, s5, 0x20));
            _mm256_storeu_ps(d + 2 * nr, _mm256_permute2f128_ps(s2, s6, 0x20));
            _mm256_storeu_ps(d + 3 * nr, _mm256_permute2f128_ps(s3, s7, 0x20));
            _mm256_storeu_ps(d + 4 * nr, _mm256_permute2f128_ps(s0, s4, 0x31));
            _mm256_storeu_ps(d + 5 * nr, _mm256_permute2f128_ps(s1, s5, 0x31));
            _mm256_storeu_ps(d + 6 * nr, _mm256_permute2f128_ps(s2, s6, 0x31));
            _mm256_storeu_ps(d + 7 * nr, _mm256_permute2f128_ps(s3, s7, 0x31));
        }
        for (long p = k8; p < k; p++)
            for (long j = 0; j < 8; j++) dst[p * nr + j0 + j] = src[j * ldb + p];
    }
    for (long j = w8; j < nr; j++) {
        const float *src = b + (col + j) * ldb;
        for (long p = 0; p < k; p++) dst[p * nr + j] = j < w ? src[p] : 0.0f;
    }
}

nn_gemm_kernel nn_gemm_kernel_avx2(void) { return (nn_gemm_kernel){ MR, NR, kernel_6x16, 0, 0, 0, nn_pack_transposed_avx }; }
#else
nn_gemm_kernel nn_gemm_kernel_avx2(void) { return (nn_gemm_kernel){ 0, 0, 0, 0, 0, 0, 0 }; }
#endif
