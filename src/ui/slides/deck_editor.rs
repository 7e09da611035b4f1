//! The deck editor (the "Presentazione" view): the slides in showing order, and for the
//! selected one a preview as the room will see it, its controls (hide, move, duplicate,
//! delete, which Comune or scenario) and its speaker notes. Every change is an edit, so undo
//! takes it back.

use egui::{Rect, vec2};

use super::look::ProjectorTheme;
use super::{SlideInputs, slide_title};
use crate::analysis::scenario_figures::ScenarioFigures;
use crate::i18n::tr;
use crate::model::{Edit, PartnerId, ScenarioId, Slide, SlideId, SlideKind};
use crate::ui::ViewCtx;

/// The presentation's preferences the editor sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentOptions {
    pub theme: ProjectorTheme,
    /// Seconds per slide when advancing by itself; 0 = only by the keys.
    pub advance_seconds: u32,
}

/// What the editor asks the app to do besides editing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckAction {
    /// Present from the first slide, or from the selected one.
    Present { from_selected: bool },
}

#[derive(Debug, Default)]
pub struct DeckEditor {
    selected: Option<SlideId>,
}

impl DeckEditor {
    pub fn selected(&self) -> Option<&SlideId> {
        self.selected.as_ref()
    }

    pub fn select(&mut self, slide: Option<SlideId>) {
        self.selected = slide;
    }

    /// The selected slide if it is still in the deck, else the first.
    pub fn resolve<'a>(&mut self, slides: &'a [Slide]) -> Option<&'a Slide> {
        let found = self
            .selected
            .as_ref()
            .and_then(|id| slides.iter().find(|s| &s.id == id))
            .or(slides.first());
        self.selected = found.map(|s| s.id.clone());
        found
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewCtx,
        options: &mut PresentOptions,
        figures: Option<&ScenarioFigures>,
    ) -> Option<DeckAction> {
        let mut action = None;
        let project = cx.project;
        let slides = &project.deck.slides;
        let selected = self.resolve(slides).cloned();
        ui.horizontal(|ui| {
            ui.heading(cx.t("slides.editor.title"));
            ui.separator();
            if ui.button(cx.t("slides.editor.present_start")).clicked() {
                action = Some(DeckAction::Present {
                    from_selected: false,
                });
            }
            if ui.button(cx.t("slides.editor.present_here")).clicked() {
                action = Some(DeckAction::Present {
                    from_selected: true,
                });
            }
            ui.separator();
            ui.label(cx.t("slides.editor.theme"));
            for theme in ProjectorTheme::ALL {
                ui.radio_value(&mut options.theme, theme, cx.t(theme.label_key()));
            }
            ui.separator();
            ui.label(cx.t("slides.editor.advance"));
            ui.add(
                egui::DragValue::new(&mut options.advance_seconds)
                    .range(0..=600)
                    .suffix(" s"),
            );
        });
        ui.label(cx.t("slides.editor.keys"));
        ui.separator();

        let list_width = (ui.available_width() * 0.3).clamp(220.0, 420.0);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(list_width);
                self.list(ui, cx, slides);
            });
            ui.separator();
            ui.vertical(|ui| {
                if let Some(slide) = &selected {
                    self.selected_slide(ui, cx, slide, options, figures);
                }
            });
        });
        action
    }

    fn list(&mut self, ui: &mut egui::Ui, cx: &ViewCtx, slides: &[Slide]) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("deck_editor.list")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, slides.len(), |ui, rows| {
                for index in rows {
                    let slide = &slides[index];
                    let mut text =
                        format!("{}. {}", index + 1, slide_title(slide, cx.project, cx.lang));
                    if slide.hidden {
                        text = format!("{text} ({})", cx.t("slides.editor.hidden_mark"));
                    }
                    let weak = slide.hidden || slide.is_orphan(cx.project);
                    let label = if weak {
                        egui::RichText::new(text).weak()
                    } else {
                        egui::RichText::new(text)
                    };
                    let chosen = self.selected.as_ref() == Some(&slide.id);
                    if ui.selectable_label(chosen, label).clicked() {
                        self.selected = Some(slide.id.clone());
                    }
                }
            });
    }

    fn selected_slide(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut ViewCtx,
        slide: &Slide,
        options: &PresentOptions,
        figures: Option<&ScenarioFigures>,
    ) {
        let project = cx.project;
        let slides = &project.deck.slides;
        let index = project.deck.position(&slide.id).unwrap_or(0);
        let presented: Vec<&SlideId> = slides
            .iter()
            .filter(|s| s.is_presented(project))
            .map(|s| &s.id)
            .collect();
        let number = presented.iter().position(|id| **id == slide.id);

        let width = ui.available_width().max(160.0);
        let size = vec2(width, width * 9.0 / 16.0);
        let size = size * (ui.available_height() * 0.6 / size.y).min(1.0);
        let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
        let inputs = SlideInputs {
            project,
            dashboard: cx.dashboard,
            lang: cx.lang,
            theme: options.theme,
            figures,
            number: number.map_or(0, |n| n + 1),
            total: presented.len(),
        };
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        super::draw(
            &mut child,
            Rect::from_min_size(rect.min, size),
            slide,
            &inputs,
        );
        ui.add_space(8.0);

        ui.horizontal_wrapped(|ui| {
            let mut hidden = slide.hidden;
            if ui
                .checkbox(&mut hidden, cx.t("slides.editor.hide"))
                .changed()
            {
                cx.outbox.edit(Edit::SetSlideHidden {
                    slide: slide.id.clone(),
                    hidden,
                });
            }
            if ui
                .add_enabled(index > 0, egui::Button::new(cx.t("slides.editor.move_up")))
                .clicked()
            {
                cx.outbox.edit(Edit::MoveSlide {
                    slide: slide.id.clone(),
                    to: index - 1,
                });
            }
            if ui
                .add_enabled(
                    index + 1 < slides.len(),
                    egui::Button::new(cx.t("slides.editor.move_down")),
                )
                .clicked()
            {
                cx.outbox.edit(Edit::MoveSlide {
                    slide: slide.id.clone(),
                    to: index + 1,
                });
            }
            if ui.button(cx.t("slides.editor.duplicate")).clicked()
                && let Some(copy) = project.deck.duplicate_of(&slide.id)
            {
                self.selected = Some(copy.id.clone());
                cx.outbox.edit(Edit::InsertSlide {
                    at: index + 1,
                    slide: copy,
                });
            }
            if ui.button(cx.t("slides.editor.delete")).clicked() {
                self.selected = slides
                    .get(index + 1)
                    .or_else(|| index.checked_sub(1).and_then(|i| slides.get(i)))
                    .map(|s| s.id.clone());
                cx.outbox.edit(Edit::RemoveSlide {
                    slide: slide.id.clone(),
                });
            }
        });
        subject_picker(ui, cx, slide);
        let label = ui.label(cx.t("slides.editor.notes"));
        let mut notes = slide.notes.clone();
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut notes)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY)
                    .hint_text(cx.t("slides.editor.notes_hint")),
            )
            .labelled_by(label.id);
        if response.changed() {
            cx.outbox.edit(Edit::SetSlideNotes {
                slide: slide.id.clone(),
                notes,
            });
        }
    }
}

/// Which Comune or scenario a slide shows.
fn subject_picker(ui: &mut egui::Ui, cx: &mut ViewCtx, slide: &Slide) {
    let project = cx.project;
    match &slide.kind {
        SlideKind::Comune { partner } => {
            let current = project.partners.get(partner).map_or_else(
                || tr(cx.lang, "slides.missing_comune").into_owned(),
                |p| p.name.clone(),
            );
            let mut chosen: Option<PartnerId> = None;
            ui.horizontal(|ui| {
                egui::ComboBox::new("deck_editor.pick_comune", cx.t("slides.editor.comune"))
                    .selected_text(current)
                    .height(400.0)
                    .show_ui(ui, |ui| {
                        for id in &cx.dashboard.partner_order {
                            if let Some(p) = project.partners.get(id)
                                && ui.selectable_label(id == partner, &p.name).clicked()
                            {
                                chosen = Some(id.clone());
                            }
                        }
                    });
            });
            if let Some(id) = chosen.filter(|id| id != partner) {
                cx.outbox.edit(Edit::SetSlideKind {
                    slide: slide.id.clone(),
                    kind: SlideKind::Comune { partner: id },
                });
            }
        }
        SlideKind::Scenario { scenario } => {
            let current = project.scenarios.get(scenario).map_or_else(
                || tr(cx.lang, "slides.missing_scenario").into_owned(),
                |s| s.name.clone(),
            );
            let mut chosen: Option<ScenarioId> = None;
            ui.horizontal(|ui| {
                egui::ComboBox::new("deck_editor.pick_scenario", cx.t("slides.editor.scenario"))
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for (id, s) in &project.scenarios {
                            if ui.selectable_label(id == scenario, &s.name).clicked() {
                                chosen = Some(id.clone());
                            }
                        }
                    });
            });
            if let Some(id) = chosen.filter(|id| id != scenario) {
                cx.outbox.edit(Edit::SetSlideKind {
                    slide: slide.id.clone(),
                    kind: SlideKind::Scenario { scenario: id },
                });
            }
        }
        _ => {}
    }
}
