//! The report model against the analysis figures it is written from, the missing-figure
//! wording, and the DOCX read back.

use std::io::{Cursor, Read};

use super::docx::write_docx;
use super::*;
use crate::analysis::fixture::{month, observe, partner, project};
use crate::analysis::projection::{self, ProjectionSettings};
use crate::analysis::{
    self, partner_adoption, partner_equipment, partner_milestones, partner_training, summarize,
};
use crate::i18n::format;
use crate::model::{Cents, IndicatorBlock, IndicatorDef, IndicatorValues, PartnerId, Project};

pub(super) fn demo() -> Project {
    crate::demo::embedded()
}

pub(super) fn cherasco(project: &Project) -> PartnerId {
    project
        .partners
        .iter()
        .find(|(_, p)| p.name == "Cherasco")
        .map(|(id, _)| id.clone())
        .expect("the demo has Cherasco")
}

fn italian() -> ReportOptions {
    ReportOptions::default()
}

fn table<'a>(document: &'a Document, caption_start: &str) -> &'a Table {
    document
        .tables()
        .find(|t| t.caption.starts_with(caption_start))
        .unwrap_or_else(|| panic!("no table \"{caption_start}\""))
}

#[test]
fn figures_are_written_the_italian_way_and_the_english_way() {
    let it = Words::new(Lang::It);
    let en = Words::new(Lang::En);
    assert_eq!(it.share(Some(0.442)), "44,2%");
    assert_eq!(en.share(Some(0.442)), "44.2%");
    assert_eq!(it.money(Cents(104_990)), "€ 1.049,90");
    assert_eq!(en.money(Cents(104_990)), "€1,049.90");
    assert_eq!(it.month(month("2026-12")), "dicembre 2026");
    assert_eq!(en.month(month("2026-12")), "December 2026");
    assert_eq!(it.share(None), "dato non disponibile");
    assert_eq!(en.count(None), "not available");
}

#[test]
fn the_piao_section_follows_the_guidelines_five_parts() {
    let project = demo();
    let id = cherasco(&project);
    let section = piao_section(&project, &id, &italian()).unwrap();
    let parts: Vec<&str> = section
        .headings()
        .filter(|(level, _)| *level == 2)
        .map(|(_, text)| text)
        .collect();
    assert_eq!(
        parts,
        [
            "1. Livello di attuazione",
            "2. Condizioni abilitanti",
            "3. Obiettivi e indicatori",
            "4. Programma di sviluppo",
            "5. Monitoraggio"
        ]
    );
    assert!(section.title.contains("Cherasco"));
    assert!(piao_section(&project, &PartnerId::new("nowhere"), &italian()).is_none());
}

#[test]
fn every_figure_of_the_piao_section_is_the_analysis_figure() {
    let project = demo();
    let id = cherasco(&project);
    let partner = &project.partners[&id];
    let w = Words::new(Lang::It);
    let section = piao_section(&project, &id, &italian()).unwrap();
    let text = section.text();
    let as_of = analysis::default_as_of(&project);

    // Level of implementation: the latest observation and its adoption.
    let (last, obs) = partner.observations.iter().next_back().unwrap();
    let adoption = partner_adoption(&project, partner);
    let share = adoption.of_smartable[last.months_since(adoption.start) as usize];
    let sentence = format!(
        "i dipendenti in modalità agile erano {}, pari al {}",
        w.integer(obs.smart_workers),
        w.share(share)
    );
    assert!(text.contains(&sentence), "{sentence} not in\n{text}");
    let recent = table(&section, "Ultime rilevazioni");
    let last_row = recent.rows.len() - 1;
    assert_eq!(recent.cell(last_row, "Mese"), Some(w.month(last).as_str()));
    assert_eq!(
        recent.cell(last_row, "% smartabili"),
        Some(w.share(share).as_str())
    );

    // Enabling conditions: tappe, equipment, training.
    let counts = partner_milestones(partner, as_of);
    assert!(text.contains(&format!(
        "le tappe raggiunte sono {} su {}",
        counts.reached, counts.total
    )));
    let equipment = partner_equipment(partner, as_of);
    assert!(text.contains(&w.money(equipment.spend_total)));
    let training = partner_training(partner);
    assert!(text.contains(&format!(
        "Iscritti: {}; hanno completato il percorso: {} ({})",
        w.integer(training.completion.enrolled),
        w.integer(training.completion.completed),
        w.share(training.completion.rate())
    )));
    assert!(text.contains(&w.decimal(training.hours_per_employee(), 1)));
    let modules = table(&section, "Moduli scelti");
    assert_eq!(modules.rows.len(), partner.modules.len());

    // Development programme: the P50 twelve months on, from the same projection.
    let settings = ProjectionSettings {
        partner_bands: projection::PartnerBands::Only([id.clone()].into()),
        ..ProjectionSettings::default()
    };
    let projected = projection::project(&project, None, &settings);
    let band = projected.partner(&id).unwrap().band.clone().unwrap();
    let plan = table(&section, "Lavoratori agili previsti");
    // Rows are 6, 12, 18 and 24 months after the anchor.
    assert_eq!(plan.rows.len(), 4);
    assert_eq!(
        plan.cell(1, "Mese"),
        Some(w.month(projected.anchor.plus(12)).as_str())
    );
    assert_eq!(
        plan.cell(1, "Mediana"),
        Some(format::decimal(Lang::It, band[11].p50, 0).as_str())
    );
    assert_eq!(
        plan.cell(3, "P90"),
        Some(format::decimal(Lang::It, band[23].p90, 0).as_str())
    );

    // The charts carry the same values: observed adoption, then the projected median.
    let figure = section.figures().last().unwrap();
    let Chart::Lines { series, .. } = &figure.chart else {
        panic!("the projection is a lines chart");
    };
    assert_eq!(series[0].points.last(), Some(&(last, share.unwrap())));
    let smartable = partner.smartable as f64;
    assert_eq!(
        series[1].points[0],
        (projected.months[0], band[0].p50 / smartable)
    );
    assert_eq!(series[1].band[0].2, band[0].p90 / smartable);
}

/// A small programme whose one Comune has observed nothing, with an indicator that has a
/// target and nothing else.
pub(super) fn empty_comune() -> (Project, PartnerId) {
    let mut p = project("2025-01", "2026-12");
    p.indicators.insert(
        "wellbeing".into(),
        IndicatorDef {
            name: "Benessere percepito".into(),
            block: IndicatorBlock::OrganisationalHealth,
            unit: "score".into(),
            higher_is_better: true,
        },
    );
    let mut bra = partner("Bra", 100, 5, 60);
    bra.indicators.insert(
        "wellbeing".into(),
        IndicatorValues {
            baseline: None,
            targets: [(2025, 3.5)].into(),
            observed: Default::default(),
        },
    );
    p.partners.insert("bra".into(), bra);
    (p, PartnerId::new("bra"))
}

/// Whether `text` writes a share of exactly zero ("0,0%", "0.0%"; not "60,0%").
fn has_zero_share(text: &str) -> bool {
    ["0,0%", "0.0%"].iter().any(|zero| {
        text.match_indices(zero)
            .any(|(i, _)| i == 0 || !text.as_bytes()[i - 1].is_ascii_digit())
    })
}

#[test]
fn missing_figures_are_said_to_be_missing_never_zero() {
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
        let text = section.text();
        assert!(text.contains(missing), "{text}");
        // No observation: no smart-worker count, share or coverage is written as zero.
        assert!(!has_zero_share(&text), "{text}");
        let indicators = section
            .tables()
            .find(|t| t.rows.iter().any(|r| r[0] == "Benessere percepito"))
            .unwrap();
        let row = &indicators.rows[0];
        assert_eq!(row[1], missing, "baseline");
        assert_eq!(
            row[2],
            "3,5 score".replace(',', if lang == Lang::It { "," } else { "." })
        );
        assert_eq!(row[3], missing, "latest value");
        assert_eq!(row[4], missing, "status");
    }
}

#[test]
fn an_indicator_meets_its_target_in_the_direction_that_is_better() {
    let (mut project, id) = empty_comune();
    let values = project
        .partners
        .get_mut(&id)
        .unwrap()
        .indicators
        .get_mut(&crate::model::IndicatorId::new("wellbeing"))
        .unwrap();
    values.baseline = Some(2.9);
    values.observed.insert(month("2025-10"), 3.6);
    observe(project.partners.get_mut(&id).unwrap(), "2025-10", 12, 4.0);
    let options = ReportOptions {
        year: Some(2025),
        ..ReportOptions::default()
    };
    let section = piao_section(&project, &id, &options).unwrap();
    let indicators = table(&section, "Indicatori — Salute organizzativa");
    assert_eq!(indicators.cell(0, "Valore di partenza"), Some("2,9 score"));
    assert_eq!(
        indicators.cell(0, "Ultimo valore"),
        Some("3,6 score (ott 2025)")
    );
    assert_eq!(indicators.cell(0, "Stato"), Some("Obiettivo raggiunto"));
}

#[test]
fn the_consortium_report_puts_each_comune_side_by_side_with_the_summary_figures() {
    let project = demo();
    let w = Words::new(Lang::It);
    let report = consortium_report(&project, &italian());
    let summary = summarize(&project);
    let side = table(&report, "Adozione, formazione");
    assert_eq!(side.rows.len(), project.partners.len());
    for (i, row) in summary.partners.iter().enumerate() {
        assert_eq!(side.cell(i, "Comune"), Some(row.name.as_str()));
        assert_eq!(
            side.cell(i, "Adozione"),
            Some(w.share(row.adoption).as_str())
        );
        assert_eq!(
            side.cell(i, "Completamento"),
            Some(w.share(row.completion).as_str())
        );
        assert_eq!(
            side.cell(i, "Spesa dotazioni"),
            Some(w.money(row.spend).as_str())
        );
    }
    let text = report.text();
    assert!(text.contains(&w.money(summary.consortium.spend)));
    let scenarios = table(&report, "Scenari a confronto");
    assert_eq!(scenarios.rows.len(), project.scenarios.len() + 1);
    let baseline = projection::project(&project, None, &ProjectionSettings::default());
    let p50 = baseline
        .consortium_at(baseline.anchor.plus(12))
        .unwrap()
        .p50;
    assert_eq!(
        scenarios.cell(0, "Mediana"),
        Some(format::decimal(Lang::It, p50, 0).as_str())
    );
    let headings: Vec<_> = report.headings().filter(|(l, _)| *l == 2).collect();
    assert_eq!(headings.len(), 5);
}

#[test]
fn the_english_report_has_english_words() {
    let project = demo();
    let options = ReportOptions {
        lang: Lang::En,
        ..ReportOptions::default()
    };
    let report = consortium_report(&project, &options);
    assert!(
        report
            .headings()
            .any(|(_, t)| t == "2. The Comuni side by side")
    );
    let section = piao_section(&project, &cherasco(&project), &options).unwrap();
    assert!(section.title.starts_with("Organisation of agile work"));
    assert!(
        !section.text().contains("report."),
        "a missing key shows as the key"
    );
}

fn unzip(bytes: &[u8]) -> zip::ZipArchive<Cursor<&[u8]>> {
    zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a zip")
}

fn entry(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> String {
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_docx_has_heading_styles_tables_images_and_page_numbers() {
    let project = demo();
    let section = piao_section(&project, &cherasco(&project), &italian()).unwrap();
    let mut bytes = Vec::new();
    write_docx(&section, Cursor::new(&mut bytes)).unwrap();
    let mut archive = unzip(&bytes);
    let styles = entry(&mut archive, "word/styles.xml");
    for id in ["Heading1", "Heading2", "Heading3", "Caption"] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "no style {id}"
        );
    }
    let document = entry(&mut archive, "word/document.xml");
    assert_eq!(
        document.matches("<w:pStyle w:val=\"Heading2\" />").count(),
        5,
        "five parts"
    );
    assert_eq!(
        document.matches("<w:tbl>").count(),
        section.tables().count()
    );
    assert!(document.contains("Mappatura attività smartabili"));
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("entry names are UTF-8").into_owned())
        .collect();
    let images = names
        .iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    assert_eq!(images, section.figures().count());
    let footers: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .collect();
    let footer = entry(&mut archive, footers[0]);
    assert!(footer.contains("PAGE"), "{footer}");
}

#[test]
fn a_chart_is_a_png_of_the_size_it_says() {
    let chart = Chart::Bars {
        y_label: "Completamento".into(),
        percent: true,
        bars: vec![("Leadership agile".into(), 0.8), ("Cloud".into(), 0.35)],
    };
    let (png, width, height) = render_chart(&chart, Lang::It);
    let image = image::load_from_memory(&png).unwrap();
    assert_eq!((image.width(), image.height()), (width, height));
    assert_eq!(width, CHART_WIDTH);
    // The first bar is drawn in the dashboard's first series colour.
    let rgb = image.to_rgb8();
    let blue = rgb.pixels().filter(|p| p.0 == [0x00, 0x72, 0xB2]).count();
    assert!(blue > 1000, "{blue} blue pixels");
}

#[test]
fn a_section_written_in_a_batch_of_comuni_is_the_section_written_alone() {
    let project = demo();
    let cherasco = cherasco(&project);
    let every: Vec<PartnerId> = project.partners.keys().cloned().collect();
    let batch = PiaoBatch::new(&project, every, italian());
    let alone = piao_section(&project, &cherasco, &italian()).unwrap();
    let in_batch = batch.section(&project, &cherasco).unwrap();
    assert!(
        alone.tables().any(|t| t.caption.contains("P10")),
        "the section projects its smart workers"
    );
    assert_eq!(in_batch, alone);
}
