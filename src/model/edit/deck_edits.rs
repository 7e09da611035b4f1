//! Edits of the workshop deck. Slides are found by id; positions are only the showing order.

use super::{Edit, EditError};
use crate::model::{Project, Slide, SlideId, SlideKind};

fn slide_mut<'a>(project: &'a mut Project, slide: &SlideId) -> Result<&'a mut Slide, EditError> {
    project
        .deck
        .slides
        .iter_mut()
        .find(|s| &s.id == slide)
        .ok_or_else(|| EditError::NoSuchSlide(slide.clone()))
}

/// Inserts `slide` at `at` (clamped to the end); refused if its id is taken.
pub(super) fn insert_slide(
    project: &mut Project,
    at: usize,
    slide: Slide,
) -> Result<Edit, EditError> {
    if project.deck.position(&slide.id).is_some() {
        return Err(EditError::SlideExists(slide.id));
    }
    let at = at.min(project.deck.slides.len());
    let id = slide.id.clone();
    project.deck.slides.insert(at, slide);
    Ok(Edit::RemoveSlide { slide: id })
}

pub(super) fn remove_slide(project: &mut Project, slide: SlideId) -> Result<Edit, EditError> {
    let at = project
        .deck
        .position(&slide)
        .ok_or(EditError::NoSuchSlide(slide))?;
    let removed = project.deck.slides.remove(at);
    Ok(Edit::InsertSlide { at, slide: removed })
}

/// Moves a slide to position `to` (clamped to the last).
pub(super) fn move_slide(
    project: &mut Project,
    slide: SlideId,
    to: usize,
) -> Result<Edit, EditError> {
    let from = project
        .deck
        .position(&slide)
        .ok_or_else(|| EditError::NoSuchSlide(slide.clone()))?;
    let moved = project.deck.slides.remove(from);
    let to = to.min(project.deck.slides.len());
    project.deck.slides.insert(to, moved);
    Ok(Edit::MoveSlide { slide, to: from })
}

pub(super) fn set_hidden(
    project: &mut Project,
    slide: SlideId,
    hidden: bool,
) -> Result<Edit, EditError> {
    let old = std::mem::replace(&mut slide_mut(project, &slide)?.hidden, hidden);
    Ok(Edit::SetSlideHidden { slide, hidden: old })
}

pub(super) fn set_kind(
    project: &mut Project,
    slide: SlideId,
    kind: SlideKind,
) -> Result<Edit, EditError> {
    let old = std::mem::replace(&mut slide_mut(project, &slide)?.kind, kind);
    Ok(Edit::SetSlideKind { slide, kind: old })
}

pub(super) fn set_notes(
    project: &mut Project,
    slide: SlideId,
    notes: String,
) -> Result<Edit, EditError> {
    let old = std::mem::replace(&mut slide_mut(project, &slide)?.notes, notes);
    Ok(Edit::SetSlideNotes { slide, notes: old })
}
