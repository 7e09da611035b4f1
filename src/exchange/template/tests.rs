//! Which months a template asks for, and the names of its files.

use super::*;
use crate::analysis::fixture::{month, partner, project};

#[test]
fn months_start_at_the_programme_start_at_the_earliest() {
    let p = project("2025-01", "2026-12");
    let at = |from: Option<&str>| {
        let options = TemplateOptions {
            lang: Lang::It,
            from: from.map(month),
        };
        months(&p, &options)
    };
    assert_eq!(at(None), Some((month("2025-01"), month("2026-12"))));
    assert_eq!(
        at(Some("2024-05")),
        Some((month("2025-01"), month("2026-12")))
    );
    assert_eq!(
        at(Some("2026-03")),
        Some((month("2026-03"), month("2026-12")))
    );
    assert_eq!(at(Some("2027-01")), None);
}

#[test]
fn nothing_left_to_fill_or_an_unknown_partner_is_an_error() {
    let mut p = project("2025-01", "2025-12");
    p.partners.insert("bra".into(), partner("Bra", 10, 1, 5));
    let late = TemplateOptions {
        lang: Lang::It,
        from: Some(month("2026-01")),
    };
    let error = template_workbook(&p, &"bra".into(), &late).err().unwrap();
    assert!(matches!(error, ExportError::NoMonthsLeft));
    let error = template_workbook(&p, &"atlantide".into(), &TemplateOptions::default())
        .err()
        .unwrap();
    assert!(error.message(Lang::It).contains("atlantide"));
}

#[test]
fn file_names_are_safe_and_unique() {
    let mut p = project("2025-01", "2025-12");
    p.partners
        .insert("a".into(), partner("Castel/Nuovo", 10, 1, 5));
    p.partners
        .insert("b".into(), partner("castel/nuovo", 10, 1, 5));
    p.partners.insert("c".into(), partner("  ", 10, 1, 5));
    p.partners
        .insert("d".into(), partner("Sant'Albano Stura", 10, 1, 5));
    let names: Vec<String> = file_names(&p).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        names,
        [
            "Castel_Nuovo.xlsx",
            "castel_nuovo (b).xlsx",
            "c.xlsx",
            "Sant'Albano Stura.xlsx"
        ]
    );
}
