//! Reading older file formats into today's model.
//!
//! Each format has one reader here. Today only format 1 exists and it is the current one, so it
//! is read straight into `Project`. When format 2 arrives: copy the format-1 types, frozen, into
//! `v1.rs`, read format 1 with them and convert (`1 => v1::Project::deserialize(d).map(v1::upgrade)`),
//! chaining N-1 → N steps so every old file reaches the current model. The golden fixture
//! `tests/fixtures/project_v1.ron` must keep loading through that chain.

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
            other => Err(de::Error::custom(format_args!(
                "format {other} has no reader in this build"
            ))),
        }
    }
}
