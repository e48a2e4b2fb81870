// CPeak: the machine's fused multiply-add peak, measured from registers (nnbench only).
#ifndef NNLAB_CPEAK_H
#define NNLAB_CPEAK_H
/// GFLOP/s of `threads` threads each running independent FMA chains on registers only, with the
/// widest vectors of `level` (0 scalar, 1 AVX2, 2 AVX-512, 3 NEON: CKernels' nn_level values).
double nn_fma_peak_gflops(int level, int threads);
/// One OpenBLAS-compatible cblas_sgemm call with nn_gemm's signature (row-major).
void nn_openblas_gemm(int trans_a, int trans_b, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);
/// OpenBLAS's thread count, through its API (never through OPENBLAS_* variables).
void nn_openblas_set_threads(int threads);
#endif
