//! The headless command line. Analysts script it and tests drive it; it shares the model,
//! store and analysis with the window.

mod backtest;
mod check;
mod demo;
mod export;
mod import;
mod project;
mod report;
mod screenshot;
mod slides;
mod source;
mod summary;
mod template;
mod window;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cruscotto",
    version,
    about = "Cruscotto: smart working in the partner Comuni, from plan to regime",
    long_about = "Cruscotto keeps a programme of partner Comuni making smart working permanent: \
                  partners, training modules, milestones, equipment, monthly observations and \
                  POLA/PIAO indicators, saved as one RON project file.\n\n\
                  Without a command it opens the dashboard window on FILE, on the last project \
                  or on the embedded demo programme. Commands that take a FILE use the embedded \
                  demo programme when none is given.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Project file (.ron) to open in the window.
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a generated demo programme to a project file.
    Demo {
        /// Number of partner Comuni (8 by default; 7900 is every Comune in Italy).
        #[arg(
            long,
            default_value_t = cruscotto::demo::DemoOptions::default().partners,
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_DEMO_PARTNERS)
        )]
        partners: usize,
        /// Number of programme months.
        #[arg(
            long,
            default_value_t = cruscotto::demo::DemoOptions::default().months,
            value_parser = clap::value_parser!(u32).range(1..=i64::from(cruscotto::demo::MAX_MONTHS))
        )]
        months: u32,
        /// Seed of the generator: the same seed always gives the same programme.
        #[arg(long, default_value_t = cruscotto::demo::DemoOptions::default().seed)]
        seed: u64,
        /// Project file to write (replaced atomically; a previous file is kept as .bak).
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a project file and list its errors and warnings.
    ///
    /// Exit status: 0 valid (warnings allowed), 1 errors found, 2 the file cannot be read.
    Check {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
    },
    /// One row per partner with adoption, training, equipment and milestones, plus the consortium.
    Summary {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
        format: SummaryFormat,
    },
    /// P10/P50/P90 of smart workers per partner and month, and for the consortium, projected
    /// from the last observed month for the baseline or a scenario.
    ///
    /// Exit status: 0 done, 2 the file cannot be read or has no such scenario.
    Project {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// Scenario to project, by id or name (the baseline when omitted).
        #[arg(long)]
        scenario: Option<String>,
        /// Monte Carlo draws of the diffusion parameters per partner.
        #[arg(
            long,
            default_value_t = cruscotto::analysis::projection::ProjectionSettings::default().draws,
            value_parser = clap::builder::RangedU64ValueParser::<usize>::new()
                .range(1..=cruscotto::analysis::projection::MAX_DRAWS as u64)
        )]
        draws: usize,
        /// Months projected after the last observed month.
        #[arg(
            long,
            default_value_t = cruscotto::analysis::projection::ProjectionSettings::default().horizon,
            value_parser = clap::value_parser!(u32)
                .range(1..=i64::from(cruscotto::analysis::projection::MAX_HORIZON))
        )]
        horizon: u32,
        /// Seed of the draws: the same seed always gives the same bands.
        #[arg(
            long,
            default_value_t = cruscotto::analysis::projection::ProjectionSettings::default().seed
        )]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProjectFormat::Table)]
        format: ProjectFormat,
        /// Which band: what will be observed (the expected count plus the noise of an
        /// observation), or the expected count alone.
        #[arg(long, value_enum, default_value_t = BandArg::Observed)]
        band: BandArg,
        /// Instead of projecting, forecast from earlier cut-offs and compare with what was
        /// observed: P10–P90 coverage and median absolute error by months ahead.
        #[arg(long, conflicts_with = "scenario")]
        backtest: bool,
        /// Cut-offs of the backtest, in months before the last observation.
        #[arg(long, value_delimiter = ',', default_values_t = cruscotto::analysis::projection::DEFAULT_CUTOFFS, requires = "backtest",
            value_parser = clap::value_parser!(u32).range(1..=i64::from(cruscotto::analysis::projection::MAX_HORIZON)))]
        cutoffs: Vec<u32>,
    },
    /// The project's tables to XLSX (one sheet per table) or CSV, headers in the chosen
    /// language, as the importer reads them back.
    ///
    /// CSV: Italian style by default (`;`, decimal comma, dates dd/mm/yyyy, UTF-8 with BOM);
    /// with `--lang en`, `,`, decimal point and ISO dates. Several tables in CSV go into the
    /// folder OUT, one `<table>.csv` each.
    ///
    /// Exit status: 0 written, 1 cannot write OUT, 2 the file cannot be read or has no such
    /// scenario.
    Export {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// File to write (a folder for several CSV tables).
        #[arg(long)]
        out: PathBuf,
        /// partners, observations, sessions, enrolment, equipment, indicators, summary,
        /// projection, or all.
        #[arg(long, default_value = "all", value_parser = export::parse_table)]
        table: export::TableChoice,
        /// File format (from OUT's extension when omitted: .csv is CSV, anything else XLSX).
        #[arg(long, value_enum)]
        format: Option<export::ExportFormat>,
        /// Language of headers, sheet names and CSV number style.
        #[arg(long, value_enum, default_value_t = screenshot::LangArg::It)]
        lang: screenshot::LangArg,
        /// Scenario of the projection table, by id or name (the baseline when omitted).
        #[arg(long)]
        scenario: Option<String>,
    },
    /// Data-collection templates to send to the Comuni: an XLSX per Comune with its months,
    /// its modules, validated cells and protected structure.
    ///
    /// Exit status: 0 written, 1 cannot write OUT, 2 the file cannot be read or has no such
    /// partner.
    Template {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// One partner, by code or name: OUT is the file to write (or a folder to write it
        /// in). Without it, one file per Comune in the folder OUT.
        #[arg(long)]
        partner: Option<String>,
        /// File or folder to write.
        #[arg(long)]
        out: PathBuf,
        /// First month to fill, YYYY-MM (the programme's start when omitted).
        #[arg(long)]
        from: Option<cruscotto::model::Month>,
        /// Language of the template.
        #[arg(long, value_enum, default_value_t = screenshot::LangArg::It)]
        lang: screenshot::LangArg,
    },
    /// Import a spreadsheet (CSV, XLSX or ODS) into a project: monthly observations,
    /// attendance registers, equipment purchases, staff figures or indicator values.
    ///
    /// Comuni are matched by name (case, accents, "Comune di" and apostrophes ignored), by
    /// ISTAT code or by partner code. Values the project already holds are overwritten
    /// (listed as conflicts) unless --keep-existing. Exit status: 0 every row applied,
    /// 1 some rows rejected (nothing is written unless --apply-valid), 2 DATA or PROJECT
    /// cannot be read.
    Import {
        /// The spreadsheet to import (.csv, .xlsx, .ods).
        #[arg(long)]
        from: PathBuf,
        /// Project file (.ron) to import into; without it a new project is made and the
        /// Comuni the data names are created.
        #[arg(long)]
        into: Option<PathBuf>,
        /// Project file to write (replaced atomically; a previous file is kept as .bak).
        #[arg(long)]
        out: PathBuf,
        /// What the file holds (guessed from its headers when omitted).
        #[arg(long, value_enum)]
        kind: Option<import::KindArg>,
        /// The sheet to read (the first with data when omitted).
        #[arg(long)]
        sheet: Option<String>,
        /// Create the Comuni the file names and the project lacks.
        #[arg(long)]
        create_missing: bool,
        /// Write the valid rows even when some rows are rejected.
        #[arg(long)]
        apply_valid: bool,
        /// Keep the project's values where the file differs, instead of overwriting them.
        #[arg(long)]
        keep_existing: bool,
        /// Also write the report as JSON to this file.
        #[arg(long)]
        report_json: Option<PathBuf>,
        /// Language of the reasons rows are rejected.
        #[arg(long, value_enum, default_value_t = import::ReasonLang::En)]
        lang: import::ReasonLang,
    },
    /// Open the real window on a view, save it as a PNG and exit.
    Screenshot {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// The view to show.
        #[arg(long, value_enum, default_value_t = screenshot::ViewArg::Overview)]
        view: screenshot::ViewArg,
        /// PNG file to write.
        #[arg(long)]
        out: PathBuf,
        /// Window size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = screenshot::parse_size)]
        size: [f32; 2],
        /// Interface language (the stored preference, or the system's, when omitted).
        #[arg(long, value_enum)]
        lang: Option<screenshot::LangArg>,
        /// Colour theme.
        #[arg(long, value_enum, default_value_t = screenshot::ThemeArg::Light)]
        theme: screenshot::ThemeArg,
        /// Id of a partner to select first; with `--view partners` its editor is shown.
        #[arg(long)]
        partner: Option<String>,
        /// Spreadsheets to import: the import dialog is shown over the view, as after
        /// dropping them on the window (repeat for several files).
        #[arg(long = "import", value_name = "SPREADSHEET")]
        import: Vec<PathBuf>,
    },
    /// One Comune's PIAO "lavoro agile" section (with --partner), or the consortium's
    /// monitoring report, as a DOCX with headings, tables and charts.
    ///
    /// Exit status: 0 written, 1 cannot write OUT, 2 the file cannot be read, has no such
    /// partner or scenario, or the format is not available.
    Report {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// The Comune, by code or name (the consortium report when omitted).
        #[arg(long)]
        partner: Option<String>,
        /// Scenario projected in the development programme, by id or name (the baseline
        /// when omitted).
        #[arg(long)]
        scenario: Option<String>,
        /// Year whose targets the indicators are read against (the latest observation's
        /// year when omitted).
        #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
        year: Option<i32>,
        /// Document format.
        #[arg(long, value_enum, default_value_t = report::ReportFormat::Docx)]
        format: report::ReportFormat,
        /// File to write.
        #[arg(long)]
        out: PathBuf,
        /// Language of the document.
        #[arg(long, value_enum, default_value_t = screenshot::LangArg::It)]
        lang: screenshot::LangArg,
    },
    /// The workshop deck as the window presents it: one numbered PNG per presented slide, or
    /// one PDF with a page per slide.
    ///
    /// PNG opens the real window (under Xvfb on a machine without a screen), presents each
    /// slide and writes it, then closes. PDF draws the same slides without a window.
    Slides {
        /// Project file (.ron); the embedded demo when omitted.
        file: Option<PathBuf>,
        /// Folder for the PNGs (created if missing), or the PDF file.
        #[arg(long)]
        out: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = slides::SlidesFormat::Png)]
        format: slides::SlidesFormat,
        /// Slide size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = screenshot::parse_size)]
        size: [f32; 2],
        /// Language of the slides' words (the stored preference, or the system's, when omitted).
        #[arg(long, value_enum)]
        lang: Option<screenshot::LangArg>,
        /// Projector theme: dark for a dim room, light for a bright one.
        #[arg(long, value_enum, default_value_t = screenshot::ThemeArg::Dark)]
        theme: screenshot::ThemeArg,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SummaryFormat {
    /// Aligned columns for reading in a terminal.
    Table,
    /// Comma-separated values with a header row, for spreadsheets and scripts.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProjectFormat {
    /// Aligned columns for reading in a terminal, after what was projected.
    Table,
    /// Comma-separated values with a header row, for spreadsheets and scripts.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BandArg {
    /// What will be observed: the wider band, the default.
    Observed,
    /// The expected count, without the noise of an observation.
    Expected,
}

impl From<BandArg> for cruscotto::analysis::projection::BandKind {
    fn from(band: BandArg) -> Self {
        match band {
            BandArg::Observed => Self::Observed,
            BandArg::Expected => Self::Expected,
        }
    }
}

/// Far more Comuni than Italy has (7,900), and still a file that fits in memory.
const MAX_DEMO_PARTNERS: u64 = 50_000;

/// Exit status for a file that cannot be read as a project.
const EXIT_UNREADABLE: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        None => window::open(cli.file),
        Some(Command::Demo {
            partners,
            months,
            seed,
            out,
        }) => demo::run(
            cruscotto::demo::DemoOptions {
                partners,
                months,
                seed,
            },
            &out,
        ),
        Some(Command::Check { file }) => check::run(file.as_deref()),
        Some(Command::Summary { file, format }) => summary::run(file.as_deref(), format),
        Some(Command::Project {
            file,
            scenario,
            draws,
            horizon,
            seed,
            format,
            band,
            backtest,
            cutoffs,
        }) => {
            let options = project::Options {
                scenario,
                draws,
                horizon,
                seed,
                format,
                band: band.into(),
            };
            if backtest {
                backtest::run(file.as_deref(), &options, &cutoffs)
            } else {
                project::run(file.as_deref(), &options)
            }
        }
        Some(Command::Import {
            from,
            into,
            out,
            kind,
            sheet,
            create_missing,
            apply_valid,
            keep_existing,
            report_json,
            lang,
        }) => import::run(&import::Options {
            from,
            into,
            out,
            kind,
            sheet,
            create_missing,
            apply_valid,
            keep_existing,
            report_json,
            lang,
        }),
        Some(Command::Screenshot {
            file,
            view,
            out,
            size,
            lang,
            theme,
            partner,
            import,
        }) => {
            let shot = screenshot::Shot {
                view,
                out,
                size,
                lang,
                theme,
                partner,
                import,
            };
            screenshot::run(file, shot)
        }
        Some(Command::Export {
            file,
            out,
            table,
            format,
            lang,
            scenario,
        }) => export::run(
            file.as_deref(),
            &out,
            &export::Options {
                table: table.0,
                format,
                lang: lang.into(),
                scenario,
            },
        ),
        Some(Command::Template {
            file,
            partner,
            out,
            from,
            lang,
        }) => template::run(
            file.as_deref(),
            partner.as_deref(),
            &out,
            &cruscotto::exchange::template::TemplateOptions {
                lang: lang.into(),
                from,
            },
        ),
        Some(Command::Report {
            file,
            partner,
            scenario,
            year,
            format,
            out,
            lang,
        }) => report::run(
            file.as_deref(),
            &report::Options {
                partner,
                scenario,
                year,
                format,
                out,
                lang: lang.into(),
            },
        ),
        Some(Command::Slides {
            file,
            out,
            format,
            size,
            lang,
            theme,
        }) => slides::run(file, out, format, size, lang, theme),
    }
}
