//! The app's side of the command palette: what it lists (every registered command, then
//! every Comune by name) and what choosing a line does.

use super::command::COMMANDS;
use super::{AppCommand, CruscottoApp};
use crate::i18n::{tr, tr_args};
use crate::model::PartnerId;
use crate::ui::palette::{PaletteEntry, PaletteOutcome};
use crate::ui::search::fold;
use crate::ui::{Outbox, Request};

/// What a line of the palette does.
#[derive(Debug, Clone, PartialEq)]
pub enum PaletteAction {
    Command(AppCommand),
    /// Open the Comune's editor, as a click on it anywhere does.
    Partner(PartnerId),
}

impl CruscottoApp {
    pub(super) fn open_palette(&mut self, ctx: &egui::Context) {
        let entries = self.palette_entries(ctx);
        self.palette.open(ctx, entries);
    }

    fn palette_entries(&self, ctx: &egui::Context) -> Vec<PaletteEntry<PaletteAction>> {
        let lang = self.lang;
        let commands = COMMANDS
            .iter()
            .filter(|entry| entry.command != AppCommand::OpenPalette)
            .map(|entry| PaletteEntry {
                label: tr(lang, entry.label_key).into_owned(),
                detail: entry
                    .shortcut()
                    .map(|shortcut| ctx.format_shortcut(&shortcut))
                    .unwrap_or_default(),
                tooltip: Some(tr(lang, entry.tooltip_key).into_owned()),
                action: PaletteAction::Command(entry.command.clone()),
            });
        let mut partners: Vec<_> = (self.doc.project().partners.iter())
            .map(|(id, partner)| (fold(&partner.name), id, partner))
            .collect();
        partners.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let partners = partners.into_iter().map(|(_, id, partner)| PaletteEntry {
            label: partner.name.clone(),
            detail: tr_args(
                lang,
                "commands.palette.comune",
                &[("province", &partner.province)],
            ),
            tooltip: None,
            action: PaletteAction::Partner(id.clone()),
        });
        commands.chain(partners).collect()
    }

    /// Draws the palette if open; the line chosen becomes a command or a request, run after
    /// drawing with the others.
    pub(super) fn palette_ui(
        &mut self,
        ctx: &egui::Context,
        outbox: &mut Outbox,
        commands: &mut Vec<AppCommand>,
    ) {
        if let PaletteOutcome::Chosen(action) = self.palette.ui(ctx, self.lang) {
            match action {
                PaletteAction::Command(command) => commands.push(command),
                PaletteAction::Partner(partner) => outbox.push(Request::EditPartner(partner)),
            }
        }
    }

    /// Whether the palette is open (tests).
    pub fn palette_is_open(&self) -> bool {
        self.palette.is_open()
    }

    /// The lines the open palette shows, in order (tests).
    pub fn palette_lines(&self) -> Vec<&str> {
        self.palette.shown_labels()
    }

    /// What is typed in the open palette (tests).
    pub fn palette_query(&self) -> Option<&str> {
        self.palette.query()
    }
}
