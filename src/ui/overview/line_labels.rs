//! Names at the right ends of the adoption lines, so a line can be read without going back
//! and forth to the legend. Ends close together are spread apart so no two names overlap.

/// The heights for labels wanted at `ends`, at least `gap` apart and each as close to its
/// own end as that allows, within `floor`..=`ceiling` when there is room. Same order as
/// `ends`.
pub fn spread(ends: &[f64], gap: f64, floor: f64, ceiling: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ends.len()).collect();
    order.sort_by(|&a, &b| ends[a].total_cmp(&ends[b]));
    let mut placed: Vec<f64> = order.iter().map(|&i| ends[i].max(floor)).collect();
    // Push each label up clear of the one below it…
    for i in 1..placed.len() {
        placed[i] = placed[i].max(placed[i - 1] + gap);
    }
    // …then back down from the top where that ran past the ceiling.
    if let Some(last) = placed.last_mut() {
        *last = last.min(ceiling);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i] = placed[i].min(placed[i + 1] - gap);
    }
    let mut heights = vec![0.0; ends.len()];
    for (slot, &index) in order.iter().enumerate() {
        heights[index] = placed[slot];
    }
    heights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_far_apart_keep_their_heights() {
        assert_eq!(
            spread(&[10.0, 50.0, 30.0], 5.0, 0.0, 100.0),
            [10.0, 50.0, 30.0]
        );
    }

    #[test]
    fn ends_close_together_are_spread_by_the_gap_in_their_order() {
        let heights = spread(&[40.0, 41.0, 39.0], 4.0, 0.0, 100.0);
        assert_eq!(heights, [43.0, 47.0, 39.0]);
    }

    #[test]
    fn labels_near_the_top_are_pushed_down_below_the_ceiling() {
        let heights = spread(&[99.0, 98.0], 4.0, 0.0, 100.0);
        assert_eq!(heights, [100.0, 96.0]);
    }
}
