// elementwise_loops.h: the elementwise kernels, instantiated once per kernel level.
//
// elementwise.c includes this file once for each level with NN_SUFFIX (the level's name),
// NN_TARGET (its instruction-set attribute) and NN_LOOP (a loop pragma: none, or "do not
// vectorize" for the scalar reference) defined. Each loop body is the per-element formula from
// nnmath.h, so every level computes the same bits; only the number of lanes differs.
//
// Shapes: x, w, g, m, v, a, s are flat arrays of n floats; softmax works on rows x cols.

#define NN_CAT2(a, b) a##_##b
#define NN_CAT(a, b) NN_CAT2(a, b)
#define NN_NAME(f) NN_CAT(f, NN_SUFFIX)

NN_TARGET static void NN_NAME(sigmoid)(float *restrict x, long n) {
    NN_LOOP
    for (long i = 0; i < n; i++) x[i] = nm_sigmoid(x[i]);
}

NN_TARGET static void NN_NAME(tanh)(float *restrict x, long n) {
    NN_LOOP
    for (long i = 0; i < n; i++) x[i] = nm_tanh(x[i]);
}

NN_TARGET static void NN_NAME(elu)(float *restrict x, long n, float alpha, float scale) {
    NN_LOOP
    for (long i = 0; i < n; i++) {
        float v = x[i];
        float neg = alpha * nm_expm1(v);
        x[i] = scale * (v > 0.0f ? v : neg);
    }
}

NN_TARGET static void NN_NAME(softmax_rows)(float *restrict x, long rows, long cols) {
    for (long r = 0; r < rows; r++) {
        float *row = x + r * cols;
        float mx = -INFINITY;
        for (long j = 0; j < cols; j++) mx = row[j] > mx ? row[j] : mx;
        NN_LOOP
        for (long j = 0; j < cols; j++) row[j] = nm_exp(row[j] - mx);
        float sum = 0.0f;                               // left to right: one order everywhere
        for (long j = 0; j < cols; j++) sum = sum + row[j];
        float inv = 1.0f / sum;
        NN_LOOP
        for (long j = 0; j < cols; j++) row[j] = row[j] * inv;
    }
}

NN_TARGET static void NN_NAME(adam)(float *restrict w, const float *restrict g, float *restrict m,
                                    float *restrict v, long n, float alpha, float c1, float c2, float eps) {
    NN_LOOP
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float mi = fmaf(c1, gi - m[i], m[i]);
        float vi = fmaf(c2, gi * gi - v[i], v[i]);
        m[i] = mi;
        v[i] = vi;
        w[i] = w[i] - alpha * mi / (sqrtf(vi) + eps);
    }
}

NN_TARGET static void NN_NAME(rmsprop)(float *restrict w, const float *restrict g, float *restrict v, long n,
                                       float lr, float rho, float eps) {
    NN_LOOP
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float vi = rho * v[i] + (1.0f - rho) * (gi * gi);
        v[i] = vi;
        w[i] = w[i] - lr * gi / sqrtf(vi + eps);
    }
}

NN_TARGET static void NN_NAME(adagrad)(float *restrict w, const float *restrict g, float *restrict a, long n,
                                       float lr, float eps) {
    NN_LOOP
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float ai = a[i] + gi * gi;
        a[i] = ai;
        w[i] = w[i] - lr * gi / sqrtf(ai + eps);
    }
}

NN_TARGET static void NN_NAME(adadelta)(float *restrict w, const float *restrict g, float *restrict a,
                                        float *restrict s, long n, float lr, float rho, float eps) {
    NN_LOOP
    for (long i = 0; i < n; i++) {
        float gi = g[i];
        float ai = rho * a[i] + (1.0f - rho) * (gi * gi);
        a[i] = ai;
        float d = -(sqrtf(s[i] + eps) / sqrtf(ai + eps)) * gi;
        s[i] = rho * s[i] + (1.0f - rho) * (d * d);
        w[i] = w[i] + lr * d;
    }
}

/// 16 partial sums, element i going to lane i % 16, then the lanes added in order 0..15:
/// the same order whether the 16 lanes live in one zmm, two ymm, four NEON registers or memory.
NN_TARGET static float NN_NAME(sum_abs)(const float *restrict x, long n) {
    float lane[16] = {0};
    long full = n - n % 16;
    for (long i = 0; i < full; i += 16) {
        NN_LOOP
        for (int l = 0; l < 16; l++) lane[l] = lane[l] + fabsf(x[i + l]);
    }
    for (long i = full; i < n; i++) lane[i - full] = lane[i - full] + fabsf(x[i]);
    float s = 0.0f;
    for (int l = 0; l < 16; l++) s = s + lane[l];
    return s;
}

#undef NN_NAME
#undef NN_CAT
#undef NN_CAT2
