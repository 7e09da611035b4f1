use super::*;
use crate::analysis::fixture::{dates, month, observe, partner, project as programme};
use crate::model::MilestoneKind;

fn demo_settings() -> ProjectionSettings {
    ProjectionSettings {
        draws: 200,
        ..ProjectionSettings::default()
    }
}

#[test]
fn a_cutoff_forgets_what_came_after_it() {
    let mut project = programme("2025-01", "2027-12");
    let mut bra = partner("Bra", 200, 10, 100);
    for (when, count) in [("2025-03", 5), ("2025-04", 9), ("2025-05", 14)] {
        observe(&mut bra, when, count, 6.0);
    }
    bra.milestones
        .insert(MilestoneKind::Regolamento, dates(None, Some("2025-05")));
    bra.milestones.insert(
        MilestoneKind::UnionAgreement,
        dates(Some("2025-02"), Some("2025-03")),
    );
    project.partners.insert("bra".into(), bra);
    let known = as_known_at(&project, month("2025-04"));
    let bra = &known.partners[&PartnerId::from("bra")];
    assert_eq!(known.last_observed_month(), Some(month("2025-04")));
    // Reached after the cut-off and never planned: planned for when it was reached.
    assert_eq!(
        bra.milestone(MilestoneKind::Regolamento),
        dates(Some("2025-05"), None)
    );
    assert_eq!(
        bra.milestone(MilestoneKind::UnionAgreement),
        dates(Some("2025-02"), Some("2025-03"))
    );
}

#[test]
fn the_demo_is_forecast_from_six_and_twelve_months_back_and_scored_by_months_ahead() {
    let demo = crate::demo::embedded();
    let result = backtest(&demo, &demo_settings(), &DEFAULT_CUTOFFS);
    let anchor = demo.last_observed_month().unwrap();
    assert_eq!(result.anchor, Some(anchor));
    let cutoffs: Vec<(u32, Month)> = result
        .forecasts
        .iter()
        .map(|f| (f.months_before, f.cutoff))
        .collect();
    assert_eq!(cutoffs, [(6, anchor.plus(-6)), (12, anchor.plus(-12))]);
    // Each forecast reaches the last observation.
    for forecast in &result.forecasts {
        assert_eq!(forecast.projection.months.last(), Some(&anchor));
    }
    // Eight partners, each observed every month: 8 × (6 + 12) comparisons in all, 16 at +1
    // and 8 at +12 (only the older forecast reaches that far).
    let all = Subject::AllPartners;
    assert_eq!(result.overall(&all).unwrap().compared, 8 * 18);
    let at = |h: u32| result.of(&all).find(|s| s.months_ahead == Some(h)).unwrap();
    assert_eq!(at(1).compared, 16);
    assert_eq!(at(12).compared, 8);
    assert!(at(12).too_few_to_tell() && at(12).coverage().is_none());
    let overall = result.overall(&all).unwrap();
    let coverage = overall.coverage().unwrap();
    assert!((0.0..=1.0).contains(&coverage));
    assert!(overall.median_abs_error.unwrap() >= 0.0);
    // One partner alone has 18 comparisons over all months ahead, and never 10 at one.
    let first = Subject::Partner(demo.partners.keys().next().unwrap().clone());
    assert_eq!(result.overall(&first).unwrap().compared, 18);
    assert!(result.of(&first).skip(1).all(Score::too_few_to_tell));
    assert_eq!(result.overall(&Subject::Consortium).unwrap().compared, 18);
}

#[test]
fn the_past_forecasts_bands_are_not_zero_width_at_their_farthest_month() {
    let demo = crate::demo::embedded();
    let result = backtest(&demo, &demo_settings(), &[12]);
    let projection = &result.forecasts[0].projection;
    for partner in &projection.partners {
        let last = partner.band.as_ref().unwrap().last().copied().unwrap();
        assert!(last.p90 > last.p10, "{}: {last:?}", partner.id);
    }
}

#[test]
fn nothing_observed_nothing_to_backtest() {
    let mut project = programme("2025-01", "2027-12");
    project
        .partners
        .insert("bra".into(), partner("Bra", 200, 10, 100));
    let result = backtest(&project, &demo_settings(), &DEFAULT_CUTOFFS);
    assert_eq!(result.anchor, None);
    assert!(result.forecasts.is_empty() && result.scores.is_empty());
    // A cut-off before every observation leaves nothing to forecast from.
    let mut once = project.clone();
    observe(
        once.partners.get_mut(&PartnerId::from("bra")).unwrap(),
        "2025-03",
        4,
        6.0,
    );
    let result = backtest(&once, &demo_settings(), &[6, 0]);
    assert!(result.forecasts.is_empty());
    assert!(result.scores.iter().all(|s| s.compared == 0));
}
