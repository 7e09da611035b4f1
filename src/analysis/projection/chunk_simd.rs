//! The chunk runner compiled three times, for any x86-64 and for processors with AVX2 or
//! AVX-512 (four or eight doubles per instruction instead of two; it pays in the exponentials
//! of the draws), and picked at run time. All copies do the same IEEE operations in the same
//! order, so they give the same bits. The one place outside the kernel's vector loops where
//! the engine needs `unsafe`: calling a function compiled for features the processor must have.

/// `run` compiled for the widest vectors the processor has (`run` is expected to be inlined:
/// its body is then generated once per copy).
#[inline(always)]
pub(super) fn run_widest<R>(run: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    if super::kernel::vectors_allowed() {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor supports AVX-512F, as just checked.
            return unsafe { run_avx512(run) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor supports AVX2, as just checked.
            return unsafe { run_avx2(run) };
        }
    }
    run()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn run_avx512<R>(run: impl FnOnce() -> R) -> R {
    run()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn run_avx2<R>(run: impl FnOnce() -> R) -> R {
    run()
}
