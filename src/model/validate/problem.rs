//! What a finding is about, as values rather than text, so the app can translate it; the
//! English `message` serves the command line.

use crate::model::{Cents, EquipmentId, IndicatorId, MilestoneKind, ModuleId, Month, PartnerId};

/// A field a finding talks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Name,
    Population,
    Headcount,
    Managers,
    Smartable,
    Enrolled,
    Completed,
    Attendees,
    Hours,
    SessionDate,
    Quantity,
    UnitCost,
    Ordered,
    Delivered,
    ObservationMonth,
    SmartWorkers,
    AgileDays,
    Wellbeing,
    WorkLifeBalance,
    Belonging,
    PlannedMonth,
    ActualMonth,
    Baseline,
    YearTarget,
    ObservedValue,
    ObservedMonth,
    CompletionRate,
    CeilingShare,
    PilotShare,
    OwnDeviceShare,
    TrainingEffect,
    InnovationPrior,
    ImitationPrior,
}

impl Field {
    /// English label for command-line output; the app translates through its i18n layer.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Name => "name",
            // As the partner editor labels them, so a message names a field one can find.
            Field::Population => "resident population",
            Field::Headcount => "staff",
            Field::Managers => "managers and PO",
            Field::Smartable => "staff with smartable activities",
            Field::Enrolled => "enrolled",
            Field::Completed => "completed",
            Field::Attendees => "attendees",
            Field::Hours => "hours",
            Field::SessionDate => "session date",
            Field::Quantity => "quantity",
            Field::UnitCost => "unit cost",
            Field::Ordered => "ordered",
            Field::Delivered => "delivered",
            Field::ObservationMonth => "observation",
            Field::SmartWorkers => "smart workers",
            Field::AgileDays => "agile days",
            Field::Wellbeing => "wellbeing score",
            Field::WorkLifeBalance => "work-life balance score",
            Field::Belonging => "belonging score",
            Field::PlannedMonth => "planned month",
            Field::ActualMonth => "actual month",
            Field::Baseline => "baseline",
            Field::YearTarget => "yearly target",
            Field::ObservedValue => "observed value",
            Field::ObservedMonth => "observed month",
            Field::CompletionRate => "completion rate",
            Field::CeilingShare => "ceiling share",
            Field::PilotShare => "pilot share",
            Field::OwnDeviceShare => "own-device share",
            Field::TrainingEffect => "training effect",
            Field::InnovationPrior => "innovation p (prior)",
            Field::ImitationPrior => "imitation q (prior)",
        }
    }
}

/// What is wrong, with the values involved.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A count below zero.
    Negative {
        field: Field,
        value: i64,
    },
    /// An amount of money below zero.
    NegativeAmount {
        field: Field,
        value: Cents,
    },
    /// `value` of `field` is larger than `limit` of `limit_field` (e.g. completed > enrolled).
    Exceeds {
        field: Field,
        value: i64,
        limit_field: Field,
        limit: i64,
    },
    /// Must be a finite number greater than zero.
    NotPositive {
        field: Field,
        value: f64,
    },
    NotFinite {
        field: Field,
    },
    OutOfRange {
        field: Field,
        value: f64,
        min: f64,
        max: f64,
    },
    /// More agile days than the in-person share allows (in-person work must prevail).
    MostlyRemote {
        days: f64,
        max: f64,
    },
    TooManyModules {
        chosen: usize,
        max: u32,
    },
    UnknownModule {
        module: ModuleId,
    },
    UnknownIndicator {
        indicator: IndicatorId,
    },
    UnknownPartner {
        partner: PartnerId,
    },
    /// A scenario names a purchase the partner does not have.
    UnknownEquipment {
        equipment: EquipmentId,
    },
    RetiredModule,
    EndBeforeStart {
        start: Month,
        end: Month,
    },
    OutsideProgramme {
        field: Field,
        month: Month,
        start: Month,
        end: Month,
    },
    DeliveredBeforeOrdered {
        ordered: Month,
        delivered: Month,
    },
    /// `after` actually happened before `before`, which normally comes first.
    MilestoneOrder {
        before: MilestoneKind,
        before_month: Month,
        after: MilestoneKind,
        after_month: Month,
    },
    MalformedId {
        id: String,
    },
    Empty {
        field: Field,
    },
}

impl Problem {
    /// English text for command-line output.
    pub fn message(&self) -> String {
        match self {
            Problem::Negative { field, value } => {
                format!("{} is negative ({value})", field.label())
            }
            Problem::NegativeAmount { field, value } => {
                format!("{} is negative ({value} €)", field.label())
            }
            Problem::Exceeds {
                field,
                value,
                limit_field,
                limit,
            } => format!(
                "{value} {} > {limit} {}",
                field.label(),
                limit_field.label()
            ),
            Problem::NotPositive { field, value } => {
                format!("{} must be more than 0, found {value}", field.label())
            }
            Problem::NotFinite { field } => format!("{} is not a finite number", field.label()),
            Problem::OutOfRange {
                field,
                value,
                min,
                max,
            } => format!("{} {value} outside {min}–{max}", field.label()),
            Problem::MostlyRemote { days, max } => {
                format!("{days} agile days a month: in-person work must prevail (at most {max})")
            }
            Problem::TooManyModules { chosen, max } => {
                format!("{chosen} modules chosen, more than the maximum of {max}")
            }
            Problem::UnknownModule { module } => {
                format!("module \"{module}\" is not in the catalogue")
            }
            Problem::UnknownIndicator { indicator } => {
                format!("indicator \"{indicator}\" is not in the indicator catalogue")
            }
            Problem::UnknownPartner { partner } => {
                format!("partner \"{partner}\" does not exist")
            }
            Problem::UnknownEquipment { equipment } => {
                format!("purchase \"{equipment}\" is not among the partner's equipment")
            }
            Problem::RetiredModule => "the module is retired from the catalogue".to_owned(),
            Problem::EndBeforeStart { start, end } => {
                format!("the programme ends ({end}) before it starts ({start})")
            }
            Problem::OutsideProgramme {
                field,
                month,
                start,
                end,
            } => format!(
                "{} {month} is outside the programme ({start} to {end})",
                field.label()
            ),
            Problem::DeliveredBeforeOrdered { ordered, delivered } => {
                format!("delivered {delivered}, before it was ordered ({ordered})")
            }
            Problem::MilestoneOrder {
                before,
                before_month,
                after,
                after_month,
            } => format!(
                "{} ({after_month}) came before {} ({before_month})",
                after.label(),
                before.label()
            ),
            Problem::MalformedId { id } => {
                format!("id \"{id}\" should use only letters, digits, - and _")
            }
            Problem::Empty { field } => format!("{} is empty", field.label()),
        }
    }

    /// The field the problem shows next to in an editor, when it concerns one. Problems of a
    /// whole item (an unknown module, milestones out of order) return `None`, except that
    /// agile days and the milestone order point at the value the user would change.
    pub fn field(&self) -> Option<Field> {
        match self {
            Problem::Negative { field, .. }
            | Problem::NegativeAmount { field, .. }
            | Problem::Exceeds { field, .. }
            | Problem::NotPositive { field, .. }
            | Problem::NotFinite { field }
            | Problem::OutOfRange { field, .. }
            | Problem::OutsideProgramme { field, .. }
            | Problem::Empty { field } => Some(*field),
            Problem::MostlyRemote { .. } => Some(Field::AgileDays),
            Problem::DeliveredBeforeOrdered { .. } => Some(Field::Delivered),
            Problem::MilestoneOrder { .. } => Some(Field::ActualMonth),
            Problem::TooManyModules { .. }
            | Problem::UnknownModule { .. }
            | Problem::UnknownIndicator { .. }
            | Problem::UnknownPartner { .. }
            | Problem::UnknownEquipment { .. }
            | Problem::RetiredModule
            | Problem::EndBeforeStart { .. }
            | Problem::MalformedId { .. } => None,
        }
    }
}
