// gemm_neon.c: the ARM64 NEON micro-kernel, 6 rows x 16 columns (24 q-register accumulators,
// four of B per step). vfmaq_f32 is a fused multiply-add per lane: the scalar kernel's chains.

#include "gemm.h"

#if defined(__aarch64__)
#include <arm_neon.h>

enum { MR = 6, NV = 4, NR = 4 * NV };

static void kernel_6x16(long k, const float *a, long rs, long ks, const float *b, long bs,
                        float *c, long ldc, float alpha, float beta) {
    float32x4_t acc[MR][NV];
    for (int i = 0; i < MR; i++)
        for (int v = 0; v < NV; v++) acc[i][v] = vdupq_n_f32(0.0f);
    for (long p = 0; p < k; p++) {
        const float *bp = b + p * bs;
        float32x4_t bv[NV];
        for (int v = 0; v < NV; v++) bv[v] = vld1q_f32(bp + 4 * v);
        const float *ap = a + p * ks;
        for (int i = 0; i < MR; i++) {
            float32x4_t ai = vdupq_n_f32(ap[i * rs]);
            for (int v = 0; v < NV; v++) acc[i][v] = vfmaq_f32(acc[i][v], ai, bv[v]);
        }
    }
    float32x4_t va = vdupq_n_f32(alpha), vb = vdupq_n_f32(beta);
    for (int i = 0; i < MR; i++) {
        for (int v = 0; v < NV; v++) {
            float *cp = c + i * ldc + 4 * v;
            float32x4_t out = vmulq_f32(va, acc[i][v]);
            if (beta != 0.0f) out = vaddq_f32(out, vmulq_f32(vb, vld1q_f32(cp)));
            vst1q_f32(cp, out);
        }
    }
}

nn_gemm_kernel nn_gemm_kernel_neon(void) { return (nn_gemm_kernel){ MR, NR, kernel_6x16, 0, 0, 0, 0 }; }
#else
nn_gemm_kernel nn_gemm_kernel_neon(void) { return (nn_gemm_kernel){ 0, 0, 0, 0, 0, 0, 0 }; }
#endif
