//! Section 4 of the PIAO's agile-work part: the tappe still to reach and the smart workers
//! projected for the next 12–24 months with their P10–P90 band, from the baseline or the
//! chosen scenario (the projection engine of `analysis::projection`, with its defaults).

use std::collections::BTreeSet;

use super::piao::PiaoBatch;
use super::piao::milestone_status;
use super::{Builder, Chart, ReportOptions, Series, Table, Words, number_column, text_column};
use crate::analysis::projection::{self, PartnerBands, Projection, ProjectionSettings};
use crate::analysis::scenario_figures::compare_months;
use crate::analysis::{self, partner_adoption};
use crate::i18n::findings::milestone_label;
use crate::model::{MilestoneKind, Partner, PartnerId, Project};

/// The Comune's observed adoption (share of smartable staff) as a chart series.
pub(crate) fn observed_series(w: Words, project: &Project, partner: &Partner) -> Series {
    let adoption = partner_adoption(project, partner);
    let points = adoption
        .of_smartable
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (adoption.start.plus(i as i32), v)))
        .collect();
    Series {
        name: w.get("series.observed").into_owned(),
        colour: 0,
        dashed: false,
        points,
        band: Vec::new(),
    }
}

/// The projection the report reads: the engine's defaults, with a band for each of `ids`.
/// A Comune's draws have their own seed, so its band is the same whichever others are asked.
pub(crate) fn partners_projection(
    project: &Project,
    ids: BTreeSet<PartnerId>,
    options: &ReportOptions,
) -> Projection {
    let settings = ProjectionSettings {
        partner_bands: PartnerBands::Only(ids),
        ..ProjectionSettings::default()
    };
    let scenario = options
        .scenario
        .as_ref()
        .and_then(|s| project.scenarios.get(s));
    projection::project(project, scenario, &settings)
}

/// "lo scenario di base" or "lo scenario «Formazione anticipata»".
pub(crate) fn scenario_words(w: Words, project: &Project, options: &ReportOptions) -> String {
    match options
        .scenario
        .as_ref()
        .and_then(|s| project.scenarios.get(s))
    {
        Some(scenario) => w.fill("scenario.named", &[("name", &scenario.name)]),
        None => w.get("scenario.baseline").into_owned(),
    }
}

pub(crate) fn development_programme(
    b: &mut Builder,
    w: Words,
    project: &Project,
    id: &PartnerId,
    partner: &Partner,
    batch: &PiaoBatch,
) {
    let as_of = batch.as_of;
    b.heading(2, w.get("piao.plan.heading"));
    let open: Vec<MilestoneKind> = MilestoneKind::ALL
        .into_iter()
        .filter(|&k| !partner.milestone(k).reached_by(as_of))
        .collect();
    if open.is_empty() {
        b.paragraph(w.get("piao.plan.all_reached"));
    } else {
        b.paragraph(crate::i18n::plural(
            w.lang,
            "report.piao.plan.open",
            open.len() as i64,
            &[],
        ));
        let mut table = Table::new(
            w.get("piao.plan.open_table"),
            vec![
                text_column(w.get("col.milestone")),
                text_column(w.get("col.planned")),
                text_column(w.get("col.status")),
            ],
        );
        for kind in open {
            table.rows.push(vec![
                milestone_label(w.lang, kind).into_owned(),
                w.maybe_month(partner.milestone(kind).planned),
                milestone_status(w, partner, kind, as_of),
            ]);
        }
        b.table(table);
    }
    projected_workers(
        b,
        w,
        project,
        id,
        partner,
        &batch.options,
        &batch.projection,
    );
}

fn projected_workers(
    b: &mut Builder,
    w: Words,
    project: &Project,
    id: &PartnerId,
    partner: &Partner,
    options: &ReportOptions,
    projection: &Projection,
) {
    let scenario = scenario_words(w, project, options);
    // A Comune that has observed nothing has no level to project from: the model's path
    // from an empty start would be a guess, not a figure.
    let Some(projected) = projection.partner(id).filter(|p| p.start.is_some()) else {
        b.paragraph(w.get("piao.plan.no_projection"));
        return;
    };
    let first = projection.anchor.plus(1);
    let mut table = Table::new(
        w.fill("piao.plan.projection_table", &[("scenario", &scenario)]),
        vec![
            text_column(w.get("col.month")),
            number_column(w.get("col.p10")),
            number_column(w.get("col.p50")),
            number_column(w.get("col.p90")),
            number_column(w.get("col.of_smartable")),
        ],
    );
    for month in compare_months(projection.anchor) {
        let Ok(index) = usize::try_from(month.months_since(first)) else {
            continue;
        };
        let Some(q) = projected.band_at(index) else {
            continue;
        };
        table.rows.push(vec![
            w.month(month),
            w.decimal(Some(q.p10), 0),
            w.decimal(Some(q.p50), 0),
            w.decimal(Some(q.p90), 0),
            w.share(analysis::per_person(q.p50, partner.smartable)),
        ]);
    }
    let year_ahead = projection.anchor.plus(12);
    let sentence = usize::try_from(year_ahead.months_since(first))
        .ok()
        .and_then(|i| projected.band_at(i));
    match sentence {
        Some(q) => b.paragraph(w.fill(
            "piao.plan.projection_text",
            &[
                ("scenario", &scenario),
                ("month", &w.month(year_ahead)),
                ("p10", &w.decimal(Some(q.p10), 0)),
                ("p50", &w.decimal(Some(q.p50), 0)),
                ("p90", &w.decimal(Some(q.p90), 0)),
                (
                    "share",
                    &w.share(analysis::per_person(q.p50, partner.smartable)),
                ),
            ],
        )),
        None => b.paragraph(w.get("piao.plan.no_projection")),
    }
    if !table.rows.is_empty() {
        b.table(table);
    }
    let mut series = vec![observed_series(w, project, partner)];
    if partner.smartable > 0 {
        let smartable = partner.smartable as f64;
        let mut projected_series = Series {
            name: w.get("series.projected").into_owned(),
            colour: 0,
            dashed: true,
            points: Vec::new(),
            band: Vec::new(),
        };
        for (i, month) in projection.months.iter().enumerate() {
            if let Some(q) = projected.band_at(i) {
                projected_series.points.push((*month, q.p50 / smartable));
                projected_series
                    .band
                    .push((*month, q.p10 / smartable, q.p90 / smartable));
            }
        }
        series.push(projected_series);
    }
    b.figure(
        w.fill("piao.plan.figure", &[("scenario", &scenario)]),
        Chart::Lines {
            y_label: w.get("axis.share_smartable").into_owned(),
            percent: true,
            series,
        },
    );
    b.note(w.get("piao.plan.method"));
}
