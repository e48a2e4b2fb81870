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

typedef struct {
    int mr, nr;               // tile rows and columns
    nn_microkernel kernel;
} nn_gemm_kernel;

/// The level's micro-kernel; kernel == NULL when this build has none for it.
nn_gemm_kernel nn_gemm_kernel_scalar(void);
nn_gemm_kernel nn_gemm_kernel_avx2(void);
nn_gemm_kernel nn_gemm_kernel_avx512(void);
nn_gemm_kernel nn_gemm_kernel_neon(void);

#endif
