// CKernels: nnlab's own arithmetic, the same bits on every machine.
//
// Every figure nnlab prints is a function of the commands, the seed and the data bytes alone.
// That holds because every floating-point operation on a figure's path is defined here, in an
// order that no CPU, vector width or thread count can change:
//
// - Matrix products: each output element is ONE fused multiply-add chain over k in ascending
//   order, c = fma(a[i][k], b[k][j], c), starting from 0; then out = alpha * c, and when beta is
//   not 0, out = out + beta * c_old (a product and a sum, each rounded). Vector lanes and threads
//   only ever hold different output elements, so AVX-512, AVX2, NEON and the scalar loop agree
//   bit for bit (gemm.c, gemm_*.c).
// - Elementwise math (exp, log, tanh, sigmoid, softmax, elu, the optimizer steps) is written
//   from +, *, fma, /, sqrt and bit operations only (nnmath.h), never from libm or libmvec,
//   whose results differ between versions and vector widths. Each lane computes the same scalar
//   formula, so any vectorization gives the scalar bits.
// - Every sum has one fixed order (stated beside it).
// The C files are compiled with -ffp-contract=off: a fused multiply-add happens exactly where
// fmaf or an FMA intrinsic is written, never by the compiler's choice.

#ifndef NNLAB_CKERNELS_H
#define NNLAB_CKERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Kernel levels

/// The instruction-set levels nnlab's kernels come in. All give identical results.
typedef enum {
    NN_LEVEL_SCALAR = 0,   ///< plain C, one element at a time (the reference)
    NN_LEVEL_AVX2 = 1,     ///< x86-64 AVX2 + FMA, 8 lanes
    NN_LEVEL_AVX512 = 2,   ///< x86-64 AVX-512F, 16 lanes
    NN_LEVEL_NEON = 3,     ///< ARM64 NEON, 4 lanes
} nn_level;

/// The level in use. Picked at first use from the CPU, or from NNLAB_KERNELS
/// (scalar|avx2|avx512|neon) when set; see nn_kernels_error for a level the CPU lacks.
nn_level nn_kernels_level(void);
/// Whether this CPU can run `level`.
int nn_kernels_supported(nn_level level);
/// Switches the level (tests and the benchmark); returns 0 if the CPU lacks it.
int nn_kernels_set_level(nn_level level);
/// The level's name: "scalar", "avx2", "avx512", "neon".
const char *nn_kernels_level_name(nn_level level);
/// NULL when the start-up choice worked; otherwise a message naming the NNLAB_KERNELS value that
/// could not be honoured (unknown, or missing on this CPU; the level then falls back to the best
/// one the CPU has), or an NNLAB_THREADS value that is not a thread count.
const char *nn_kernels_error(void);

/// Threads the matrix products use (NNLAB_THREADS, default: the CPUs online, at most 8).
int nn_kernels_threads(void);
/// Sets the thread count (1 ... 64). Results do not depend on it.
void nn_kernels_set_threads(int threads);

/// The name of this arithmetic, written into session headers: same name, same bits.
#define NN_ARITHMETIC "nnlab-1"

// MARK: - Matrix products

/// c (m x n, row stride ldc) = alpha * op(a) * op(b) + beta * c, row-major.
/// op(a) is m x k: a[i*lda + p], or a[p*lda + i] when trans_a. op(b) is k x n: b[p*ldb + j],
/// or b[j*ldb + p] when trans_b. When beta is 0, c is not read.
void nn_gemm(int trans_a, int trans_b, long m, long n, long k, float alpha,
             const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);

/// The rule written plainly (one loop per output): the definition the fast paths are tested against.
void nn_gemm_reference(int trans_a, int trans_b, long m, long n, long k, float alpha,
                       const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);

/// The same product at a given level (tests compare every level with NN_LEVEL_SCALAR).
void nn_gemm_level(nn_level level, int trans_a, int trans_b, long m, long n, long k, float alpha,
                   const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);

/// A product with nn_gemm's signature from elsewhere (the benchmark times OpenBLAS's sgemm inside the
/// same training loop this way). NULL restores nnlab's own. Figures computed meanwhile are NOT
/// nnlab's arithmetic: never set outside the benchmark.
typedef void (*nn_gemm_function)(int trans_a, int trans_b, long m, long n, long k, float alpha,
                                 const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);
void nn_gemm_set_external(nn_gemm_function gemm);

// MARK: - Scalar math (one value; for code outside the hot loops)

/// e^x
float nn_expf(float x);
/// e^x - 1, accurate near 0
float nn_expm1f(float x);
/// natural logarithm
float nn_logf(float x);
/// tanh x
float nn_tanhf(float x);
/// 1 / (1 + e^-x), without overflow
float nn_sigmoidf(float x);
/// natural logarithm in double precision (normal draws)
double nn_log(double x);
/// sine and cosine in double precision, for |x| up to about 1e6
double nn_sin(double x);
double nn_cos(double x);
/// base^n for a whole n >= 0, by repeated squaring (a fixed sequence of products)
double nn_powi(double base, long n);

// MARK: - Activations in place over n values

/// y = 1 / (1 + e^-x)
void nn_sigmoid(float *x, long n);
/// y = tanh x
void nn_tanh(float *x, long n);
/// y = scale * (x > 0 ? x : alpha (e^x - 1))   (elu: scale 1; selu: its constants)
void nn_elu(float *x, long n, float alpha, float scale);
/// Each row of rows x cols: y = e^(x - max) / sum, the sum taken left to right.
void nn_softmax_rows(float *x, long rows, long cols);

// MARK: - Optimizer updates over n values (w weights, g gradients, state slots)

/// Adam: m = fma(c1, g - m, m); v = fma(c2, g² - v, v); w = w - alpha m / (sqrt(v) + eps)
void nn_adam(float *w, const float *g, float *m, float *v, long n, float alpha, float c1, float c2, float eps);
/// RMSProp: v = rho v + (1 - rho) g²; w -= lr g / sqrt(v + eps)
void nn_rmsprop(float *w, const float *g, float *v, long n, float lr, float rho, float eps);
/// Adagrad: a += g²; w -= lr g / sqrt(a + eps)
void nn_adagrad(float *w, const float *g, float *a, long n, float lr, float eps);
/// Adadelta: a = rho a + (1-rho) g²; d = -sqrt(s + eps) / sqrt(a + eps) g; s = rho s + (1-rho) d²; w += lr d
void nn_adadelta(float *w, const float *g, float *a, float *s, long n, float lr, float rho, float eps);

// MARK: - Reductions

/// sum |x_i| at a given level (tests).
float nn_sum_abs_level(nn_level level, const float *x, long n);
/// sum |x_i|, in 16 interleaved partial sums (lane i % 16) added together in lane order at the end.
float nn_sum_abs(const float *x, long n);

#ifdef __cplusplus
}
#endif

#endif
