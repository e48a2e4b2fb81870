// elementwise.c: activations, softmax, optimizer steps and sums, one copy per kernel level
// (elementwise_loops.h), dispatched on the level in use, plus the one-value functions Swift calls.
// Every level computes the formulas of nnmath.h lane by lane: the same bits at every width.

#include <math.h>
#include "CKernels.h"
#include "nnmath.h"

#if defined(__clang__)
#define NN_NO_VECTOR _Pragma("clang loop vectorize(disable) interleave(disable)")
#else
#define NN_NO_VECTOR
#endif

// The scalar reference: no vectorization (scalar FMA instructions where the CPU has them).
#define NN_SUFFIX scalar
#if defined(__clang__) && defined(__x86_64__)
#define NN_TARGET __attribute__((target_clones("fma", "default")))
#else
#define NN_TARGET
#endif
#define NN_LOOP NN_NO_VECTOR
#include "elementwise_loops.h"
#undef NN_SUFFIX
#undef NN_TARGET
#undef NN_LOOP

#if defined(__x86_64__)
#define NN_SUFFIX avx2
#define NN_TARGET __attribute__((target("avx2,fma")))
#define NN_LOOP
#include "elementwise_loops.h"
#undef NN_SUFFIX
#undef NN_TARGET
#undef NN_LOOP

#define NN_SUFFIX avx512
#define NN_TARGET __attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma")))
#define NN_LOOP
#include "elementwise_loops.h"
#undef NN_SUFFIX
#undef NN_TARGET
#undef NN_LOOP
#endif

#if defined(__aarch64__)
#define NN_SUFFIX neon
#define NN_TARGET
#define NN_LOOP
#include "elementwise_loops.h"
#undef NN_SUFFIX
#undef NN_TARGET
#undef NN_LOOP
#endif

#if defined(__x86_64__)
#define NN_DISPATCH(level, f, ...) do { switch (level) { \
    case NN_LEVEL_AVX512: f##_avx512(__VA_ARGS__); break; \
    case NN_LEVEL_AVX2: f##_avx2(__VA_ARGS__); break; \
    default: f##_scalar(__VA_ARGS__); } } while (0)
#define NN_DISPATCH_RETURN(level, f, ...) switch (level) { \
    case NN_LEVEL_AVX512: return f##_avx512(__VA_ARGS__); \
    case NN_LEVEL_AVX2: return f##_avx2(__VA_ARGS__); \
    default: return f##_scalar(__VA_ARGS__); }
#elif defined(__aarch64__)
#define NN_DISPATCH(level, f, ...) do { if (level == NN_LEVEL_NEON) f##_neon(__VA_ARGS__); else f##_scalar(__VA_ARGS__); } while (0)
#define NN_DISPATCH_RETURN(level, f, ...) return level == NN_LEVEL_NEON ? f##_neon(__VA_ARGS__) : f##_scalar(__VA_ARGS__);
#else
#define NN_DISPATCH(level, f, ...) f##_scalar(__VA_ARGS__)
#define NN_DISPATCH_RETURN(level, f, ...) return f##_scalar(__VA_ARGS__);
#endif

// MARK: - Arrays, at the level in use

void nn_sigmoid(float *x, long n) { NN_DISPATCH(nn_kernels_level(), sigmoid, x, n); }
void nn_tanh(float *x, long n) { NN_DISPATCH(nn_kernels_level(), tanh, x, n); }
void nn_elu(float *x, long n, float alpha, float scale) { NN_DISPATCH(nn_kernels_level(), elu, x, n, alpha, scale); }
void nn_softmax_rows(float *x, long rows, long cols) { NN_DISPATCH(nn_kernels_level(), softmax_rows, x, rows, cols); }

void nn_adam(float *w, const float *g, float *m, float *v, long n, float alpha, float c1, float c2, float eps) {
    NN_DISPATCH(nn_kernels_level(), adam, w, g, m, v, n, alpha, c1, c2, eps);
}
void nn_rmsprop(float *w, const float *g, float *v, long n, float lr, float rho, float eps) {
    NN_DISPATCH(nn_kernels_level(), rmsprop, w, g, v, n, lr, rho, eps);
}
void nn_adagrad(float *w, const float *g, float *a, long n, float lr, float eps) {
    NN_DISPATCH(nn_kernels_level(), adagrad, w, g, a, n, lr, eps);
}
void nn_adadelta(float *w, const float *g, float *a, float *s, long n, float lr, float rho, float eps) {
    NN_DISPATCH(nn_kernels_level(), adadelta, w, g, a, s, n, lr, rho, eps);
}

float nn_sum_abs_level(nn_level level, const float *x, long n) { NN_DISPATCH_RETURN(level, sum_abs, x, n); }
float nn_sum_abs(const float *x, long n) { return nn_sum_abs_level(nn_kernels_level(), x, n); }

// MARK: - One value

float nn_expf(float x) { return nm_exp(x); }
float nn_expm1f(float x) { return nm_expm1(x); }
float nn_logf(float x) { return nm_log(x); }
float nn_tanhf(float x) { return nm_tanh(x); }
float nn_sigmoidf(float x) { return nm_sigmoid(x); }
double nn_log(double x) { return nm_log_d(x); }
double nn_sin(double x) { return nm_sin_d(x); }
double nn_cos(double x) { return nm_cos_d(x); }

double nn_powi(double base, long n) {
    double result = 1.0, square = base;
    for (long e = n; e > 0; e >>= 1) {
        if (e & 1) result = result * square;
        square = square * square;
    }
    return result;
}
