//! Reading older file formats into today's model.
//!
//! Each format has one reader here. The current one is read straight into `Project`; each older
//! one has its frozen types in `vN.rs` and an `upgrade` to the next format, chained so every old
//! file reaches the current model. Format 2 added the workshop deck: format-1 files open with
//! the default deck. The golden fixture `tests/fixtures/project_v1.ron` must keep loading
//! through that chain.

mod v1;

use serde::de::{self, DeserializeSeed};
use serde::{Deserialize, Deserializer};

use super::format::FORMAT_VERSION;
use crate::model::Project;

/// The oldest format this build still reads.
pub const OLDEST_FORMAT: u32 = 1;

/// Whether files of `format` can be read (possibly converted) by this build.
pub fn can_read(format: u32) -> bool {
    (OLDEST_FORMAT..=FORMAT_VERSION).contains(&format)
}

/// Reads the `project` part of a file of the given format and brings it to today's model.
pub(crate) struct ProjectSeed {
    pub format: u32,
}

impl<'de> DeserializeSeed<'de> for ProjectSeed {
    type Value = Project;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Project, D::Error> {
        match self.format {
            FORMAT_VERSION => Project::deserialize(deserializer),
            1 => v1::ProjectV1::deserialize(deserializer).map(v1::upgrade),
            other => Err(de::Error::custom(format_args!(
                "format {other} has no reader in this build"
            ))),
        }
    }
}
