//! The files of File → "Export report…": their names (from the Comune, safe on every file
//! system) and the loop that writes them one by one on a worker, counting and cancellable.
//! Knows nothing of egui.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::i18n::{Lang, file_errors, tr, tr_args};
use crate::model::{PartnerId, Project};
use crate::report::{
    PiaoBatch, ReportFormat, ReportOptions, ReportSubject, build_report, render_report,
};

/// One report to write and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTarget {
    pub subject: ReportSubject,
    pub path: PathBuf,
}

/// How a run of reports ended.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportRun {
    /// Every file was written.
    Written(Vec<PathBuf>),
    /// The user cancelled; the files written before that stay.
    Cancelled { written: Vec<PathBuf>, total: usize },
    /// A file could not be written; the run stopped there.
    Failed {
        written: Vec<PathBuf>,
        message: String,
    },
}

/// The longest file name (without extension) written, in characters: well under the
/// 255 bytes most file systems allow, even in multi-byte UTF-8.
const LONGEST_NAME: usize = 100;

/// `name` made safe as a file name on Windows, macOS and Linux: the characters Windows
/// refuses become "-", trailing dots and spaces go, names Windows reserves get a "_".
pub fn safe_file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(LONGEST_NAME)
        .collect();
    let mut safe = safe.trim_start().trim_end_matches(['.', ' ']).to_owned();
    if safe.is_empty() {
        safe.push('_');
    }
    let stem = safe
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        safe.push('_');
    }
    safe
}

/// The consortium report's suggested file name.
pub fn consortium_file_name(project: &Project, lang: Lang, format: ReportFormat) -> String {
    let name = tr_args(
        lang,
        "report_window.file.consortium",
        &[("title", &project.meta.title)],
    );
    format!("{}.{}", safe_file_name(&name), format.extension())
}

/// One file per Comune in `folder`, named from it ("PIAO lavoro agile - Cherasco.docx");
/// two Comuni of the same name (Castro, BG and LE) get their province added.
pub fn partner_targets(
    project: &Project,
    partners: &[PartnerId],
    folder: &Path,
    lang: Lang,
    format: ReportFormat,
) -> Vec<ReportTarget> {
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for id in partners {
        if let Some(partner) = project.partners.get(id) {
            *names.entry(partner.name.to_lowercase()).or_default() += 1;
        }
    }
    partners
        .iter()
        .filter_map(|id| {
            let partner = project.partners.get(id)?;
            let shared = names.get(&partner.name.to_lowercase()).copied() > Some(1);
            let comune = if shared {
                format!("{} ({})", partner.name, partner.province)
            } else {
                partner.name.clone()
            };
            let name = tr_args(lang, "report_window.file.partner", &[("comune", &comune)]);
            Some(ReportTarget {
                subject: ReportSubject::Partner(id.clone()),
                path: folder.join(format!("{}.{}", safe_file_name(&name), format.extension())),
            })
        })
        .collect()
}

/// Writes each target in turn; `done` counts the files written, and the run stops before
/// the next file once `cancel` is set.
pub fn write_reports(
    project: &Project,
    targets: &[ReportTarget],
    options: &ReportOptions,
    format: ReportFormat,
    ui_lang: Lang,
    cancel: &AtomicBool,
    done: &AtomicUsize,
) -> ReportRun {
    let mut written = Vec::new();
    let partners: Vec<PartnerId> = targets
        .iter()
        .filter_map(|target| match &target.subject {
            ReportSubject::Partner(id) => Some(id.clone()),
            ReportSubject::Consortium => None,
        })
        .collect();
    let batch = (!partners.is_empty()).then(|| PiaoBatch::new(project, partners, options.clone()));
    for target in targets {
        if cancel.load(Ordering::Relaxed) {
            return ReportRun::Cancelled {
                written,
                total: targets.len(),
            };
        }
        if let Err(reason) = write_one(project, target, options, batch.as_ref(), format, ui_lang) {
            let message = tr_args(
                ui_lang,
                "report_window.error.file",
                &[("file", &file_name(&target.path)), ("reason", &reason)],
            );
            return ReportRun::Failed { written, message };
        }
        written.push(target.path.clone());
        done.fetch_add(1, Ordering::Relaxed);
    }
    ReportRun::Written(written)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn write_one(
    project: &Project,
    target: &ReportTarget,
    options: &ReportOptions,
    batch: Option<&PiaoBatch>,
    format: ReportFormat,
    ui_lang: Lang,
) -> Result<(), String> {
    let document = match (&target.subject, batch) {
        (ReportSubject::Partner(id), Some(batch)) => batch.section(project, id),
        (subject, _) => build_report(project, subject, options),
    };
    // A Comune deleted since the targets were listed.
    let document =
        document.ok_or_else(|| tr(ui_lang, "report_window.error.no_partner").into_owned())?;
    let bytes = render_report(&document, format).map_err(|e| e.to_string())?;
    crate::store::write_atomically(&target.path, &bytes)
        .map_err(|error| file_errors::describe_save_error(ui_lang, &error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_every_file_system() {
        assert_eq!(safe_file_name("Cherasco"), "Cherasco");
        assert_eq!(
            safe_file_name("Sant'Agata / Nord: \"A\"?"),
            "Sant'Agata - Nord- -A--"
        );
        assert_eq!(safe_file_name("Trailing. . "), "Trailing");
        assert_eq!(safe_file_name("CON"), "CON_");
        assert_eq!(safe_file_name("com1.docx"), "com1.docx_");
        assert_eq!(safe_file_name("Comunità"), "Comunità");
        assert_eq!(safe_file_name("..."), "_");
        assert_eq!(
            safe_file_name(&"é".repeat(300)).chars().count(),
            LONGEST_NAME
        );
    }

    #[test]
    fn each_comune_gets_its_own_file_and_namesakes_their_province() {
        let mut project = crate::demo::embedded();
        let ids: Vec<PartnerId> = project.partners.keys().take(2).cloned().collect();
        for id in &ids {
            project.partners.get_mut(id).unwrap().name = "Castro".to_owned();
        }
        project.partners.get_mut(&ids[0]).unwrap().province = "BG".to_owned();
        project.partners.get_mut(&ids[1]).unwrap().province = "LE".to_owned();
        let folder = Path::new("/tmp/out");
        let targets = partner_targets(&project, &ids, folder, Lang::It, ReportFormat::Docx);
        let names: Vec<_> = targets.iter().map(|t| t.path.clone()).collect();
        assert_eq!(
            names,
            [
                folder.join("PIAO lavoro agile - Castro (BG).docx"),
                folder.join("PIAO lavoro agile - Castro (LE).docx"),
            ]
        );
    }

    #[test]
    fn a_cancelled_run_stops_before_the_next_file_and_keeps_those_written() {
        let project = crate::demo::embedded();
        let folder = tempfile::tempdir().unwrap();
        let ids: Vec<PartnerId> = project.partners.keys().take(3).cloned().collect();
        let targets = partner_targets(&project, &ids, folder.path(), Lang::It, ReportFormat::Docx);
        let options = ReportOptions::default();
        let done = AtomicUsize::new(0);
        let cancel = AtomicBool::new(false);
        // Cancelled once the first file is written.
        let first = write_reports(
            &project,
            &targets[..1],
            &options,
            ReportFormat::Docx,
            Lang::En,
            &cancel,
            &done,
        );
        assert_eq!(first, ReportRun::Written(vec![targets[0].path.clone()]));
        cancel.store(true, Ordering::Relaxed);
        let rest = write_reports(
            &project,
            &targets[1..],
            &options,
            ReportFormat::Docx,
            Lang::En,
            &cancel,
            &done,
        );
        assert_eq!(
            rest,
            ReportRun::Cancelled {
                written: vec![],
                total: 2
            }
        );
        assert_eq!(done.load(Ordering::Relaxed), 1);
        assert!(targets[0].path.exists());
        assert!(!targets[1].path.exists());
    }

    #[test]
    fn a_file_that_cannot_be_written_is_named_with_the_reason() {
        let project = crate::demo::embedded();
        let id = project.partners.keys().next().unwrap().clone();
        let missing = Path::new("/nonexistent-folder-for-cruscotto");
        let targets = partner_targets(&project, &[id], missing, Lang::It, ReportFormat::Docx);
        let run = write_reports(
            &project,
            &targets,
            &ReportOptions::default(),
            ReportFormat::Docx,
            Lang::En,
            &AtomicBool::new(false),
            &AtomicUsize::new(0),
        );
        let ReportRun::Failed { written, message } = run else {
            panic!("{run:?}");
        };
        assert!(written.is_empty());
        assert!(
            message.contains(&targets[0].path.display().to_string()),
            "{message}"
        );
        assert!(message.contains("does not exist"), "{message}");
    }
}
