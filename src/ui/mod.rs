//! The views. Each view draws from the project and its derived figures and asks for
//! changes through an `Outbox`; it never changes the model itself and knows nothing of the
//! app (the app applies the requests after drawing: one place for undo, dirty state and
//! autosave).

pub mod overview;
pub mod theme;
pub mod widgets;

use std::collections::BTreeSet;

use crate::analysis::dashboard::Dashboard;
use crate::i18n::{Lang, tr};
use crate::model::validate::Target;
use crate::model::{Edit, PartnerId, Project};

/// What a view may ask of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Change the project (applied after drawing, undoable).
    Edit(Edit),
    /// Select a partner everywhere; `additive` keeps the other selected partners
    /// (Ctrl/Cmd+click), otherwise the selection becomes just this partner.
    SelectPartner {
        partner: PartnerId,
        additive: bool,
    },
    ClearSelection,
    /// Show the item a validation finding concerns.
    Reveal(Target),
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
}

impl Selection {
    pub fn contains(&self, partner: &PartnerId) -> bool {
        self.partners.contains(partner)
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
