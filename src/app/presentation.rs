//! The slide show in the main window: F5 from the first slide, Shift+F5 from the slide
//! selected in the deck editor, full screen with no editing chrome, the keys clickers send,
//! blanking, and auto-advance with a thin progress bar. Slides are drawn from the live
//! project and figures every frame, so an edit shows in the same frame.
//!
//! Time is the input's clock (`InputState::time`), so the auto-advance is the same in the
//! window and in the headless tests, and an idle show asks for no repaint: only a running
//! auto-advance asks for the next tick of its bar.

use egui::{Align2, Color32, Event, Key, Rect, ViewportCommand, pos2, vec2};

use super::CruscottoApp;
use crate::analysis::dashboard::Dashboard;
use crate::analysis::scenario_figures::ProjectionNeeds;
use crate::i18n::tr;
use crate::model::{Project, SlideId, SlideKind};
use crate::ui::slides::{self, SlideInputs, look::Look};

/// A blanked screen: the room looks at the facilitator, not at the slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// How often the progress bar of auto-advance is redrawn.
const ADVANCE_TICK: f64 = 0.25;

#[derive(Debug, Default)]
pub struct Presentation {
    active: bool,
    /// The slide on screen; when it stops being presented (hidden, deleted by undo) the show
    /// goes on at the same place in the deck.
    current: Option<SlideId>,
    /// Where `current` was among the presented slides, for that case.
    index: usize,
    blank: Option<Blank>,
    paused: bool,
    /// Digits typed for a jump (a number, then Enter).
    typed: String,
    /// When the current slide came on screen (input clock, seconds).
    shown_at: f64,
    /// Whether the window was full screen before: leaving restores it.
    was_fullscreen: bool,
}

/// What one key does during the show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShowKey {
    Next,
    Previous,
    First,
    Last,
    Digit(u8),
    Enter,
    Black,
    White,
    Pause,
    Leave,
    FromStart,
    FromHere,
}

impl Presentation {
    pub fn is_active(&self) -> bool {
        self.active
    }

    /// The slide on screen.
    pub fn current(&self) -> Option<&SlideId> {
        self.current.as_ref()
    }

    pub fn blank(&self) -> Option<Blank> {
        self.blank
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// The digits typed so far for a jump.
    pub fn typed(&self) -> &str {
        &self.typed
    }
}

/// The slides the show goes through, in order: not hidden, not about something deleted.
pub fn presented(project: &Project) -> Vec<&SlideId> {
    project
        .deck
        .slides
        .iter()
        .filter(|s| s.is_presented(project))
        .map(|s| &s.id)
        .collect()
}

fn show_key(key: Key, modifiers: egui::Modifiers) -> Option<ShowKey> {
    Some(match key {
        Key::ArrowRight | Key::ArrowDown | Key::PageDown | Key::Space => ShowKey::Next,
        Key::ArrowLeft | Key::ArrowUp | Key::PageUp | Key::Backspace => ShowKey::Previous,
        Key::Home => ShowKey::First,
        Key::End => ShowKey::Last,
        Key::Enter => ShowKey::Enter,
        Key::B | Key::Period => ShowKey::Black,
        Key::W => ShowKey::White,
        Key::P => ShowKey::Pause,
        Key::Escape => ShowKey::Leave,
        Key::F5 if modifiers.shift => ShowKey::FromHere,
        Key::F5 => ShowKey::FromStart,
        Key::Num0 => ShowKey::Digit(0),
        Key::Num1 => ShowKey::Digit(1),
        Key::Num2 => ShowKey::Digit(2),
        Key::Num3 => ShowKey::Digit(3),
        Key::Num4 => ShowKey::Digit(4),
        Key::Num5 => ShowKey::Digit(5),
        Key::Num6 => ShowKey::Digit(6),
        Key::Num7 => ShowKey::Digit(7),
        Key::Num8 => ShowKey::Digit(8),
        Key::Num9 => ShowKey::Digit(9),
        _ => return None,
    })
}

impl CruscottoApp {
    /// Starts the show full screen from the first slide, or from the one selected in the
    /// deck editor.
    pub(super) fn start_presentation(&mut self, ctx: &egui::Context, from_selected: bool) {
        self.begin_show(ctx, from_selected, true);
    }

    /// Starts the show; `fullscreen` false keeps the window as it is (the PNG export draws
    /// at the size it was asked for).
    pub(super) fn begin_show(
        &mut self,
        ctx: &egui::Context,
        from_selected: bool,
        fullscreen: bool,
    ) {
        let project = self.doc.project();
        let order = presented(project);
        let from = if from_selected {
            self.deck_editor.selected().cloned()
        } else {
            None
        };
        // A hidden slide selected: the show starts at the next one that is presented.
        let index = from
            .and_then(|id| {
                let at = project.deck.position(&id)?;
                project.deck.slides[at..]
                    .iter()
                    .find(|s| s.is_presented(project))
                    .and_then(|s| order.iter().position(|o| **o == s.id))
            })
            .unwrap_or(0);
        let now = ctx.input(|i| i.time);
        let was_fullscreen = if self.presentation.active {
            self.presentation.was_fullscreen
        } else {
            ctx.input(|i| i.viewport().fullscreen.unwrap_or(false))
        };
        self.presentation = Presentation {
            active: true,
            current: order.get(index).map(|id| (*id).clone()),
            index,
            blank: None,
            paused: false,
            typed: String::new(),
            shown_at: now,
            was_fullscreen,
        };
        ctx.memory_mut(|m| m.stop_text_input());
        if fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        }
    }

    /// The next slide, as the Right key.
    pub(super) fn next_slide(&mut self, ctx: &egui::Context) {
        self.show_key(ctx, ShowKey::Next);
    }

    fn leave_presentation(&mut self, ctx: &egui::Context) {
        self.presentation.active = false;
        if !self.presentation.was_fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
        // The editor shows where the show stopped.
        if let Some(current) = self.presentation.current.clone() {
            self.deck_editor.select(Some(current));
        }
    }

    /// The projections the slide shown (in the show, or selected in the deck editor) needs.
    pub(super) fn slide_projection_needs(&self) -> Option<ProjectionNeeds> {
        let project = self.doc.project();
        let id = if self.presentation.active {
            self.presentation.current.as_ref()
        } else if self.view == super::ViewKind::Deck {
            self.deck_editor
                .selected()
                .or(project.deck.slides.first().map(|s| &s.id))
        } else {
            None
        }?;
        match &project.deck.get(id)?.kind {
            SlideKind::Scenario { scenario } => Some(ProjectionNeeds {
                scenario: Some(scenario.clone()),
                partner_bands: Vec::new(),
                others: false,
            }),
            _ => None,
        }
    }

    /// One frame of the show: keys, auto-advance, then the slide over the whole window.
    pub(super) fn presentation_frame(&mut self, ui: &mut egui::Ui, dashboard: &Dashboard) {
        let ctx = ui.ctx().clone();
        let keys: Vec<(Key, egui::Modifiers)> = ctx.input_mut(|input| {
            let mut keys = Vec::new();
            input.events.retain(|event| match event {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if show_key(*key, *modifiers).is_some() => {
                    keys.push((*key, *modifiers));
                    false
                }
                _ => true,
            });
            keys
        });
        for (key, modifiers) in keys {
            if let Some(action) = show_key(key, modifiers) {
                self.show_key(&ctx, action);
            }
            if !self.presentation.active {
                return;
            }
        }
        self.auto_advance(&ctx);
        self.draw_show(ui, dashboard);
    }

    fn show_key(&mut self, ctx: &egui::Context, key: ShowKey) {
        let now = ctx.input(|i| i.time);
        let count = presented(self.doc.project()).len();
        let go_to = |show: &mut Presentation, index: usize| {
            show.typed.clear();
            show.blank = None;
            show.index = index.min(count.saturating_sub(1));
            show.shown_at = now;
        };
        let at = self.current_index();
        let show = &mut self.presentation;
        match key {
            ShowKey::Next => go_to(show, at + 1),
            ShowKey::Previous => go_to(show, at.saturating_sub(1)),
            ShowKey::First => go_to(show, 0),
            ShowKey::Last => go_to(show, count.saturating_sub(1)),
            ShowKey::Digit(digit) => {
                if show.typed.len() < 4 {
                    show.typed.push(char::from(b'0' + digit));
                }
            }
            ShowKey::Enter => {
                let target = show.typed.parse::<usize>().ok();
                match target {
                    Some(number) if number >= 1 => go_to(show, number - 1),
                    Some(_) => show.typed.clear(),
                    None => go_to(show, at + 1),
                }
            }
            ShowKey::Black => {
                show.blank = (show.blank != Some(Blank::Black)).then_some(Blank::Black);
            }
            ShowKey::White => {
                show.blank = (show.blank != Some(Blank::White)).then_some(Blank::White);
            }
            ShowKey::Pause => {
                show.paused = !show.paused;
                show.shown_at = now;
            }
            ShowKey::Leave => {
                self.leave_presentation(ctx);
                return;
            }
            ShowKey::FromStart => {
                self.start_presentation(ctx, false);
                return;
            }
            ShowKey::FromHere => {}
        }
        let order = presented(self.doc.project());
        let index = self.presentation.index;
        self.presentation.current = order.get(index).map(|id| (*id).clone());
    }

    /// Where the current slide is among the presented ones (it may have been hidden or
    /// removed meanwhile: then where it was).
    fn current_index(&self) -> usize {
        let order = presented(self.doc.project());
        self.presentation
            .current
            .as_ref()
            .and_then(|id| order.iter().position(|o| *o == id))
            .unwrap_or(self.presentation.index.min(order.len().saturating_sub(1)))
    }

    fn auto_advance(&mut self, ctx: &egui::Context) {
        let seconds = f64::from(self.settings.advance_seconds);
        let show = &self.presentation;
        if seconds <= 0.0 || show.paused || show.blank.is_some() {
            return;
        }
        let count = presented(self.doc.project()).len();
        let at = self.current_index();
        if at + 1 >= count {
            return;
        }
        let elapsed = ctx.input(|i| i.time) - show.shown_at;
        if elapsed >= seconds {
            self.show_key(ctx, ShowKey::Next);
        }
        let remaining = seconds - (ctx.input(|i| i.time) - self.presentation.shown_at);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            remaining.clamp(0.0, ADVANCE_TICK),
        ));
    }

    fn draw_show(&mut self, ui: &mut egui::Ui, dashboard: &Dashboard) {
        // The whole window, not the root's inner margin: the slide's colour to the edges.
        let window = ui.ctx().content_rect();
        let theme = self.settings.projector_theme;
        let look = Look::new(theme, window);
        let painter = ui.painter().clone();
        match self.presentation.blank {
            Some(Blank::Black) => {
                painter.rect_filled(window, 0.0, Color32::BLACK);
                return;
            }
            Some(Blank::White) => {
                painter.rect_filled(window, 0.0, Color32::WHITE);
                return;
            }
            None => {}
        }
        painter.rect_filled(window, 0.0, look.palette.background);
        // The largest 16:9 area in the window, centred: slides keep their shape on any screen.
        let size = if window.width() * 9.0 > window.height() * 16.0 {
            vec2(window.height() * 16.0 / 9.0, window.height())
        } else {
            vec2(window.width(), window.width() * 9.0 / 16.0)
        };
        let rect = Rect::from_center_size(window.center(), size);
        let index = self.current_index();
        let project = self.doc.project();
        let order = presented(project);
        let slide = order.get(index).and_then(|id| project.deck.get(id));
        match slide {
            Some(slide) => {
                let inputs = SlideInputs {
                    project,
                    dashboard,
                    lang: self.lang,
                    theme,
                    figures: self.projections.figures(),
                    number: index + 1,
                    total: order.len(),
                };
                slides::draw(ui, rect, slide, &inputs);
            }
            None => {
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    tr(self.lang, "slides.show.empty"),
                    look.body(),
                    look.palette.text,
                );
            }
        }
        if !self.presentation.typed.is_empty() {
            painter.text(
                rect.right_top() + vec2(-look.px(40.0), look.px(30.0)),
                Align2::RIGHT_TOP,
                crate::i18n::tr_args(
                    self.lang,
                    "slides.show.go_to",
                    &[("number", &self.presentation.typed)],
                ),
                look.title(),
                look.palette.text,
            );
        }
        let seconds = f64::from(self.settings.advance_seconds);
        if seconds > 0.0 && index + 1 < order.len() {
            let elapsed = ui.ctx().input(|i| i.time) - self.presentation.shown_at;
            let share = if self.presentation.paused {
                0.0
            } else {
                (elapsed / seconds).clamp(0.0, 1.0) as f32
            };
            let bar = Rect::from_min_size(
                pos2(rect.left(), rect.bottom() - look.px(8.0)),
                vec2(rect.width() * share, look.px(8.0)),
            );
            painter.rect_filled(bar, 0.0, look.palette.series(0));
        }
    }
}
