// gemm.h: the micro-kernel contract shared by gemm.c and the per-level kernels (private).
//
// A micro-kernel computes one MR x NR tile of c = alpha * op(a) op(b) + beta * c:
//   acc[i][j] = 0;  for p in 0 ..< k (ascending): acc[i][j] = fma(A(i, p), B(p, j), acc[i][j])
//   c[i][j] = alpha * acc[i][j];  if beta != 0: c[i][j] = c[i][j] + beta * c_old[i][j]
// A(i, p) = a[i * rs + p * ks] (rows of a row-major matrix, or columns of a transposed one, so A
// is read in place); B(p, j) = b[p * bs + j] (a packed or row-major panel, NR floats per p).
// Vector lanes run over j: each lane is one output's chain, so every level gives the same bits.

#ifndef NNLAB_GEMM_H
#define NNLAB_GEMM_H

typedef void (*nn_microkernel)(long k, const float *a, long rs, long ks, const float *b, long bs,
                               float *c, long ldc, float alpha, float beta);

/// Packs columns col ..< col+w of bᵀ into a k x nr panel: dst[p * nr + j] = b[(col + j) * ldb + p],
/// zeros for j >= w. Only moves values, so it cannot change a result.
typedef void (*nn_pack_transposed)(long k, const float *b, long ldb, long col, long w, long nr, float *dst);

/// The plain version of nn_pack_transposed (gemm.c).
void nn_pack_transposed_plain(long k, const float *b, long ldb, long col, long w, long nr, float *dst);
/// The AVX version: 8 x 8 blocks transposed in registers (gemm_avx2.c; AVX-512 CPUs use it too).
void nn_pack_transposed_avx(long k, const float *b, long ldb, long col, long w, long nr, float *dst);

typedef struct {
    int mr, nr;               // tile rows and columns
    nn_microkernel kernel;
    int narrow_mr, narrow_nr; // a second kernel for products at most narrow_nr columns wide (a
    nn_microkernel narrow;    // softmax layer's 10 outputs), so few lanes go to waste; or NULL
    nn_pack_transposed pack_bt; // a vector transpose for packing op(b) = bᵀ panels; or NULL
} nn_gemm_kernel;

/// The level's micro-kernel; kernel == NULL when this build has none for it.
nn_gemm_kernel nn_gemm_kernel_scalar(void);
nn_gemm_kernel nn_gemm_kernel_avx2(void);
nn_gemm_kernel nn_gemm_kernel_avx512(void);
nn_gemm_kernel nn_gemm_kernel_neon(void);

#endif
