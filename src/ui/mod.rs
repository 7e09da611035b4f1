//! The views. Each view draws from the project and its derived figures and asks for
//! changes through an `Outbox`; it never changes the model itself and knows nothing of the
//! app (the app applies the requests after drawing: one place for undo, dirty state and
//! autosave).

pub mod import;
pub mod overview;
pub mod palette;
pub mod partners;
pub mod report_dialog;
pub mod scenarios;
pub mod search;
pub mod slides;
pub mod theme;
pub mod training;
pub mod widgets;

use std::collections::BTreeSet;

use crate::analysis::dashboard::Dashboard;
use crate::i18n::{Lang, tr};
use crate::model::validate::Target;
use crate::model::{Edit, PartnerId, Project, ScenarioId};

/// What a view may ask of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Change the project (applied after drawing, undoable).
    Edit(Edit),
    /// Change the project with many edits as one undo step, all or none (a paste).
    Batch(Vec<Edit>),
    /// Select a partner everywhere; `additive` keeps the other selected partners
    /// (Ctrl/Cmd+click), otherwise the selection becomes just this partner.
    SelectPartner {
        partner: PartnerId,
        additive: bool,
    },
    ClearSelection,
    /// Show the item a validation finding concerns.
    Reveal(Target),
    /// Delete a partner with all its data, after the user confirms (undoable).
    DeletePartner(PartnerId),
    /// Open the partner's editor in the Partners view.
    EditPartner(PartnerId),
    /// Show and project this scenario in the Scenarios view (`None`: none is picked, the
    /// app falls back to the first).
    PickScenario(Option<ScenarioId>),
    /// Try again the background work that failed (figures, projections).
    Retry,
}

/// How the background work behind what a view shows is going.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkStatus {
    /// Newer figures than those shown are being computed.
    pub updating: bool,
    /// How far that computation has come, when it tells.
    pub progress: Option<f32>,
    /// Why the figures wanted now could not be computed, in the user's language.
    pub failure: Option<String>,
}

#[derive(Debug, Default)]
pub struct Outbox {
    pub requests: Vec<Request>,
}

impl Outbox {
    pub fn push(&mut self, request: Request) {
        self.requests.push(request);
    }

    pub fn edit(&mut self, edit: Edit) {
        self.requests.push(Request::Edit(edit));
    }
}

/// The partners selected in any view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub partners: BTreeSet<PartnerId>,
    /// The partner selected last, whose editor the Partners view shows.
    pub focus: Option<PartnerId>,
}

impl Selection {
    pub fn contains(&self, partner: &PartnerId) -> bool {
        self.partners.contains(partner)
    }

    /// Makes `partner` the only selected one and the focus.
    pub fn select_only(&mut self, partner: PartnerId) {
        self.partners.clear();
        self.partners.insert(partner.clone());
        self.focus = Some(partner);
    }

    /// Adds `partner` (and focuses it), or removes it when it was selected.
    pub fn toggle(&mut self, partner: PartnerId) {
        if self.partners.remove(&partner) {
            if self.focus.as_ref() == Some(&partner) {
                self.focus = self.partners.iter().next_back().cloned();
            }
        } else {
            self.partners.insert(partner.clone());
            self.focus = Some(partner);
        }
    }

    pub fn clear(&mut self) {
        self.partners.clear();
        self.focus = None;
    }

    /// Forgets partners that no longer exist (deleted, or undone).
    pub fn retain_existing(&mut self, project: &Project) {
        self.partners.retain(|p| project.partners.contains_key(p));
        if self
            .focus
            .as_ref()
            .is_some_and(|p| !project.partners.contains_key(p))
        {
            self.focus = self.partners.iter().next_back().cloned();
        }
    }
}

/// Everything a view reads, plus where it writes its requests.
pub struct ViewCtx<'a> {
    pub project: &'a Project,
    pub dashboard: &'a Dashboard,
    /// The revision of the project `dashboard` was computed from, bumped by every change:
    /// views key their own caches (plot points) on it.
    pub revision: u64,
    pub lang: Lang,
    pub selection: &'a Selection,
    pub outbox: &'a mut Outbox,
    /// False in presentation mode: draw the figures, hide the editing controls.
    pub editable: bool,
}

impl ViewCtx<'_> {
    /// Shorthand for `i18n::tr` in the current language.
    pub fn t(&self, key: &str) -> std::borrow::Cow<'static, str> {
        tr(self.lang, key)
    }
}
