// The vectorizable kernels declared in CKernels.h. Compiled with -O3 -fno-math-errno
// -fveclib=libmvec (see Package.swift); target_clones builds an AVX2/FMA version and a baseline
// one and glibc picks at load time.

#include <math.h>
#include "CKernels.h"

#define KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))

KERNEL void nn_adam(float *restrict w, const float *restrict g, float *restrict m, float *restrict v, long n,
                    float alpha, float c1, float c2, float eps) {
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float mi = m[i] + c1 * (gi - m[i]);
        float vi = v[i] + c2 * (gi * gi - v[i]);
        m[i] = mi;
        v[i] = vi;
        w[i] -= alpha * mi / (sqrtf(vi) + eps);
    }
}

KERNEL void nn_rmsprop(float *restrict w, const float *restrict g, float *restrict v, long n, float lr, float rho, float eps) {
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float vi = rho * v[i] + (1 - rho) * gi * gi;
        v[i] = vi;
        w[i] -= lr * gi / sqrtf(vi + eps);
    }
}

KERNEL void nn_adagrad(float *restrict w, const float *restrict g, float *restrict a, long n, float lr, float eps) {
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float ai = a[i] + gi * gi;
        a[i] = ai;
        w[i] -= lr * gi / sqrtf(ai + eps);
    }
}

KERNEL void nn_adadelta(float *restrict w, const float *restrict g, float *restrict a, float *restrict s, long n,
                        float lr, float rho, float eps) {
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float ai = rho * a[i] + (1 - rho) * gi * gi;
        a[i] = ai;
        float d = -(sqrtf(s[i] + eps) / sqrtf(ai + eps)) * gi;
        s[i] = rho * s[i] + (1 - rho) * d * d;
        w[i] += lr * d;
    }
}

KERNEL void nn_sigmoid(float *restrict x, long n) {
    // e^-x overflows to +inf for x < -88, giving 1 / inf = 0: the right limit.
    for (long i = 0; i < n; i++) x[i] = 1.0f / (1.0f + expf(-x[i]));
}

KERNEL float nn_sum_abs(const float *restrict x, long n) {
#pragma clang fp reassociate(on)
    float s = 0;
    for (long i = 0; i < n; i++) s += fabsf(x[i]);
    return s;
}
