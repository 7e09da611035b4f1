//! The command palette (Ctrl+K): a field at the top of the window and the commands and
//! Comuni whose names hold every word typed. Up and Down choose, Enter runs, Esc or a click
//! outside closes. It knows nothing of what an entry does: the app gives each entry an
//! action and runs the one chosen.

use egui::{Align, Button, Id, Key, Modal, Modifiers, RichText, ScrollArea, TextEdit, vec2};

use crate::i18n::{Lang, tr};
use crate::ui::search::{fold, matches_words, query_words};

/// Matches shown at once; more would not help anyone choose, and typing narrows them.
const SHOWN: usize = 50;

/// One line of the palette.
#[derive(Debug, Clone)]
pub struct PaletteEntry<T> {
    pub label: String,
    /// Shown on the right: a command's shortcut, a Comune's province.
    pub detail: String,
    /// Shown on hover: what a command does.
    pub tooltip: Option<String>,
    pub action: T,
}

/// What the user did with the palette this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteOutcome<T> {
    /// Still choosing.
    Open,
    Closed,
    Chosen(T),
}

struct Open<T> {
    entries: Vec<PaletteEntry<T>>,
    /// Each entry's label (and detail) folded once, so a keystroke only compares.
    haystacks: Vec<String>,
    query: String,
    /// The query `matches` was computed for.
    matched_query: Option<String>,
    /// Indices into `entries` matching the query, in entry order.
    matches: Vec<usize>,
    /// The chosen line, an index into `matches`.
    cursor: usize,
    /// The cursor moved: scroll its line into view.
    reveal: bool,
}

pub struct Palette<T> {
    open: Option<Open<T>>,
}

impl<T> Default for Palette<T> {
    fn default() -> Self {
        Palette { open: None }
    }
}

impl<T: Clone> Palette<T> {
    /// The id of the palette's text field.
    pub fn field_id() -> Id {
        Id::unique("cruscotto.palette.field")
    }

    /// Opens the palette on `entries` (in the order shown) with the keyboard in its field at
    /// once: called before the views draw, what is typed in the same frame lands there.
    pub fn open(&mut self, ctx: &egui::Context, entries: Vec<PaletteEntry<T>>) {
        let haystacks = entries
            .iter()
            .map(|entry| fold(&format!("{}\n{}", entry.label, entry.detail)))
            .collect();
        self.open = Some(Open {
            entries,
            haystacks,
            query: String::new(),
            matched_query: None,
            matches: Vec::new(),
            cursor: 0,
            reveal: false,
        });
        ctx.memory_mut(|memory| memory.request_focus(Self::field_id()));
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The text typed so far, while open.
    pub fn query(&self) -> Option<&str> {
        self.open.as_ref().map(|open| open.query.as_str())
    }

    /// The labels of the matches shown, in order, while open.
    pub fn shown_labels(&self) -> Vec<&str> {
        self.open.as_ref().map_or_else(Vec::new, |open| {
            (open.matches.iter().take(SHOWN))
                .map(|&index| open.entries[index].label.as_str())
                .collect()
        })
    }

    /// Draws the palette if it is open.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> PaletteOutcome<T> {
        let Some(open) = &mut self.open else {
            return PaletteOutcome::Closed;
        };
        // Taken before the field draws: a one-line field would otherwise read Up and Down
        // as cursor moves and give up the keyboard on Enter.
        let (down, up, enter, escape) = ctx.input_mut(|input| {
            (
                input.count_and_consume_key(Modifiers::NONE, Key::ArrowDown),
                input.count_and_consume_key(Modifiers::NONE, Key::ArrowUp),
                input.consume_key(Modifiers::NONE, Key::Enter),
                input.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        let mut clicked = None;
        let response = palette_modal().show(ctx, |ui| {
            ui.set_width(560.0);
            let field = ui.add(
                TextEdit::singleline(&mut open.query)
                    .id(Self::field_id())
                    .hint_text(tr(lang, "commands.palette.hint"))
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Heading),
            );
            // The keyboard stays in the field whatever is clicked inside the palette.
            if !field.has_focus() {
                field.request_focus();
            }
            open.refilter();
            open.move_cursor(down, up);
            ui.add_space(6.0);
            clicked = open.list(ui, lang);
            ui.add_space(4.0);
            ui.label(tr(lang, "commands.palette.keys"));
        });
        let chosen = clicked.or_else(|| {
            enter
                .then(|| open.matches.get(open.cursor))
                .flatten()
                .copied()
        });
        if let Some(index) = chosen {
            let action = open.entries[index].action.clone();
            self.open = None;
            return PaletteOutcome::Chosen(action);
        }
        if escape || response.backdrop_response.clicked() {
            self.open = None;
            return PaletteOutcome::Closed;
        }
        PaletteOutcome::Open
    }
}

/// A modal at the top centre of the window, where the eye already is after Ctrl+K, leaving
/// the view visible below it.
fn palette_modal() -> Modal {
    let id = Id::unique("cruscotto.palette");
    Modal::new(id).area(Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, vec2(0.0, 60.0)))
}

impl<T> Open<T> {
    fn refilter(&mut self) {
        if self.matched_query.as_deref() == Some(self.query.as_str()) {
            return;
        }
        let words = query_words(&self.query);
        self.matches = (self.haystacks.iter().enumerate())
            .filter(|(_, haystack)| matches_words(haystack, &words))
            .map(|(index, _)| index)
            .collect();
        self.matched_query = Some(self.query.clone());
        self.cursor = 0;
        self.reveal = true;
    }

    fn move_cursor(&mut self, down: usize, up: usize) {
        let last = self.matches.len().min(SHOWN).saturating_sub(1);
        let moved = (self.cursor + down).saturating_sub(up).min(last);
        if moved != self.cursor {
            self.cursor = moved;
            self.reveal = true;
        }
    }

    /// The matching lines; returns the entry clicked, if any.
    fn list(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<usize> {
        if self.matches.is_empty() {
            ui.label(tr(lang, "commands.palette.none"));
            return None;
        }
        let mut clicked = None;
        let row_width = ui.available_width();
        ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (line, &index) in self.matches.iter().take(SHOWN).enumerate() {
                    let entry = &self.entries[index];
                    let selected = line == self.cursor;
                    // A mark beside the chosen line, so it is not shown by colour alone.
                    let mark = if selected { "›" } else { " " };
                    let button = Button::selectable(
                        selected,
                        (
                            RichText::new(mark).monospace(),
                            RichText::new(&entry.label).size(16.0),
                        ),
                    )
                    .right_text(entry.detail.as_str())
                    .min_size(vec2(row_width, 0.0));
                    let mut response = ui.add(button);
                    if let Some(tooltip) = &entry.tooltip {
                        response = response.on_hover_text(tooltip);
                    }
                    if selected && self.reveal {
                        response.scroll_to_me(Some(Align::Center));
                    }
                    if response.clicked() {
                        clicked = Some(index);
                    }
                }
            });
        self.reveal = false;
        let hidden = self.matches.len().saturating_sub(SHOWN);
        if hidden > 0 {
            let hidden = i64::try_from(hidden).unwrap_or(i64::MAX);
            ui.label(crate::i18n::plural(
                lang,
                "commands.palette.more",
                hidden,
                &[],
            ));
        }
        clicked
    }
}
