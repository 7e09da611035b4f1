use super::*;
use crate::model::{Audience, ModuleArea, ModuleFormat, Observation, SlideKind};

fn m(year: i32, month: u32) -> Month {
    Month::new(year, month).unwrap()
}

fn module(title: &str) -> Module {
    Module {
        title: title.into(),
        area: ModuleArea::Organisation,
        format: ModuleFormat::Classroom,
        hours: 8.0,
        audience: Audience::All,
        indicators: Default::default(),
        retired: false,
    }
}

fn bra() -> PartnerId {
    PartnerId::new("bra")
}

/// One partner, Bra, and a catalogue of twelve modules `m1`..`m12`.
fn project() -> Project {
    let mut project = Project::new("Lavoro agile", m(2025, 1), m(2026, 12));
    project
        .partners
        .insert(bra(), Partner::new("Bra", "CN", m(2025, 1)));
    for i in 1..=12 {
        project.catalogue.insert(
            ModuleId::new(format!("m{i}")),
            module(&format!("Modulo {i}")),
        );
    }
    project
}

fn choose(project: &mut Project, module: &str) -> Result<Edit, EditError> {
    Edit::ChooseModule {
        partner: bra(),
        module: ModuleId::new(module),
    }
    .apply(project)
}

#[test]
fn applying_the_inverse_restores_the_project() {
    let original = project();
    for edit in [
        Edit::SetTitle("Nuovo titolo".into()),
        Edit::RenamePartner {
            partner: bra(),
            name: "Città di Bra".into(),
        },
        Edit::SetStaff {
            partner: bra(),
            field: StaffField::Headcount,
            value: 212,
        },
        Edit::PutPartner {
            partner: bra(),
            value: None,
        },
        Edit::SetObservation {
            partner: bra(),
            month: m(2025, 6),
            value: Some(Observation::new(12, 4.0)),
        },
    ] {
        let mut changed = original.clone();
        let inverse = edit.apply(&mut changed).unwrap();
        assert_ne!(changed, original);
        inverse.apply(&mut changed).unwrap();
        assert_eq!(changed, original);
    }
}

#[test]
fn renaming_a_missing_partner_changes_nothing() {
    let mut changed = project();
    let edit = Edit::RenamePartner {
        partner: PartnerId::new("alba"),
        name: "Alba".into(),
    };
    assert_eq!(
        edit.apply(&mut changed),
        Err(EditError::NoSuchPartner(PartnerId::new("alba")))
    );
    assert_eq!(changed, project());
}

#[test]
fn a_tenth_module_is_refused_and_the_ninth_is_not() {
    let mut project = project();
    for i in 1..=9 {
        choose(&mut project, &format!("m{i}")).unwrap();
    }
    let before = project.clone();
    assert_eq!(
        choose(&mut project, "m10"),
        Err(EditError::TooManyModules { max: 9 })
    );
    assert_eq!(project, before);
    assert_eq!(project.partners[&bra()].modules.len(), 9);
}

#[test]
fn the_maximum_is_the_projects_setting() {
    let mut project = project();
    Edit::SetMaxModules(2).apply(&mut project).unwrap();
    choose(&mut project, "m1").unwrap();
    choose(&mut project, "m2").unwrap();
    assert_eq!(
        choose(&mut project, "m3"),
        Err(EditError::TooManyModules { max: 2 })
    );
}

#[test]
fn choosing_a_chosen_module_keeps_its_sessions_and_undoes_to_itself() {
    let mut project = project();
    choose(&mut project, "m1").unwrap();
    Edit::SetModuleCounts {
        partner: bra(),
        module: ModuleId::new("m1"),
        enrolled: 20,
        completed: 5,
    }
    .apply(&mut project)
    .unwrap();
    let before = project.clone();
    let inverse = choose(&mut project, "m1").unwrap();
    assert_eq!(project, before);
    inverse.apply(&mut project).unwrap();
    assert_eq!(project, before);
}

#[test]
fn retired_and_unknown_modules_cannot_be_chosen() {
    let mut project = project();
    let mut retired = module("Vecchio");
    retired.retired = true;
    Edit::PutModule {
        module: ModuleId::new("m1"),
        value: Some(retired),
    }
    .apply(&mut project)
    .unwrap();
    assert_eq!(
        choose(&mut project, "m1"),
        Err(EditError::RetiredModule(ModuleId::new("m1")))
    );
    assert_eq!(
        choose(&mut project, "zz"),
        Err(EditError::NoSuchModule(ModuleId::new("zz")))
    );
}

#[test]
fn a_module_in_use_cannot_be_removed_but_can_be_retired() {
    let mut project = project();
    choose(&mut project, "m3").unwrap();
    let before = project.clone();
    let remove = Edit::RemoveModule {
        module: ModuleId::new("m3"),
    };
    assert_eq!(
        remove.apply(&mut project),
        Err(EditError::ModuleInUse {
            module: ModuleId::new("m3"),
            partners: 1
        })
    );
    assert_eq!(project, before);
    // Unused modules go.
    let inverse = Edit::RemoveModule {
        module: ModuleId::new("m4"),
    }
    .apply(&mut project)
    .unwrap();
    assert!(!project.catalogue.contains_key(&ModuleId::new("m4")));
    inverse.apply(&mut project).unwrap();
    assert_eq!(project, before);
}

#[test]
fn counts_and_sessions_need_the_module_chosen() {
    let mut project = project();
    let counts = Edit::SetModuleCounts {
        partner: bra(),
        module: ModuleId::new("m1"),
        enrolled: 1,
        completed: 1,
    };
    assert_eq!(
        counts.apply(&mut project),
        Err(EditError::ModuleNotChosen(ModuleId::new("m1")))
    );
}

#[test]
fn keystrokes_in_one_field_share_a_key_and_other_fields_do_not() {
    let headcount = |value| Edit::SetStaff {
        partner: bra(),
        field: StaffField::Headcount,
        value,
    };
    let managers = Edit::SetStaff {
        partner: bra(),
        field: StaffField::Managers,
        value: 3,
    };
    assert_eq!(headcount(1).key(), headcount(12).key());
    assert_ne!(headcount(1).key(), managers.key());
}

fn deck_project() -> Project {
    let mut project = project();
    project.deck = crate::model::Deck::default_for(&project);
    project
}

fn slide(id: &str) -> SlideId {
    SlideId::new(id)
}

fn order(project: &Project) -> Vec<&str> {
    project.deck.slides.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn deck_edits_undo_to_the_deck_as_it_was() {
    let original = deck_project();
    let copy = original.deck.duplicate_of(&slide("comune-bra")).unwrap();
    for edit in [
        Edit::InsertSlide { at: 6, slide: copy },
        Edit::RemoveSlide {
            slide: slide("kpis"),
        },
        Edit::MoveSlide {
            slide: slide("findings"),
            to: 0,
        },
        Edit::MoveSlide {
            slide: slide("title"),
            to: 99,
        },
        Edit::SetSlideHidden {
            slide: slide("training"),
            hidden: true,
        },
        Edit::SetSlideKind {
            slide: slide("comune-bra"),
            kind: SlideKind::Kpis,
        },
        Edit::SetSlideNotes {
            slide: slide("title"),
            notes: "Saluti".into(),
        },
        Edit::ReplaceDeck(crate::model::Deck::default()),
    ] {
        let mut changed = original.clone();
        let inverse = edit.clone().apply(&mut changed).unwrap();
        assert_ne!(changed, original, "{edit:?} changed nothing");
        inverse.apply(&mut changed).unwrap();
        assert_eq!(changed, original, "{edit:?} was not undone");
    }
}

#[test]
fn slides_move_and_duplicate_where_asked() {
    let mut project = deck_project();
    Edit::MoveSlide {
        slide: slide("findings"),
        to: 1,
    }
    .apply(&mut project)
    .unwrap();
    assert_eq!(order(&project)[..3], ["title", "findings", "kpis"]);
    let copy = project.deck.duplicate_of(&slide("kpis")).unwrap();
    Edit::InsertSlide { at: 3, slide: copy }
        .apply(&mut project)
        .unwrap();
    assert_eq!(
        order(&project)[..4],
        ["title", "findings", "kpis", "kpis-2"]
    );
}

#[test]
fn deck_edits_of_missing_slides_or_taken_ids_change_nothing() {
    let mut project = deck_project();
    let before = project.clone();
    assert_eq!(
        Edit::SetSlideHidden {
            slide: slide("nope"),
            hidden: true
        }
        .apply(&mut project),
        Err(EditError::NoSuchSlide(slide("nope")))
    );
    let taken = project.deck.slides[0].clone();
    assert_eq!(
        Edit::InsertSlide {
            at: 0,
            slide: taken
        }
        .apply(&mut project),
        Err(EditError::SlideExists(slide("title")))
    );
    assert_eq!(project, before);
}

#[test]
fn typing_notes_merges_into_one_step_per_slide() {
    let notes = |id: &str, text: &str| Edit::SetSlideNotes {
        slide: slide(id),
        notes: text.into(),
    };
    assert_eq!(notes("title", "S").key(), notes("title", "Sa").key());
    assert_ne!(notes("title", "S").key(), notes("kpis", "S").key());
    assert!(notes("title", "S").touches_only_deck());
}
