//! The PDF read back with lopdf: what the model says is in the text, on A4 pages numbered in
//! the footer, with embedded fonts, bookmarks and a structure tree.

use lopdf::{Document as Pdf, Object};

use super::write_pdf;
use crate::i18n::Lang;
use crate::report::tests::{cherasco, demo, empty_comune};
use crate::report::{
    Block, Document, ReportOptions, Table, consortium_report, number_column, piao_section,
    text_column,
};

fn read(document: &Document) -> Pdf {
    let bytes = write_pdf(document).expect("the report is written");
    Pdf::load_mem(&bytes).expect("the PDF reads back")
}

/// Each page's text with runs of white space made one space, as wrapping changes them.
fn pages_text(pdf: &Pdf) -> Vec<String> {
    pdf.get_pages()
        .keys()
        .map(|&number| squeezed(&pdf.extract_text(&[number]).unwrap_or_default()))
        .collect()
}

fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every heading, paragraph, note and table cell of `document` is somewhere in the PDF's text.
fn assert_all_text_present(document: &Document, pdf: &Pdf) {
    let pages = pages_text(pdf);
    let whole = pages.join(" ");
    let mut expected: Vec<String> = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Note(text) => {
                expected.push(squeezed(text));
            }
            Block::Table(table) => {
                expected.push(squeezed(&table.caption));
                for row in &table.rows {
                    expected.extend(row.iter().filter(|c| !c.is_empty()).map(|c| squeezed(c)));
                }
            }
            Block::Figure(figure) => expected.push(squeezed(&figure.caption)),
        }
    }
    for text in expected {
        assert!(
            whole.contains(&text),
            "«{text}» is not in the PDF:\n{whole}"
        );
    }
}

fn page_sizes(pdf: &Pdf) -> Vec<(f32, f32)> {
    pdf.get_pages()
        .values()
        .map(|&id| {
            let page = pdf.get_dictionary(id).unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let number = |o: &Object| o.as_float().unwrap();
            (
                number(&media[2]) - number(&media[0]),
                number(&media[3]) - number(&media[1]),
            )
        })
        .collect()
}

fn catalog(pdf: &Pdf) -> &lopdf::Dictionary {
    let root = pdf.trailer.get(b"Root").unwrap().as_reference().unwrap();
    pdf.get_dictionary(root).unwrap()
}

#[test]
fn cherasco_section_has_its_sentences_and_figures_in_both_languages() {
    let project = demo();
    let id = cherasco(&project);
    for (lang, page_word, expected) in [
        (Lang::It, "Pagina", ["Livello di attuazione", "44,2%"]),
        (Lang::En, "Page", ["Level of implementation", "44.2%"]),
    ] {
        let options = ReportOptions {
            lang,
            ..ReportOptions::default()
        };
        let section = piao_section(&project, &id, &options).unwrap();
        let pdf = read(&section);
        assert_all_text_present(&section, &pdf);
        let pages = pages_text(&pdf);
        let whole = pages.join(" ");
        for words in expected {
            assert!(whole.contains(words), "{words} missing");
        }
        let total = pages.len();
        assert!(total >= 3, "a section of {total} pages");
        for (index, text) in pages.iter().enumerate() {
            let of = if lang == Lang::It { "di" } else { "of" };
            let footer = format!("{page_word} {} {of} {total}", index + 1);
            assert!(
                text.contains(&footer),
                "page {} has no «{footer}»",
                index + 1
            );
        }
    }
}

#[test]
fn the_consortium_report_has_every_comune_and_figure_in_both_languages() {
    let project = demo();
    for lang in [Lang::It, Lang::En] {
        let options = ReportOptions {
            lang,
            ..ReportOptions::default()
        };
        let report = consortium_report(&project, &options);
        let pdf = read(&report);
        assert_all_text_present(&report, &pdf);
        let whole = pages_text(&pdf).join(" ");
        for partner in project.partners.values() {
            assert!(whole.contains(&partner.name), "{} missing", partner.name);
        }
    }
}

#[test]
fn a_missing_figure_reads_not_available_in_the_pdf() {
    let (project, id) = empty_comune();
    for (lang, missing) in [
        (Lang::It, "dato non disponibile"),
        (Lang::En, "not available"),
    ] {
        let options = ReportOptions {
            lang,
            year: Some(2025),
            ..ReportOptions::default()
        };
        let section = piao_section(&project, &id, &options).unwrap();
        let whole = pages_text(&read(&section)).join(" ");
        assert!(whole.contains(missing), "{whole}");
    }
}

#[test]
fn pages_are_a4_with_embedded_fonts_title_language_bookmarks_and_tags() {
    let project = demo();
    let section = piao_section(&project, &cherasco(&project), &ReportOptions::default()).unwrap();
    let pdf = read(&section);
    for (width, height) in page_sizes(&pdf) {
        assert!((width - 595.28).abs() < 0.5 && (height - 841.89).abs() < 0.5);
    }
    for &page in pdf.get_pages().values() {
        for (_, font) in pdf.get_page_fonts(page).unwrap() {
            let descendant = font
                .get(b"DescendantFonts")
                .and_then(Object::as_array)
                .map(|fonts| {
                    pdf.dereference(&fonts[0])
                        .unwrap()
                        .1
                        .as_dict()
                        .unwrap()
                        .clone()
                })
                .unwrap_or_else(|_| font.clone());
            let descriptor = descendant.get(b"FontDescriptor").unwrap();
            let descriptor = pdf.dereference(descriptor).unwrap().1.as_dict().unwrap();
            assert!(
                descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"),
                "a font is not embedded"
            );
        }
    }
    let catalog = catalog(&pdf);
    assert_eq!(
        catalog.get(b"Lang").unwrap().as_str().unwrap(),
        b"it".as_slice()
    );
    assert!(catalog.has(b"StructTreeRoot"), "the PDF is tagged");
    let outlines = catalog.get(b"Outlines").unwrap();
    let outlines = pdf.dereference(outlines).unwrap().1.as_dict().unwrap();
    assert!(outlines.has(b"First"), "the headings are bookmarks");
    let info = pdf.trailer.get(b"Info").unwrap();
    let info = pdf.dereference(info).unwrap().1.as_dict().unwrap();
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    assert_eq!(title, section.title);
}

#[test]
fn a_long_table_repeats_its_header_on_every_page_and_keeps_every_row() {
    let mut table = Table::new(
        "Tappe di tutti i Comuni",
        vec![text_column("Comune"), number_column("Tappe in ritardo")],
    );
    for i in 0..150 {
        table
            .rows
            .push(vec![format!("Comune numero {i:03}"), i.to_string()]);
    }
    let document = Document {
        title: "Prova".into(),
        subtitle: String::new(),
        lang: Lang::It,
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Prova".into(),
            },
            Block::Table(table),
        ],
    };
    let pdf = read(&document);
    let pages = pages_text(&pdf);
    assert!(pages.len() >= 3, "150 rows take several pages");
    for (index, text) in pages.iter().enumerate() {
        assert!(
            text.contains("Tappe in ritardo"),
            "page {} has no header",
            index + 1
        );
    }
    let whole = pages.join(" ");
    for i in 0..150 {
        let row = format!("Comune numero {i:03}");
        assert_eq!(whole.matches(&row).count(), 1, "{row}");
    }
    assert_eq!(
        whole.matches("Tappe di tutti i Comuni").count(),
        1,
        "the caption once"
    );
}

#[test]
fn a_paragraph_taller_than_a_page_continues_on_the_next_one_without_losing_words() {
    let long: String = (0..900).map(|i| format!("parola{i} ")).collect();
    let document = Document {
        title: "Prova".into(),
        subtitle: String::new(),
        lang: Lang::It,
        blocks: vec![Block::Paragraph(long.trim_end().to_owned())],
    };
    let pdf = read(&document);
    let pages = pages_text(&pdf);
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let whole = pages.join(" ");
    for i in 0..900 {
        let word = format!("parola{i}");
        assert_eq!(whole.matches(&format!("{word} ")).count(), 1, "{word}");
    }
}

#[test]
fn a_bar_chart_longer_than_a_page_is_cut_into_parts_that_show_every_bar_once() {
    let bars: Vec<(String, f64)> = (0..100).map(|i| (format!("Comune {i:03}"), 0.5)).collect();
    let document = Document {
        title: "Prova".into(),
        subtitle: String::new(),
        lang: Lang::It,
        blocks: vec![Block::Figure(crate::report::Figure {
            caption: "Completamento per Comune".into(),
            chart: crate::report::Chart::Bars {
                y_label: "Completamento".into(),
                percent: true,
                bars,
            },
        })],
    };
    let pdf = read(&document);
    let pages = pages_text(&pdf);
    let whole = pages.join(" ");
    for part in 1..=4 {
        assert!(
            whole.contains(&format!("Completamento per Comune ({part}/4)")),
            "{whole}"
        );
    }
    for i in 0..100 {
        let label = format!("Comune {i:03}");
        assert_eq!(whole.matches(&label).count(), 1, "{label}");
    }
    assert!(pages.len() >= 4, "each part within a page");
}

#[test]
fn a_title_too_long_for_the_footer_is_cut_with_an_ellipsis_before_the_page_number() {
    let title = "Rapporto ".repeat(40);
    let document = Document {
        title: title.trim_end().to_owned(),
        subtitle: String::new(),
        lang: Lang::It,
        blocks: vec![Block::Paragraph("Testo.".into())],
    };
    let text = pages_text(&read(&document)).join(" ");
    assert!(text.contains('…'), "{text}");
    assert!(text.contains("Pagina 1 di 1"), "{text}");
    assert!(text.matches("Rapporto").count() < 40, "{text}");
}
