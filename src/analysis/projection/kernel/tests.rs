use super::*;
use crate::analysis::projection::bass::{ratio, share_of};
use crate::analysis::projection::draws::SplitMix64;

/// A partner's draws mid-diffusion: R between 0.01 and 40, decays of a month, and a cap at
/// 70% of the potential that about a third of the draws reach within a few months. The
/// kernel's constants are rounded to `f32` from the exact ones, kept beside them.
struct Case {
    r: Vec<f32>,
    decay: Vec<f32>,
    r_cap: Vec<f32>,
    slope: Vec<f32>,
    s: Vec<f64>,
    exact_r: Vec<f64>,
    exact_decay: Vec<f64>,
    exact_r_cap: Vec<f64>,
}

impl Case {
    fn constants(&self) -> Constants<'_> {
        Constants {
            decay: &self.decay,
            r_cap: &self.r_cap,
            slope: &self.slope,
        }
    }
}

const POTENTIAL: f64 = 250.0;
const CAP_SHARE: f64 = 0.7;

fn case(n: usize, seed: u64) -> Case {
    let mut rng = SplitMix64::new(seed);
    let mut case = Case {
        r: Vec::new(),
        decay: Vec::new(),
        r_cap: Vec::new(),
        slope: Vec::new(),
        s: Vec::new(),
        exact_r: Vec::new(),
        exact_decay: Vec::new(),
        exact_r_cap: Vec::new(),
    };
    for _ in 0..n {
        let (p, q) = (0.005 + 0.05 * rng.unit(), 0.1 + 0.8 * rng.unit());
        let s = p / q;
        let share = 0.75 * rng.unit();
        case.exact_r.push(ratio(share, s).max(ratio(CAP_SHARE, s)));
        case.exact_decay.push((-(p + q)).exp());
        case.exact_r_cap.push(ratio(CAP_SHARE, s));
        case.r.push(ratio(share, s).max(ratio(CAP_SHARE, s)) as f32);
        case.decay.push((-(p + q)).exp() as f32);
        case.r_cap.push(ratio(CAP_SHARE, s) as f32);
        case.slope.push((POTENTIAL * (CAP_SHARE + s)) as f32);
        case.s.push(s);
    }
    case
}

struct Outcome {
    r: Vec<f32>,
    totals: Vec<f32>,
    rows: Vec<f32>,
    sums: Vec<f64>,
    held: usize,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Path {
    /// What `advance_block` picks on this processor.
    Picked,
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2,
}

fn run(case: &Case, months: usize, path: Path) -> Outcome {
    let n = case.r.len();
    let mut r = case.r.clone();
    // Totals already hold other partners' adopters.
    let mut totals: Vec<f32> = (0..months * n).map(|i| (i % 97) as f32 * 1.5).collect();
    let mut rows = vec![0.0; months * n];
    let mut sums = vec![0.0; months];
    let constants = case.constants();
    let held_people = (POTENTIAL * CAP_SHARE) as f32;
    let held = if path == Path::Picked {
        advance_block(
            &mut r,
            constants,
            BlockOut {
                totals: &mut totals,
                stride: n,
                rows: Some(&mut rows),
                row_stride: n,
                sums: &mut sums,
            },
            held_people,
        )
    } else {
        let mut draws = BlockDraws {
            r: &mut r,
            constants,
            totals: &mut totals,
            stride: n,
            row_stride: n,
            held: held_people,
        };
        let grouped = n - n % LANES;
        macro_rules! portable {
            ($k:literal) => {{
                let mut lanes = [[0.0; LANES]; $k];
                let (mut held, done) = match path {
                    #[cfg(target_arch = "x86_64")]
                    Path::Avx2 => (
                        simd::avx2_groups::<$k, true>(&mut draws, grouped, &mut rows, &mut lanes)
                            .expect("asked for only when the processor has AVX2 and FMA"),
                        grouped,
                    ),
                    _ => (0, 0),
                };
                for d in done..n {
                    held += draws.portable_draw::<$k, true>(d, &mut rows, &mut lanes);
                }
                for j in 0..$k {
                    sums[j] = lanes[j].iter().map(|&lane| f64::from(lane)).sum::<f64>();
                }
                held
            }};
        }
        match months {
            1 => portable!(1),
            2 => portable!(2),
            4 => portable!(4),
            _ => portable!(8),
        }
    };
    Outcome {
        r,
        totals,
        rows,
        sums,
        held,
    }
}

fn bits(values: &[f64]) -> Vec<u64> {
    values.iter().map(|v| v.to_bits()).collect()
}

fn bits32(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn the_vector_copies_give_the_same_bits_as_the_portable_loop() {
    // 1,003 draws: tiles of sixteen, a last group of eight and three draws on their own.
    let mut paths = vec![Path::Picked];
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        paths.push(Path::Avx2);
    }
    for (months, n) in [(8, 1003), (4, 24), (2, 8), (1, 5), (8, 16)] {
        let case = case(n, 7 + n as u64);
        let portable = run(&case, months, Path::Portable);
        for &path in &paths {
            let vector = run(&case, months, path);
            assert_eq!(
                bits32(&vector.r),
                bits32(&portable.r),
                "R, {path:?}, {months} of {n}"
            );
            assert_eq!(
                bits32(&vector.totals),
                bits32(&portable.totals),
                "totals, {path:?}"
            );
            assert_eq!(
                bits32(&vector.rows),
                bits32(&portable.rows),
                "rows, {path:?}"
            );
            assert_eq!(bits(&vector.sums), bits(&portable.sums), "sums, {path:?}");
            assert_eq!(vector.held, portable.held);
        }
    }
}

#[test]
fn a_block_gives_the_plain_bass_step_each_month_and_exactly_the_cap_when_held() {
    let n = 1003;
    let case = case(n, 11);
    let outcome = run(&case, 8, Path::Picked);
    let mut held_draws = 0;
    for d in 0..n {
        let mut r = case.r[d];
        for j in 0..8 {
            r = (r * case.decay[d]).max(case.r_cap[d]);
            let value = f64::from(outcome.rows[j * n + d]);
            let held_people = f64::from((POTENTIAL * CAP_SHARE) as f32);
            if r == case.r_cap[d] {
                assert_eq!(value, held_people, "draw {d} month {j} is held");
            } else {
                // Single precision: within a ten-thousandth of a person of the plain step.
                let plain = POTENTIAL * share_of(f64::from(r), case.s[d]);
                assert!((value - plain).abs() < 1e-4, "{value} vs {plain}");
                assert!(value < held_people);
            }
        }
        held_draws += usize::from(r == case.r_cap[d]);
    }
    assert_eq!(outcome.held, held_draws);
    assert!(
        held_draws > n / 10 && held_draws < n,
        "{held_draws} held: a case with both"
    );
    for j in 0..8 {
        let row: f64 = (0..n).map(|d| f64::from(outcome.rows[j * n + d])).sum();
        // Summed in single precision, lane by lane.
        assert!((outcome.sums[j] - row).abs() < 1e-6 * row, "month {j}");
    }
}

#[test]
#[should_panic(expected = "a block is 1, 2, 4 or 8 months, not 3")]
fn a_block_of_another_length_is_refused_before_anything_is_written() {
    // Three months of totals: an eight-month loop would write past them.
    let case = case(16, 5);
    let mut r = case.r.clone();
    let mut totals = vec![0.0; 3 * 16];
    let mut sums = vec![0.0; 3];
    let held = POTENTIAL as f32;
    advance_block(
        &mut r,
        case.constants(),
        BlockOut {
            totals: &mut totals,
            stride: 16,
            rows: None,
            row_stride: 16,
            sums: &mut sums,
        },
        held,
    );
}

#[cfg(target_arch = "x86_64")]
#[test]
#[should_panic(expected = "of 16 draws")]
fn the_vector_copies_refuse_groups_beyond_the_draws() {
    let case = case(16, 6);
    let mut r = case.r.clone();
    let mut totals = vec![0.0; 16];
    let mut draws = BlockDraws {
        r: &mut r,
        constants: case.constants(),
        totals: &mut totals,
        stride: 16,
        row_stride: 16,
        held: POTENTIAL as f32,
    };
    // 24 grouped draws of 16: the copies would read and write past every slice.
    let _ = simd::avx2_groups::<1, false>(&mut draws, 24, &mut [], &mut [[0.0; LANES]; 1]);
}

#[test]
fn a_group_of_draws_adds_its_months_into_its_own_columns_of_wider_totals() {
    // 37 draws written as columns 5..42 of rows 50 wide, added to the totals and copied to the
    // rows: the same values as alone, and the other columns untouched.
    let case = case(37, 11);
    let (n, stride, first) = (37, 50, 5);
    for months in [1, 2, 4, 8] {
        let alone = run(&case, months, Path::Picked);
        let mut r = case.r.clone();
        let mut wide: Vec<f32> = (0..months * stride).map(|i| i as f32).collect();
        let before = wide.clone();
        let mut copies = vec![-1.0; months * stride];
        let mut sums = vec![0.0; months];
        let held = advance_block(
            &mut r,
            case.constants(),
            BlockOut {
                totals: &mut wide[first..],
                stride,
                rows: Some(&mut copies[first..]),
                row_stride: stride,
                sums: &mut sums,
            },
            (POTENTIAL * CAP_SHARE) as f32,
        );
        assert_eq!(held, alone.held);
        assert_eq!(bits(&sums), bits(&alone.sums), "{months} months");
        for j in 0..months {
            for c in 0..stride {
                let (got, was) = (wide[j * stride + c], before[j * stride + c]);
                if (first..first + n).contains(&c) {
                    let value = alone.rows[j * n + c - first];
                    assert_eq!(
                        got.to_bits(),
                        (was + value).to_bits(),
                        "month {j}, draw {c}"
                    );
                    assert_eq!(copies[j * stride + c].to_bits(), value.to_bits());
                } else {
                    assert_eq!(got.to_bits(), was.to_bits(), "month {j}, column {c}");
                    assert_eq!(copies[j * stride + c], -1.0, "month {j}, column {c}");
                }
            }
        }
    }
}

#[test]
fn five_years_in_single_precision_stay_within_a_millionth_of_the_potential_of_the_exact_path() {
    // 64 months in blocks of eight, against each draw's path in double precision from the
    // exact constants: the rounding of the constants and of every month together stay within
    // a millionth of the potential (a hundredth of a person for a Comune of 10,000 staff), far
    // below the whole people a band is counted in.
    let n = 203;
    let case = case(n, 13);
    let potential_cap = POTENTIAL * CAP_SHARE;
    let mut r = case.r.clone();
    let mut exact_r = case.exact_r.clone();
    let mut worst: f64 = 0.0;
    for block in 0..8 {
        let mut totals = vec![0.0; 8 * n];
        let mut rows = vec![0.0; 8 * n];
        let mut sums = vec![0.0; 8];
        advance_block(
            &mut r,
            case.constants(),
            BlockOut {
                totals: &mut totals,
                stride: n,
                rows: Some(&mut rows),
                row_stride: n,
                sums: &mut sums,
            },
            potential_cap as f32,
        );
        for j in 0..8 {
            for d in 0..n {
                let exact = &mut exact_r[d];
                *exact = (*exact * case.exact_decay[d]).max(case.exact_r_cap[d]);
                let expected = (POTENTIAL * share_of(*exact, case.s[d])).min(potential_cap);
                let error = (f64::from(rows[j * n + d]) - expected).abs();
                assert!(
                    error < 1e-6 * POTENTIAL,
                    "month {}, draw {d}: {} against {expected}",
                    block * 8 + j,
                    rows[j * n + d]
                );
                worst = worst.max(error);
            }
        }
    }
    // The comparison means something: single precision is not exact.
    assert!(worst > 0.0);
}
