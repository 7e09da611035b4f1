//! The deck as one PDF: every presented slide drawn by egui off screen (the same drawing the
//! window shows) and written as a vector page with selectable text. Needs no window.

use std::sync::Arc;

use egui::{Pos2, Rect, Vec2};

use crate::analysis::dashboard;
use crate::analysis::projection::{self, compare};
use crate::analysis::scenario_figures::{ScenarioFigures, compare_months, projection_settings};
use crate::i18n::Lang;
use crate::model::{Project, SlideKind};
use crate::render::headless::Headless;
use crate::render::pdf::{PdfFonts, PdfWriter};
use crate::ui::slides::look::ProjectorTheme;
use crate::ui::slides::{self, SlideInputs};

/// Layout happens at this many pixels per PDF point: a page of 960 × 540 points is laid out
/// exactly like a 1920 × 1080 PNG of the same slide, and prints at twice that density.
pub const PIXELS_PER_POINT: f32 = 2.0;

#[derive(Debug, Clone, Copy)]
pub struct DeckPdfOptions {
    /// The slide's size in pixels, as for the PNGs; pages are half of it in points.
    pub pixels: [f32; 2],
    pub lang: Lang,
    pub theme: ProjectorTheme,
}

/// The PDF's bytes, reporting `(done, total)` after each page; `progress` answering false
/// stops the work (the user cancelled), with `Ok(None)`.
pub fn deck_pdf(
    project: &Project,
    options: DeckPdfOptions,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Result<Option<Vec<u8>>, String> {
    let order = super::presentation::presented(project);
    if order.is_empty() {
        return Err("the deck has no slide to present".to_owned());
    }
    let [width, height] = options.pixels;
    if !(width >= 16.0 && height >= 9.0 && width.is_finite() && height.is_finite()) {
        return Err(format!("{width}x{height} is too small for a slide"));
    }
    let page = Vec2::new(width, height) / PIXELS_PER_POINT;
    let fonts = egui::FontDefinitions::default();
    let headless = Headless::new(fonts.clone(), PIXELS_PER_POINT);
    let mut writer = PdfWriter::new(
        PdfFonts::new(&fonts),
        &project.meta.title,
        options.lang.code(),
    );
    let figures_of = dashboard::dashboard(project);
    let mut scenarios = ScenarioCache::default();
    let total = order.len();
    for (index, id) in order.iter().enumerate() {
        let Some(slide) = project.deck.get(id) else {
            continue;
        };
        let figures = scenarios.for_slide(project, slide);
        let inputs = SlideInputs {
            project,
            dashboard: &figures_of,
            lang: options.lang,
            theme: options.theme,
            figures,
            number: index + 1,
            total,
        };
        let shapes = headless.paint(page, |ui| {
            slides::draw(ui, Rect::from_min_size(Pos2::ZERO, page), slide, &inputs);
        });
        writer.add_page(page, &shapes).map_err(|e| e.to_string())?;
        if !progress(index + 1, total) {
            return Ok(None);
        }
    }
    writer.finish().map(Some).map_err(|e| e.to_string())
}

/// A scenario's figures, computed once per deck: the calibration is shared by every
/// scenario slide, as the window's cache shares it.
#[derive(Default)]
pub(super) struct ScenarioCache {
    calibration: Option<Arc<projection::Calibration>>,
    baseline: Option<Arc<projection::Projection>>,
    figures: Option<ScenarioFigures>,
}

impl ScenarioCache {
    /// The figures `slide` shows, when it is a scenario's slide.
    pub(super) fn for_slide(
        &mut self,
        project: &Project,
        slide: &crate::model::Slide,
    ) -> Option<&ScenarioFigures> {
        match &slide.kind {
            SlideKind::Scenario { scenario } => self.figures(project, scenario),
            _ => None,
        }
    }

    fn figures(
        &mut self,
        project: &Project,
        id: &crate::model::ScenarioId,
    ) -> Option<&ScenarioFigures> {
        let scenario = project.scenarios.get(id)?;
        let settings = projection_settings(project.partners.len(), &[]);
        let calibration = Arc::clone(
            self.calibration
                .get_or_insert_with(|| Arc::new(projection::calibrate(project, &settings))),
        );
        let baseline = Arc::clone(self.baseline.get_or_insert_with(|| {
            Arc::new(projection::project_calibrated(
                project,
                None,
                &settings,
                &calibration,
            ))
        }));
        let projected = Arc::new(projection::project_calibrated(
            project,
            Some(scenario),
            &settings,
            &calibration,
        ));
        let comparison = compare(&baseline, &projected, &compare_months(baseline.anchor));
        self.figures = Some(ScenarioFigures {
            baseline,
            scenario: Some(projected),
            comparison: Some(comparison),
            others: Vec::new(),
            revision: 0,
            scenario_id: Some(id.clone()),
            backtest: None,
        });
        self.figures.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_counts_pages_and_a_false_answer_stops_the_pdf() {
        let project = crate::demo::embedded();
        let options = DeckPdfOptions {
            pixels: [1920.0, 1080.0],
            lang: Lang::It,
            theme: ProjectorTheme::default(),
        };
        let mut heard = Vec::new();
        let outcome = deck_pdf(&project, options, |done, total| {
            heard.push((done, total));
            done < 2
        });
        assert_eq!(outcome, Ok(None), "cancelled after the second page");
        let total = super::super::presentation::presented(&project).len();
        assert_eq!(heard, [(1, total), (2, total)]);
    }
}
