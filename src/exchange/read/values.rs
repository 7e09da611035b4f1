//! calamine's cell values as `Cell`s: numbers, booleans, text, dates (date cells and
//! date-formatted serials), errors as the program shows them (`#DIV/0!`).

use calamine::{Data, DataRef, ExcelDateTime};
use jiff::civil::{Date, DateTime, Time};

use crate::exchange::Cell;

pub(super) fn from_data_ref(value: DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(n) => Cell::Number(n as f64),
        DataRef::Float(n) => Cell::Number(n),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::String(s) => text(&s),
        DataRef::SharedString(s) => text(s),
        DataRef::DateTime(serial) => from_serial(serial),
        DataRef::DateTimeIso(iso) => from_iso_date(iso),
        DataRef::DurationIso(iso) => from_iso_duration(iso),
        DataRef::Error(error) => Cell::Error(error.to_string().into()),
    }
}

pub(super) fn from_data(value: &Data) -> Cell {
    match value {
        Data::Empty => Cell::Empty,
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::String(s) => text(s),
        Data::DateTime(serial) => from_serial(*serial),
        Data::DateTimeIso(iso) => from_iso_date(iso.clone()),
        Data::DurationIso(iso) => from_iso_duration(iso.clone()),
        Data::Error(error) => Cell::Error(error.to_string().into()),
    }
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.into())
    }
}

/// A serial the sheet formats as a date: a `Date` when it has no time of day, otherwise a
/// `DateTime`. A duration or a bare time (less than one day) has no date: it is kept as
/// the text a spreadsheet shows for it (`2:30`), for hours written as a time.
fn from_serial(serial: ExcelDateTime) -> Cell {
    let value = serial.as_f64();
    if serial.is_duration() || (0.0..1.0).contains(&value) {
        return hours_and_minutes(value * 24.0);
    }
    let (year, month, day, hour, minute, second, milli) = serial.to_ymd_hms_milli();
    let Ok(date) = Date::new(year as i16, month as i8, day as i8) else {
        // Excel's 29 February 1900, which never was.
        return Cell::Number(value);
    };
    if (hour, minute, second, milli) == (0, 0, 0, 0) {
        return Cell::Date(date);
    }
    match Time::new(
        hour as i8,
        minute as i8,
        second as i8,
        i32::from(milli) * 1_000_000,
    ) {
        Ok(time) => Cell::DateTime(date.to_datetime(time)),
        Err(_) => Cell::Date(date),
    }
}

fn hours_and_minutes(hours: f64) -> Cell {
    if !hours.is_finite() || hours.abs() > 1e9 {
        return Cell::Number(hours / 24.0);
    }
    let minutes = (hours * 60.0).round() as i64;
    let sign = if minutes < 0 { "-" } else { "" };
    let minutes = minutes.abs();
    Cell::Text(format!("{sign}{}:{:02}", minutes / 60, minutes % 60).into())
}

/// An ODS date cell (`2025-01-15` or `2025-01-15T10:30:00`).
fn from_iso_date(iso: String) -> Cell {
    // jiff reads the date out of a date and time too: the time decides.
    if !iso.contains('T')
        && let Ok(date) = iso.parse::<Date>()
    {
        return Cell::Date(date);
    }
    match iso.parse::<DateTime>() {
        Ok(datetime) if datetime.time() == Time::midnight() => Cell::Date(datetime.date()),
        Ok(datetime) => Cell::DateTime(datetime),
        Err(_) => text(&iso),
    }
}

/// An ODS time or duration cell (`PT02H30M00S`), as `2:30`.
fn from_iso_duration(iso: String) -> Cell {
    match iso.parse::<jiff::SignedDuration>() {
        Ok(duration) => hours_and_minutes(duration.as_secs_f64() / 3600.0),
        Err(_) => text(&iso),
    }
}
