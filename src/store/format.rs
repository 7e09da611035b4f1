//! The project file's text form: one pretty, diff-friendly RON document wrapping the project
//! in an envelope that carries the format version.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::num::NonZeroUsize;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use super::{layout, migrate, ron_writer};
use crate::model::{Partner, PartnerId, Project};

/// The version this build writes. Older versions are migrated on load; newer ones are refused.
pub const FORMAT_VERSION: u32 = 2;

/// The envelope's name in RON's messages; files never spell it out.
pub(crate) const ENVELOPE_NAME: &str = "ProjectFile";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: u32,
    project: &'a Project,
}

/// The project as the text of a project file (ending with a newline): RON laid out one item
/// per line down to the level of a session, a purchase or a month (see `layout`).
pub fn to_ron_string(project: &Project) -> String {
    let mut bytes = Vec::new();
    write_ron(project, &mut bytes).expect("writing to memory never fails");
    String::from_utf8(bytes).expect("the laid-out text is UTF-8")
}

/// Writes the text of `to_ron_string` to `out` as it is made: a national project's text
/// (hundreds of MB) is never held whole, only a round of partners at a time.
pub fn write_ron(project: &Project, out: &mut dyn Write) -> io::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let layout = Rounds {
        workers: workers.min(MAX_WORKERS),
        parallel_from: PARALLEL_FROM,
        per_worker: PARTNERS_PER_WORKER,
    };
    render_to(project, layout, out)
}

/// Projects with this many partners are written by several threads; below it a thread costs
/// more than it saves.
const PARALLEL_FROM: usize = 256;
const MAX_WORKERS: usize = 8;
/// Partners each thread lays out per round (about 10 KB each): the text in memory at once
/// stays a few MB per thread, and a round is long enough for its threads to pay off.
const PARTNERS_PER_WORKER: usize = 512;

/// The line where an empty partner map sits in the laid-out file; partners written in
/// parallel are joined in there. Texts never hold a raw newline, so only this line matches.
const PARTNERS_HOLE: &str = "\n    partners: {},\n";
/// The depth of the partners map (1 = the envelope) and the indent of its line.
const PARTNERS_DEPTH: usize = 3;
const PARTNERS_INDENT: usize = 2;

/// How the partners are shared out among threads.
#[derive(Clone, Copy)]
struct Rounds {
    workers: usize,
    parallel_from: usize,
    per_worker: usize,
}

fn render_to(project: &Project, rounds: Rounds, out: &mut dyn Write) -> io::Result<()> {
    let workers = rounds.workers;
    if workers < 2 || project.partners.len() < rounds.parallel_from.max(1) {
        return out.write_all(render_whole(project).as_bytes());
    }
    // Every field named, so a field added to the project cannot be left out of the file.
    let shell = Project {
        meta: project.meta.clone(),
        catalogue: project.catalogue.clone(),
        indicators: project.indicators.clone(),
        partners: BTreeMap::new(),
        scenarios: project.scenarios.clone(),
        deck: project.deck.clone(),
    };
    let shell = render_whole(&shell);
    let Some(hole) = shell.find(PARTNERS_HOLE) else {
        return out.write_all(render_whole(project).as_bytes());
    };
    out.write_all(&shell.as_bytes()[..hole])?;
    out.write_all(b"\n    partners: {")?;
    let partners: Vec<(&PartnerId, &Partner)> = project.partners.iter().collect();
    for round in partners.chunks(workers * rounds.per_worker.max(1)) {
        let chunk = round.len().div_ceil(workers);
        let parts: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = round
                .chunks(chunk)
                .map(|chunk| scope.spawn(move || render_partners(chunk)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for part in &parts {
            out.write_all(part.as_bytes())?;
        }
    }
    out.write_all(b"\n    },\n")?;
    out.write_all(&shell.as_bytes()[hole + PARTNERS_HOLE.len()..])
}

fn render_whole(project: &Project) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT_VERSION,
        project,
    };
    // About what a partner takes in the file, so the text rarely needs to grow.
    let capacity = 64 * 1024 + project.partners.len() * 10 * 1024;
    // The writer fails only when a type's own Serialize reports an error, and the model's
    // types never do, whatever they hold.
    let compact =
        ron_writer::to_compact(&envelope, capacity).expect("the model's types always serialize");
    layout::lay_out(&compact)
}

fn render_partners(partners: &[(&PartnerId, &Partner)]) -> String {
    let compact = ron_writer::to_compact_entries(partners, partners.len() * 10 * 1024)
        .expect("the model's types always serialize");
    layout::lay_out_items(&compact, PARTNERS_DEPTH, PARTNERS_INDENT)
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum EnvelopeField {
    Format,
    Project,
}

/// Reads the envelope `(format: N, project: (...))`.
///
/// The version is recorded in `format_seen` as soon as it is read, so that when the rest of a
/// file does not parse the loader can still tell "written by a newer version" apart from
/// "damaged". With `read_project` false the project is skipped unparsed: the loader's probe
/// for files whose body fails before their version was seen.
pub(crate) struct EnvelopeSeed<'a> {
    pub format_seen: &'a Cell<Option<u32>>,
    pub read_project: bool,
}

impl<'de> DeserializeSeed<'de> for EnvelopeSeed<'_> {
    type Value = Option<Project>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_struct(ENVELOPE_NAME, &["format", "project"], self)
    }
}

/// The custom error raised when the version cannot be read; the loader replaces it with a
/// message built from `format_seen`, so the wording here only shows up in logs.
pub(crate) const UNREADABLE_FORMAT: &str = "format version this build cannot read";

impl<'de> Visitor<'de> for EnvelopeSeed<'_> {
    type Value = Option<Project>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Cruscotto project file `(format: ..., project: (...))`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut project = None;
        let mut project_seen = false;
        // A hand-edited file may put the project before its version; it is then read as
        // today's format and must turn out to be today's format.
        let mut read_as_current = false;
        while let Some(field) = map.next_key::<EnvelopeField>()? {
            match field {
                EnvelopeField::Format => {
                    if self.format_seen.get().is_some() {
                        return Err(de::Error::duplicate_field("format"));
                    }
                    let format: u32 = map.next_value()?;
                    self.format_seen.set(Some(format));
                    if !migrate::can_read(format) {
                        return Err(de::Error::custom(UNREADABLE_FORMAT));
                    }
                }
                EnvelopeField::Project => {
                    if project_seen {
                        return Err(de::Error::duplicate_field("project"));
                    }
                    project_seen = true;
                    if self.read_project {
                        let format = self.format_seen.get().unwrap_or_else(|| {
                            read_as_current = true;
                            FORMAT_VERSION
                        });
                        project = Some(map.next_value_seed(migrate::ProjectSeed { format })?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
            }
        }
        let Some(format) = self.format_seen.get() else {
            return Err(de::Error::missing_field("format"));
        };
        if !project_seen {
            return Err(de::Error::missing_field("project"));
        }
        if read_as_current && format != FORMAT_VERSION {
            return Err(de::Error::custom(format_args!(
                "`format: {format}` must come before `project` so the project can be converted \
                 from that format"
            )));
        }
        Ok(project)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoOptions, generate};

    #[test]
    fn partners_written_in_parallel_join_into_the_same_text() {
        let project = generate(&DemoOptions {
            partners: 7,
            months: 6,
            seed: 4,
        });
        let whole = render_whole(&project);
        for workers in [2, 3, 8] {
            // One partner per thread and round, two, and all in one round.
            for per_worker in [1, 2, 100] {
                let rounds = Rounds {
                    workers,
                    parallel_from: 1,
                    per_worker,
                };
                assert_eq!(render(&project, rounds), whole, "{workers} workers");
            }
        }
        let mut empty = project.clone();
        empty.partners.clear();
        let rounds = Rounds {
            workers: 2,
            parallel_from: 0,
            per_worker: 1,
        };
        assert_eq!(render(&empty, rounds), render_whole(&empty));
    }

    fn render(project: &Project, rounds: Rounds) -> String {
        let mut bytes = Vec::new();
        render_to(project, rounds, &mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    }
}
