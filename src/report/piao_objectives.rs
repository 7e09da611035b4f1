//! Part 3 of a Comune's PIAO section: its objectives and indicators, one table per POLA
//! block, each read against the target of the report's year.

use super::{Builder, Table, Words, number_column, text_column};
use crate::model::{IndicatorBlock, Partner, Project};

/// The locale key of a POLA block's name.
pub(crate) fn block_key(block: IndicatorBlock) -> &'static str {
    match block {
        IndicatorBlock::OrganisationalHealth => "block.organisational_health",
        IndicatorBlock::ProfessionalHealth => "block.professional_health",
        IndicatorBlock::DigitalHealth => "block.digital_health",
        IndicatorBlock::EconomicHealth => "block.economic_health",
        IndicatorBlock::Efficiency => "block.efficiency",
        IndicatorBlock::Effectiveness => "block.effectiveness",
        IndicatorBlock::Impacts => "block.impacts",
    }
}

/// Whether the latest value meets the year's target, in words (the indicator's direction
/// decides which side of the target is good).
fn target_status(
    w: Words,
    latest: Option<f64>,
    target: Option<f64>,
    higher_is_better: bool,
) -> String {
    match (latest, target) {
        (Some(latest), Some(target)) => {
            let met = if higher_is_better {
                latest >= target
            } else {
                latest <= target
            };
            w.get(if met {
                "status.target_met"
            } else {
                "status.target_not_met"
            })
            .into_owned()
        }
        _ => w.missing().into_owned(),
    }
}

/// 3. Objectives and indicators, one table per POLA block the catalogue uses.
pub(super) fn objectives(
    b: &mut Builder,
    w: Words,
    project: &Project,
    partner: &Partner,
    year: i32,
) {
    b.heading(2, w.get("piao.objectives.heading"));
    b.paragraph(w.fill("piao.objectives.intro", &[("year", &year.to_string())]));
    if project.indicators.is_empty() {
        b.paragraph(w.get("piao.objectives.none"));
        return;
    }
    let target_header = w.fill("col.target_year", &[("year", &year.to_string())]);
    for block in IndicatorBlock::ALL {
        let defs: Vec<_> = project
            .indicators
            .iter()
            .filter(|(_, d)| d.block == block)
            .collect();
        if defs.is_empty() {
            continue;
        }
        let name = w.get(block_key(block));
        b.heading(3, name.clone());
        let mut table = Table::new(
            w.fill("piao.objectives.table", &[("block", &name)]),
            vec![
                text_column(w.get("col.indicator")),
                number_column(w.get("col.baseline")),
                number_column(target_header.clone()),
                number_column(w.get("col.latest")),
                text_column(w.get("col.status")),
            ],
        );
        for (id, def) in defs {
            let values = partner.indicators.get(id);
            let baseline = values.and_then(|v| v.baseline);
            let target = values.and_then(|v| v.targets.get(&year).copied());
            let latest = values.and_then(|v| v.observed.iter().next_back());
            let latest_text = match latest {
                Some((month, value)) => format!(
                    "{} ({})",
                    w.in_unit(Some(*value), &def.unit),
                    crate::i18n::format::month(w.lang, *month)
                ),
                None => w.missing().into_owned(),
            };
            table.rows.push(vec![
                def.name.clone(),
                w.in_unit(baseline, &def.unit),
                w.in_unit(target, &def.unit),
                latest_text,
                target_status(w, latest.map(|(_, v)| *v), target, def.higher_is_better),
            ]);
        }
        b.table(table);
    }
}
