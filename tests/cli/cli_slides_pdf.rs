//! `cruscotto slides --format pdf`: one page per presented slide, with the slides' titles
//! as real text, read back from the file.

use std::path::Path;
use std::process::{Command, Output};

use cruscotto::i18n::Lang;
use cruscotto::model::Project;
use cruscotto::ui::slides::slide_title;

fn cruscotto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .expect("the cruscotto binary runs")
}

fn presented_titles(project: &Project, lang: Lang) -> Vec<String> {
    project
        .deck
        .slides
        .iter()
        .filter(|slide| slide.is_presented(project))
        .map(|slide| slide_title(slide, project, lang))
        .collect()
}

/// Each page's text, in page order.
fn pages_text(pdf: &Path) -> Vec<String> {
    let bytes = std::fs::read(pdf).expect("the PDF was written");
    let document = lopdf::Document::load_mem(&bytes).expect("the PDF reads back");
    document
        .get_pages()
        .keys()
        .map(|&number| document.extract_text(&[number]).unwrap_or_default())
        .collect()
}

/// Text extraction may break lines or double spaces differently from the slide.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_pdf(file: Option<&Path>, out: &Path, lang: &str) {
    let out_arg = out.to_str().unwrap();
    let mut args = vec!["slides"];
    if let Some(file) = file {
        args.push(file.to_str().unwrap());
    }
    args.extend(["--out", out_arg, "--format", "pdf", "--lang", lang]);
    let output = cruscotto(&args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_demo_deck_is_one_page_per_presented_slide_with_its_title_as_text() {
    let folder = tempfile::tempdir().unwrap();
    let project = cruscotto::demo::embedded();
    for (lang, code) in [(Lang::It, "it"), (Lang::En, "en")] {
        let out = folder.path().join(format!("deck-{code}.pdf"));
        write_pdf(None, &out, code);
        let pages = pages_text(&out);
        let titles = presented_titles(&project, lang);
        assert_eq!(pages.len(), titles.len(), "{code}");
        for (number, (page, title)) in pages.iter().zip(&titles).enumerate() {
            assert!(
                squeezed(page).contains(&squeezed(title)),
                "page {} ({code}) lacks its title {title:?}:\n{page}",
                number + 1
            );
        }
    }
}

#[test]
fn a_hidden_slide_has_no_page() {
    let folder = tempfile::tempdir().unwrap();
    let mut project = cruscotto::demo::embedded();
    let all = presented_titles(&project, Lang::It);
    let hidden = project
        .deck
        .slides
        .iter_mut()
        .find(|slide| slide.is_presented(&cruscotto::demo::embedded()))
        .map(|slide| slide.hidden = true);
    assert!(hidden.is_some());
    let file = folder.path().join("hidden.ron");
    cruscotto::store::save(&file, &project).unwrap();
    let out = folder.path().join("deck.pdf");
    write_pdf(Some(&file), &out, "it");
    assert_eq!(pages_text(&out).len(), all.len() - 1);
}

#[test]
fn an_unreadable_project_fails_with_its_reason_and_writes_no_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("broken.ron");
    std::fs::write(&file, "(format_version: 2, meta: (").unwrap();
    let out = folder.path().join("deck.pdf");
    let output = cruscotto(&[
        "slides",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "pdf",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.ron"));
    assert!(!out.exists());
}
