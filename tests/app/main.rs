//! UI flows on the real app, driven with egui_kittest. One test binary for all of them:
//! each binary links the whole GUI stack, so one binary instead of eight saves gigabytes of
//! disk and minutes of linking.

mod app_support;
mod background;
mod commands;
mod files;
mod found_in_use;
mod import;
mod overview;
mod partners;
mod paste;
mod plot_menu;
mod report_window;
mod scenarios;
mod slides;
mod slides_live;
mod slides_pdf;
mod slides_png;
