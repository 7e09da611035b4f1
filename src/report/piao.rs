//! The "Organizzazione del lavoro agile" section of one Comune's PIAO, in the order of the
//! national guidelines: 1 level of implementation, 2 enabling conditions, 3 objectives and
//! indicators by POLA block, 4 development programme (`piao_plan`), 5 monitoring. Every
//! sentence is written from the data; a figure the project lacks is said to be missing.

use super::piao_objectives::objectives;
use super::piao_plan::{development_programme, observed_series, partners_projection};
use super::{Builder, Chart, Document, ReportOptions, Table, Words, number_column, text_column};
use crate::analysis::projection::Projection;
use crate::analysis::{self, Completion, partner_equipment, partner_milestones, partner_training};
use crate::i18n::findings::{area_label, equipment_label, milestone_label};
use crate::model::{MilestoneKind, Month, Partner, PartnerId, Project};

/// Observed months listed in the level-of-implementation table.
const RECENT_MONTHS: usize = 6;

/// The PIAO section of `id`, or `None` when the project has no such partner.
pub fn piao_section(
    project: &Project,
    id: &PartnerId,
    options: &ReportOptions,
) -> Option<Document> {
    PiaoBatch::new(project, [id.clone()], options.clone()).section(project, id)
}

/// The PIAO sections of several Comuni of one project. The projection engine runs once for
/// all of them: it simulates the whole programme whatever is asked (the consortium's
/// pooled noise and late tappe feed every band), which at national scale costs far more
/// than writing a section.
pub struct PiaoBatch {
    pub(super) options: ReportOptions,
    pub(super) as_of: Month,
    pub(super) projection: Projection,
}

impl PiaoBatch {
    pub fn new(
        project: &Project,
        ids: impl IntoIterator<Item = PartnerId>,
        options: ReportOptions,
    ) -> PiaoBatch {
        let projection = partners_projection(project, ids.into_iter().collect(), &options);
        PiaoBatch {
            as_of: analysis::default_as_of(project),
            options,
            projection,
        }
    }

    /// The section of `id`, or `None` when the project has no such partner. A Comune not
    /// given to `new` gets its section without a projected band.
    pub fn section(&self, project: &Project, id: &PartnerId) -> Option<Document> {
        let partner = project.partners.get(id)?;
        let options = &self.options;
        let as_of = self.as_of;
        let w = Words::new(options.lang);
        let year = options.year.unwrap_or(as_of.year());
        let mut b = Builder::default();
        b.heading(1, w.fill("piao.title", &[("comune", &partner.name)]));
        b.paragraph(w.fill(
            "piao.intro",
            &[("comune", &partner.name), ("as_of", &w.month(as_of))],
        ));
        implementation(&mut b, w, project, partner);
        enabling_conditions(&mut b, w, project, partner, as_of);
        objectives(&mut b, w, project, partner, year);
        development_programme(&mut b, w, project, id, partner, self);
        monitoring(&mut b, w, partner);
        Some(Document {
            title: w.fill("piao.title", &[("comune", &partner.name)]),
            subtitle: project.meta.title.clone(),
            lang: options.lang,
            blocks: b.blocks,
        })
    }
}

/// 1. Where the Comune stands: staff, smartable staff, agile workers and days, the trend.
fn implementation(b: &mut Builder, w: Words, project: &Project, partner: &Partner) {
    b.heading(2, w.get("piao.level.heading"));
    b.paragraph(w.fill(
        "piao.level.staff",
        &[
            ("headcount", &w.integer(partner.headcount)),
            ("smartable", &w.integer(partner.smartable)),
            (
                "share",
                &w.share(analysis::ratio(partner.smartable, partner.headcount)),
            ),
        ],
    ));
    let latest = partner.observations.iter().next_back();
    match latest {
        Some((month, obs)) => {
            b.paragraph(w.fill(
                "piao.level.latest",
                &[
                    ("month", &w.month(month)),
                    ("workers", &w.integer(obs.smart_workers)),
                    (
                        "of_smartable",
                        &w.share(analysis::ratio(obs.smart_workers, partner.smartable)),
                    ),
                    (
                        "of_headcount",
                        &w.share(analysis::ratio(obs.smart_workers, partner.headcount)),
                    ),
                    ("days", &w.decimal(Some(obs.agile_days), 1)),
                ],
            ));
            let year_before = month.plus(-12);
            let before = partner.observations.get(year_before);
            let share_before =
                before.and_then(|o| analysis::ratio(o.smart_workers, partner.smartable));
            b.paragraph(w.fill(
                "piao.level.trend",
                &[
                    ("month", &w.month(year_before)),
                    ("share", &w.share(share_before)),
                ],
            ));
        }
        None => b.paragraph(w.get("piao.level.no_observations")),
    }
    let series = observed_series(w, project, partner);
    if !series.points.is_empty() {
        b.figure(
            w.fill("piao.level.figure", &[("comune", &partner.name)]),
            Chart::Lines {
                y_label: w.get("axis.share_smartable").into_owned(),
                percent: true,
                series: vec![series],
            },
        );
    }
    let mut table = Table::new(
        w.get("piao.level.table"),
        vec![
            text_column(w.get("col.month")),
            number_column(w.get("col.smart_workers")),
            number_column(w.get("col.of_smartable")),
            number_column(w.get("col.agile_days")),
        ],
    );
    let recent: Vec<_> = partner
        .observations
        .iter()
        .rev()
        .take(RECENT_MONTHS)
        .collect();
    for (month, obs) in recent.into_iter().rev() {
        table.rows.push(vec![
            w.month(month),
            w.integer(obs.smart_workers),
            w.share(analysis::ratio(obs.smart_workers, partner.smartable)),
            w.decimal(Some(obs.agile_days), 1),
        ]);
    }
    if !table.rows.is_empty() {
        b.table(table);
    }
}

/// Where a tappa stands at `as_of`, in words.
pub(crate) fn milestone_status(
    w: Words,
    partner: &Partner,
    kind: MilestoneKind,
    as_of: Month,
) -> String {
    let dates = partner.milestone(kind);
    let key = if dates.reached_by(as_of) {
        if dates.is_late(as_of) {
            "status.reached_late"
        } else {
            "status.reached"
        }
    } else if dates.is_late(as_of) {
        "status.late"
    } else if dates.planned.is_some() {
        "status.planned"
    } else {
        "status.unplanned"
    };
    w.get(key).into_owned()
}

/// 2. The enabling conditions: tappe, equipment, training.
fn enabling_conditions(
    b: &mut Builder,
    w: Words,
    project: &Project,
    partner: &Partner,
    as_of: Month,
) {
    b.heading(2, w.get("piao.conditions.heading"));
    b.heading(3, w.get("piao.conditions.milestones"));
    let counts = partner_milestones(partner, as_of);
    b.paragraph(w.fill(
        "piao.conditions.milestones_text",
        &[
            ("reached", &w.integer(counts.reached as i64)),
            ("total", &w.integer(counts.total as i64)),
            ("late", &w.integer(counts.late as i64)),
            ("as_of", &w.month(as_of)),
        ],
    ));
    let mut table = Table::new(
        w.get("piao.conditions.milestones_table"),
        vec![
            text_column(w.get("col.milestone")),
            text_column(w.get("col.planned")),
            text_column(w.get("col.reached")),
            text_column(w.get("col.status")),
        ],
    );
    for kind in MilestoneKind::ALL {
        let dates = partner.milestone(kind);
        table.rows.push(vec![
            milestone_label(w.lang, kind).into_owned(),
            w.maybe_month(dates.planned),
            dates
                .actual
                .map_or_else(|| w.get("not_yet").into_owned(), |m| w.month(m)),
            milestone_status(w, partner, kind, as_of),
        ]);
    }
    b.table(table);

    b.heading(3, w.get("piao.conditions.equipment"));
    let equipment = partner_equipment(partner, as_of);
    let spend_total = w.money(equipment.spend_total);
    let spend_delivered = w.money(equipment.spend_delivered);
    let devices = w.integer(equipment.devices);
    match &equipment.coverage {
        Some(coverage) => b.paragraph(w.fill(
            "piao.conditions.equipment_text",
            &[
                ("devices", &devices),
                ("workers", &w.integer(coverage.smart_workers)),
                ("coverage", &w.share(coverage.ratio())),
                ("spend_total", &spend_total),
                ("spend_delivered", &spend_delivered),
            ],
        )),
        None => b.paragraph(w.fill(
            "piao.conditions.equipment_text_unobserved",
            &[
                ("devices", &devices),
                ("spend_total", &spend_total),
                ("spend_delivered", &spend_delivered),
            ],
        )),
    }
    if !partner.equipment.is_empty() {
        let mut table = Table::new(
            w.get("piao.conditions.equipment_table"),
            vec![
                text_column(w.get("col.equipment")),
                number_column(w.get("col.quantity")),
                number_column(w.get("col.unit_cost")),
                number_column(w.get("col.total_cost")),
                text_column(w.get("col.delivered")),
            ],
        );
        for item in partner.equipment.values() {
            table.rows.push(vec![
                equipment_label(w.lang, item.kind).into_owned(),
                w.integer(item.quantity),
                w.money(item.unit_cost),
                w.money(item.total_cost()),
                item.delivered
                    .map_or_else(|| w.get("not_yet").into_owned(), |m| w.month(m)),
            ]);
        }
        b.table(table);
    }

    b.heading(3, w.get("piao.conditions.training"));
    let training = partner_training(partner);
    if partner.modules.is_empty() {
        b.paragraph(w.get("piao.conditions.training_none"));
    } else {
        b.paragraph(w.fill(
            "piao.conditions.training_text",
            &[
                ("modules", &w.integer(partner.modules.len() as i64)),
                ("enrolled", &w.integer(training.completion.enrolled)),
                ("completed", &w.integer(training.completion.completed)),
                ("completion", &w.share(training.completion.rate())),
                ("hours", &w.decimal(training.hours_per_employee(), 1)),
            ],
        ));
    }
    training_modules(b, w, project, partner);
}

/// The modules the Comune chose, with their completion, as a table and as bars.
fn training_modules(b: &mut Builder, w: Words, project: &Project, partner: &Partner) {
    if partner.modules.is_empty() {
        return;
    }
    let mut table = Table::new(
        w.get("piao.conditions.training_table"),
        vec![
            text_column(w.get("col.module")),
            text_column(w.get("col.area")),
            number_column(w.get("col.enrolled")),
            number_column(w.get("col.completed")),
            number_column(w.get("col.completion")),
        ],
    );
    let mut bars = Vec::new();
    for (id, choice) in &partner.modules {
        let module = project.catalogue.get(id);
        let title = module.map_or_else(|| id.as_str().to_owned(), |m| m.title.clone());
        let area = module.map_or_else(
            || w.missing().into_owned(),
            |m| area_label(w.lang, m.area).into_owned(),
        );
        let completion = Completion {
            enrolled: choice.enrolled,
            completed: choice.completed,
        };
        table.rows.push(vec![
            title.clone(),
            area,
            w.integer(choice.enrolled),
            w.integer(choice.completed),
            w.share(completion.rate()),
        ]);
        if let Some(rate) = completion.rate() {
            bars.push((title, rate));
        }
    }
    b.table(table);
    if !bars.is_empty() {
        b.figure(
            w.get("piao.conditions.training_figure"),
            Chart::Bars {
                y_label: w.get("axis.completion").into_owned(),
                percent: true,
                bars,
            },
        );
    }
}

/// 5. Monitoring: what is measured, how often, and the latest figure held.
fn monitoring(b: &mut Builder, w: Words, partner: &Partner) {
    b.heading(2, w.get("piao.monitoring.heading"));
    b.paragraph(w.get("piao.monitoring.intro"));
    let observed = partner.observations.iter().count();
    let surveyed = partner
        .observations
        .iter()
        .filter(|(_, o)| o.survey_scores().iter().any(|(_, s)| s.is_some()))
        .count();
    let last_survey = partner
        .observations
        .iter()
        .rev()
        .find(|(_, o)| o.survey_scores().iter().any(|(_, s)| s.is_some()))
        .map(|(m, _)| m);
    let indicator_months = partner
        .indicators
        .values()
        .filter_map(|v| v.observed.keys().next_back().copied())
        .max();
    let mut table = Table::new(
        w.get("piao.monitoring.table"),
        vec![
            text_column(w.get("col.measure")),
            text_column(w.get("col.frequency")),
            number_column(w.get("col.records")),
            text_column(w.get("col.last_record")),
        ],
    );
    table.rows.push(vec![
        w.get("piao.monitoring.observations").into_owned(),
        w.get("piao.monitoring.monthly").into_owned(),
        w.integer(observed as i64),
        w.maybe_month(partner.observations.iter().next_back().map(|(m, _)| m)),
    ]);
    table.rows.push(vec![
        w.get("piao.monitoring.survey").into_owned(),
        w.get("piao.monitoring.with_observations").into_owned(),
        w.integer(surveyed as i64),
        w.maybe_month(last_survey),
    ]);
    table.rows.push(vec![
        w.get("piao.monitoring.indicators").into_owned(),
        w.get("piao.monitoring.yearly").into_owned(),
        w.integer(
            partner
                .indicators
                .values()
                .map(|v| v.observed.len() as i64)
                .sum(),
        ),
        w.maybe_month(indicator_months),
    ]);
    let sessions: usize = partner.modules.values().map(|m| m.sessions.len()).sum();
    let last_session = partner
        .modules
        .values()
        .flat_map(|m| m.sessions.values())
        .map(|s| s.date)
        .max()
        .and_then(|d| Month::new(i32::from(d.year()), d.month() as u32));
    table.rows.push(vec![
        w.get("piao.monitoring.register").into_owned(),
        w.get("piao.monitoring.each_session").into_owned(),
        w.integer(sessions as i64),
        w.maybe_month(last_session),
    ]);
    b.table(table);
    b.note(w.get("piao.monitoring.note"));
}
