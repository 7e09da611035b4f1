//! The user's preferences, kept in eframe's storage between runs. Projects never go there:
//! they live in their own files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::exchange::mapping::MappingMemory;
use crate::i18n::Lang;
use crate::ui::slides::look::ProjectorTheme;
use crate::ui::theme::ThemeChoice;

/// The key of the settings in eframe's storage.
pub const STORAGE_KEY: &str = "cruscotto.settings";

/// How many recent files the File menu offers.
pub const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` until the first start, which picks the system's language.
    pub lang: Option<Lang>,
    pub theme: ThemeChoice,
    pub zoom: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The project open when the app was last closed, reopened at the next start.
    pub last_project: Option<PathBuf>,
    /// Column mappings the user chose in imports, per shape of file.
    pub import_mappings: MappingMemory,
    /// The slides' theme: dark by default, light for a bright room.
    pub projector_theme: ProjectorTheme,
    /// Seconds per slide when the slide show advances by itself; 0 = only by the keys.
    pub advance_seconds: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            lang: None,
            theme: ThemeChoice::default(),
            zoom: 1.0,
            recent: Vec::new(),
            last_project: None,
            import_mappings: MappingMemory::default(),
            projector_theme: ProjectorTheme::default(),
            advance_seconds: 0,
        }
    }
}

impl Settings {
    /// Moves `path` to the top of the recent files, keeping at most `MAX_RECENT`.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }

    /// Zoom within the range egui draws well; a corrupt stored value falls back to 1.
    pub fn zoom(&self) -> f32 {
        if self.zoom.is_finite() {
            self.zoom.clamp(0.5, 3.0)
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_without_duplicates() {
        let mut settings = Settings::default();
        for name in ["a", "b", "a", "c"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(
            settings.recent,
            vec![PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]
        );
        for i in 0..20 {
            settings.remember(Path::new(&format!("f{i}")));
        }
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], PathBuf::from("f19"));
    }

    #[test]
    fn settings_from_an_older_version_keep_their_known_fields() {
        let stored = r#"(theme: Dark)"#;
        let settings: Settings = ron::from_str(stored).unwrap();
        assert_eq!(settings.theme, ThemeChoice::Dark);
        assert_eq!(settings.lang, None);
        assert_eq!(settings.zoom(), 1.0);
    }
}
