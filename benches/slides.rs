//! CPU time of the slide show: moving to the next slide at national scale (7,900 Comuni ×
//! 60 months), that slide's first frame included; and one audience frame at 3840×2160 on the
//! demo. Goals on the project's 2-core machine: ≤ 16 ms and ≤ 4 ms.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use cruscotto::app::{AppCommand, AppOptions, CruscottoApp, ScriptedDialogs, Settings, Startup};
use cruscotto::demo::{DemoOptions, generate};
use cruscotto::i18n::Lang;
use cruscotto::model::Project;
use egui::{Event, Key, Modifiers, RawInput, Rect, pos2, vec2};

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

fn input(size: [f32; 2], key: Option<Key>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(size[0], size[1]))),
        events: key
            .map(|key| Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            })
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

/// One frame as the window draws it: UI pass plus tessellation.
fn frame(ctx: &egui::Context, app: &mut CruscottoApp, input: RawInput) -> usize {
    let mut output = ctx.run_ui(input, |ui| app.ui_for_test(ui));
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// The app presenting `project`, warmed up (fonts, figures, a large project's background
/// work) at `size`.
fn presenting(
    project: Project,
    folder: &std::path::Path,
    size: [f32; 2],
) -> (CruscottoApp, egui::Context) {
    let mut app = app_on(project, folder);
    let ctx = egui::Context::default();
    frame(&ctx, &mut app, input(size, None));
    app.finish_jobs(&ctx);
    app.run_command(&ctx, AppCommand::Present);
    for _ in 0..3 {
        frame(&ctx, &mut app, input(size, None));
        app.finish_jobs(&ctx);
    }
    (app, ctx)
}

fn next_slide_national(c: &mut Criterion) {
    let national = generate(&DemoOptions {
        partners: 7900,
        months: 60,
        ..DemoOptions::default()
    });
    let folder = tempfile::tempdir().expect("temporary folder");
    let size = [1920.0, 1080.0];
    let (mut app, ctx) = presenting(national, folder.path(), size);
    let last = app
        .project()
        .deck
        .slides
        .iter()
        .filter(|s| s.is_presented(app.project()))
        .count();
    let mut at = 0;
    c.bench_function("next slide with its first frame, 7900 x 60", |b| {
        b.iter(|| {
            // Past the last slide, Home starts again: every step shows a slide anew.
            let key = if at + 1 >= last {
                Key::Home
            } else {
                Key::ArrowRight
            };
            at = if key == Key::Home { 0 } else { at + 1 };
            frame(&ctx, &mut app, input(size, Some(key)))
        })
    });
}

fn audience_frame_4k(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("temporary folder");
    let size = [3840.0, 2160.0];
    let (mut app, ctx) = presenting(cruscotto::demo::embedded(), folder.path(), size);
    let kinds = [(2, "adoption"), (5, "comune"), (1, "kpis")];
    let mut at = 0;
    for (index, name) in kinds {
        // Move from where the show is to the slide of this kind.
        while at < index {
            frame(&ctx, &mut app, input(size, Some(Key::ArrowRight)));
            at += 1;
        }
        while at > index {
            frame(&ctx, &mut app, input(size, Some(Key::ArrowLeft)));
            at -= 1;
        }
        app.finish_jobs(&ctx);
        frame(&ctx, &mut app, input(size, None));
        c.bench_function(&format!("audience frame 3840x2160, demo, {name}"), |b| {
            b.iter(|| frame(&ctx, &mut app, input(size, None)))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(6));
    targets = next_slide_national, audience_frame_4k
}
criterion_main!(benches);
