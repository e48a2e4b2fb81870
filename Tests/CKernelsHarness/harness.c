// harness.c: nnlab's C kernels checked bit for bit, outside Swift (make test-kernels, make test-arm).
//
// For every kernel level this CPU has, and with 1 and 2 threads: each matrix product (all four
// transpose forms, strided, alpha/beta) on random shapes including 1, 3, 7, 17, 100, 511, 513
// equals the plain reference loop bit for bit, and so do the elementwise kernels against their
// scalar copies. It then prints one FNV-1a digest over every output: the digest is the same on
// every machine (x86-64 at any level, ARM64 under qemu), which `make test-arm` checks.

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "CKernels.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static float uniform(void) {            // xorshift64*, in [-1, 1)
    rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
    return (float)((rng * 2685821657736338717ull) >> 40) * 0x1p-23f - 1.0f;
}

static uint64_t digest = 1469598103934665603ull;
static void absorb(const float *x, long n) {
    const unsigned char *b = (const unsigned char *)x;
    for (long i = 0; i < 4 * n; i++) { digest ^= b[i]; digest *= 1099511628211ull; }
}

static int failures = 0, checks = 0;

static void check_same(const char *what, const float *got, const float *want, long n) {
    checks++;
    if (memcmp(got, want, (size_t)n * 4) != 0) {
        failures++;
        for (long i = 0; i < n; i++) if (memcmp(got + i, want + i, 4) != 0) {
            fprintf(stderr, "FAIL %s: element %ld is %.9g, the reference %.9g\n", what, i, got[i], want[i]);
            break;
        }
    }
}

static float *random_array(long n) {
    float *x = malloc((size_t)(n > 0 ? n : 1) * 4);
    for (long i = 0; i < n; i++) x[i] = uniform();
    return x;
}

static void gemm_case(long m, long n, long k, int ta, int tb, long pad, float alpha, float beta) {
    long lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
    float *a = random_array((ta ? k : m) * lda), *b = random_array((tb ? n : k) * ldb);
    float *c0 = random_array(m * ldc), *want = malloc((size_t)(m * ldc) * 4), *got = malloc((size_t)(m * ldc) * 4);
    memcpy(want, c0, (size_t)(m * ldc) * 4);
    nn_gemm_reference(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, want, ldc);
    absorb(want, m * ldc);
    char what[160];
    for (int level = NN_LEVEL_SCALAR; level <= NN_LEVEL_NEON; level++) {
        if (!nn_kernels_supported((nn_level)level)) continue;
        for (int threads = 1; threads <= 2; threads++) {
            nn_kernels_set_threads(threads);
            memcpy(got, c0, (size_t)(m * ldc) * 4);
            nn_gemm_level((nn_level)level, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, got, ldc);
            snprintf(what, sizeof what, "gemm %s %ldx%ldx%ld%s%s pad %ld alpha %g beta %g, %d thread(s)",
                     nn_kernels_level_name((nn_level)level), m, n, k, ta ? " aT" : "", tb ? " bT" : "", pad,
                     alpha, beta, threads);
            check_same(what, got, want, m * ldc);
        }
    }
    free(a); free(b); free(c0); free(want); free(got);
}

static void elementwise_cases(void) {
    const long n = 4099;
    float *x = random_array(n);
    for (long i = 0; i < n; i++) x[i] *= (i % 7 == 0) ? 120.0f : 12.0f;   // reach overflow and underflow
    float *want = malloc(n * 4), *got = malloc(n * 4);
    const char *names[] = { "sigmoid", "tanh", "elu", "selu", "softmax" };
    for (int f = 0; f < 5; f++) {
        for (int level = NN_LEVEL_SCALAR; level <= NN_LEVEL_NEON; level++) {
            if (!nn_kernels_supported((nn_level)level)) continue;
            nn_kernels_set_level((nn_level)level);
            float *out = level == NN_LEVEL_SCALAR ? want : got;
            memcpy(out, x, n * 4);
            switch (f) {
            case 0: nn_sigmoid(out, n); break;
            case 1: nn_tanh(out, n); break;
            case 2: nn_elu(out, n, 1.0f, 1.0f); break;
            case 3: nn_elu(out, n, 1.6732632f, 1.0507010f); break;
            case 4: nn_softmax_rows(out, 409, 10); break;
            }
            if (level == NN_LEVEL_SCALAR) { absorb(want, n); continue; }
            char what[80];
            snprintf(what, sizeof what, "%s at %s", names[f], nn_kernels_level_name((nn_level)level));
            check_same(what, got, want, n);
        }
    }
    // Optimizer steps: w, m, v after three steps.
    for (int level = NN_LEVEL_SCALAR; level <= NN_LEVEL_NEON; level++) {
        if (!nn_kernels_supported((nn_level)level)) continue;
        nn_kernels_set_level((nn_level)level);
        // Separate state per optimizer: shared slots would go negative under a square root, and
        // a NaN's sign bit is the one thing CPUs do not agree on (x86 makes -NaN, ARM +NaN).
        float *w = malloc(n * 4), *m = calloc(n, 4), *v = calloc(n, 4), *r = calloc(n, 4), *acc = calloc(n, 4),
              *d1 = calloc(n, 4), *s = calloc(n, 4);
        memcpy(w, x, n * 4);
        for (int t = 0; t < 3; t++) {
            nn_adam(w, x, m, v, n, 0.001f, 0.1f, 0.001f, 1e-7f);
            nn_rmsprop(w, x, r, n, 0.001f, 0.9f, 1e-7f);
            nn_adagrad(w, x, acc, n, 0.01f, 1e-7f);
            nn_adadelta(w, x, d1, s, n, 1.0f, 0.95f, 1e-7f);
        }
        for (long i = 0; i < n; i++) if (!(w[i] - w[i] == 0)) { failures++; fprintf(stderr, "FAIL optimizer steps made w[%ld] %g\n", i, w[i]); break; }
        float sums[2] = { nn_sum_abs(w, n), nn_sum_abs(s, 17) };
        if (level == NN_LEVEL_SCALAR) { memcpy(want, w, n * 4); absorb(want, n); absorb(sums, 2); want[n - 1] = sums[0]; }
        else {
            char what[80];
            snprintf(what, sizeof what, "optimizer steps at %s", nn_kernels_level_name((nn_level)level));
            check_same(what, w, want, n - 1);
            check_same("sum_abs", sums, want + n - 1, 1);
        }
        free(w); free(m); free(v); free(r); free(acc); free(d1); free(s);
    }
    // One-value functions over a grid.
    float grid[6 * 2001];
    for (int i = 0; i <= 2000; i++) {
        float t = -100.0f + 0.1f * (float)i;
        grid[6 * i] = nn_expf(t); grid[6 * i + 1] = nn_expm1f(t * 0.01f); grid[6 * i + 2] = nn_logf(t + 100.5f);
        grid[6 * i + 3] = nn_tanhf(t * 0.1f); grid[6 * i + 4] = (float)nn_log(0.0005 * (i + 1));
        grid[6 * i + 5] = (float)(nn_sin(t) + nn_cos(t) + nn_powi(0.999, i));
    }
    absorb(grid, 6 * 2001);
    free(x); free(want); free(got);
}

int main(void) {
    const long sizes[] = { 1, 3, 7, 17, 100, 511, 513 };
    const int count = sizeof sizes / sizeof sizes[0];
    for (int form = 0; form < 4; form++) {
        int ta = form & 1, tb = form >> 1;
        for (int s = 0; s < count; s++) {
            long m = sizes[s], n = sizes[(s + 3) % count], k = sizes[(s + 5) % count];
            gemm_case(m, n, k, ta, tb, 0, 1.0f, 0.0f);
        }
        gemm_case(65, 129, 33, ta, tb, 5, 1.0f, 1.0f);      // strided, accumulating (beta 1)
        gemm_case(100, 64, 784, ta, tb, 0, -1.0f, 1.0f);    // RBM's negative phase
        gemm_case(13, 200, 50, ta, tb, 3, 0.5f, 0.25f);
        gemm_case(6, 64, 0, ta, tb, 0, 1.0f, 0.5f);          // k = 0: alpha 0-sum plus beta c
    }
    for (int t = 0; t < 12; t++) {                          // random shapes
        long m = 1 + (long)((uniform() + 1) * 150), n = 1 + (long)((uniform() + 1) * 150), k = 1 + (long)((uniform() + 1) * 150);
        gemm_case(m, n, k, t & 1, (t >> 1) & 1, t % 3, 1.0f, t % 2 ? 1.0f : 0.0f);
    }
    elementwise_cases();
    printf("levels:");
    for (int level = NN_LEVEL_SCALAR; level <= NN_LEVEL_NEON; level++)
        if (nn_kernels_supported((nn_level)level)) printf(" %s", nn_kernels_level_name((nn_level)level));
    printf("\ndigest: %016llx\n", (unsigned long long)digest);
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
