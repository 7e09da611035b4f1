//! The Formazione view driven as a user would, headless (egui_kittest): which requests its
//! controls put in the outbox and what it shows. The harness can play the app's part and
//! apply the edits after each frame, so a flow sees its own changes.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::Node;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::TrainingView;
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::i18n::Lang;
use crate::model::{Edit, EditError, Module, ModuleArea, ModuleId, PartnerId, Project};
use crate::ui::theme::{self, ThemeChoice};
use crate::ui::{Outbox, Request, Selection, ViewCtx};

struct State {
    project: Project,
    dashboard: Dashboard,
    revision: u64,
    view: TrainingView,
    selection: Selection,
    outbox: Outbox,
    lang: Lang,
    editable: bool,
    /// Play the app: apply edits and selections after each frame.
    apply: bool,
    /// Every request the view made, in order.
    log: Vec<Request>,
    /// Edits the model refused.
    refused: Vec<EditError>,
}

impl State {
    fn after_frame(&mut self) {
        let requests = std::mem::take(&mut self.outbox.requests);
        let mut changed = false;
        for request in requests {
            if self.apply {
                match &request {
                    Request::Edit(edit) => match edit.clone().apply(&mut self.project) {
                        Ok(_) => changed = true,
                        Err(error) => self.refused.push(error),
                    },
                    Request::SelectPartner { partner, .. } => {
                        self.selection.select_only(partner.clone());
                    }
                    _ => {}
                }
            }
            self.log.push(request);
        }
        if changed {
            self.dashboard = dashboard(&self.project);
            self.revision += 1;
        }
    }

    fn edits(&self) -> Vec<&Edit> {
        self.log
            .iter()
            .filter_map(|request| match request {
                Request::Edit(edit) => Some(edit),
                _ => None,
            })
            .collect()
    }
}

struct Options {
    lang: Lang,
    editable: bool,
    apply: bool,
    theme: ThemeChoice,
    size: egui::Vec2,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::It,
            editable: true,
            apply: false,
            theme: ThemeChoice::Light,
            size: egui::vec2(1920.0, 1080.0),
        }
    }
}

fn harness(project: Project, options: Options) -> Harness<'static, State> {
    let state = State {
        dashboard: dashboard(&project),
        project,
        revision: 1,
        view: TrainingView::default(),
        selection: Selection::default(),
        outbox: Outbox::default(),
        lang: options.lang,
        editable: options.editable,
        apply: options.apply,
        log: Vec::new(),
        refused: Vec::new(),
    };
    let theme_choice = options.theme;
    let mut harness = Harness::builder()
        .with_size(options.size)
        .with_step_dt(1.0 / 60.0)
        .with_theme(theme_choice.egui_theme())
        .with_context_setup(move |ctx| theme::apply(ctx, theme_choice))
        .build_ui_state(
            |ui, state: &mut State| {
                // Framed as the app's central panel frames it.
                egui::CentralPanel::default().show(ui, |ui| {
                    let mut cx = ViewCtx {
                        project: &state.project,
                        dashboard: &state.dashboard,
                        revision: state.revision,
                        lang: state.lang,
                        selection: &state.selection,
                        outbox: &mut state.outbox,
                        editable: state.editable,
                    };
                    state.view.ui(ui, &mut cx);
                });
                state.after_frame();
            },
            state,
        );
    harness.run();
    harness
}

/// The text field named `name` (its label is a node of the same name).
fn field<'h>(harness: &'h Harness<'_, State>, name: &'h str) -> Node<'h> {
    harness.get_by_role_and_label(Role::TextInput, name)
}

fn demo() -> Project {
    crate::demo::embedded()
}

fn module_id(project: &Project, title: &str) -> ModuleId {
    project
        .catalogue
        .iter()
        .find(|(_, m)| m.title == title)
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("no module titled {title}"))
}

/// How many partners chose `module`, counted from the project.
fn chosen_by(project: &Project, module: &ModuleId) -> usize {
    project
        .partners
        .values()
        .filter(|p| p.modules.contains_key(module))
        .count()
}

const MAPPING: &str = "Mappatura delle attività smartabili";

#[test]
fn editing_the_hours_of_a_module_asks_for_the_whole_module_with_the_new_hours() {
    let project = demo();
    let id = module_id(&project, MAPPING);
    let before = project.catalogue[&id].clone();
    let mut harness = harness(project, Options::default());
    harness.get_by_label(MAPPING).click();
    harness.run();
    let hours = field(&harness, "Ore previste");
    assert_eq!(hours.value().as_deref(), Some("12"));
    hours.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field(&harness, "Ore previste").type_text("14,5");
    harness.run();
    let edits = harness.state().edits();
    let Some(Edit::PutModule {
        module,
        value: Some(after),
    }) = edits.last()
    else {
        panic!("expected a module put, got {edits:?}");
    };
    assert_eq!(module, &id);
    assert_eq!(
        after,
        &Module {
            hours: 14.5,
            ..before
        },
        "only the hours change"
    );
}

#[test]
fn a_new_module_gets_a_fresh_id_and_opens_in_the_form() {
    let mut project = demo();
    // The slug of the new title is taken: the new module must not replace this one.
    let mut taken = project.catalogue.values().next().unwrap().clone();
    taken.title = "Un modulo che si chiama già così".to_owned();
    project
        .catalogue
        .insert(ModuleId::new("nuovo-modulo"), taken);
    let mut harness = harness(
        project,
        Options {
            apply: true,
            ..Options::default()
        },
    );
    harness.get_by_label("Nuovo modulo").click();
    harness.run();
    let edits = harness.state().edits();
    let [
        Edit::PutModule {
            module,
            value: Some(new),
        },
    ] = edits.as_slice()
    else {
        panic!("expected one module put, got {edits:?}");
    };
    assert_eq!(module.as_str(), "nuovo-modulo-2");
    assert_eq!(new.title, "Nuovo modulo");
    assert!(!new.retired);
    // Applied: the form edits the new module, its title ready to be typed over.
    let title = field(&harness, "Titolo del modulo");
    assert_eq!(title.value().as_deref(), Some("Nuovo modulo"));
    assert!(title.is_focused());
}

#[test]
fn an_unused_module_can_be_deleted() {
    let mut project = demo();
    let mut spare = project.catalogue.values().next().unwrap().clone();
    spare.title = "Modulo di riserva".to_owned();
    // Listed among the first rows, with the other Organisation modules.
    spare.area = ModuleArea::Organisation;
    project.catalogue.insert(ModuleId::new("riserva"), spare);
    let mut harness = harness(project, Options::default());
    harness.get_by_label("Modulo di riserva").click();
    harness.run();
    assert!(harness.query_by_label_contains("ritiralo").is_none());
    harness.get_by_label("Elimina").click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [&Edit::RemoveModule {
            module: ModuleId::new("riserva")
        }]
    );
}

#[test]
fn a_module_in_use_says_to_retire_it_and_retire_asks_for_it_retired() {
    let project = demo();
    let title = "Riprogettazione di processi e servizi";
    let id = module_id(&project, title);
    let users = chosen_by(&project, &id);
    assert!(users > 1, "the demo's module is chosen by several partners");
    let before = project.catalogue[&id].clone();
    let mut harness = harness(project, Options::default());
    harness.get_by_label(title).click();
    harness.run();
    harness.get_by_label(&format!(
        "Scelto da {users} Comuni: ritiralo invece di eliminarlo"
    ));
    // Delete is there, but cannot be clicked.
    harness.get_by_label("Elimina").click();
    harness.run();
    assert!(harness.state().edits().is_empty());
    harness.get_by_label("Ritira").click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [&Edit::PutModule {
            module: id,
            value: Some(Module {
                retired: true,
                ..before
            })
        }]
    );
}

#[test]
fn clicking_an_empty_cell_chooses_the_module_for_that_partner() {
    let mut project = demo();
    let id = module_id(&project, MAPPING);
    let bra = PartnerId::new("bra");
    project.partners.get_mut(&bra).unwrap().modules.remove(&id);
    let mut harness = harness(project, Options::default());
    harness.get_by_label(&format!("Bra · {MAPPING}")).click();
    harness.run();
    assert_eq!(
        harness.state().log,
        [Request::Edit(Edit::ChooseModule {
            partner: bra,
            module: id
        })]
    );
}

#[test]
fn a_full_row_shows_its_count_and_a_tenth_module_is_refused_by_the_model() {
    let mut project = demo();
    assert!(
        project.partners.values().all(|p| p.modules.len() == 9),
        "every demo partner chose nine modules"
    );
    // Bra drops two modules: 7 of 9.
    let bra = PartnerId::new("bra");
    let dropped: Vec<ModuleId> = project.partners[&bra]
        .modules
        .keys()
        .take(2)
        .cloned()
        .collect();
    for id in &dropped {
        project.partners.get_mut(&bra).unwrap().modules.remove(id);
    }
    let partners = project.partners.len();
    let alba_unchosen = project
        .catalogue
        .iter()
        .find(|(id, m)| {
            !m.retired
                && !project.partners[&PartnerId::new("alba")]
                    .modules
                    .contains_key(*id)
        })
        .map(|(_, m)| m.title.clone())
        .unwrap();
    let mut harness = harness(
        project,
        Options {
            apply: true,
            ..Options::default()
        },
    );
    assert_eq!(harness.query_all_by_label("9/9").count(), partners - 1);
    assert_eq!(harness.query_all_by_label("7/9").count(), 1);
    harness.get_by_label(&format!(
        "{} Comuni hanno raggiunto il massimo",
        partners - 1
    ));
    // A tenth module for Alba: asked for, refused by the model with the limit.
    harness
        .get_by_label(&format!("Alba · {alba_unchosen}"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().refused,
        [EditError::TooManyModules { max: 9 }]
    );
}

#[test]
fn a_chosen_cell_selects_its_partner_and_its_menu_removes_the_choice() {
    let project = demo();
    let id = module_id(&project, MAPPING);
    let (partner, name) = project
        .partners
        .iter()
        .find(|(_, p)| p.modules.contains_key(&id))
        .map(|(id, p)| (id.clone(), p.name.clone()))
        .unwrap();
    let mut harness = harness(project, Options::default());
    let label = format!("{name} · {MAPPING}");
    harness.get_by_label(&label).click();
    harness.run();
    harness.get_by_label(&label).click_secondary();
    harness.run();
    harness.get_by_label("Togli").click();
    harness.run();
    assert_eq!(
        harness.state().log,
        [
            Request::SelectPartner {
                partner: partner.clone(),
                additive: false
            },
            Request::Edit(Edit::PutModuleChoice {
                partner,
                module: id,
                choice: None
            })
        ]
    );
}

#[test]
fn the_maximum_is_a_project_setting() {
    let mut harness = harness(demo(), Options::default());
    let max = field(&harness, "Moduli per Comune (massimo)");
    assert_eq!(max.value().as_deref(), Some("9"));
    max.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field(&harness, "Moduli per Comune (massimo)").type_text("7");
    harness.run();
    assert_eq!(harness.state().edits(), [&Edit::SetMaxModules(7)]);
}

#[test]
fn partners_above_a_lowered_maximum_are_counted() {
    let mut project = demo();
    project.meta.max_modules_per_partner = 8;
    let partners = project.partners.len();
    let harness = harness(project, Options::default());
    harness.get_by_label(&format!("{partners} Comuni oltre il massimo"));
    assert_eq!(harness.query_all_by_label("9/8").count(), partners);
}

#[test]
fn presenting_shows_the_figures_without_any_editing_control() {
    let project = demo();
    let id = module_id(&project, MAPPING);
    let bra = PartnerId::new("bra");
    let mut project = project;
    project.partners.get_mut(&bra).unwrap().modules.remove(&id);
    let mut harness = harness(
        project,
        Options {
            editable: false,
            ..Options::default()
        },
    );
    assert!(harness.query_by_label("Nuovo modulo").is_none());
    assert!(
        harness
            .query_by_label("Moduli per Comune (massimo)")
            .is_none()
    );
    harness.get_by_label("Al massimo 9 moduli per Comune");
    harness.get_by_label(MAPPING).click();
    harness.run();
    assert!(harness.query_by_label("Ore previste").is_none());
    assert!(harness.query_by_label("Elimina").is_none());
    // An empty cell is not a button: nothing to choose while presenting.
    assert!(
        harness
            .query_by_label(&format!("Bra · {MAPPING}"))
            .is_none()
    );
    harness.get_by_label("Completamento per area tematica");
    assert!(harness.state().edits().is_empty());
}

#[test]
fn english_labels() {
    let harness = harness(
        demo(),
        Options {
            lang: Lang::En,
            ..Options::default()
        },
    );
    harness.get_by_label("Module catalogue");
    field(&harness, "Modules per partner (maximum)");
    harness.get_by_label("Completion by module area");
}

#[test]
fn retired_modules_hide_until_asked_for_unless_chosen() {
    let mut project = demo();
    let mut unused = project.catalogue.values().next().unwrap().clone();
    unused.title = "Vecchio modulo".to_owned();
    unused.retired = true;
    unused.area = ModuleArea::Rules;
    project.catalogue.insert(ModuleId::new("vecchio"), unused);
    let mut harness = harness(project, Options::default());
    assert!(harness.query_by_label("Vecchio modulo").is_none());
    harness.get_by_label("Mostra ritirati").click();
    harness.run();
    harness.get_by_label("Vecchio modulo");
}

#[test]
fn a_large_programme_lays_out_only_the_visible_rows() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 400,
        months: 12,
        seed: 9,
    });
    let order = dashboard(&project).partner_order;
    let first = &project.partners[&order[0]].name;
    let last = &project.partners[order.last().unwrap()].name;
    let harness = harness(project.clone(), Options::default());
    assert!(harness.query_by_label(first).is_some());
    assert!(
        harness.query_by_label(last).is_none(),
        "the last of 400 rows is not laid out"
    );
}

#[test]
fn searching_keeps_the_matching_partners() {
    let mut harness = harness(demo(), Options::default());
    harness.get_by_label("Cerca un Comune…").focus();
    harness.run();
    harness.get_by_label("Cerca un Comune…").type_text("sa");
    harness.run();
    // Of the demo's Comuni only Saluzzo and Fossano contain "sa".
    harness.get_by_label("2 Comuni trovati su 8");
    assert!(harness.query_by_label("Saluzzo").is_some());
    assert!(harness.query_by_label("Bra").is_none());
}

/// Renders the view at 1920×1080 and checks the heat map paints each choice the colour of
/// its completion. With `CRUSCOTTO_TRAINING_PNG` set to a folder, also writes the pictures
/// there to look at.
fn render_check(lang: Lang, theme_choice: ThemeChoice, editable: bool, size: egui::Vec2) {
    let project = demo();
    let id = module_id(&project, MAPPING);
    let (name, rate) = project
        .partners
        .values()
        .filter_map(|p| p.modules.get(&id).map(|c| (p, c)))
        .find_map(|(p, c)| super::matrix_cells::rate(c).map(|rate| (p.name.clone(), rate)))
        .unwrap();
    let mut harness = harness(
        project,
        Options {
            lang,
            theme: theme_choice,
            editable,
            size,
            ..Options::default()
        },
    );
    harness.remove_cursor();
    harness.run();
    let image = harness.render().expect("the software renderer draws");
    if let Some(folder) = std::env::var_os("CRUSCOTTO_TRAINING_PNG") {
        let path = std::path::Path::new(&folder).join(format!(
            "training_{}_{theme_choice:?}_{}_{}x{}.png",
            lang.code(),
            if editable { "edit" } else { "present" },
            size.x,
            size.y
        ));
        image.save(&path).expect("the picture is written");
    }
    let rect = harness.get_by_label(&format!("{name} · {MAPPING}")).rect();
    let dark = theme_choice == ThemeChoice::Dark;
    let expected = super::heat::heat_color(rate, dark);
    // Inside the fill, left of the centred percentage.
    let pixel = image.get_pixel((rect.left() + 5.0) as u32, rect.center().y as u32);
    let close = |a: u8, b: u8| a.abs_diff(b) <= 3;
    assert!(
        close(pixel[0], expected.r())
            && close(pixel[1], expected.g())
            && close(pixel[2], expected.b()),
        "cell painted {pixel:?}, the scale says {expected:?}"
    );
}

#[test]
fn the_heat_map_paints_completion_light_italian() {
    render_check(
        Lang::It,
        ThemeChoice::Light,
        true,
        egui::vec2(1920.0, 1080.0),
    );
}

#[test]
fn the_heat_map_paints_completion_dark_english() {
    render_check(
        Lang::En,
        ThemeChoice::Dark,
        true,
        egui::vec2(1920.0, 1080.0),
    );
}

#[test]
fn the_heat_map_paints_completion_when_presenting() {
    render_check(
        Lang::It,
        ThemeChoice::Dark,
        false,
        egui::vec2(1920.0, 1080.0),
    );
}

#[test]
fn a_chosen_cell_menu_opens_its_partner() {
    let project = demo();
    let id = module_id(&project, MAPPING);
    let (partner, name) = project
        .partners
        .iter()
        .find(|(_, p)| p.modules.contains_key(&id))
        .map(|(id, p)| (id.clone(), p.name.clone()))
        .unwrap();
    let mut harness = harness(project, Options::default());
    harness
        .get_by_label(&format!("{name} · {MAPPING}"))
        .click_secondary();
    harness.run();
    harness.get_by_label("Apri il Comune").click();
    harness.run();
    assert_eq!(harness.state().log, [Request::EditPartner(partner)]);
}

#[test]
fn the_matrix_header_names_every_module_in_full_and_hovering_a_title_shows_it() {
    let project = demo();
    let titles: Vec<String> = project
        .catalogue
        .values()
        .filter(|module| !module.retired)
        .map(|module| module.title.clone())
        .collect();
    let longest = titles
        .iter()
        .max_by_key(|title| title.chars().count())
        .unwrap();
    assert!(longest.chars().count() > 40, "{longest}");
    let mut harness = harness(
        project.clone(),
        Options {
            size: egui::vec2(1920.0, 2600.0),
            ..Options::default()
        },
    );
    // The slanted titles are painted: the header says them to a screen reader, in full,
    // in the order of the columns.
    let (rect, label) = harness
        .query_all_by_label_contains(longest)
        .map(|node| {
            let node_text = node.accesskit_node();
            // egui gives a text's words as its value rather than its label.
            let text = node_text.label().or(node_text.value()).unwrap_or_default();
            (node.rect(), text)
        })
        .find(|(_, label)| titles.iter().all(|title| label.contains(title.as_str())))
        .expect("a header naming every module");
    // The first title starts at the bottom left of the header and rises to the right.
    let first = label.split(", ").next().unwrap().to_owned();
    let first = &first;
    let before = harness.query_all_by_label(first).count();
    harness.hover_at(rect.left_bottom() + egui::vec2(8.0, -10.0));
    // Past egui's tooltip delay.
    for _ in 0..60 {
        harness.step();
    }
    assert_eq!(
        harness.query_all_by_label(first).count(),
        before + 1,
        "a tooltip names {first}"
    );
}
