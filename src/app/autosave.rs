//! When to write the recovery file: after the project has been dirty for a while (30 s by
//! default), once per revision, never while another autosave is still writing.

use std::time::{Duration, Instant};

pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(30);

#[derive(Debug)]
pub struct Autosave {
    delay: Duration,
    /// When the current run of unsaved changes began.
    dirty_since: Option<Instant>,
    /// The revision last written to the recovery file.
    written: Option<u64>,
}

/// What the app should do this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutosaveDue {
    /// Write the recovery file now.
    Now,
    /// Check again after this long (the app asks egui to wake it then).
    After(Duration),
    Nothing,
}

impl Autosave {
    pub fn new(delay: Duration) -> Autosave {
        Autosave {
            delay,
            dirty_since: None,
            written: None,
        }
    }

    pub fn tick(&mut self, dirty: bool, revision: u64, now: Instant) -> AutosaveDue {
        if !dirty {
            self.dirty_since = None;
            return AutosaveDue::Nothing;
        }
        if self.written == Some(revision) {
            return AutosaveDue::Nothing;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let elapsed = now.saturating_duration_since(since);
        if elapsed >= self.delay {
            AutosaveDue::Now
        } else {
            AutosaveDue::After(self.delay - elapsed)
        }
    }

    /// The recovery file now holds `revision`; the next change starts a new wait.
    pub fn written(&mut self, revision: u64) {
        self.written = Some(revision);
        self.dirty_since = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_after_the_delay_once_per_revision() {
        let start = Instant::now();
        let mut autosave = Autosave::new(Duration::from_secs(30));
        assert_eq!(autosave.tick(false, 1, start), AutosaveDue::Nothing);
        assert_eq!(
            autosave.tick(true, 2, start),
            AutosaveDue::After(Duration::from_secs(30))
        );
        assert_eq!(
            autosave.tick(true, 3, start + Duration::from_secs(10)),
            AutosaveDue::After(Duration::from_secs(20))
        );
        assert_eq!(
            autosave.tick(true, 3, start + Duration::from_secs(30)),
            AutosaveDue::Now
        );
        autosave.written(3);
        assert_eq!(
            autosave.tick(true, 3, start + Duration::from_secs(99)),
            AutosaveDue::Nothing
        );
        assert_eq!(
            autosave.tick(true, 4, start + Duration::from_secs(100)),
            AutosaveDue::After(Duration::from_secs(30))
        );
    }

    #[test]
    fn saving_resets_the_wait() {
        let start = Instant::now();
        let mut autosave = Autosave::new(Duration::from_secs(30));
        autosave.tick(true, 2, start);
        autosave.tick(false, 2, start + Duration::from_secs(20));
        assert_eq!(
            autosave.tick(true, 5, start + Duration::from_secs(25)),
            AutosaveDue::After(Duration::from_secs(30))
        );
    }
}
