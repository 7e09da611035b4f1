//! The consortium's monitoring report for the partners and the funder: the programme's
//! figures and trend, each Comune side by side, the catalogue's uptake, the scenarios
//! against the baseline and the findings still open.

use super::piao_plan::scenario_words;
use super::{
    Builder, Chart, Document, ReportOptions, Series, Table, Words, number_column, text_column,
};
use crate::analysis::projection::{self, ProjectionSettings, compare};
use crate::analysis::scenario_figures::compare_months;
use crate::analysis::{self, consortium_adoption, milestones, summarize, training};
use crate::i18n::findings::{area_label, describe, milestone_label};
use crate::model::validate::validate;
use crate::model::{ModuleArea, Project};

/// Findings listed one by one; more are counted.
const FINDINGS_LISTED: usize = 30;

pub fn consortium_report(project: &Project, options: &ReportOptions) -> Document {
    let w = Words::new(options.lang);
    let mut b = Builder::default();
    let title = w.fill("consortium.title", &[("programme", &project.meta.title)]);
    b.heading(1, title.clone());
    let summary = summarize(project);
    b.paragraph(w.fill(
        "consortium.intro",
        &[
            ("partners", &w.integer(project.partners.len() as i64)),
            ("start", &w.month(project.meta.start)),
            ("end", &w.month(project.meta.end)),
            ("as_of", &w.month(summary.as_of)),
        ],
    ));
    programme(&mut b, w, project, options, &summary);
    side_by_side(&mut b, w, project, &summary);
    catalogue(&mut b, w, project);
    scenarios(&mut b, w, project);
    findings(&mut b, w, project, &summary);
    Document {
        title,
        subtitle: project.meta.programme_code.clone(),
        lang: options.lang,
        blocks: b.blocks,
    }
}

fn programme(
    b: &mut Builder,
    w: Words,
    project: &Project,
    options: &ReportOptions,
    summary: &analysis::Summary,
) {
    b.heading(2, w.get("consortium.programme.heading"));
    let c = &summary.consortium;
    b.paragraph(w.fill(
        "consortium.programme.adoption",
        &[
            ("month", &w.maybe_month(c.last_month)),
            ("workers", &w.count(c.smart_workers)),
            ("smartable", &w.integer(c.smartable)),
            ("share", &w.share(c.adoption)),
        ],
    ));
    b.paragraph(w.fill(
        "consortium.programme.resources",
        &[
            ("completed", &w.integer(c.completed)),
            ("enrolled", &w.integer(c.enrolled)),
            ("completion", &w.share(c.completion)),
            ("hours", &w.decimal(c.training_hours_per_employee, 1)),
            ("devices", &w.integer(c.devices)),
            ("spend", &w.money(c.spend)),
            ("reached", &w.integer(c.milestones_reached as i64)),
            ("total", &w.integer(c.milestones_total as i64)),
        ],
    ));
    let adoption = consortium_adoption(project);
    let observed = Series {
        name: w.get("series.observed").into_owned(),
        colour: 0,
        dashed: false,
        points: adoption
            .of_smartable
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (adoption.start.plus(i as i32), v)))
            .collect(),
        band: Vec::new(),
    };
    let scenario = options
        .scenario
        .as_ref()
        .and_then(|s| project.scenarios.get(s));
    let projection = projection::project(project, scenario, &ProjectionSettings::default());
    let smartable: i64 = project.partners.values().map(|p| p.smartable).sum();
    let mut series = vec![observed];
    if smartable > 0 {
        let s = smartable as f64;
        series.push(Series {
            name: w.get("series.projected").into_owned(),
            colour: 0,
            dashed: true,
            points: projection
                .months
                .iter()
                .zip(&projection.consortium)
                .map(|(m, q)| (*m, q.p50 / s))
                .collect(),
            band: projection
                .months
                .iter()
                .zip(&projection.consortium)
                .map(|(m, q)| (*m, q.p10 / s, q.p90 / s))
                .collect(),
        });
    }
    b.figure(
        w.fill(
            "consortium.programme.figure",
            &[("scenario", &scenario_words(w, project, options))],
        ),
        Chart::Lines {
            y_label: w.get("axis.share_smartable").into_owned(),
            percent: true,
            series,
        },
    );
}

fn side_by_side(b: &mut Builder, w: Words, project: &Project, summary: &analysis::Summary) {
    b.heading(2, w.get("consortium.partners.heading"));
    let late = milestones(project, summary.as_of);
    let mut table = Table::new(
        w.fill(
            "consortium.partners.table",
            &[("as_of", &w.month(summary.as_of))],
        ),
        vec![
            text_column(w.get("col.comune")),
            number_column(w.get("col.adoption")),
            number_column(w.get("col.completion")),
            number_column(w.get("col.hours_per_employee")),
            number_column(w.get("col.spend")),
            number_column(w.get("col.late")),
        ],
    );
    for row in &summary.partners {
        let late_count = row
            .id
            .as_ref()
            .and_then(|id| late.partners.get(id))
            .map(|c| c.late as i64);
        table.rows.push(vec![
            row.name.clone(),
            w.share(row.adoption),
            w.share(row.completion),
            w.decimal(row.training_hours_per_employee, 1),
            w.money(row.spend),
            w.count(late_count),
        ]);
    }
    b.table(table);
    let bars: Vec<(String, f64)> = summary
        .partners
        .iter()
        .filter_map(|r| r.completion.map(|c| (r.name.clone(), c)))
        .collect();
    if !bars.is_empty() {
        b.figure(
            w.get("consortium.partners.figure"),
            Chart::Bars {
                y_label: w.get("axis.completion").into_owned(),
                percent: true,
                bars,
            },
        );
    }
}

fn catalogue(b: &mut Builder, w: Words, project: &Project) {
    b.heading(2, w.get("consortium.catalogue.heading"));
    let figures = training(project);
    let chosen = figures.modules.values().filter(|m| m.partners > 0).count();
    b.paragraph(w.fill(
        "consortium.catalogue.text",
        &[
            ("chosen", &w.integer(chosen as i64)),
            ("modules", &w.integer(project.catalogue.len() as i64)),
        ],
    ));
    let mut table = Table::new(
        w.get("consortium.catalogue.table"),
        vec![
            text_column(w.get("col.module")),
            text_column(w.get("col.area")),
            number_column(w.get("col.comuni")),
            number_column(w.get("col.completion")),
            number_column(w.get("col.person_hours")),
        ],
    );
    for (id, module) in &project.catalogue {
        let Some(uptake) = figures.modules.get(id) else {
            continue;
        };
        table.rows.push(vec![
            module.title.clone(),
            area_label(w.lang, module.area).into_owned(),
            w.integer(uptake.partners as i64),
            w.share(uptake.completion.rate()),
            w.decimal(Some(uptake.person_hours), 0),
        ]);
    }
    b.table(table);
    let bars: Vec<(String, f64)> = figures
        .areas
        .iter()
        .filter_map(|(area, c): (&ModuleArea, _)| {
            c.rate()
                .map(|r| (area_label(w.lang, *area).into_owned(), r))
        })
        .collect();
    if !bars.is_empty() {
        b.figure(
            w.get("consortium.catalogue.figure"),
            Chart::Bars {
                y_label: w.get("axis.completion").into_owned(),
                percent: true,
                bars,
            },
        );
    }
}

fn scenarios(b: &mut Builder, w: Words, project: &Project) {
    b.heading(2, w.get("consortium.scenarios.heading"));
    if project.scenarios.is_empty() {
        b.paragraph(w.get("consortium.scenarios.none"));
        return;
    }
    let settings = ProjectionSettings::default();
    let calibration = projection::calibrate(project, &settings);
    let baseline = projection::project_calibrated(project, None, &settings, &calibration);
    let year_ahead = baseline.anchor.plus(12);
    let at = compare_months(baseline.anchor);
    b.paragraph(w.fill(
        "consortium.scenarios.text",
        &[("month", &w.month(year_ahead))],
    ));
    let mut table = Table::new(
        w.fill(
            "consortium.scenarios.table",
            &[("month", &w.month(year_ahead))],
        ),
        vec![
            text_column(w.get("col.scenario")),
            number_column(w.get("col.p50")),
            number_column(w.get("col.band")),
            number_column(w.get("col.difference")),
            number_column(w.get("col.equipment_cost")),
        ],
    );
    let baseline_q = baseline.consortium_at(year_ahead);
    table.rows.push(vec![
        w.get("scenario.baseline_name").into_owned(),
        w.decimal(baseline_q.map(|q| q.p50), 0),
        band_text(w, baseline_q),
        "0".to_owned(),
        w.money(
            baseline
                .partners
                .iter()
                .map(|p| p.equipment_cost)
                .fold(crate::model::Cents(0), |a, c| {
                    crate::model::Cents(a.0 + c.0)
                }),
        ),
    ]);
    for scenario in project.scenarios.values() {
        let projected =
            projection::project_calibrated(project, Some(scenario), &settings, &calibration);
        let comparison = compare(&baseline, &projected, &at);
        let q = projected.consortium_at(year_ahead);
        let difference = comparison
            .months
            .iter()
            .find(|m| m.month == year_ahead)
            .map(|m| m.adopters.scenario.p50 - m.adopters.baseline.p50);
        table.rows.push(vec![
            scenario.name.clone(),
            w.decimal(q.map(|q| q.p50), 0),
            band_text(w, q),
            difference.map_or_else(
                || w.missing().into_owned(),
                |d| crate::i18n::format::signed(w.lang, d, 0),
            ),
            w.money(comparison.equipment_cost.scenario),
        ]);
    }
    b.table(table);
    b.note(w.get("piao.plan.method"));
}

fn band_text(w: Words, q: Option<projection::Quantiles>) -> String {
    match q {
        Some(q) => format!(
            "{}–{}",
            w.decimal(Some(q.p10), 0),
            w.decimal(Some(q.p90), 0)
        ),
        None => w.missing().into_owned(),
    }
}

fn findings(b: &mut Builder, w: Words, project: &Project, summary: &analysis::Summary) {
    b.heading(2, w.get("consortium.findings.heading"));
    let mut late = Vec::new();
    for (id, partner) in &project.partners {
        for kind in analysis::late_milestones(partner, summary.as_of) {
            let dates = partner.milestone(kind);
            late.push((
                id.clone(),
                partner.name.clone(),
                kind,
                dates.planned,
                dates.actual,
            ));
        }
    }
    if late.is_empty() {
        b.paragraph(w.get("consortium.findings.no_late"));
    } else {
        b.paragraph(w.fill(
            "consortium.findings.late",
            &[("count", &w.integer(late.len() as i64))],
        ));
        let mut table = Table::new(
            w.get("consortium.findings.late_table"),
            vec![
                text_column(w.get("col.comune")),
                text_column(w.get("col.milestone")),
                text_column(w.get("col.planned")),
                text_column(w.get("col.reached")),
            ],
        );
        for (_, name, kind, planned, actual) in late {
            table.rows.push(vec![
                name,
                milestone_label(w.lang, kind).into_owned(),
                w.maybe_month(planned),
                actual.map_or_else(|| w.get("not_yet").into_owned(), |m| w.month(m)),
            ]);
        }
        b.table(table);
    }
    let found = validate(project);
    if found.is_empty() {
        b.paragraph(w.get("consortium.findings.no_checks"));
    } else {
        b.paragraph(w.fill(
            "consortium.findings.checks",
            &[("count", &w.integer(found.len() as i64))],
        ));
        for finding in found.iter().take(FINDINGS_LISTED) {
            b.paragraph(format!("• {}", describe(w.lang, project, finding)));
        }
        if found.len() > FINDINGS_LISTED {
            b.note(w.fill(
                "consortium.findings.more",
                &[("count", &w.integer((found.len() - FINDINGS_LISTED) as i64))],
            ));
        }
    }
}
