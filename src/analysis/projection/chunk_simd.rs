//! The chunk runner compiled three times, for any x86-64 and for processors with AVX2 or
//! AVX-512 (four or eight doubles per instruction instead of two; it pays in the exponentials
//! of the draws), and picked at run time. All copies do the same IEEE operations in the same
//! order, so they give the same bits. The one place outside the kernel's vector loops where
//! the engine needs `unsafe`: calling a function compiled for features the processor must have.

/// Work to compile once per copy. A closure would not do: it is a function of its own, which
/// the copies call rather than inline (compiled for any x86-64, so the copies gained nothing);
/// a method marked `#[inline(always)]` is generated inside each copy.
pub(super) trait Job {
    type Output;
    fn run(self) -> Self::Output;
}

/// `job` compiled for the widest vectors the processor has.
#[inline(always)]
pub(super) fn run_widest<J: Job>(job: J) -> J::Output {
    #[cfg(target_arch = "x86_64")]
    if super::kernel::vectors_allowed() && std::arch::is_x86_feature_detected!("fma") {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor supports AVX-512F and FMA, as just checked.
            return unsafe { run_avx512(job) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor supports AVX2 and FMA, as just checked.
            return unsafe { run_avx2(job) };
        }
    }
    job.run()
}

// With FMA, `mul_add` (the kernel's last draws on AVX2, the set-up) is the instruction, not a
// call to the software routine; the result is the same.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,fma")]
fn run_avx512<J: Job>(job: J) -> J::Output {
    job.run()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn run_avx2<J: Job>(job: J) -> J::Output {
    job.run()
}
