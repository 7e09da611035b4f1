//! Any sequence of edits, undone as many times, gives back the original project exactly;
//! an edit the model refuses changes nothing.

use crate::arb;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use cruscotto::model::edit::StaffField;
use cruscotto::model::*;

/// An edit described by positions into whatever the project holds when it is applied, so
/// edits mostly hit existing items (and sometimes new ones, `pick` past the end).
#[derive(Debug, Clone)]
enum Op {
    Title(String),
    MaxModules(u32),
    Rename(usize, String),
    Province(usize, String),
    Staff(usize, usize, i64),
    Milestone(usize, usize, Option<MilestoneDates>),
    PutPartner(usize, Option<Partner>),
    Choose(usize, usize),
    PutChoice(usize, usize, Option<ModuleChoice>),
    Counts(usize, usize, i64, i64),
    PutSession(usize, usize, usize, Option<Session>),
    PutEquipment(usize, usize, Option<Equipment>),
    Observation(usize, Month, Option<Observation>),
    PutIndicator(usize, usize, Option<IndicatorValues>),
    PutModule(usize, Option<Module>),
    RemoveModule(usize),
    PutScenario(usize, Option<Scenario>),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0..6usize;
    prop_oneof![
        arb::text().prop_map(Op::Title),
        (0..12u32).prop_map(Op::MaxModules),
        (i(), arb::text()).prop_map(|(p, n)| Op::Rename(p, n)),
        (i(), arb::text()).prop_map(|(p, n)| Op::Province(p, n)),
        (i(), 0..4usize, arb::count()).prop_map(|(p, f, v)| Op::Staff(p, f, v)),
        (i(), 0..7usize, option::of(dates())).prop_map(|(p, k, d)| Op::Milestone(p, k, d)),
        (i(), option::of(arb::partner())).prop_map(|(p, v)| Op::PutPartner(p, v)),
        (i(), i()).prop_map(|(p, m)| Op::Choose(p, m)),
        (i(), i(), option::of(arb::module_choice())).prop_map(|(p, m, c)| Op::PutChoice(p, m, c)),
        (i(), i(), arb::count(), arb::count()).prop_map(|(p, m, e, c)| Op::Counts(p, m, e, c)),
        (i(), i(), i(), option::of(arb::session()))
            .prop_map(|(p, m, s, v)| Op::PutSession(p, m, s, v)),
        (i(), i(), option::of(arb::equipment())).prop_map(|(p, e, v)| Op::PutEquipment(p, e, v)),
        (i(), arb::month(), option::of(arb::observation()))
            .prop_map(|(p, m, o)| Op::Observation(p, m, o)),
        (i(), i(), option::of(arb::indicator_values()))
            .prop_map(|(p, k, v)| Op::PutIndicator(p, k, v)),
        (i(), option::of(arb::module())).prop_map(|(m, v)| Op::PutModule(m, v)),
        i().prop_map(Op::RemoveModule),
        (i(), option::of(arb::scenario())).prop_map(|(s, v)| Op::PutScenario(s, v)),
    ]
}

fn dates() -> impl Strategy<Value = MilestoneDates> {
    (option::of(arb::month()), option::of(arb::month()))
        .prop_map(|(planned, actual)| MilestoneDates { planned, actual })
}

/// The `index`-th key of `keys`, or a new id when `index` is past the end.
fn pick<'a, K: 'a + AsRef<str>>(keys: impl Iterator<Item = &'a K>, index: usize) -> String {
    keys.map(|k| k.as_ref().to_owned())
        .nth(index)
        .unwrap_or_else(|| format!("new-{index}"))
}

fn edit_for(project: &Project, op: Op) -> Edit {
    let partner = |p: usize| PartnerId::new(pick(project.partners.keys().map(|k| &k.0), p));
    let module = |m: usize| ModuleId::new(pick(project.catalogue.keys().map(|k| &k.0), m));
    match op {
        Op::Title(title) => Edit::SetTitle(title),
        Op::MaxModules(max) => Edit::SetMaxModules(max),
        Op::Rename(p, name) => Edit::RenamePartner {
            partner: partner(p),
            name,
        },
        Op::Province(p, province) => Edit::SetProvince {
            partner: partner(p),
            province,
        },
        Op::Staff(p, f, value) => Edit::SetStaff {
            partner: partner(p),
            field: StaffField::ALL[f],
            value,
        },
        Op::Milestone(p, k, dates) => Edit::PutMilestone {
            partner: partner(p),
            kind: MilestoneKind::ALL[k],
            dates,
        },
        Op::PutPartner(p, value) => Edit::PutPartner {
            partner: partner(p),
            value: value.map(Box::new),
        },
        Op::Choose(p, m) => Edit::ChooseModule {
            partner: partner(p),
            module: module(m),
        },
        Op::PutChoice(p, m, choice) => Edit::PutModuleChoice {
            partner: partner(p),
            module: module(m),
            choice,
        },
        Op::Counts(p, m, enrolled, completed) => Edit::SetModuleCounts {
            partner: partner(p),
            module: module(m),
            enrolled,
            completed,
        },
        Op::PutSession(p, m, s, value) => {
            let partner = partner(p);
            let module = module(m);
            let session = project
                .partners
                .get(&partner)
                .and_then(|x| x.modules.get(&module))
                .map_or_else(
                    || format!("new-{s}"),
                    |c| pick(c.sessions.keys().map(|k| &k.0), s),
                );
            Edit::PutSession {
                partner,
                module,
                session: SessionId::new(session),
                value,
            }
        }
        Op::PutEquipment(p, e, value) => {
            let partner = partner(p);
            let equipment = project.partners.get(&partner).map_or_else(
                || format!("new-{e}"),
                |x| pick(x.equipment.keys().map(|k| &k.0), e),
            );
            Edit::PutEquipment {
                partner,
                equipment: EquipmentId::new(equipment),
                value,
            }
        }
        Op::Observation(p, month, value) => Edit::SetObservation {
            partner: partner(p),
            month,
            value,
        },
        Op::PutIndicator(p, k, value) => Edit::PutIndicatorValues {
            partner: partner(p),
            indicator: IndicatorId::new(pick(project.indicators.keys().map(|k| &k.0), k)),
            value,
        },
        Op::PutModule(m, value) => Edit::PutModule {
            module: module(m),
            value,
        },
        Op::RemoveModule(m) => Edit::RemoveModule { module: module(m) },
        Op::PutScenario(s, value) => Edit::PutScenario {
            scenario: ScenarioId::new(pick(project.scenarios.keys().map(|k| &k.0), s)),
            value,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn edits_then_as_many_undos_give_back_the_original(
        original in arb::project(),
        ops in vec(op(), 1..24),
    ) {
        let mut project = original.clone();
        let mut inverses = Vec::new();
        for op in ops {
            let edit = edit_for(&project, op);
            let before = project.clone();
            match edit.apply(&mut project) {
                Ok(inverse) => inverses.push(inverse),
                Err(_) => prop_assert_eq!(&project, &before, "a refused edit changed the project"),
            }
        }
        for inverse in inverses.into_iter().rev() {
            prop_assert!(inverse.apply(&mut project).is_ok(), "an undo was refused");
        }
        prop_assert_eq!(project, original);
    }
}
