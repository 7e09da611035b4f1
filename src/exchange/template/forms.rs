//! The four forms a Comune fills: monthly observations, sessions of its modules, enrolment
//! per module and equipment purchases. Headers and column order are the schema's, so a
//! filled template imports like any export.

use super::form::{Form, FormColumn, Rule};
use crate::exchange::export::{TableKind, Value, field_type, header};
use crate::exchange::{FieldKey, FileKind};
use crate::i18n::Lang;
use crate::model::{Month, Partner, PartnerId, SURVEY_SCALE, WORKING_DAYS_PER_MONTH};

/// What every form of one Comune's template shares.
pub struct Context<'a> {
    pub id: &'a PartnerId,
    pub partner: &'a Partner,
    /// The module titles offered, in the order of the drop-down list.
    pub modules: &'a [String],
    pub first: Month,
    pub last: Month,
    /// The lists sheet's ranges for the drop-downs.
    pub module_list: String,
    pub equipment_list: String,
    pub lang: Lang,
}

/// Blank rows offered for sessions of each module, and for purchases.
pub const SESSION_ROWS_PER_MODULE: usize = 10;
pub const EQUIPMENT_ROWS: usize = 30;
/// Hours of one session at most (a long day of training).
const MAX_SESSION_HOURS: f64 = 24.0;

impl Context<'_> {
    fn columns(
        &self,
        kind: FileKind,
        rule: impl Fn(FieldKey) -> Option<Rule>,
        locked: &[FieldKey],
    ) -> Vec<FormColumn> {
        kind.fields()
            .iter()
            .map(|&field| FormColumn {
                column: crate::exchange::export::Column {
                    header: header(field, self.lang),
                    ty: field_type(field),
                    field: Some(field),
                },
                locked: is_partner(field) || locked.contains(&field),
                rule: rule(field),
            })
            .collect()
    }

    /// A row with the partner's columns and `fixed` filled, the rest empty.
    fn row(&self, columns: &[FormColumn], fixed: impl Fn(FieldKey) -> Option<Value>) -> Vec<Value> {
        columns
            .iter()
            .map(|c| {
                let field = c.column.field.expect("form columns are schema fields");
                match field {
                    FieldKey::PartnerId => Value::Text(self.id.to_string()),
                    FieldKey::PartnerName => Value::Text(self.partner.name.clone()),
                    FieldKey::Istat => Value::or_empty(self.partner.istat.clone(), Value::Text),
                    _ => fixed(field).unwrap_or(Value::Empty),
                }
            })
            .collect()
    }

    fn title(&self, kind: TableKind) -> String {
        kind.title(self.lang)
    }
}

fn is_partner(field: FieldKey) -> bool {
    matches!(
        field,
        FieldKey::PartnerId | FieldKey::PartnerName | FieldKey::Istat
    )
}

fn score() -> Option<Rule> {
    Some(Rule::Decimal {
        min: *SURVEY_SCALE.start(),
        max: *SURVEY_SCALE.end(),
    })
}

pub fn observations(context: &Context) -> Form {
    let columns = context.columns(
        FileKind::Observations,
        |field| match field {
            FieldKey::SmartWorkers => Some(Rule::Whole { min: 0 }),
            FieldKey::AgileDays => Some(Rule::Decimal {
                min: 0.0,
                max: WORKING_DAYS_PER_MONTH,
            }),
            FieldKey::Wellbeing | FieldKey::WorkLifeBalance | FieldKey::Belonging => score(),
            _ => None,
        },
        &[FieldKey::Month],
    );
    let rows = context
        .first
        .through(context.last)
        .map(|month| {
            context.row(&columns, |field| {
                (field == FieldKey::Month).then_some(Value::Month(month))
            })
        })
        .collect();
    Form {
        title: context.title(TableKind::Observations),
        columns,
        rows,
    }
}

pub fn sessions(context: &Context) -> Form {
    let modules_fixed = !context.partner.modules.is_empty();
    let module_rule = |field| match field {
        FieldKey::Module if !modules_fixed => Some(Rule::List {
            range: context.module_list.clone(),
        }),
        FieldKey::Date => Some(Rule::Date {
            first: context.first,
            last: context.last,
        }),
        FieldKey::Hours => Some(Rule::Decimal {
            min: 0.0,
            max: MAX_SESSION_HOURS,
        }),
        FieldKey::Attendees => Some(Rule::Whole { min: 0 }),
        _ => None,
    };
    let locked: &[FieldKey] = if modules_fixed {
        &[FieldKey::Module]
    } else {
        &[]
    };
    let columns = context.columns(FileKind::Sessions, module_rule, locked);
    let rows = if modules_fixed {
        context
            .modules
            .iter()
            .flat_map(|module| std::iter::repeat_n(module, SESSION_ROWS_PER_MODULE))
            .map(|module| {
                context.row(&columns, |field| {
                    (field == FieldKey::Module).then(|| Value::Text(module.clone()))
                })
            })
            .collect()
    } else {
        let blank = context.row(&columns, |_| None);
        vec![blank; SESSION_ROWS_PER_MODULE * 3]
    };
    Form {
        title: context.title(TableKind::Sessions),
        columns,
        rows,
    }
}

pub fn enrolment(context: &Context) -> Form {
    let columns = context.columns(
        FileKind::Enrolment,
        |field| match field {
            FieldKey::Enrolled | FieldKey::Completed => Some(Rule::Whole { min: 0 }),
            _ => None,
        },
        &[FieldKey::Module],
    );
    let rows = context
        .modules
        .iter()
        .filter(|_| !context.partner.modules.is_empty())
        .map(|module| {
            context.row(&columns, |field| {
                (field == FieldKey::Module).then(|| Value::Text(module.clone()))
            })
        })
        .collect();
    Form {
        title: context.title(TableKind::Enrolment),
        columns,
        rows,
    }
}

pub fn equipment(context: &Context) -> Form {
    let columns = context.columns(
        FileKind::Equipment,
        |field| match field {
            FieldKey::EquipmentKind => Some(Rule::List {
                range: context.equipment_list.clone(),
            }),
            FieldKey::Quantity => Some(Rule::Whole { min: 0 }),
            FieldKey::UnitCost => Some(Rule::Decimal {
                min: 0.0,
                max: 1_000_000.0,
            }),
            FieldKey::Ordered | FieldKey::Delivered => Some(Rule::Date {
                first: context.first,
                last: context.last,
            }),
            _ => None,
        },
        &[],
    );
    let blank = context.row(&columns, |_| None);
    Form {
        title: context.title(TableKind::Equipment),
        columns,
        rows: vec![blank; EQUIPMENT_ROWS],
    }
}
