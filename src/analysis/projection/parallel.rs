//! Work spread over the machine's cores with `std::thread::scope`: items are handed out one
//! at a time from a shared counter, and the results come back in the items' order, so what
//! is computed never depends on how many threads computed it.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The cores available, at least one.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// `f` of every item, in order, on up to `threads` threads (the caller's among them).
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            // A helper that panicked has already reported it; its items are computed again
            // below rather than lost.
            if let Ok(done) = helper.join() {
                all.extend(done);
            }
        }
        all
    });
    results.sort_by_key(|(index, _)| *index);
    let mut out = Vec::with_capacity(items.len());
    let mut results = results.into_iter().peekable();
    for (index, item) in items.iter().enumerate() {
        match results.next_if(|(i, _)| *i == index) {
            Some((_, result)) => out.push(result),
            None => out.push(f(item)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        let items: Vec<u64> = (0..1000).collect();
        let square = |x: &u64| x * x;
        let one = map(&items, 1, square);
        assert_eq!(one[999], 998_001);
        assert_eq!(map(&items, 2, square), one);
        assert_eq!(map(&items, 7, square), one);
        assert!(map(&[] as &[u64], 4, square).is_empty());
    }
}
