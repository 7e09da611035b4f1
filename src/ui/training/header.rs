//! The view's title and the project's rule on modules: the most a partner may choose (an
//! editable setting) and how many partners are at or above it.

use egui::{RichText, Ui};

use super::count_text;
use crate::i18n::{format, parse, plural, tr};
use crate::model::{Edit, Project};
use crate::ui::ViewCtx;
use crate::ui::theme;
use crate::ui::widgets::icons::{self, Icon};
use crate::ui::widgets::{section, value_field};

#[derive(Default)]
pub struct Header {
    tally: Tally,
}

/// Partners at and above the maximum, counted once per revision.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    revision: Option<u64>,
    pub full: usize,
    pub over: usize,
}

impl Tally {
    pub fn refresh(&mut self, revision: u64, project: &Project) {
        if self.revision == Some(revision) {
            return;
        }
        let max = project.meta.max_modules_per_partner as usize;
        let (mut full, mut over) = (0, 0);
        for partner in project.partners.values() {
            match partner.modules.len().cmp(&max) {
                std::cmp::Ordering::Equal => full += 1,
                std::cmp::Ordering::Greater => over += 1,
                std::cmp::Ordering::Less => {}
            }
        }
        *self = Tally {
            revision: Some(revision),
            full,
            over,
        };
    }
}

impl Header {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>) {
        let lang = cx.lang;
        self.tally.refresh(cx.revision, cx.project);
        let max = cx.project.meta.max_modules_per_partner;
        ui.horizontal(|ui| {
            section::heading(ui, &tr(lang, "app.view.training"));
            ui.add_space(24.0);
            if cx.editable {
                let name = tr(lang, "training.max.label");
                ui.label(name.as_ref());
                let id = ui.make_persistent_id("training_max_modules");
                let shown = format::integer(lang, i64::from(max));
                let width = ui.text_style_height(&egui::TextStyle::Body) * 3.5;
                // A count of modules is a whole number from 0 up: anything else is kept as
                // typed and marked, never clamped.
                let out = value_field::parsed_field(ui, id, &name, shown, width, lang, None, |t| {
                    parse::integer(lang, t).and_then(|n| u32::try_from(n).ok())
                });
                if let Some(value) = out.value
                    && value != max
                {
                    cx.outbox.edit(Edit::SetMaxModules(value));
                }
            } else {
                ui.label(plural(lang, "training.max.read_only", i64::from(max), &[]));
            }
            ui.add_space(16.0);
            let weak = ui.visuals().weak_text_color();
            let full = count_text(
                lang,
                "training.max.full_one",
                "training.max.full_other",
                self.tally.full,
            );
            ui.label(RichText::new(full).color(weak));
            if self.tally.over > 0 {
                ui.add_space(8.0);
                let over = count_text(
                    lang,
                    "training.max.over_one",
                    "training.max.over_other",
                    self.tally.over,
                );
                icons::icon_label(
                    ui,
                    Icon::Error,
                    RichText::new(over),
                    theme::bad_text(ui.visuals()),
                )
                .on_hover_text(tr(lang, "training.max.over_hint"));
            }
        });
    }
}
