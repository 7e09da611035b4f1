//! The demo programme: a seeded generator of a realistic consortium of Comuni, built on the
//! real figures of the design brief, and the default demo embedded in the binary.
//!
//! The same options and seed always give the same project, byte for byte once saved: the
//! default demo is checked in at `saves/demo.ron` and a test compares the two.

mod adoption;
mod calendar;
mod catalogue;
mod equipment;
mod indicators;
mod milestones;
mod names;
mod profile;
mod random;
mod scenarios;
mod staff;
mod training;

use std::collections::HashSet;
use std::path::Path;

use rand::{RngExt, SeedableRng};

use crate::model::{Deck, Month, Partner, PartnerId, Project, slug_unique};

use calendar::Calendar;
use names::Place;
use random::DemoRng;

/// The checked-in default demo.
const EMBEDDED_DEMO: &str = include_str!("../../saves/demo.ron");
const EMBEDDED_PATH: &str = "saves/demo.ron";

/// The programme starts in January 2025.
const START: (i32, u32) = (2025, 1);
const TITLE: &str = "Lavoro agile nei Comuni — consorzio demo";
const PROGRAMME_CODE: &str = "LAC-DEMO-2025";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// Number of partner Comuni; the first eight are real Comuni of the province of Cuneo.
    pub partners: usize,
    /// Length of the programme in months, starting in January 2025; clamped to
    /// 1..=`MAX_MONTHS`.
    pub months: u32,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            partners: 8,
            months: 24,
            seed: DEFAULT_SEED,
        }
    }
}

/// The seed of the checked-in demo, picked among the first forty as a typical consortium:
/// about a fifth of the headcount working agile after two years, three partners at the
/// regime, a few milestones not yet reached and a few orders still awaited.
pub const DEFAULT_SEED: u64 = 20;

/// The longest programme generated: fifty years, far past any real one.
pub const MAX_MONTHS: u32 = 600;

/// A whole demo programme; deterministic for given options.
pub fn generate(options: &DemoOptions) -> Project {
    let mut rng = DemoRng::seed_from_u64(options.seed);
    let start = Month::new(START.0, START.1).expect("the start month is a valid constant");
    let months = options.months.clamp(1, MAX_MONTHS) as i32;
    let calendar = Calendar {
        start,
        end: start.plus(months - 1),
    };

    let mut project = Project::new(TITLE, calendar.start, calendar.end);
    project.meta.programme_code = PROGRAMME_CODE.to_owned();
    project.catalogue = catalogue::modules();
    project.indicators = catalogue::indicators();

    let slots = calendar.session_slots();
    let mut taken: HashSet<String> = HashSet::with_capacity(options.partners);
    for place in names::places(&mut rng, options.partners) {
        // Each partner draws from its own stream, so its data does not shift when the
        // generation of another partner changes.
        let mut partner_rng = DemoRng::seed_from_u64(rng.random());
        let partner = partner(&mut partner_rng, &place, &project, &calendar, &slots);
        let id = slug_unique(&place.name, |slug| taken.contains(slug));
        taken.insert(id.clone());
        project.partners.insert(PartnerId::new(id), partner);
    }
    project.scenarios = scenarios::scenarios(&project.partners, &calendar);
    project.deck = Deck::default_for(&project);
    if let Some(title) = project.deck.slides.first_mut() {
        title.notes = "Benvenuto ai sindaci e ai segretari; obiettivo: decidere i prossimi passi \
                       del lavoro agile nel consorzio."
            .to_owned();
    }
    project
}

/// One partner with everything the programme records about it.
fn partner(
    rng: &mut DemoRng,
    place: &Place,
    project: &Project,
    calendar: &Calendar,
    slots: &[calendar::Slot],
) -> Partner {
    let profile = profile::profile(rng, place);
    let staff = staff::staff(rng, place.population, profile.size);
    let mut partner = Partner::new(place.name.clone(), place.province, calendar.start);
    partner.population = place.population;
    partner.headcount = staff.headcount;
    partner.managers = staff.managers;
    partner.smartable = staff.smartable;
    partner.milestones = milestones::milestones(rng, profile.pace, calendar);
    partner.modules = training::modules(
        rng,
        &profile,
        &staff,
        calendar,
        slots,
        &project.catalogue,
        project.meta.max_modules_per_partner as usize,
    );
    partner.equipment = equipment::equipment(rng, &profile, &staff, &partner.milestones, calendar);
    partner.observations = adoption::observations(
        rng,
        &profile,
        &staff,
        &partner.milestones,
        &partner.equipment,
        calendar,
    );
    let facts = indicators::Facts {
        partner: &partner,
        profile: &profile,
        catalogue: &project.catalogue,
        calendar,
    };
    partner.indicators = indicators::indicator_values(rng, &facts, &project.indicators);
    partner
}

/// The programme's module catalogue and POLA/PIAO indicators, as the demo has them: the
/// start of a project made from imported data alone (`cruscotto import` without a project).
pub fn standard_catalogues(project: &mut Project) {
    project.catalogue = catalogue::modules();
    project.indicators = catalogue::indicators();
}

/// The default demo as checked in and embedded in the binary.
pub fn embedded() -> Project {
    crate::store::parse(EMBEDDED_DEMO.as_bytes(), Path::new(EMBEDDED_PATH))
        .expect("saves/demo.ron is checked by tests/demo.rs")
}
