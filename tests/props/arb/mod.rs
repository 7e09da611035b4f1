//! Proptest strategies for whole projects, shared by the property tests. Values are
//! deliberately unconstrained by the validation rules (negative counts, odd text, months out of the programme): a project file
//! must keep whatever the user typed, valid or not.

use std::collections::BTreeMap;

use cruscotto::model::*;
use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;

/// Text users might type: accents, quotes, backslashes, newlines, emoji, RON punctuation.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z àèéìòù'’\"\\\\(){}\\[\\],:;#/*\n\t€🙂-]{0,24}",
        Just(String::new()),
        Just("Comune di Sant'Angelo \"Lodigiano\"".to_owned()),
    ]
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9_-]{1,10}"
}

/// Finite values of every magnitude and sign (NaN is never equal to itself, so a round trip
/// could not be compared; the model rejects it at the edit boundary instead).
pub fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO,
        Just(0.1),
        Just(-0.0),
    ]
}

pub fn count() -> impl Strategy<Value = i64> {
    prop_oneof![0..100_000i64, any::<i64>()]
}

pub fn month() -> impl Strategy<Value = Month> {
    (YEAR_RANGE, 1..=12u32).prop_map(|(year, month)| Month::new(year, month).expect("in range"))
}

fn date() -> impl Strategy<Value = jiff::civil::Date> {
    (2000..2100i16, 1..=12i8, 1..=28i8).prop_map(|(y, m, d)| jiff::civil::date(y, m, d))
}

pub fn module() -> impl Strategy<Value = Module> {
    (
        text(),
        proptest::sample::select(ModuleArea::ALL.to_vec()),
        proptest::sample::select(ModuleFormat::ALL.to_vec()),
        number(),
        proptest::sample::select(Audience::ALL.to_vec()),
        btree_set(id().prop_map(IndicatorId), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(title, area, format, hours, audience, indicators, retired)| Module {
                title,
                area,
                format,
                hours,
                audience,
                indicators,
                retired,
            },
        )
}

pub fn indicator() -> impl Strategy<Value = IndicatorDef> {
    (
        text(),
        proptest::sample::select(IndicatorBlock::ALL.to_vec()),
        text(),
        any::<bool>(),
    )
        .prop_map(|(name, block, unit, higher_is_better)| IndicatorDef {
            name,
            block,
            unit,
            higher_is_better,
        })
}

fn milestones() -> impl Strategy<Value = BTreeMap<MilestoneKind, MilestoneDates>> {
    btree_map(
        proptest::sample::select(MilestoneKind::ALL.to_vec()),
        (option::of(month()), option::of(month()))
            .prop_map(|(planned, actual)| MilestoneDates { planned, actual }),
        0..7,
    )
}

pub fn session() -> impl Strategy<Value = Session> {
    (date(), number(), count()).prop_map(|(date, hours, attendees)| Session {
        date,
        hours,
        attendees,
    })
}

pub fn module_choice() -> impl Strategy<Value = ModuleChoice> {
    (
        count(),
        count(),
        btree_map(id().prop_map(SessionId), session(), 0..4),
    )
        .prop_map(|(enrolled, completed, sessions)| ModuleChoice {
            enrolled,
            completed,
            sessions,
        })
}

pub fn equipment() -> impl Strategy<Value = Equipment> {
    (
        proptest::sample::select(EquipmentKind::ALL.to_vec()),
        count(),
        any::<i64>().prop_map(Cents),
        option::of(month()),
        option::of(month()),
    )
        .prop_map(
            |(kind, quantity, unit_cost, ordered, delivered)| Equipment {
                kind,
                quantity,
                unit_cost,
                ordered,
                delivered,
            },
        )
}

pub fn observation() -> impl Strategy<Value = Observation> {
    (
        count(),
        number(),
        option::of(number()),
        option::of(number()),
        option::of(number()),
    )
        .prop_map(
            |(smart_workers, agile_days, wellbeing, work_life_balance, belonging)| Observation {
                smart_workers,
                agile_days,
                wellbeing,
                work_life_balance,
                belonging,
            },
        )
}

fn observations() -> impl Strategy<Value = Observations> {
    (month(), vec(option::of(observation()), 0..30))
        .prop_map(|(start, months)| Observations { start, months })
}

pub fn indicator_values() -> impl Strategy<Value = IndicatorValues> {
    (
        option::of(number()),
        btree_map(2000..2100i32, number(), 0..3),
        btree_map(month(), number(), 0..3),
    )
        .prop_map(|(baseline, targets, observed)| IndicatorValues {
            baseline,
            targets,
            observed,
        })
}

pub fn partner() -> impl Strategy<Value = Partner> {
    (
        (text(), text(), count(), count(), count(), count()),
        milestones(),
        btree_map(id().prop_map(ModuleId), module_choice(), 0..4),
        btree_map(id().prop_map(EquipmentId), equipment(), 0..3),
        observations(),
        btree_map(id().prop_map(IndicatorId), indicator_values(), 0..3),
        option::of("[0-9]{6}"),
    )
        .prop_map(
            |(
                (name, province, population, headcount, managers, smartable),
                milestones,
                modules,
                equipment,
                observations,
                indicators,
                istat,
            )| Partner {
                name,
                province,
                istat,
                population,
                headcount,
                managers,
                smartable,
                milestones,
                modules,
                equipment,
                observations,
                indicators,
            },
        )
}

fn scenario_change() -> impl Strategy<Value = ScenarioChange> {
    let partner = || option::of(id().prop_map(PartnerId));
    prop_oneof![
        (
            partner(),
            proptest::sample::select(MilestoneKind::ALL.to_vec()),
            any::<i32>()
        )
            .prop_map(
                |(partner, milestone, months)| ScenarioChange::ShiftMilestone {
                    partner,
                    milestone,
                    months
                }
            ),
        (
            id().prop_map(PartnerId),
            proptest::sample::select(EquipmentKind::ALL.to_vec()),
            count(),
            any::<i64>().prop_map(Cents),
            month()
        )
            .prop_map(|(partner, kind, quantity, unit_cost, delivered)| {
                ScenarioChange::AddEquipment {
                    partner,
                    kind,
                    quantity,
                    unit_cost,
                    delivered,
                }
            }),
        (partner(), id().prop_map(ModuleId), number()).prop_map(|(partner, module, rate)| {
            ScenarioChange::SetCompletionRate {
                partner,
                module,
                rate,
            }
        }),
        (partner(), number())
            .prop_map(|(partner, share)| ScenarioChange::SetCeiling { partner, share }),
        (partner(), number())
            .prop_map(|(partner, days)| ScenarioChange::SetAgileDays { partner, days }),
        (
            id().prop_map(PartnerId),
            id().prop_map(EquipmentId),
            month()
        )
            .prop_map(
                |(partner, equipment, delivered)| ScenarioChange::MoveEquipment {
                    partner,
                    equipment,
                    delivered,
                }
            ),
        (partner(), id().prop_map(ModuleId), any::<i32>()).prop_map(|(partner, module, months)| {
            ScenarioChange::ShiftModule {
                partner,
                module,
                months,
            }
        }),
        (
            partner(),
            proptest::sample::select(ModelSetting::ALL.to_vec()),
            number()
        )
            .prop_map(
                |(partner, setting, value)| ScenarioChange::SetModelSetting {
                    partner,
                    setting,
                    value,
                }
            ),
    ]
}

pub fn scenario() -> impl Strategy<Value = Scenario> {
    (text(), text(), vec(scenario_change(), 0..4)).prop_map(|(name, description, changes)| {
        Scenario {
            name,
            description,
            changes,
        }
    })
}

fn meta() -> impl Strategy<Value = ProjectMeta> {
    (
        text(),
        text(),
        month(),
        month(),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(
            |(title, programme_code, start, end, max_modules_per_partner, italian)| ProjectMeta {
                title,
                programme_code,
                start,
                end,
                max_modules_per_partner,
                language: if italian {
                    Language::Italian
                } else {
                    Language::English
                },
            },
        )
}

pub fn project() -> impl Strategy<Value = Project> {
    (
        meta(),
        btree_map(id().prop_map(ModuleId), module(), 0..4),
        btree_map(id().prop_map(IndicatorId), indicator(), 0..3),
        btree_map(id().prop_map(PartnerId), partner(), 0..4),
        btree_map(id().prop_map(ScenarioId), scenario(), 0..3),
        vec((any::<bool>(), text()), 0..4),
    )
        .prop_map(
            |(meta, catalogue, indicators, partners, scenarios, slide_edits)| {
                let mut project = Project {
                    meta,
                    catalogue,
                    indicators,
                    partners,
                    scenarios,
                    deck: Deck::default(),
                };
                project.deck = Deck::default_for(&project);
                for (slide, (hidden, notes)) in project.deck.slides.iter_mut().zip(slide_edits) {
                    slide.hidden = hidden;
                    slide.notes = notes;
                }
                // A slide of a Comune the project no longer has is kept as it is.
                let orphan = project.deck.new_slide(SlideKind::Comune {
                    partner: PartnerId::new("gone"),
                });
                project.deck.slides.push(orphan);
                project
            },
        )
}
