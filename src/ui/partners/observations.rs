//! Monthly observations (rilevazioni mensili) as a table, one row per month of the
//! programme: smart workers, average agile days and the optional survey scores. A month not
//! observed shows empty cells; typing into one records the month. Beside the table, a small
//! plot of the smart workers over the programme, read as a count on its left axis and as a
//! share of the smartable staff on its right one.
//!
//! The table has its own scroll area and lays out only its visible rows, so a sixty-month
//! programme costs what twelve months do.

use egui::{Align, Layout, Ui, vec2};
use egui_extras::Column;

use super::data_marks as marks;
use super::edit_table::{EditTable, Extra};
use super::observations_plot::Series;
use super::{PartnerData, Section};
use crate::fields::observations::ObservationsSheet;
use crate::i18n::{format, tr, tr_args};
use crate::model::PartnerId;
use crate::ui::ViewCtx;
use crate::ui::widgets::{FieldFindings, section};

/// Rows shown at once; the rest scroll.
const VISIBLE_ROWS: usize = 12;
/// Below this width the plots go under the table instead of beside it.
const SIDE_BY_SIDE_MIN_WIDTH: f32 = 1000.0;

#[derive(Default)]
pub struct ObservationsSection {
    series: Series,
    /// The partner whose table was last brought to its latest month.
    scrolled_for: Option<PartnerId>,
}

impl Section for ObservationsSection {
    fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, data: PartnerData<'_>) {
        let (id, partner, findings) = data.parts();
        let lang = cx.lang;
        let start = cx.project.meta.start;
        let months = usize::try_from(cx.project.meta.end.months_since(start) + 1).unwrap_or(0);
        self.series.refresh(cx.revision, id, partner, start, months);
        if cx.editable {
            section::note(ui, &tr(lang, "partner_data.observations.hint"));
        }
        let outside = (partner.observations.iter())
            .filter(|(month, _)| *month < start || *month > cx.project.meta.end)
            .count();
        if outside > 0 {
            let count = format::integer(lang, outside as i64);
            let text = tr_args(
                lang,
                "partner_data.observations.outside",
                &[("count", &count)],
            );
            section::note(ui, &text);
        }
        // Open on the month the figures refer to, where the next entry usually goes.
        let scroll_to = (self.scrolled_for.as_ref() != Some(id)).then(|| {
            self.scrolled_for = Some(id.clone());
            usize::try_from(cx.dashboard.as_of.months_since(start)).unwrap_or(0)
        });
        let row_height = marks::row_height(ui);
        let height = row_height * (months.clamp(1, VISIBLE_ROWS) as f32 + 1.0);
        let sheet = ObservationsSheet::new(id, partner, start, months);
        let table = |ui: &mut Ui, cx: &mut ViewCtx<'_>| {
            table(ui, cx, &sheet, id, findings, (height, scroll_to));
        };
        let width = ui.available_width();
        if width >= SIDE_BY_SIDE_MIN_WIDTH {
            ui.horizontal_top(|ui| {
                let table_width = width * 0.64;
                let size = vec2(table_width, height);
                ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
                    ui.set_width(table_width);
                    table(ui, cx);
                });
                // A margin on the right, where the share axis writes its rotated label.
                let size = vec2(ui.available_width() - 8.0, height);
                ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
                    self.series.plot(ui, lang, id, start, months, height);
                });
            });
        } else {
            table(ui, cx);
            ui.add_space(8.0);
            // Under the table, the plot has the width and needs less height.
            self.series.plot(ui, lang, id, start, months, height * 0.6);
        }
    }
}

/// One row per month of the programme, in its own scroll area of `height`, brought to
/// `scroll_to` when given.
fn table(
    ui: &mut Ui,
    cx: &mut ViewCtx<'_>,
    sheet: &ObservationsSheet<'_>,
    id: &PartnerId,
    findings: &FieldFindings,
    (height, scroll_to): (f32, Option<usize>),
) {
    let lang = cx.lang;
    let month_text = |row| format::month(lang, sheet.month(row));
    let cell_name = |row, field: &str| {
        let month = month_text(row);
        let args = [("field", field), ("month", month.as_str())];
        tr_args(lang, "partner_data.observations.cell_name", &args)
    };
    let clear_name = |row| {
        let month = month_text(row);
        tr_args(
            lang,
            "partner_data.observations.clear_name",
            &[("month", &month)],
        )
    };
    let month_column = Extra {
        header: tr(lang, "partner_data.observations.month").into(),
        hint: None,
        width: Column::auto(),
        cell: Box::new(|ui: &mut Ui, row| {
            ui.label(month_text(row));
        }),
    };
    EditTable::new(sheet, marks::root(id).with("observations"), cell_name)
        .lead(month_column)
        .delete(
            tr(lang, "partner_data.observations.clear").into(),
            clear_name,
        )
        .scroll(height, scroll_to)
        .findings_width(100.0)
        .show(ui, cx, findings);
}

#[cfg(test)]
#[path = "observations_tests.rs"]
mod tests;
