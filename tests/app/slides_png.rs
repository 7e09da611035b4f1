//! File → "Current slide as PNG…" and "Presentation as PNG images…": the slides drawn off
//! screen at twice the projector's density, 3840 × 2160, while the window goes on.

use crate::app_support::{Setup, settle};
use egui_kittest::kittest::Queryable;

fn png_size(path: &std::path::Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_current_slide_is_written_at_twice_the_projector_density() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    // A bare name: the export adds ".png".
    setup.answers = vec![Some(folder.path().join("title"))];
    let shown = std::sync::Arc::clone(&setup.shown);
    let mut harness = setup.harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Current slide as PNG…").click();
    harness.step();
    settle(&mut harness);
    let asked = shown.lock().unwrap();
    assert_eq!(asked[0].file_name.as_deref(), Some("slide-001.png"));
    let file = folder.path().join("title.png");
    assert_eq!(png_size(&file), (3840, 2160));
    // The title slide is drawn, not a blank page: its background and its text differ.
    let image = image::open(&file).unwrap().to_rgba8();
    let colours: std::collections::BTreeSet<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 50, "{} colours only", colours.len());
    harness.get_by_label_contains("title.png");
}

#[test]
fn the_deck_goes_into_a_folder_as_numbered_images() {
    let folder = tempfile::tempdir().unwrap();
    let mut setup = Setup::new(folder.path());
    // Three slides are enough to show the numbering; every slide costs seconds unoptimised.
    let mut project = cruscotto::demo::embedded();
    project.deck.slides.truncate(3);
    setup.startup = cruscotto::app::Startup::Project(Box::new(project));
    let out = folder.path().join("slides");
    setup.answers = vec![Some(out.clone())];
    let mut harness = setup.harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Presentation as PNG images…").click();
    harness.step();
    settle(&mut harness);
    let project = harness.state().project();
    let presented = project
        .deck
        .slides
        .iter()
        .filter(|slide| slide.is_presented(project))
        .count();
    for number in 1..=presented {
        let file = out.join(format!("slide-{number:03}.png"));
        assert_eq!(png_size(&file), (3840, 2160), "{}", file.display());
    }
    assert_eq!(presented, 3);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), presented);
    harness.get_by_label_contains(&format!("Slide images written: {presented}"));
}
