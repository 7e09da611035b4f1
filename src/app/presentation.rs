//! The slide show in the main window: F5 from the first slide, Shift+F5 from the slide
//! selected in the deck editor, full screen with no editing chrome, the keys clickers send,
//! blanking, and auto-advance with a thin progress bar. Slides are drawn from the live
//! project and figures every frame, so an edit shows in the same frame.
//!
//! Time is the input's clock (`InputState::time`), so the auto-advance is the same in the
//! window and in the headless tests, and an idle show asks for no repaint: only a running
//! auto-advance asks for the next tick of its bar.

use egui::ViewportCommand;

use super::CruscottoApp;
pub(super) use super::command::show_keys::ShowKey;
use super::months_play::MonthsPlay;
use crate::analysis::scenario_figures::ProjectionNeeds;
use crate::model::{PartnerId, Project, SlideId, SlideKind};

/// A blanked screen: the room looks at the facilitator, not at the slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// How often the progress bar of auto-advance is redrawn.
pub(super) const ADVANCE_TICK: f64 = 0.25;

#[derive(Debug, Default)]
pub struct Presentation {
    pub(super) active: bool,
    /// The slide on screen; when it stops being presented (hidden, deleted by undo) the show
    /// goes on at the same place in the deck.
    pub(super) current: Option<SlideId>,
    /// Where `current` was among the presented slides, for that case.
    pub(super) index: usize,
    pub(super) blank: Option<Blank>,
    pub(super) paused: bool,
    /// Digits typed for a jump (a number, then Enter).
    pub(super) typed: String,
    /// When the current slide came on screen (input clock, seconds).
    pub(super) shown_at: f64,
    /// Whether the window was full screen before: leaving restores it.
    pub(super) was_fullscreen: bool,
    /// The live-correction panel is open.
    pub(super) correcting: bool,
    /// The adoption slide's months: all, or revealed one by one.
    pub(super) play: MonthsPlay,
    /// The presenter view, when the audience has a viewport of its own.
    pub(super) presenter: Option<Presenter>,
    /// When the show started (input clock, seconds), for the presenter's clock.
    pub(super) started_at: f64,
}

/// The presenter view: the facilitator's window, with the audience's slide in a viewport of
/// its own, full screen on a monitor or (`None`) in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presenter {
    pub audience_monitor: Option<usize>,
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

    /// Whether the live-correction panel is open.
    pub fn is_correcting(&self) -> bool {
        self.correcting
    }

    /// The adoption slide's play state.
    pub fn play(&self) -> &MonthsPlay {
        &self.play
    }

    /// The presenter view, when the show runs with one.
    pub fn presenter(&self) -> Option<&Presenter> {
        self.presenter.as_ref()
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

impl CruscottoApp {
    /// Starts the show from the first slide, or from the one selected in the deck editor:
    /// with two monitors, the audience's slide full screen on the other one and the
    /// presenter view here; with one, full screen in this window.
    pub(super) fn start_presentation(&mut self, ctx: &egui::Context, from_selected: bool) {
        let presenter = match self.presentation.presenter {
            Some(presenter) if self.presentation.active => Some(presenter),
            _ => self.monitors.other_monitor().map(|monitor| Presenter {
                audience_monitor: Some(monitor),
            }),
        };
        self.begin_show(ctx, from_selected, presenter.is_none());
        self.presentation.presenter = presenter;
    }

    /// Starts the show with the presenter view even on one monitor: the audience's slide in
    /// a window of its own (on the other monitor when there is one).
    pub(super) fn start_presenter_view(&mut self, ctx: &egui::Context) {
        let presenter = Presenter {
            audience_monitor: self.monitors.other_monitor(),
        };
        self.begin_show(ctx, true, false);
        self.presentation.presenter = Some(presenter);
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
            correcting: false,
            play: MonthsPlay::default(),
            presenter: None,
            started_at: if self.presentation.active {
                self.presentation.started_at
            } else {
                now
            },
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

    pub(super) fn leave_presentation(&mut self, ctx: &egui::Context) {
        self.presentation.active = false;
        self.presentation.correcting = false;
        if self.presentation.presenter.take().is_some() {
            // The audience's viewport closes as it is no longer drawn; this window was
            // never made full screen.
            return self.select_where_the_show_stopped();
        }
        if !self.presentation.was_fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
        self.select_where_the_show_stopped();
    }

    /// The editor shows where the show stopped.
    fn select_where_the_show_stopped(&mut self) {
        if let Some(current) = self.presentation.current.clone() {
            self.deck_editor.select(Some(current));
        }
    }

    /// Jumps to the `index`-th presented slide (the presenter's slide list).
    pub(super) fn go_to_slide(&mut self, ctx: &egui::Context, index: usize) {
        self.presentation.typed = (index + 1).to_string();
        self.show_key(ctx, ShowKey::Enter);
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

    pub(super) fn show_key(&mut self, ctx: &egui::Context, key: ShowKey) {
        let now = ctx.input(|i| i.time);
        let count = presented(self.doc.project()).len();
        let go_to = |show: &mut Presentation, index: usize| {
            show.typed.clear();
            show.blank = None;
            show.index = index.min(count.saturating_sub(1));
            show.shown_at = now;
            show.play = MonthsPlay::default();
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
            // With the panel open, Esc closes the panel and the show goes on.
            ShowKey::Leave if show.correcting => {
                show.correcting = false;
                ctx.memory_mut(|m| m.stop_text_input());
            }
            ShowKey::Leave => {
                self.leave_presentation(ctx);
                return;
            }
            ShowKey::Correct => {
                show.correcting = !show.correcting;
                if !show.correcting {
                    ctx.memory_mut(|m| m.stop_text_input());
                }
            }
            ShowKey::Play | ShowKey::ScrubBack | ShowKey::ScrubOn => {
                let on_adoption = self.current_kind() == Some(SlideKind::Adoption);
                let months = self.months_to_play();
                if on_adoption {
                    self.presentation.play.key(key, months, now);
                }
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
    pub(super) fn current_index(&self) -> usize {
        let order = presented(self.doc.project());
        self.presentation
            .current
            .as_ref()
            .and_then(|id| order.iter().position(|o| *o == id))
            .unwrap_or(self.presentation.index.min(order.len().saturating_sub(1)))
    }

    pub(super) fn auto_advance(&mut self, ctx: &egui::Context) {
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

    /// What the slide on screen shows.
    pub(super) fn current_kind(&self) -> Option<SlideKind> {
        let project = self.doc.project();
        let order = presented(project);
        let id = order.get(self.current_index())?;
        project.deck.get(id).map(|s| s.kind.clone())
    }

    /// The Comune of the slide on screen, if it shows one.
    pub(super) fn current_comune(&self) -> Option<PartnerId> {
        match self.current_kind()? {
            SlideKind::Comune { partner } => Some(partner),
            _ => None,
        }
    }
}
