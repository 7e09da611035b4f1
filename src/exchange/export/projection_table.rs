//! The projection bands of the baseline or of one scenario: P10/P50/P90 of smart workers per
//! month for each partner with a band, then for the consortium, as `cruscotto project`
//! prints them.

use super::columns::{self, figure};
use super::table::{ColumnType, Value};
use super::{Table, TableKind};
use crate::analysis::projection::{Projection, Quantiles};
use crate::exchange::FieldKey;
use crate::i18n::{Lang, tr};
use crate::model::Project;

/// The bands of `projected`; `scenario` names what was projected (a scenario's name, or the
/// baseline's in `lang` when `None`).
pub fn projection(
    project: &Project,
    projected: &Projection,
    scenario: Option<&str>,
    lang: Lang,
) -> Table {
    let mut table = empty(lang);
    let what = scenario.map_or_else(|| tr(lang, "export.baseline").into_owned(), str::to_owned);
    let consortium = tr(lang, "export.consortium").into_owned();
    let mut push = |id: Value, name: &str, month, band: Quantiles| {
        let figure = |value: f64| Value::Number(rounded(value));
        table.rows.push(vec![
            Value::Text(what.clone()),
            id,
            Value::Text(name.to_owned()),
            Value::Month(month),
            figure(band.p10),
            figure(band.p50),
            figure(band.p90),
        ]);
    };
    for partner in &projected.partners {
        let name = project
            .partners
            .get(&partner.id)
            .map_or_else(|| partner.id.to_string(), |p| p.name.clone());
        for (i, &month) in projected.months.iter().enumerate() {
            if let Some(band) = partner.band_at(i) {
                push(Value::Text(partner.id.to_string()), &name, month, band);
            }
        }
    }
    for (&month, &band) in projected.months.iter().zip(&projected.consortium) {
        push(Value::Empty, &consortium, month, band);
    }
    table
}

/// The projection table's columns, without rows.
pub fn empty(lang: Lang) -> Table {
    let columns = vec![
        figure("scenario", ColumnType::Text, lang),
        columns::field(FieldKey::PartnerId, lang),
        columns::field(FieldKey::PartnerName, lang),
        columns::field(FieldKey::Month, lang),
        figure("p10", ColumnType::Number, lang),
        figure("p50", ColumnType::Number, lang),
        figure("p90", ColumnType::Number, lang),
    ];
    Table::new(
        TableKind::Projection,
        TableKind::Projection.title(lang),
        columns,
    )
}

/// A tenth of a person, as `cruscotto project` prints it; -0.0 reads as 0.
fn rounded(value: f64) -> f64 {
    (value * 10.0).round() / 10.0 + 0.0
}
