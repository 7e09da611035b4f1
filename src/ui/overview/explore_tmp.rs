// TEMPORARY exploration: renders the overview to /tmp PNGs. Delete before handing back.
use egui_kittest::Harness;

use super::OverviewView;
use crate::analysis::dashboard::{Dashboard, dashboard};
use crate::i18n::Lang;
use crate::model::{PartnerId, Project};
use crate::ui::{Outbox, Selection, ViewCtx};

struct State {
    project: Project,
    dashboard: Dashboard,
    view: OverviewView,
    selection: Selection,
    outbox: Outbox,
    lang: Lang,
    editable: bool,
}

fn render(
    name: &str,
    project: Project,
    size: (f32, f32),
    lang: Lang,
    dark: bool,
    select: &[&str],
    editable: bool,
) {
    let dashboard = dashboard(&project);
    let state = State {
        project,
        dashboard,
        view: OverviewView::default(),
        selection: Selection {
            partners: select.iter().map(|s| PartnerId::new(*s)).collect(),
        },
        outbox: Outbox::default(),
        lang,
        editable,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        })
        .build_ui_state(
            |ui, state: &mut State| {
                let mut cx = ViewCtx {
                    project: &state.project,
                    dashboard: &state.dashboard,
                    revision: 1,
                    lang: state.lang,
                    selection: &state.selection,
                    outbox: &mut state.outbox,
                    editable: state.editable,
                };
                state.view.ui(ui, &mut cx);
            },
            state,
        );
    harness.run();
    let image = harness.render().unwrap();
    image.save(format!("/tmp/overview_{name}.png")).unwrap();
}

#[test]
fn explore_demo() {
    let project = crate::demo::embedded();
    let ids: Vec<String> = project
        .partners
        .keys()
        .map(|id| id.as_str().to_owned())
        .collect();
    eprintln!("{ids:?}");
    render(
        "it_light",
        project.clone(),
        (1920.0, 1080.0),
        Lang::It,
        false,
        &[],
        true,
    );
    render(
        "en_dark",
        project.clone(),
        (1920.0, 1080.0),
        Lang::En,
        true,
        &[ids[1].as_str()],
        true,
    );
    render(
        "it_small",
        project.clone(),
        (1280.0, 720.0),
        Lang::It,
        false,
        &[],
        false,
    );
}

#[test]
fn explore_big() {
    let project = crate::demo::generate(&crate::demo::DemoOptions {
        partners: 300,
        months: 36,
        seed: 1,
    });
    let ids: Vec<String> = project
        .partners
        .keys()
        .take(3)
        .map(|id| id.as_str().to_owned())
        .collect();
    render(
        "big",
        project,
        (1920.0, 1080.0),
        Lang::It,
        false,
        &[ids[0].as_str(), ids[2].as_str()],
        true,
    );
}
