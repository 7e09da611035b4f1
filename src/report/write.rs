//! One entry point from "what report, in which format" to bytes, shared by the command line
//! and the window so that both write exactly the same document.

use std::io::Cursor;

use crate::model::{PartnerId, Project};

use super::{Document, ReportOptions, consortium_report, docx::write_docx, piao_section};

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ReportFormat {
    /// Word document, editable in Word and LibreOffice Writer.
    Docx,
    /// PDF for publishing.
    Pdf,
}

impl ReportFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Docx => "docx",
            ReportFormat::Pdf => "pdf",
        }
    }
}

/// Whose report: the consortium's monitoring report, or one Comune's PIAO section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportSubject {
    Consortium,
    Partner(PartnerId),
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("no partner with id {0} in the project")]
    UnknownPartner(String),
    #[error("cannot write the PDF: {0}")]
    Pdf(#[from] crate::render::pdf::PdfError),
    #[error("{0}")]
    Docx(#[from] super::docx::DocxError),
}

/// The report model for `subject`; `None` when the partner is not in the project.
pub fn build_report(
    project: &Project,
    subject: &ReportSubject,
    options: &ReportOptions,
) -> Option<Document> {
    match subject {
        ReportSubject::Consortium => Some(consortium_report(project, options)),
        ReportSubject::Partner(id) => piao_section(project, id, options),
    }
}

/// `document` written in `format`, as the bytes of the file.
pub fn render_report(document: &Document, format: ReportFormat) -> Result<Vec<u8>, ReportError> {
    match format {
        ReportFormat::Docx => {
            let mut bytes = Cursor::new(Vec::new());
            write_docx(document, &mut bytes)?;
            Ok(bytes.into_inner())
        }
        ReportFormat::Pdf => Ok(super::pdf::write_pdf(document)?),
    }
}

/// The report for `subject` in `format`, as the bytes of the file.
pub fn report_bytes(
    project: &Project,
    subject: &ReportSubject,
    options: &ReportOptions,
    format: ReportFormat,
) -> Result<Vec<u8>, ReportError> {
    let document = match subject {
        ReportSubject::Consortium => consortium_report(project, options),
        ReportSubject::Partner(id) => piao_section(project, id, options)
            .ok_or_else(|| ReportError::UnknownPartner(id.to_string()))?,
    };
    render_report(&document, format)
}
