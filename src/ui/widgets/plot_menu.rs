//! Every plot's context menu: right-click → "Save plot as PNG…" or "Copy image". The view
//! draws the menu; what was chosen waits in egui's frame data for the app, which grabs the
//! window's next frame and crops it to the plot (with its axes) at the screen's density.
//! The plots sit deep in views without an outbox; this small channel spares threading one
//! through each of them.

use egui::{Context, Id, Rect, Response, Ui};

use crate::i18n::{Lang, tr};

/// What to do with a plot's picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlotImage {
    /// Ask for a file and write the plot there as PNG.
    Save(Rect),
    /// Put the plot on the clipboard as an image.
    Copy(Rect),
}

fn slot() -> Id {
    Id::unique("cruscotto.plot_image")
}

/// Draws `plot` (a plot's `show`) in a scope whose rectangle, axes included, is the one
/// saved or copied, and attaches the context menu to the plot; returns what `plot` returned.
pub fn with_plot_menu<R>(
    ui: &mut Ui,
    lang: Lang,
    plot: impl FnOnce(&mut Ui) -> (R, Response),
) -> R {
    let scoped = ui.scope(plot);
    let (inner, response) = scoped.inner;
    plot_menu(&response, scoped.response.rect, lang);
    inner
}

/// The context menu of a plot whose picture is `rect`.
pub fn plot_menu(response: &Response, rect: Rect, lang: Lang) {
    response.context_menu(|ui| {
        let mut chosen = None;
        if ui.button(tr(lang, "window_exports.plot.save")).clicked() {
            chosen = Some(PlotImage::Save(rect));
        }
        if ui.button(tr(lang, "window_exports.plot.copy")).clicked() {
            chosen = Some(PlotImage::Copy(rect));
        }
        if let Some(chosen) = chosen {
            ui.ctx().data_mut(|data| data.insert_temp(slot(), chosen));
            ui.close();
        }
    });
}

/// What a plot's menu asked for this frame, taken (the app calls it after drawing).
pub fn take_plot_image(ctx: &Context) -> Option<PlotImage> {
    ctx.data_mut(|data| {
        let chosen = data.get_temp::<PlotImage>(slot());
        data.remove::<PlotImage>(slot());
        chosen
    })
}
