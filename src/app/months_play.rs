//! The adoption slide's months played one by one, or scrubbed to one: the story of the
//! programme told month by month. Time is the input's clock, so a test drives it; playing
//! asks only for the repaint of its next step, and a stopped play asks for none.

use super::command::show_keys::ShowKey;

/// Seconds each month stays on screen while playing.
pub const PLAY_STEP: f64 = 0.5;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonthsPlay {
    /// The last month drawn (an index into the figures' months); `None` draws every month.
    through: Option<usize>,
    /// While playing: when the month `through` came on screen (input clock, seconds).
    since: Option<f64>,
}

impl MonthsPlay {
    /// The last month drawn, `None` when every month is.
    pub fn through(&self) -> Option<usize> {
        self.through
    }

    pub fn is_playing(&self) -> bool {
        self.since.is_some()
    }

    /// A key of the show; `months` is how many months there are to play (up to the last
    /// observed one).
    pub(super) fn key(&mut self, key: ShowKey, months: usize, now: f64) {
        match key {
            ShowKey::Play => self.toggle(months, now),
            ShowKey::ScrubBack => {
                let at = self.through.unwrap_or(months.saturating_sub(1));
                self.scrub_to(at.saturating_sub(1), months);
            }
            ShowKey::ScrubOn => {
                let at = self.through.unwrap_or(months.saturating_sub(1));
                self.scrub_to(at + 1, months);
            }
            _ => {}
        }
    }

    /// Plays from the first month (or from where it was stopped), or stops.
    pub(super) fn toggle(&mut self, months: usize, now: f64) {
        if self.since.is_some() {
            self.since = None;
            return;
        }
        if months < 2 {
            return;
        }
        let last = months - 1;
        if self.through.is_none_or(|at| at >= last) {
            self.through = Some(0);
        }
        self.since = Some(now);
    }

    /// Shows the months up to `month`, and stops playing.
    pub(super) fn scrub_to(&mut self, month: usize, months: usize) {
        self.since = None;
        let last = months.saturating_sub(1);
        self.through = (month < last).then_some(month);
    }

    /// Moves on by the months due at `now`; the seconds until the next step while playing.
    pub(super) fn tick(&mut self, months: usize, now: f64) -> Option<f64> {
        let (Some(mut since), Some(mut at)) = (self.since, self.through) else {
            return None;
        };
        let last = months.saturating_sub(1);
        while now - since >= PLAY_STEP && at < last {
            at += 1;
            since += PLAY_STEP;
        }
        if at >= last {
            // The whole story told: every month, as before playing.
            *self = MonthsPlay::default();
            return None;
        }
        self.through = Some(at);
        self.since = Some(since);
        Some(PLAY_STEP - (now - since))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playing_reveals_one_month_per_step_and_ends_on_every_month() {
        let mut play = MonthsPlay::default();
        play.toggle(4, 10.0);
        assert_eq!(play.through(), Some(0));
        let wait = play.tick(4, 10.25).unwrap();
        assert!((wait - (PLAY_STEP - 0.25)).abs() < 1e-9, "{wait}");
        assert_eq!(play.through(), Some(0));
        play.tick(4, 10.5);
        assert_eq!(play.through(), Some(1));
        play.tick(4, 11.1);
        assert_eq!(play.through(), Some(2));
        assert_eq!(play.tick(4, 11.5), None);
        assert_eq!(play, MonthsPlay::default());
    }

    #[test]
    fn scrubbing_stops_the_play_and_stays_within_the_months() {
        let mut play = MonthsPlay::default();
        play.toggle(6, 0.0);
        play.key(ShowKey::ScrubOn, 6, 0.1);
        assert_eq!((play.through(), play.is_playing()), (Some(1), false));
        play.key(ShowKey::ScrubBack, 6, 0.2);
        play.key(ShowKey::ScrubBack, 6, 0.3);
        assert_eq!(play.through(), Some(0));
        play.scrub_to(9, 6);
        assert_eq!(play.through(), None, "past the last month: every month");
        play.key(ShowKey::ScrubBack, 6, 0.4);
        assert_eq!(play.through(), Some(4));
    }

    #[test]
    fn a_stopped_play_resumes_where_it_stopped() {
        let mut play = MonthsPlay::default();
        play.toggle(6, 0.0);
        play.tick(6, 1.0);
        play.toggle(6, 1.1);
        assert_eq!((play.through(), play.is_playing()), (Some(2), false));
        assert_eq!(play.tick(6, 5.0), None);
        play.toggle(6, 5.0);
        assert_eq!((play.through(), play.is_playing()), (Some(2), true));
    }
}
