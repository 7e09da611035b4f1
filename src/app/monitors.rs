//! The monitors the system reports, for the presenter view: the audience's slide goes full
//! screen on a monitor other than the facilitator's. egui names a monitor only by its place
//! in winit's list (`ViewportCommand::SetMonitor`), so the list is read from the window
//! itself, now and then while no show runs and whenever the presenter asks.

use std::time::{Duration, Instant};

/// How often the list is read again while no show runs (a projector plugged in).
const REFRESH_EVERY: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonitorInfo {
    pub name: String,
    /// In physical pixels.
    pub size: [u32; 2],
    pub position: [i32; 2],
}

#[derive(Debug, Default)]
pub struct Monitors {
    pub list: Vec<MonitorInfo>,
    /// Where the main window is, as a place in `list`.
    pub window_on: Option<usize>,
    read_at: Option<Instant>,
    /// Set by tests: the list stays as given.
    fixed: bool,
}

impl Monitors {
    /// Monitors given by a test, the window on the first.
    pub fn fixed(list: Vec<MonitorInfo>) -> Monitors {
        Monitors {
            window_on: (!list.is_empty()).then_some(0),
            list,
            read_at: None,
            fixed: true,
        }
    }

    /// A monitor other than the main window's, when there is one.
    pub fn other_monitor(&self) -> Option<usize> {
        if self.list.len() < 2 {
            return None;
        }
        (0..self.list.len()).find(|&i| Some(i) != self.window_on.or(Some(0)))
    }

    /// Reads the list again from the window, if it is time (`now` forces it).
    pub fn refresh(&mut self, frame: &eframe::Frame, now: bool) {
        if self.fixed || (!now && self.read_at.is_some_and(|at| at.elapsed() < REFRESH_EVERY)) {
            return;
        }
        self.read_at = Some(Instant::now());
        let Some(window) = frame.winit_window() else {
            return;
        };
        self.list = window
            .available_monitors()
            .map(|monitor| {
                let size = monitor.size();
                let position = monitor.position();
                MonitorInfo {
                    name: monitor.name().unwrap_or_default(),
                    size: [size.width, size.height],
                    position: [position.x, position.y],
                }
            })
            .collect();
        self.window_on = window.current_monitor().and_then(|current| {
            let position = current.position();
            self.list
                .iter()
                .position(|m| m.position == [position.x, position.y])
        });
    }
}
