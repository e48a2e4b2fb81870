// gemm.c: nnlab's matrix products (see CKernels.h for the rule that makes them portable).
//
// Shapes: op(a) is m x k, op(b) is k x n, c is m x n, all row-major with leading dimensions.
// In a dense layer: forward z = x W (B x U = B x I times I x U), weight gradient dW = xᵀ dz
// (I x U = I x B times B x U), input gradient dx = dz Wᵀ (B x I = B x U times U x I).
//
// The reference below IS the definition; the fast path computes exactly the same chains:
// the output is cut into MR x NR tiles, a level's micro-kernel (gemm_<level>.c) runs each tile
// with its lanes across columns, B is read as NR-wide panels (packed when transposed or at the
// right edge), A is read in place, and threads take whole column (or row) panels. Nothing splits
// or reorders the sum over k, so every level and every thread count gives the reference's bits.

#include <math.h>
#include <stdlib.h>
#include "CKernels.h"
#include "gemm.h"
#include "threads.h"

// MARK: - The reference

/// One fmaf chain per output over p = 0 ... k-1, then alpha and beta: the rule, written plainly.
void nn_gemm_reference(int trans_a, int trans_b, long m, long n, long k, float alpha,
                       const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            float acc = 0.0f;
            for (long p = 0; p < k; p++) {
                float ai = trans_a ? a[p * lda + i] : a[i * lda + p];
                float bj = trans_b ? b[j * ldb + p] : b[p * ldb + j];
                acc = fmaf(ai, bj, acc);
            }
            float out = alpha * acc;
            if (beta != 0.0f) out = out + beta * c[i * ldc + j];
            c[i * ldc + j] = out;
        }
    }
}

// MARK: - Per-thread scratch (grown once, then reused: no allocation per product)

typedef struct { float *data; long capacity; } scratch;

static float *scratch_get(scratch *s, long count) {
    if (count > s->capacity) {
        free(s->data);
        long cap = count < 4096 ? 4096 : count + count / 4;
        s->data = aligned_alloc(64, (size_t)((cap * 4 + 63) / 64 * 64));
        s->capacity = s->data ? cap : 0;
    }
    return s->data;
}

static _Thread_local scratch b_panel, a_edge, tile;

// MARK: - The tiled product

typedef struct {
    nn_gemm_kernel kern;
    int trans_a, trans_b;
    long m, n, k;
    float alpha, beta;
    const float *a, *b;
    long lda, ldb, ldc;
    float *c;
    long panels_m, panels_n;
    int split_n;                  // tasks take column panels (1) or row panels (0)
} gemm_job;

/// A transpose, 16 values of k at a time: the 16 panel rows being written stay in L1.
void nn_pack_transposed_plain(long k, const float *b, long ldb, long col, long w, long nr, float *dst) {
    for (long p0 = 0; p0 < k; p0 += 16) {
        long p1 = p0 + 16 < k ? p0 + 16 : k;
        for (long j = 0; j < nr; j++) {
            const float *src = b + (col + j) * ldb;
            for (long p = p0; p < p1; p++) dst[p * nr + j] = j < w ? src[p] : 0.0f;
        }
    }
}

/// Copies columns col ..< col+w of op(b) into an NR-wide panel (k x NR), zeros beyond w.
static void pack_b(const gemm_job *J, long col, long w, float *dst) {
    long nr = J->kern.nr, k = J->k;
    if (J->trans_b) {
        (J->kern.pack_bt ? J->kern.pack_bt : nn_pack_transposed_plain)(k, J->b, J->ldb, col, w, nr, dst);
    } else {
        for (long p = 0; p < k; p++) {
            const float *src = J->b + p * J->ldb + col;
            for (long j = 0; j < nr; j++) dst[p * nr + j] = j < w ? src[j] : 0.0f;
        }
    }
}

/// Copies rows row ..< row+h of op(a) into an MR x k block (rs = k, ks = 1), zero rows beyond h.
static void pack_a_edge(const gemm_job *J, long row, long h, float *dst) {
    long mr = J->kern.mr, k = J->k;
    for (long i = 0; i < mr; i++) {
        for (long p = 0; p < k; p++) {
            float v = 0.0f;
            if (i < h) v = J->trans_a ? J->a[p * J->lda + row + i] : J->a[(row + i) * J->lda + p];
            dst[i * k + p] = v;
        }
    }
}

static void run_tiles(const gemm_job *J, long i0, long i1, long j0, long j1) {
    long mr = J->kern.mr, nr = J->kern.nr, k = J->k;
    float *edge = NULL;
    long last_row = (J->panels_m - 1) * mr;
    long edge_h = J->m - last_row;
    if (edge_h < mr && i1 == J->panels_m) {
        edge = scratch_get(&a_edge, mr * (k > 0 ? k : 1));
        if (!edge) return;
        pack_a_edge(J, last_row, edge_h, edge);
    }
    float *t = scratch_get(&tile, mr * nr);
    float *packed = scratch_get(&b_panel, (k > 0 ? k : 1) * nr);
    if (!t || !packed) return;
    for (long jp = j0; jp < j1; jp++) {
        long col = jp * nr, w = J->n - col < nr ? J->n - col : nr;
        const float *bp;
        long bs;
        if (!J->trans_b && w == nr) { bp = J->b + col; bs = J->ldb; }
        else { pack_b(J, col, w, packed); bp = packed; bs = nr; }
        for (long ip = i0; ip < i1; ip++) {
            long row = ip * mr, h = J->m - row < mr ? J->m - row : mr;
            const float *ap;
            long rs, ks;
            if (h < mr) { ap = edge; rs = k; ks = 1; }
            else if (J->trans_a) { ap = J->a + row; rs = 1; ks = J->lda; }
            else { ap = J->a + row * J->lda; rs = J->lda; ks = 1; }
            float *cp = J->c + row * J->ldc + col;
            if (h == mr && w == nr) {
                J->kern.kernel(k, ap, rs, ks, bp, bs, cp, J->ldc, J->alpha, J->beta);
            } else {
                J->kern.kernel(k, ap, rs, ks, bp, bs, t, nr, 1.0f, 0.0f);   // t = the raw chains
                for (long i = 0; i < h; i++) {
                    for (long j = 0; j < w; j++) {
                        float out = J->alpha * t[i * nr + j];
                        if (J->beta != 0.0f) out = out + J->beta * cp[i * J->ldc + j];
                        cp[i * J->ldc + j] = out;
                    }
                }
            }
        }
    }
}

/// Task `index` of `count`: a contiguous share of the column panels (or row panels).
static void gemm_task(void *ctx, int index, int count) {
    const gemm_job *J = ctx;
    long total = J->split_n ? J->panels_n : J->panels_m;
    long lo = total * index / count, hi = total * (index + 1) / count;
    if (lo >= hi) return;
    if (J->split_n) run_tiles(J, 0, J->panels_m, lo, hi);
    else run_tiles(J, lo, hi, 0, J->panels_n);
}

static nn_gemm_kernel kernel_for(nn_level level) {
    nn_gemm_kernel k = { 0, 0, 0, 0, 0, 0, 0 };
    if (nn_kernels_supported(level)) {
        switch (level) {
        case NN_LEVEL_AVX512: k = nn_gemm_kernel_avx512(); break;
        case NN_LEVEL_AVX2: k = nn_gemm_kernel_avx2(); break;
        case NN_LEVEL_NEON: k = nn_gemm_kernel_neon(); break;
        case NN_LEVEL_SCALAR: break;
        }
    }
    return k.kernel ? k : nn_gemm_kernel_scalar();
}

void nn_gemm_level(nn_level level, int trans_a, int trans_b, long m, long n, long k, float alpha,
                   const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k < 0) k = 0;
    gemm_job J = { kernel_for(level), trans_a, trans_b, m, n, k, alpha, beta, a, b, lda, ldb, ldc, c, 0, 0, 1 };
    if (J.kern.narrow && n <= J.kern.narrow_nr) {         // the narrow tile wastes fewer lanes
        J.kern.mr = J.kern.narrow_mr;
        J.kern.nr = J.kern.narrow_nr;
        J.kern.kernel = J.kern.narrow;
    }
    J.panels_m = (m + J.kern.mr - 1) / J.kern.mr;
    J.panels_n = (n + J.kern.nr - 1) / J.kern.nr;
    int threads = nn_parallel_width();
    double work = (double)m * (double)n * (double)(k > 0 ? k : 1);
    if (work < 2.0e6) threads = 1;                       // under ~40 µs: not worth waking a thread
    J.split_n = J.panels_n >= threads || J.panels_n >= J.panels_m;
    long panels = J.split_n ? J.panels_n : J.panels_m;
    // Twice as many tasks as threads (when there are panels for it): whoever is free takes the
    // next one, so a thread the OS runs late costs little.
    long tasks = threads <= 1 ? 1 : (panels < 2L * threads ? panels : 2L * threads);
    if (tasks <= 1) { gemm_task(&J, 0, 1); return; }
    nn_parallel((int)tasks, gemm_task, &J);
}

static nn_gemm_function external;

void nn_gemm_set_external(nn_gemm_function gemm) { external = gemm; }

void nn_gemm(int trans_a, int trans_b, long m, long n, long k, float alpha,
             const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    if (external) { external(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); return; }
    nn_gemm_level(nn_kernels_level(), trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
