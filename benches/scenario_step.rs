//! One step of a scenario's slider on the demo, as the window lives it: the edit is applied
//! (an undoable command), the scenario is projected again (500 draws, 24 months, the
//! calibration and the baseline kept), and the Scenarios view draws one frame headless, UI
//! pass plus tessellation. Goal on the project's 2-core machine: ≤ 16 ms (one frame at 60 Hz).
//!
//! Also one frame of the Scenarios view on a national programme (7,900 Comuni × 60 months)
//! once its projections are ready, which must not cost O(partners × months): goal ≤ 8 ms,
//! as for the other views.
//!
//! Run with `cargo bench --bench scenario_step`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::app::{
    AppCommand, AppOptions, CruscottoApp, ScriptedDialogs, Settings, Startup, ViewKind,
};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::i18n::Lang;
use cruscotto::model::Project;
use cruscotto::model::{Edit, Scenario, ScenarioChange, ScenarioId};
use cruscotto::ui::Request;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut CruscottoApp) -> usize {
    let mut output = ctx.run_ui(raw_input(), |ui| app.ui_for_test(ui));
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// The scenario with its ceiling change set to `share`.
fn with_ceiling(scenario: &Scenario, share: f64) -> Scenario {
    let mut scenario = scenario.clone();
    if let Some(ScenarioChange::SetCeiling { share: s, .. }) = scenario.changes.last_mut() {
        *s = share;
    }
    scenario
}

fn app_on(project: Project, folder: &std::path::Path) -> CruscottoApp {
    let settings = Settings {
        lang: Some(Lang::It),
        ..Settings::default()
    };
    let mut options = AppOptions::new(folder.to_owned());
    options.dialogs = Box::new(ScriptedDialogs::default());
    options.autosave_after = Duration::from_secs(3600);
    CruscottoApp::new(Startup::Project(Box::new(project)), settings, options)
}

fn slider_step(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut demo = cruscotto::demo::embedded();
    let id = ScenarioId::new("regolamento-anticipato");
    let Some(scenario) = demo.scenarios.get_mut(&id) else {
        panic!("the demo has the scenario {id}");
    };
    scenario.changes.push(ScenarioChange::SetCeiling {
        partner: None,
        share: 0.5,
    });
    let scenario = scenario.clone();
    let mut app = app_on(demo, folder.path());
    let ctx = egui::Context::default();
    app.run_command(&ctx, AppCommand::ShowView(ViewKind::Scenarios));
    app.request(Request::PickScenario(Some(id.clone())));
    for _ in 0..5 {
        frame(&ctx, &mut app);
        app.finish_jobs(&ctx);
    }

    // Each step moves the slider to the other value, so every frame has a new revision.
    let mut step = 0_u32;
    let mut one_step = |app: &mut CruscottoApp| {
        step += 1;
        let share = if step.is_multiple_of(2) { 0.5 } else { 0.55 };
        app.request(Request::Edit(Edit::PutScenario {
            scenario: id.clone(),
            value: Some(with_ceiling(&scenario, share)),
        }));
        frame(&ctx, app)
    };
    one_step(&mut app);
    assert!(
        !app.is_busy(),
        "the demo must be projected within the frame, not on a thread"
    );
    c.bench_function(
        "scenario slider step, demo (edit + projection + frame)",
        |b| b.iter(|| one_step(&mut app)),
    );
}

fn national_frame(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let national = generate(&DemoOptions {
        partners: 7900,
        months: 60,
        ..DemoOptions::default()
    });
    let mut app = app_on(national, folder.path());
    let ctx = egui::Context::default();
    app.run_command(&ctx, AppCommand::ShowView(ViewKind::Scenarios));
    // The projections come from a thread: wait for them, then let the plots settle.
    for _ in 0..5 {
        frame(&ctx, &mut app);
        app.finish_jobs(&ctx);
    }
    c.bench_function("scenarios frame, 7900 x 60", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(8));
    targets = slider_step, national_frame
}
criterion_main!(benches);
