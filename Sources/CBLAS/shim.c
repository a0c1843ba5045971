#include "cblas_shim.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <xmmintrin.h>

static unsigned long long notes_xgetbv0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

static int notes_os_saves_ymm(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & (1u << 27))) return 0; /* OSXSAVE */
    return (notes_xgetbv0() & 0x6) == 0x6; /* XMM | YMM */
}

int notes_cpu_has_avx2_fma(void) {
    unsigned int a, b, c, d;
    if (!notes_os_saves_ymm()) return 0;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 12))) return 0; /* FMA */
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b >> 5) & 1; /* AVX2 */
}

int notes_cpu_has_avx512_skylakex(void) {
    unsigned int a, b, c, d;
    if (!notes_os_saves_ymm()) return 0;
    if ((notes_xgetbv0() & 0xE6) != 0xE6) return 0; /* opmask, ZMM_Hi256, Hi16_ZMM */
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    const unsigned int f = 1u << 16, dq = 1u << 17, bw = 1u << 30, vl = 1u << 31;
    return (b & (f | dq | bw | vl)) == (f | dq | bw | vl);
}

static _Thread_local int notes_flushed = 0;

void notes_flush_denormals_on_this_thread(void) {
    if (notes_flushed) return;
    _mm_setcsr(_mm_getcsr() | 0x8040); /* FTZ (bit 15) | DAZ (bit 6) */
    notes_flushed = 1;
}

int notes_denormals_are_flushed(void) {
    return (_mm_getcsr() & 0x8040) == 0x8040;
}

void notes_set_denormal_flushing(int on) {
    unsigned int csr = _mm_getcsr();
    _mm_setcsr(on ? (csr | 0x8040) : (csr & ~0x8040u));
    notes_flushed = on;
}

#else
int notes_cpu_has_avx512_skylakex(void) { return 0; }
int notes_cpu_has_avx2_fma(void) { return 0; }
void notes_flush_denormals_on_this_thread(void) {}
int notes_denormals_are_flushed(void) { return 0; }
void notes_set_denormal_flushing(int on) { (void)on; }
#endif
