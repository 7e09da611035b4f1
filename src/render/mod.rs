//! Drawing egui's painted shapes somewhere other than the screen: `headless` paints a UI
//! closure without a window, `pdf` writes the shapes as vector PDF pages. Nothing here knows
//! slides or reports, so both can print through it.

pub mod headless;
pub mod pdf;
pub mod raster;
