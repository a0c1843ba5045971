#ifndef NOTES_CBLAS_SHIM_H
#define NOTES_CBLAS_SHIM_H

/// Declarations for the OpenBLAS entry points that `Tensors` resolves at run time with
/// `dlsym` (libopenblas is never linked at load time, so its CPU detection can be steered
/// first), plus tiny CPU helpers. Nothing here links against OpenBLAS.

#include <stddef.h>

enum NotesCBLASOrder { NotesCBLASRowMajor = 101, NotesCBLASColMajor = 102 };
enum NotesCBLASTranspose { NotesCBLASNoTrans = 111, NotesCBLASTrans = 112 };

/// `cblas_sgemm`: C = alpha * op(A) * op(B) + beta * C.
typedef void (*notes_cblas_sgemm_fn)(int order, int transA, int transB,
                                     int m, int n, int k, float alpha,
                                     const float *a, int lda, const float *b, int ldb,
                                     float beta, float *c, int ldc);
/// `openblas_set_num_threads`.
typedef void (*notes_openblas_set_num_threads_fn)(int threads);
/// `openblas_get_num_threads`.
typedef int (*notes_openblas_get_num_threads_fn)(void);
/// `openblas_get_corename`.
typedef char *(*notes_openblas_get_corename_fn)(void);

/// 1 if the CPU and the OS support AVX-512 F, BW, VL and DQ (cpuid leaf 7 + XCR0 state), else 0.
int notes_cpu_has_avx512_skylakex(void);
/// 1 if the CPU and OS support AVX2 and FMA, else 0.
int notes_cpu_has_avx2_fma(void);
/// Sets FTZ and DAZ in this thread's MXCSR once (thread-local flag); no-op off x86.
void notes_flush_denormals_on_this_thread(void);
/// 1 if FTZ and DAZ are set in this thread's MXCSR.
int notes_denormals_are_flushed(void);
/// Sets (1) or clears (0) FTZ and DAZ in this thread's MXCSR (tests of MXCSR independence).
void notes_set_denormal_flushing(int on);

/// IEEE square root without libm's errno path (so loops using it vectorize).
static inline float notes_sqrtf(float x) {
#if defined(__has_builtin) && __has_builtin(__builtin_elementwise_sqrt)
    return __builtin_elementwise_sqrt(x);
#else
    return __builtin_sqrtf(x);
#endif
}

#endif
