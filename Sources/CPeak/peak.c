// peak.c: the FMA peak from registers, and OpenBLAS's sgemm behind nn_gemm's signature, so that
// nnbench can time both in one run (see CPeak.h).

#include <pthread.h>
#include <time.h>
#include <cblas.h>
#include "CPeak.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

enum { CHAINS = 12 };            // independent accumulators: enough to cover the FMA latency
static const long ROUNDS = 40000000;

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static float chains_avx512(long rounds) {
    __m512 acc[CHAINS], x = _mm512_set1_ps(1.0000001f), y = _mm512_set1_ps(-0.0000001f);
    for (int i = 0; i < CHAINS; i++) acc[i] = _mm512_set1_ps((float)i);
    for (long r = 0; r < rounds; r++)
        for (int i = 0; i < CHAINS; i++) { acc[i] = _mm512_fmadd_ps(acc[i], x, y); __asm__ volatile("" : "+v"(acc[i])); }
    float s = 0; for (int i = 0; i < CHAINS; i++) s += _mm512_reduce_add_ps(acc[i]);
    return s;
}
__attribute__((target("avx2,fma"))) static float chains_avx2(long rounds) {
    __m256 acc[CHAINS], x = _mm256_set1_ps(1.0000001f), y = _mm256_set1_ps(-0.0000001f);
    for (int i = 0; i < CHAINS; i++) acc[i] = _mm256_set1_ps((float)i);
    for (long r = 0; r < rounds; r++)
        for (int i = 0; i < CHAINS; i++) { acc[i] = _mm256_fmadd_ps(acc[i], x, y); __asm__ volatile("" : "+x"(acc[i])); }
    float out[8], s = 0;
    for (int i = 0; i < CHAINS; i++) { _mm256_storeu_ps(out, acc[i]); for (int j = 0; j < 8; j++) s += out[j]; }
    return s;
}
#endif

typedef struct { int level; double flops; } peak_job;

static void *run_chains(void *arg) {
    peak_job *job = arg;
    long rounds = ROUNDS;
    volatile float sink = 0;
#if defined(__x86_64__)
    if (job->level == 2) { sink = chains_avx512(rounds); job->flops = (double)rounds * CHAINS * 32; return NULL; }
    if (job->level == 1) { sink = chains_avx2(rounds / 2); job->flops = (double)(rounds / 2) * CHAINS * 16; return NULL; }
#endif
    (void)sink;
    job->flops = 0;
    return NULL;
}

double nn_fma_peak_gflops(int level, int threads) {
    if (threads < 1) threads = 1;
    if (threads > 16) threads = 16;
    double best = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        pthread_t t[16];
        peak_job jobs[16];
        double start = now();
        for (int i = 0; i < threads; i++) {
            jobs[i].level = level;
            if (i > 0) pthread_create(&t[i], NULL, run_chains, &jobs[i]);
        }
        run_chains(&jobs[0]);
        for (int i = 1; i < threads; i++) pthread_join(t[i], NULL);
        double seconds = now() - start, flops = 0;
        for (int i = 0; i < threads; i++) flops += jobs[i].flops;
        if (flops / seconds / 1e9 > best) best = flops / seconds / 1e9;
    }
    return best;
}

void nn_openblas_gemm(int trans_a, int trans_b, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
                (int)m, (int)n, (int)k, alpha, a, (int)lda, b, (int)ldb, beta, c, (int)ldc);
}

void nn_openblas_set_threads(int threads) { openblas_set_num_threads(threads); }
