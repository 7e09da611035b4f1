//! Slides for workshops, drawn from the live project and its figures at any size: one file per
//! kind of slide, a projector look (`look`), a chart painter (`chart`), and the deck editor
//! (`deck_editor`). The same drawing serves the presentation in the window and the PNGs of
//! `cruscotto slides`, so what the room sees is what gets exported.

mod adoption;
mod chart;
mod comune;
pub mod correction;
mod correction_input;
pub mod deck_editor;
mod findings;
mod kpis;
pub mod look;
mod milestones;
mod scenario;
mod title;
mod training;

use egui::{Align2, Rect, Sense, pos2};

use crate::analysis::dashboard::Dashboard;
use crate::analysis::scenario_figures::ScenarioFigures;
use crate::i18n::{Lang, tr, tr_args};
use crate::model::{Project, Slide, SlideKind};
use look::{Look, ProjectorTheme};

/// What a slide draws from.
pub struct SlideInputs<'a> {
    pub project: &'a Project,
    pub dashboard: &'a Dashboard,
    pub lang: Lang,
    pub theme: ProjectorTheme,
    /// The projections of the scenario slide shown, once computed.
    pub figures: Option<&'a ScenarioFigures>,
    /// The slide's place among the presented ones (1-based) and their count, for the footer.
    pub number: usize,
    pub total: usize,
}

impl SlideInputs<'_> {
    fn t(&self, key: &str) -> std::borrow::Cow<'static, str> {
        tr(self.lang, key)
    }
}

/// The slide's title as the room reads it (also its name in the deck editor).
pub fn slide_title(slide: &Slide, project: &Project, lang: Lang) -> String {
    match &slide.kind {
        SlideKind::Title => project.meta.title.clone(),
        SlideKind::Kpis => tr(lang, "slides.kind.kpis").into_owned(),
        SlideKind::Adoption => tr(lang, "slides.kind.adoption").into_owned(),
        SlideKind::Training => tr(lang, "slides.kind.training").into_owned(),
        SlideKind::Milestones => tr(lang, "slides.kind.milestones").into_owned(),
        SlideKind::Findings => tr(lang, "slides.kind.findings").into_owned(),
        SlideKind::Comune { partner } => match project.partners.get(partner) {
            Some(found) => found.name.clone(),
            None => tr(lang, "slides.missing_comune").into_owned(),
        },
        SlideKind::Scenario { scenario } => match project.scenarios.get(scenario) {
            Some(found) => tr_args(lang, "slides.scenario_title", &[("name", &found.name)]),
            None => tr(lang, "slides.missing_scenario").into_owned(),
        },
    }
}

/// What the show adds to a slide's drawing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Live {
    /// The adoption slide's last month drawn while its months are revealed one by one.
    pub months_through: Option<usize>,
}

/// Draws `slide` filling `rect`: background, title, body and footer. Returns the response of
/// the slide's area, which names the slide for screen readers and tests.
pub fn draw(ui: &mut egui::Ui, rect: Rect, slide: &Slide, inputs: &SlideInputs) -> egui::Response {
    draw_live(ui, rect, slide, inputs, Live::default())
}

/// `draw` as the show draws it: with the months revealed so far.
pub fn draw_live(
    ui: &mut egui::Ui,
    rect: Rect,
    slide: &Slide,
    inputs: &SlideInputs,
    live: Live,
) -> egui::Response {
    let look = Look::new(inputs.theme, rect);
    let title = slide_title(slide, inputs.project, inputs.lang);
    let response = ui.allocate_rect(rect, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, title.clone()));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, look.palette.background);
    // Headline figures painted as text are also named for screen readers (and tests).
    let mut spoken = Vec::new();
    let margin = look.px(72.0);
    let inner = rect.shrink(margin);
    if slide.kind == SlideKind::Title {
        title::draw(&painter, inner, inputs, &look);
    } else {
        painter.text(
            inner.left_top(),
            Align2::LEFT_TOP,
            &title,
            look.title(),
            look.palette.text,
        );
        let body = Rect::from_min_max(
            pos2(inner.left(), inner.top() + look.px(110.0)),
            pos2(inner.right(), inner.bottom() - look.px(50.0)),
        );
        match &slide.kind {
            SlideKind::Kpis => kpis::draw(&painter, body, inputs, &look),
            SlideKind::Adoption => {
                adoption::draw(&painter, body, inputs, &look, live.months_through);
            }
            SlideKind::Training => training::draw(&painter, body, inputs, &look),
            SlideKind::Milestones => milestones::draw(&painter, body, inputs, &look),
            SlideKind::Comune { partner } => {
                comune::draw(&painter, body, inputs, &look, partner, &mut spoken);
            }
            SlideKind::Scenario { scenario } => {
                scenario::draw(&painter, body, inputs, &look, scenario);
            }
            SlideKind::Findings => findings::draw(&painter, body, inputs, &look),
            SlideKind::Title => {}
        }
    }
    footer(&painter, inner, inputs, &look);
    for (rect, text) in spoken {
        ui.allocate_rect(rect, Sense::hover())
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text.clone()));
    }
    response
}

/// The programme, the month the figures are of, and the slide number.
fn footer(painter: &egui::Painter, inner: Rect, inputs: &SlideInputs, look: &Look) {
    let y = inner.bottom();
    let as_of = if inputs.dashboard.anything_observed {
        tr_args(
            inputs.lang,
            "slides.footer.as_of",
            &[(
                "month",
                &crate::i18n::format::month_long(inputs.lang, inputs.dashboard.as_of),
            )],
        )
    } else {
        inputs.t("slides.footer.nothing_observed").into_owned()
    };
    painter.text(
        pos2(inner.left(), y),
        Align2::LEFT_BOTTOM,
        as_of,
        look.small(),
        look.palette.weak_text,
    );
    if inputs.total > 0 {
        painter.text(
            pos2(inner.right(), y),
            Align2::RIGHT_BOTTOM,
            format!("{} / {}", inputs.number, inputs.total),
            look.small(),
            look.palette.weak_text,
        );
    }
}

/// Text that must fit a width: laid out wrapped, and painted at `pos` (left top). Returns its
/// height.
fn paragraph(
    painter: &egui::Painter,
    pos: egui::Pos2,
    text: String,
    font: egui::FontId,
    color: egui::Color32,
    width: f32,
) -> f32 {
    let galley = painter.layout(text, font, color, width.max(1.0));
    let height = galley.size().y;
    painter.galley(pos, galley, color);
    height
}
