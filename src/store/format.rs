//! The project file's text form: one pretty, diff-friendly RON document wrapping the project
//! in an envelope that carries the format version.

use serde::{Deserialize, Serialize};

use crate::model::Project;

/// The version this build writes. Older versions are migrated on load; newer ones are refused.
pub const FORMAT_VERSION: u32 = 1;

/// Nesting depth up to which the file is laid out one item per line. Deeper items (a session,
/// an observation row) stay on one line each, which keeps national-scale files small while
/// every month and session still diffs as its own line.
const PRETTY_DEPTH: usize = 7;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: u32,
    project: &'a Project,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EnvelopeIn {
    pub format: u32,
    pub project: Project,
}

fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("  ")
        .new_line("\n")
        .depth_limit(PRETTY_DEPTH)
}

/// The project as the text of a project file (ending with a newline).
pub fn to_ron_string(project: &Project) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT_VERSION,
        project,
    };
    let mut text = ron::ser::to_string_pretty(&envelope, pretty_config())
        .expect("the model holds only types RON can write");
    text.push('\n');
    text
}
