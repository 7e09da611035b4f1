//! The overview driven as a user would, headless (egui_kittest without rendering): what it
//! shows, and which requests its controls put in the outbox.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::OverviewView;
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::i18n::findings::describe;
use crate::i18n::{Lang, format};
use crate::model::{Edit, PartnerId, Project};
use crate::ui::{Outbox, Request, Selection, ViewCtx};

struct State {
    project: Project,
    dashboard: Dashboard,
    view: OverviewView,
    selection: Selection,
    outbox: Outbox,
    editable: bool,
}

fn harness(project: Project, selection: &[&str], editable: bool) -> Harness<'static, State> {
    harness_sized(project, selection, editable, egui::vec2(1920.0, 1080.0))
}

fn harness_sized(
    project: Project,
    selection: &[&str],
    editable: bool,
    size: egui::Vec2,
) -> Harness<'static, State> {
    let dashboard = dashboard(&project);
    let state = State {
        project,
        dashboard,
        view: OverviewView::default(),
        selection: Selection {
            partners: selection.iter().map(|id| PartnerId::new(*id)).collect(),
            focus: None,
        },
        outbox: Outbox::default(),
        editable,
    };
    let mut harness = Harness::builder()
        .with_size(size)
        // Frames as a window draws them: egui needs the two clicks of a double click
        // within 0.3 s, and the harness's default frame is 0.25 s.
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(
            |ui, state: &mut State| {
                let mut cx = ViewCtx {
                    project: &state.project,
                    dashboard: &state.dashboard,
                    revision: 1,
                    lang: Lang::It,
                    selection: &state.selection,
                    outbox: &mut state.outbox,
                    editable: state.editable,
                };
                state.view.ui(ui, &mut cx);
            },
            state,
        );
    harness.run();
    harness
}

#[test]
fn the_cards_show_the_consortium_figures_of_the_analysis() {
    let harness = harness(crate::demo::embedded(), &[], true);
    let kpis = &harness.state().dashboard.kpis;
    let staff = format::integer(Lang::It, kpis.staff.value.unwrap().round() as i64);
    let adoption = format::percent(Lang::It, kpis.adoption.value.unwrap(), 1);
    // The partner editor's term for the same figure.
    harness.get_by_label("Dipendenti");
    harness.get_by_label(&staff);
    harness.get_by_label(&adoption);
    harness.get_by_label("8 Comuni partner");
    assert!(
        harness.state().outbox.requests.is_empty(),
        "drawing asks for nothing"
    );
}

#[test]
fn clicking_a_partner_in_the_milestone_grid_selects_it() {
    let mut harness = harness(crate::demo::embedded(), &[], true);
    harness.get_by_role_and_label(Role::Button, "Bra").click();
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::SelectPartner {
            partner: PartnerId::new("bra"),
            additive: false
        }]
    );
}

#[test]
fn typing_in_the_title_asks_for_a_title_edit() {
    let mut harness = harness(crate::demo::embedded(), &[], true);
    let title = harness.state().project.meta.title.clone();
    let field = harness.get_by_label("Titolo del progetto");
    field.focus();
    field.type_text("!");
    harness.run();
    let requests = &harness.state().outbox.requests;
    let [Request::Edit(Edit::SetTitle(new))] = requests.as_slice() else {
        panic!("expected one title edit, got {requests:?}");
    };
    assert_eq!(new.len(), title.len() + 1);
    assert!(new.contains('!'));
}

#[test]
fn renaming_the_one_selected_partner_asks_for_a_rename() {
    let mut harness = harness(crate::demo::embedded(), &["bra"], true);
    let field = harness.get_by_label("Nome del Comune selezionato");
    assert_eq!(field.value().as_deref(), Some("Bra"));
    field.focus();
    field.type_text("x");
    harness.run();
    let requests = &harness.state().outbox.requests;
    assert!(
        matches!(
            requests.as_slice(),
            [Request::Edit(Edit::RenamePartner { partner, name })]
                if partner.as_str() == "bra" && name.len() == 4
        ),
        "{requests:?}"
    );
}

#[test]
fn presenting_hides_the_edit_fields() {
    let harness = harness(crate::demo::embedded(), &["bra"], false);
    assert!(harness.query_by_label("Titolo del progetto").is_none());
    assert!(
        harness
            .query_by_label("Nome del Comune selezionato")
            .is_none()
    );
    let title = harness.state().project.meta.title.clone();
    harness.get_by_label(&title);
    harness.get_by_label("Selezionato: Bra");
}

#[test]
fn clicking_a_finding_asks_to_reveal_its_item() {
    let mut project = crate::demo::embedded();
    for partner in project.partners.values_mut() {
        partner.smartable = partner.headcount + 10;
    }
    let mut harness = harness(project, &[], true);
    let first = harness.state().dashboard.findings[0].clone();
    let text = describe(Lang::It, &harness.state().project, &first);
    harness.get_by_label_contains(&text).click();
    harness.run();
    assert_eq!(
        harness.state().outbox.requests,
        [Request::Reveal(first.target)]
    );
}

#[test]
fn many_partners_show_the_band_and_the_selected_partners_only() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 40,
        months: 24,
        seed: 3,
    });
    let ids: Vec<PartnerId> = project.partners.keys().cloned().collect();
    let selected = project.partners[&ids[5]].name.clone();
    let unselected = project.partners[&ids[6]].name.clone();
    let harness = harness(project, &[ids[5].as_str()], true);
    // The plot's legend entries are checkboxes named after the series.
    let legend = |name: &str| {
        harness
            .query_by_role_and_label(Role::CheckBox, name)
            .is_some()
    };
    assert!(legend("Consorzio"));
    assert!(legend("Mediana dei Comuni"));
    assert!(legend("Comuni P10–P90"));
    assert!(legend(&selected));
    assert!(!legend(&unselected));
}

/// The screen position of `partner`'s adoption in the month where its line is farthest
/// from every other line, and that distance in percentage points.
fn clear_point_on_line(harness: &Harness<'_, State>, partner: &str) -> (egui::Pos2, f64) {
    let adoption = &harness.state().dashboard.adoption;
    let own = &adoption.partners[&PartnerId::new(partner)];
    let others: Vec<&Vec<Option<f64>>> = adoption
        .partners
        .iter()
        .filter(|(id, _)| id.as_str() != partner)
        .map(|(_, values)| values)
        .chain([&adoption.consortium])
        .collect();
    let (month, value, gap) = own
        .iter()
        .enumerate()
        .filter_map(|(month, value)| value.map(|value| (month, value)))
        .map(|(month, value)| {
            let gap = others
                .iter()
                .filter_map(|values| values[month])
                .map(|other| (other - value).abs())
                .fold(f64::INFINITY, f64::min);
            (month, value, gap)
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .unwrap();
    let memory = egui_plot::PlotMemory::load(&harness.ctx, super::adoption_plot::plot_id())
        .expect("the plot was drawn");
    let position = memory
        .transform()
        .position_from_point(&egui_plot::PlotPoint::new(month as f64, value));
    (position, gap)
}

fn click_at(harness: &mut Harness<'_, State>, position: egui::Pos2, modifiers: egui::Modifiers) {
    harness.hover_at(position);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: position,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.run();
}

#[test]
fn clicking_a_line_selects_its_partner_and_ctrl_click_adds_it() {
    let mut harness = harness(crate::demo::embedded(), &[], true);
    let (position, gap) = clear_point_on_line(&harness, "cuneo");
    assert!(
        gap > 5.0,
        "the demo has a month where Cuneo stands apart ({gap} points)"
    );
    click_at(&mut harness, position, egui::Modifiers::NONE);
    let (position, gap) = clear_point_on_line(&harness, "roddi");
    assert!(
        gap > 3.0,
        "the demo has a month where Roddi stands apart ({gap} points)"
    );
    click_at(&mut harness, position, egui::Modifiers::COMMAND);
    assert_eq!(
        harness.state().outbox.requests,
        [
            Request::SelectPartner {
                partner: PartnerId::new("cuneo"),
                additive: false
            },
            Request::SelectPartner {
                partner: PartnerId::new("roddi"),
                additive: true
            }
        ]
    );
}

#[test]
fn dragging_pans_the_plot_and_a_double_click_restores_the_programme() {
    let mut harness = harness(crate::demo::embedded(), &[], true);
    let bounds = |harness: &Harness<'_, State>| {
        let memory = egui_plot::PlotMemory::load(&harness.ctx, super::adoption_plot::plot_id())
            .expect("the plot was drawn");
        let bounds = *memory.transform().bounds();
        (bounds.min(), bounds.max())
    };
    let months = harness.state().dashboard.months.len() as f64;
    let right = super::adoption_plot::right_edge(
        months as usize,
        super::adoption_series::PlotMode::EveryPartner,
    );
    // Past the last month, room for the names at the lines' ends.
    assert!(right > months - 0.5);
    let whole = ([-0.5, 0.0], [right, 100.0]);
    assert_eq!(bounds(&harness), whole);

    // An empty spot: mid-programme, near the top.
    let memory =
        egui_plot::PlotMemory::load(&harness.ctx, super::adoption_plot::plot_id()).unwrap();
    let start = memory
        .transform()
        .position_from_point(&egui_plot::PlotPoint::new(months / 2.0, 95.0));
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    harness.hover_at(start + egui::vec2(-200.0, 0.0));
    harness.run();
    harness.drop_at(start + egui::vec2(-200.0, 0.0));
    harness.run();
    let (min, _) = bounds(&harness);
    assert!(min[0] > 0.0, "dragging left shows later months: {min:?}");

    harness.hover_at(start);
    harness.run();
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos: start,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(bounds(&harness), whole);
    assert!(
        harness.state().outbox.requests.is_empty(),
        "no line was clicked"
    );
}

#[test]
fn the_grid_lays_out_only_visible_rows_and_scrolls_to_a_partner_selected_elsewhere() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 200,
        months: 24,
        seed: 5,
    });
    // Tall enough for the grid to be on screen below the charts.
    let mut harness = harness_sized(project, &[], true, egui::vec2(1920.0, 2400.0));
    let first = harness.state().dashboard.partner_order[0].clone();
    let first_name = harness.state().project.partners[&first].name.clone();
    assert!(
        harness.query_by_label(&first_name).is_some(),
        "the grid is on screen"
    );
    let last = harness
        .state()
        .dashboard
        .partner_order
        .last()
        .unwrap()
        .clone();
    let name = harness.state().project.partners[&last].name.clone();
    // The name's button in the grid, whatever its role (a selected one is a toggle); once
    // selected the name is also a legend entry (a checkbox) of the adoption plot.
    let row = |harness: &Harness<'_, State>| {
        harness
            .query_all_by_label(&name)
            .any(|node| node.accesskit_node().role() != Role::CheckBox)
    };
    assert!(!row(&harness), "the last of 200 rows is not laid out");

    // As if the partner had been clicked in the plot.
    harness.state_mut().selection.partners.insert(last);
    harness.run();
    assert!(row(&harness), "the grid scrolled to the selected partner");
}

/// The adoption legend's entries (checkboxes) with the line style each one says it shows.
fn legend_styles(harness: &Harness<'_, State>) -> Vec<(String, Option<String>)> {
    harness
        .query_all_by_role(Role::CheckBox)
        .map(|node| {
            let node = node.accesskit_node();
            (node.label().unwrap_or_default(), node.description())
        })
        .collect()
}

fn assert_styles_differ(entries: &[(String, Option<String>)]) {
    for (index, (name, style)) in entries.iter().enumerate() {
        let style = style
            .as_ref()
            .unwrap_or_else(|| panic!("the legend entry {name} says nothing of its line"));
        for (other, other_style) in &entries[index + 1..] {
            assert_ne!(
                Some(style),
                other_style.as_ref(),
                "{name} and {other} look the same in the legend"
            );
        }
    }
}

#[test]
fn every_adoption_legend_entry_shows_a_line_of_its_own() {
    let harness = harness(crate::demo::embedded(), &[], true);
    let entries = legend_styles(&harness);
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Consorzio",
            "Alba",
            "Bra",
            "Cherasco",
            "Cuneo",
            "Dronero",
            "Fossano",
            "Roddi",
            "Saluzzo"
        ]
    );
    assert_styles_differ(&entries);
}

#[test]
fn at_national_scale_consortium_median_and_band_look_different_in_the_legend() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 60,
        months: 24,
        seed: 3,
    });
    let ids: Vec<&str> = project.partners.keys().map(|id| id.as_str()).collect();
    let selected: Vec<String> = ids.iter().take(20).map(|id| id.to_string()).collect();
    let selected: Vec<&str> = selected.iter().map(String::as_str).collect();
    let harness = harness(project.clone(), &selected, true);
    let entries = legend_styles(&harness);
    assert_eq!(entries.len(), 3 + 20, "{entries:?}");
    assert!(entries.iter().any(|(name, _)| name == "Mediana dei Comuni"));
    assert_styles_differ(&entries);
}

#[test]
fn the_milestone_legend_tells_a_late_reached_tappa_from_an_overdue_one() {
    let harness = harness(crate::demo::embedded(), &[], true);
    // The cells put the warning sign after the month of a tappa reached late, before the
    // planned month of one overdue: the legend shows both, each with its meaning.
    harness.get_by_label("raggiunta in ritardo ·");
    harness.get_by_label("scaduta, non ancora raggiunta");
}

#[test]
fn clicking_a_legend_entry_hides_its_line_and_a_second_click_shows_it() {
    let mut harness = harness(crate::demo::embedded(), &[], true);
    let shown = |harness: &Harness<'_, State>| {
        harness
            .get_by_role_and_label(Role::CheckBox, "Saluzzo")
            .accesskit_node()
            .toggled()
    };
    assert_eq!(shown(&harness), Some(egui::accesskit::Toggled::True));
    harness
        .get_by_role_and_label(Role::CheckBox, "Saluzzo")
        .click();
    harness.run();
    assert_eq!(shown(&harness), Some(egui::accesskit::Toggled::False));
    harness
        .get_by_role_and_label(Role::CheckBox, "Saluzzo")
        .click();
    harness.run();
    assert_eq!(shown(&harness), Some(egui::accesskit::Toggled::True));
    assert!(
        harness.state().outbox.requests.is_empty(),
        "hiding a line selects nothing"
    );
}
