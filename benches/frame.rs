//! CPU time of one frame of a view: run the app's UI headless on an egui context and
//! tessellate it, on the demo and on a national-scale programme (7,900 Comuni × 60 months).
//! Goals on the project's 2-core machine: overview ≤ 1 ms (demo) and ≤ 8 ms (national);
//! partners and training views ≤ 8 ms at national scale, one partner's editor open.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::app::{
    AppCommand, AppOptions, CruscottoApp, ScriptedDialogs, Settings, Startup, ViewKind,
};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::i18n::Lang;
use cruscotto::model::Project;
use cruscotto::ui::Request;

fn app_on(project: Project, data_dir: &std::path::Path) -> CruscottoApp {
    let settings = Settings {
        lang: Some(Lang::It),
        ..Settings::default()
    };
    let mut options = AppOptions::new(data_dir.to_owned());
    options.dialogs = Box::new(ScriptedDialogs::default());
    options.autosave_after = Duration::from_secs(3600);
    CruscottoApp::new(Startup::Project(Box::new(project)), settings, options)
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// One frame as the window draws it when nothing changed: UI pass plus tessellation.
fn frame(ctx: &egui::Context, app: &mut CruscottoApp) -> usize {
    let mut output = ctx.run_ui(raw_input(), |ui| app.ui_for_test(ui));
    // No renderer here to upload font textures to.
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn bench_view(
    c: &mut Criterion,
    name: &str,
    project: Project,
    setup: impl Fn(&mut CruscottoApp, &egui::Context),
) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut app = app_on(project, folder.path());
    let ctx = egui::Context::default();
    setup(&mut app, &ctx);
    // Warm up: fonts, figures and plot caches are built in the first frames; a large
    // project's figures come from a background thread.
    for _ in 0..5 {
        frame(&ctx, &mut app);
        app.finish_jobs(&ctx);
    }
    c.bench_function(name, |b| b.iter(|| frame(&ctx, &mut app)));
}

/// The national programme's first partner, whose editor the partners view shows.
fn edit_first_partner(app: &mut CruscottoApp) {
    if let Some(first) = app.project().partners.keys().next().cloned() {
        app.request(Request::EditPartner(first));
    }
}

fn view_frames(c: &mut Criterion) {
    bench_view(
        c,
        "overview frame, demo",
        cruscotto::demo::embedded(),
        |_, _| {},
    );
    let national = generate(&DemoOptions {
        partners: 7900,
        months: 60,
        ..DemoOptions::default()
    });
    bench_view(c, "overview frame, 7900 x 60", national.clone(), |_, _| {});
    bench_view(
        c,
        "partners frame, 7900 x 60",
        national.clone(),
        |app, _| {
            edit_first_partner(app);
        },
    );
    bench_view(c, "training frame, 7900 x 60", national, |app, ctx| {
        app.run_command(ctx, AppCommand::ShowView(ViewKind::Training));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(8));
    targets = view_frames
}
criterion_main!(benches);
