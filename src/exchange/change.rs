//! One value an import sets on one Comune, with the value it replaces.

use std::sync::Arc;

use crate::model::{
    Equipment, EquipmentId, IndicatorId, ModuleId, Month, Observation, Partner, PartnerId, Session,
    SessionId, edit::StaffField,
};

/// What of a Comune a change sets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Province,
    Istat,
    Staff(StaffField),
    Observation(Month),
    Equipment(EquipmentId),
    /// Boxed, so that the many targets of a large import are the size of the small ones.
    Session(Box<(ModuleId, SessionId)>),
    /// Enrolled and completed of a chosen module.
    ModuleCounts(ModuleId),
    Baseline(IndicatorId),
    IndicatorTarget(IndicatorId, i32),
    Observed(IndicatorId, Month),
}

impl Target {
    pub fn session(module: ModuleId, session: SessionId) -> Target {
        Target::Session(Box::new((module, session)))
    }

    /// The catalogue module the change needs the Comune to have chosen.
    pub fn module(&self) -> Option<&ModuleId> {
        match self {
            Target::Session(key) => Some(&key.0),
            Target::ModuleCounts(module) => Some(module),
            _ => None,
        }
    }
}

/// The value a change sets.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Count(i64),
    Number(f64),
    Observation(Observation),
    Equipment(Equipment),
    Session(Session),
    Counts { enrolled: i64, completed: i64 },
}

/// Whether a conflict keeps the project's value or takes the file's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    Keep,
    /// The file is the newer word: what the user chose to import (see docs/exchange.md).
    #[default]
    Overwrite,
}

/// One value to set on one Comune.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Shared by all the changes of one Comune: a million-row file names a few thousand.
    pub partner: Arc<PartnerId>,
    pub target: Target,
    pub value: Value,
    /// What the project holds there now, when something (and not the same value).
    pub old: Option<Value>,
    /// The first spreadsheet row (1-based) the value comes from.
    pub row: usize,
    pub resolution: Resolution,
}

// A file that changes a million values makes a million changes, and as many targets are
// remembered while it is planned: keep both small.
const _: () = assert!(std::mem::size_of::<Target>() == 32);
const _: () = assert!(std::mem::size_of::<Change>() == 184);

impl Change {
    /// A change that would replace a different value already in the project.
    pub fn is_conflict(&self) -> bool {
        self.old.is_some()
    }

    /// Whether applying the plan writes this change.
    pub fn applies(&self) -> bool {
        !self.is_conflict() || self.resolution == Resolution::Overwrite
    }
}

/// The project's value at `target`, if it holds one. Zero staff figures and counts of a
/// module nobody enrolled in are "nothing yet", not values to protect.
pub fn current(partner: &Partner, target: &Target) -> Option<Value> {
    match target {
        Target::Province => {
            Some(Value::Text(partner.province.clone())).filter(|_| !partner.province.is_empty())
        }
        Target::Istat => partner.istat.clone().map(Value::Text),
        Target::Staff(field) => Some(field.get(partner))
            .filter(|v| *v != 0)
            .map(Value::Count),
        Target::Observation(month) => partner
            .observations
            .get(*month)
            .copied()
            .map(Value::Observation),
        Target::Equipment(id) => partner.equipment.get(id).cloned().map(Value::Equipment),
        Target::Session(key) => partner
            .modules
            .get(&key.0)?
            .sessions
            .get(&key.1)
            .cloned()
            .map(Value::Session),
        Target::ModuleCounts(module) => {
            let choice = partner.modules.get(module)?;
            (choice.enrolled != 0 || choice.completed != 0).then_some(Value::Counts {
                enrolled: choice.enrolled,
                completed: choice.completed,
            })
        }
        Target::Baseline(id) => partner.indicators.get(id)?.baseline.map(Value::Number),
        Target::IndicatorTarget(id, year) => partner
            .indicators
            .get(id)?
            .targets
            .get(year)
            .copied()
            .map(Value::Number),
        Target::Observed(id, month) => partner
            .indicators
            .get(id)?
            .observed
            .get(month)
            .copied()
            .map(Value::Number),
    }
}

/// Writes `value` at `target` on `partner`. The module is chosen first where needed (the
/// plan has checked the programme's maximum). Returns `false` for a value of the wrong shape
/// (never made by the plan).
pub fn write(partner: &mut Partner, target: &Target, value: &Value) -> bool {
    match (target, value) {
        (Target::Province, Value::Text(text)) => partner.province = text.clone(),
        (Target::Istat, Value::Text(text)) => partner.istat = Some(text.clone()),
        (Target::Staff(field), Value::Count(count)) => match field {
            StaffField::Population => partner.population = *count,
            StaffField::Headcount => partner.headcount = *count,
            StaffField::Managers => partner.managers = *count,
            StaffField::Smartable => partner.smartable = *count,
        },
        (Target::Observation(month), Value::Observation(observation)) => {
            partner.observations.set(*month, Some(*observation));
        }
        (Target::Equipment(id), Value::Equipment(equipment)) => {
            partner.equipment.insert(id.clone(), equipment.clone());
        }
        (Target::Session(key), Value::Session(session)) => {
            let (module, id) = &**key;
            let choice = partner.modules.entry(module.clone()).or_default();
            choice.sessions.insert(id.clone(), session.clone());
        }
        (
            Target::ModuleCounts(module),
            Value::Counts {
                enrolled,
                completed,
            },
        ) => {
            let choice = partner.modules.entry(module.clone()).or_default();
            choice.enrolled = *enrolled;
            choice.completed = *completed;
        }
        (Target::Baseline(id), Value::Number(number)) => {
            partner.indicators.entry(id.clone()).or_default().baseline = Some(*number);
        }
        (Target::IndicatorTarget(id, year), Value::Number(number)) => {
            let values = partner.indicators.entry(id.clone()).or_default();
            values.targets.insert(*year, *number);
        }
        (Target::Observed(id, month), Value::Number(number)) => {
            let values = partner.indicators.entry(id.clone()).or_default();
            values.observed.insert(*month, *number);
        }
        _ => return false,
    }
    true
}
