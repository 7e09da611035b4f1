//! The programme as plain data. Nothing here knows about files or windows: the CLI, the store,
//! the analysis and the app all share these types.

mod catalogue;
mod deck;
pub mod edit;
mod equipment;
mod ids;
mod indicators;
mod milestones;
mod money;
mod month;
mod observation_rows;
mod observations;
mod partner;
mod project;
mod scenario;
pub mod validate;

pub use catalogue::{Audience, Module, ModuleArea, ModuleFormat};
pub use deck::{DEFAULT_COMUNE_SLIDES, Deck, Slide, SlideKind};
pub use edit::{Edit, EditError, EditKey};
pub use equipment::{Equipment, EquipmentKind};
pub use ids::{
    EquipmentId, IndicatorId, ModuleId, PartnerId, ScenarioId, SessionId, SlideId, is_well_formed,
    slug_unique,
};
pub use indicators::{IndicatorBlock, IndicatorDef, IndicatorValues};
pub use milestones::{MilestoneDates, MilestoneKind};
pub use money::Cents;
pub use month::{Month, MonthParseError, YEAR_RANGE};
pub use observations::{Observation, Observations, SURVEY_SCALE, WORKING_DAYS_PER_MONTH};
pub use partner::{ModuleChoice, Partner, Session};
pub use project::{DEFAULT_MAX_MODULES, Language, Project, ProjectMeta};
pub use scenario::{
    MAX_IMITATION, MAX_INNOVATION, MAX_TRAINING_EFFECT, MIN_IMITATION, MIN_INNOVATION,
    ModelSetting, ModelSettings, Scenario, ScenarioChange,
};
