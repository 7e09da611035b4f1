//! Every plot's context menu: right-click → "Save plot as PNG…" writes the plot (axes
//! included) cropped from the window; "Copy image" puts it on the clipboard.

use crate::app_support::{Setup, settle};
use cruscotto::app::CruscottoApp;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A point inside the overview's adoption plot at the harness's 1600 × 1000.
const IN_ADOPTION_PLOT: Pos2 = Pos2::new(600.0, 760.0);

fn right_click(harness: &mut Harness<'static, CruscottoApp>, at: Pos2) {
    harness.hover_at(at);
    harness.run();
    for pressed in [true, false] {
        harness.input_mut().events.push(Event::PointerButton {
            pos: at,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn until_done(harness: &mut Harness<'static, CruscottoApp>) {
    for _ in 0..10 {
        harness.step();
    }
    settle(harness);
}

#[test]
fn a_plot_is_saved_as_png_cropped_to_itself() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    setup.answers = vec![Some(folder.path().join("adozione"))];
    let mut harness = setup.harness();
    right_click(&mut harness, IN_ADOPTION_PLOT);
    harness.get_by_label("Save plot as PNG…").click();
    until_done(&mut harness);
    let file = folder.path().join("adozione.png");
    let (width, height) = image::image_dimensions(&file).expect("the plot's PNG");
    // The plot and its axes, not the whole 1600 × 1000 window.
    assert!((500..1400).contains(&width), "{width}");
    assert!((200..700).contains(&height), "{height}");
    let picture = image::open(&file).unwrap().to_rgba8();
    let colours: std::collections::BTreeSet<[u8; 4]> = picture.pixels().map(|p| p.0).collect();
    assert!(
        colours.len() > 20,
        "a drawn plot, {} colours",
        colours.len()
    );
    assert!(
        harness.query_by_label("Copy image").is_none(),
        "the menu closed"
    );
    harness.get_by_label_contains("adozione.png");
}

#[test]
fn a_plot_is_copied_to_the_clipboard_as_an_image() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = Setup::new(folder.path()).harness();
    right_click(&mut harness, IN_ADOPTION_PLOT);
    harness.get_by_label("Copy image").click();
    let mut copied = None;
    for _ in 0..10 {
        harness.step();
        let commands = &harness.output().platform_output.commands;
        if let Some(image) = commands.iter().find_map(|command| match command {
            egui::OutputCommand::CopyImage(image) => Some(image.clone()),
            _ => None,
        }) {
            copied = Some(image);
        }
    }
    let image = copied.expect("an image went to the clipboard");
    assert!((500..1400).contains(&image.size[0]), "{:?}", image.size);
    harness.run();
    harness.get_by_label("Plot copied to the clipboard as an image.");
}
