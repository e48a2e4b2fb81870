// nnmath.h: exp, log, tanh and friends from +, *, fma, / and bit operations only.
//
// Why not libm: glibc, macOS and libmvec round their transcendental functions differently (and
// libmvec differs between its own vector widths), so a figure computed with them depends on the
// machine. These are plain formulas every compiler evaluates the same way: the C files that use
// them are compiled with -ffp-contract=off, every fused multiply-add is an explicit fmaf, and each
// vector lane runs exactly this scalar code. Accuracy: about 1-2 ulp, which is all training needs.
//
// Private to CKernels (not in include/): the exported nn_expf and friends wrap these.

#ifndef NNLAB_NNMATH_H
#define NNLAB_NNMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t nm_bits(float x) { uint32_t u; memcpy(&u, &x, 4); return u; }
static inline float nm_float(uint32_t u) { float x; memcpy(&x, &u, 4); return x; }
static inline uint64_t nm_bits64(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }
static inline double nm_double(uint64_t u) { double x; memcpy(&x, &u, 8); return x; }

// MARK: - e^x

/// e^x = 2^k e^r with k = round(x / ln 2) and |r| <= ln2 / 2; e^r by a degree-6 polynomial.
/// Overflows to +inf above ~88.72, underflows through the subnormals to 0 below ~-103.97.
static inline float nm_exp(float x) {
    const float log2e = 1.44269504088896341f;
    const float ln2_hi = 0.693359375f, ln2_lo = -2.12194440e-4f;   // ln 2 = hi + lo, hi exact in 9 bits
    const float shifter = 0x1.8p23f;                                // adding it rounds to a whole number
    float xc = x > 89.0f ? 89.0f : (x < -104.0f ? -104.0f : x);
    float kf = (xc * log2e + shifter) - shifter;
    float r = fmaf(kf, -ln2_hi, xc);
    r = fmaf(kf, -ln2_lo, r);
    float p = 1.9875691500e-4f;
    p = fmaf(p, r, 1.3981999507e-3f);
    p = fmaf(p, r, 8.3334519073e-3f);
    p = fmaf(p, r, 4.1665795894e-2f);
    p = fmaf(p, r, 1.6666665459e-1f);
    p = fmaf(p, r, 5.0000001201e-1f);
    float y = fmaf(p, r * r, r) + 1.0f;                              // 1 + r + r² p(r)
    // 2^k as two normal factors, so that k from -150 to 128 scales without overflow in between.
    int32_t k = (int32_t)kf;
    int32_t k1 = k >> 1, k2 = k - k1;
    y = y * nm_float((uint32_t)(k1 + 127) << 23);
    y = y * nm_float((uint32_t)(k2 + 127) << 23);
    return x != x ? x : y;
}

/// e^x - 1: a Taylor polynomial for |x| < 0.5 (no cancellation), e^x - 1 elsewhere.
static inline float nm_expm1(float x) {
    float p = 1.0f / 40320.0f;
    p = fmaf(p, x, 1.0f / 5040.0f);
    p = fmaf(p, x, 1.0f / 720.0f);
    p = fmaf(p, x, 1.0f / 120.0f);
    p = fmaf(p, x, 1.0f / 24.0f);
    p = fmaf(p, x, 1.0f / 6.0f);
    p = fmaf(p, x, 0.5f);
    float small = fmaf(p, x * x, x);                                // x + x² p(x)
    float large = nm_exp(x) - 1.0f;
    return (x > -0.5f && x < 0.5f) ? small : large;
}

// MARK: - log x

/// log x = e ln 2 + 2 atanh(s), where x = m 2^e with m in [sqrt(1/2), sqrt(2)) and s = (m-1)/(m+1),
/// so |s| < 0.172 and the odd series up to s^9 is accurate to float precision.
static inline float nm_log(float x) {
    const float ln2_hi = 0.693359375f, ln2_lo = -2.12194440e-4f;
    int32_t e = 0;
    float xs = x;
    if (xs < 0x1p-126f) { xs = xs * 0x1p23f; e = -23; }             // subnormals: scale up first
    uint32_t u = nm_bits(xs);
    e += (int32_t)((u >> 23) & 0xff) - 127;
    float m = nm_float((u & 0x7fffffu) | 0x3f800000u);               // m in [1, 2)
    if (m > 1.41421356f) { m = m * 0.5f; e += 1; }
    float f = m - 1.0f;
    float s = f / (m + 1.0f);
    float s2 = s * s;
    float p = 2.0f / 9.0f;
    p = fmaf(p, s2, 2.0f / 7.0f);
    p = fmaf(p, s2, 2.0f / 5.0f);
    p = fmaf(p, s2, 2.0f / 3.0f);
    float logm = fmaf(s * s2, p, 2.0f * s);                          // 2s + 2s³/3 + ...
    float ef = (float)e;
    float y = fmaf(ef, ln2_hi, fmaf(ef, ln2_lo, logm));
    if (x == 0.0f) return -INFINITY;
    if (x < 0.0f || x != x) return NAN;
    if (x == INFINITY) return INFINITY;
    return y;
}

// MARK: - tanh, sigmoid

/// tanh x = t / (t + 2) with t = e^(2|x|) - 1, sign restored; exactly ±1 beyond |x| = 9.
static inline float nm_tanh(float x) {
    float a = fabsf(x);
    float t = nm_expm1(2.0f * (a > 9.0f ? 9.0f : a));
    float y = a > 9.0f ? 1.0f : t / (t + 2.0f);
    return copysignf(y, x);
}

/// 1 / (1 + e^-x) for x >= 0, e^x / (1 + e^x) below: neither overflows.
static inline float nm_sigmoid(float x) {
    float e = nm_exp(-fabsf(x));
    float y = 1.0f / (1.0f + e);
    return x >= 0.0f ? y : e / (1.0f + e);
}

// MARK: - double precision: log, sin, cos (random draws and generated data)

/// log x in double precision, same method as nm_log with the series up to s^23. Finite x > 0 only
/// gives a meaningful result; the random draws pass (0, 1].
static inline double nm_log_d(double x) {
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    int64_t e = 0;
    double xs = x;
    if (xs < 0x1p-1022) { xs = xs * 0x1p54; e = -54; }
    uint64_t u = nm_bits64(xs);
    e += (int64_t)((u >> 52) & 0x7ff) - 1023;
    double m = nm_double((u & 0xfffffffffffffull) | 0x3ff0000000000000ull);
    if (m > 1.4142135623730951) { m = m * 0.5; e += 1; }
    double f = m - 1.0;
    double s = f / (m + 1.0);
    double s2 = s * s;
    double p = 2.0 / 23.0;
    for (int n = 21; n >= 3; n -= 2) p = fma(p, s2, 2.0 / n);
    double logm = fma(s * s2, p, 2.0 * s);
    double ed = (double)e;
    return fma(ed, ln2_hi, fma(ed, ln2_lo, logm));
}

/// sin r and cos r for |r| <= pi/4 by their Taylor series (to r^15 and r^16).
static inline double nm_sin_poly(double r) {
    double r2 = r * r, p = -1.0 / 1307674368000.0;
    p = fma(p, r2, 1.0 / 6227020800.0);
    p = fma(p, r2, -1.0 / 39916800.0);
    p = fma(p, r2, 1.0 / 362880.0);
    p = fma(p, r2, -1.0 / 5040.0);
    p = fma(p, r2, 1.0 / 120.0);
    p = fma(p, r2, -1.0 / 6.0);
    return fma(r * r2, p, r);
}
static inline double nm_cos_poly(double r) {
    double r2 = r * r, p = 1.0 / 20922789888000.0;
    p = fma(p, r2, -1.0 / 87178291200.0);
    p = fma(p, r2, 1.0 / 479001600.0);
    p = fma(p, r2, -1.0 / 3628800.0);
    p = fma(p, r2, 1.0 / 40320.0);
    p = fma(p, r2, -1.0 / 720.0);
    p = fma(p, r2, 1.0 / 24.0);
    p = fma(p, r2, -0.5);
    return fma(r2, p, 1.0);
}

/// x = q pi/2 + r with |r| <= pi/4 (pi/2 in three parts, so r keeps its bits for |x| up to ~1e6);
/// returns r and sets *q to q mod 4.
static inline double nm_reduce_half_pi(double x, int *q) {
    const double two_over_pi = 6.36619772367581382433e-01;
    const double p1 = 1.57079632673412561417e+00, p2 = 6.07710050650619224932e-11,
                 p3 = 2.02226624879595063154e-21;
    double qd = (x * two_over_pi + 0x1.8p52) - 0x1.8p52;
    double r = fma(qd, -p1, x);
    r = fma(qd, -p2, r);
    r = fma(qd, -p3, r);
    *q = (int)((int64_t)qd & 3);
    return r;
}

static inline double nm_sin_d(double x) {
    int q;
    double r = nm_reduce_half_pi(x, &q);
    switch (q) {
    case 0: return nm_sin_poly(r);
    case 1: return nm_cos_poly(r);
    case 2: return -nm_sin_poly(r);
    default: return -nm_cos_poly(r);
    }
}

static inline double nm_cos_d(double x) {
    int q;
    double r = nm_reduce_half_pi(x, &q);
    switch (q) {
    case 0: return nm_cos_poly(r);
    case 1: return -nm_sin_poly(r);
    case 2: return -nm_cos_poly(r);
    default: return nm_sin_poly(r);
    }
}

#endif
