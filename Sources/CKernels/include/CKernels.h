// CKernels: the few elementwise loops Swift cannot vectorize here.
//
// Swift on Linux computes Float.squareRoot() and exp() with libm calls that keep errno, one
// element at a time; the optimizer updates (a square root per weight) and the sigmoid family
// (an exponential per unit) then run 4-8x slower than the memory allows. These C versions are
// compiled with -fno-math-errno and -fveclib=libmvec, and each is built twice (AVX2/FMA and
// baseline x86-64), the right one picked at load time, so the same binary runs everywhere.
// Each function states its formula; the Swift rule files document the same formulas.

#ifndef NNLAB_CKERNELS_H
#define NNLAB_CKERNELS_H

// MARK: optimizer updates over n values (w weights, g gradients, state slots)

/// Adam: m += c1 (g - m); v += c2 (g² - v); w -= alpha m / (sqrt(v) + eps)
void nn_adam(float *w, const float *g, float *m, float *v, long n, float alpha, float c1, float c2, float eps);
/// RMSProp: v = rho v + (1 - rho) g²; w -= lr g / sqrt(v + eps)
void nn_rmsprop(float *w, const float *g, float *v, long n, float lr, float rho, float eps);
/// Adagrad: a += g²; w -= lr g / sqrt(a + eps)
void nn_adagrad(float *w, const float *g, float *a, long n, float lr, float eps);
/// Adadelta: a = rho a + (1-rho) g²; d = -sqrt(s + eps) / sqrt(a + eps) g; s = rho s + (1-rho) d²; w += lr d
void nn_adadelta(float *w, const float *g, float *a, float *s, long n, float lr, float rho, float eps);

// MARK: activations in place over n values

/// y = 1 / (1 + e^-x)
void nn_sigmoid(float *x, long n);

// MARK: reductions

/// sum |x_i|
float nn_sum_abs(const float *x, long n);

#endif
