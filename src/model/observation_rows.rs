//! The file form of a partner's monthly observations: one short positional row per month,
//! as few characters as stay readable, because at national scale there are half a million.
//!
//! - `()`: the month was not observed;
//! - `(41, 6.5)`: smart workers and average agile days, no survey that month;
//! - `(41, 6.5, Some(3.8), Some(3.1), None)`: the same plus the survey scores (wellbeing,
//!   work-life balance, belonging), each of which may be missing.

use std::fmt;

use serde::de::{self, IgnoredAny, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeTuple};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Observation;

pub fn serialize<S: Serializer>(
    months: &[Option<Observation>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(months.len()))?;
    for month in months {
        seq.serialize_element(&RowOut(month))?;
    }
    seq.end()
}

pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Option<Observation>>, D::Error> {
    let rows = Vec::<RowIn>::deserialize(deserializer)?;
    Ok(rows.into_iter().map(|RowIn(row)| row).collect())
}

struct RowOut<'a>(&'a Option<Observation>);

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(o) = self.0 else {
            return serializer.serialize_tuple(0)?.end();
        };
        let surveyed =
            o.wellbeing.is_some() || o.work_life_balance.is_some() || o.belonging.is_some();
        let mut row = serializer.serialize_tuple(if surveyed { 5 } else { 2 })?;
        row.serialize_element(&o.smart_workers)?;
        row.serialize_element(&o.agile_days)?;
        if surveyed {
            row.serialize_element(&o.wellbeing)?;
            row.serialize_element(&o.work_life_balance)?;
            row.serialize_element(&o.belonging)?;
        }
        row.end()
    }
}

struct RowIn(Option<Observation>);

impl<'de> Deserialize<'de> for RowIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_tuple(5, RowVisitor)
    }
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = RowIn;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an observation row: () for a month not observed, (smart workers, agile days), or \
             (smart workers, agile days, wellbeing, work-life balance, belonging)",
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RowIn, A::Error> {
        let Some(smart_workers) = seq.next_element::<i64>()? else {
            return Ok(RowIn(None));
        };
        let agile_days = seq
            .next_element::<f64>()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let mut observation = Observation::new(smart_workers, agile_days);
        if let Some(wellbeing) = seq.next_element::<Option<f64>>()? {
            let mut score = |index| {
                seq.next_element::<Option<f64>>()?
                    .ok_or_else(|| de::Error::invalid_length(index, &self))
            };
            observation.wellbeing = wellbeing;
            observation.work_life_balance = score(3)?;
            observation.belonging = score(4)?;
        }
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(6, &self));
        }
        Ok(RowIn(Some(observation)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, Observations};

    fn rows(text: &str) -> Result<Vec<Option<Observation>>, String> {
        let text = format!("(start: \"2025-01\", months: {text})");
        ron::from_str::<Observations>(&text)
            .map(|o| o.months)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn months_without_a_survey_take_two_values_and_gaps_none() {
        let mut series = Observations::empty(Month::new(2025, 1).unwrap());
        series.set(
            Month::new(2025, 1).unwrap(),
            Some(Observation::new(41, 6.5)),
        );
        let surveyed = Observation {
            wellbeing: Some(3.8),
            belonging: Some(3.1),
            ..Observation::new(44, 7.0)
        };
        series.set(Month::new(2025, 3).unwrap(), Some(surveyed));
        let text = ron::to_string(&series).unwrap();
        assert_eq!(
            text,
            r#"(start:"2025-01",months:[(41,6.5),(),(44,7.0,Some(3.8),None,Some(3.1))])"#
        );
        assert_eq!(ron::from_str::<Observations>(&text).unwrap(), series);
    }

    #[test]
    fn five_values_with_no_scores_read_as_a_month_without_survey() {
        assert_eq!(
            rows("[(3, 2.0, None, None, None)]").unwrap(),
            [Some(Observation::new(3, 2.0))]
        );
    }

    #[test]
    fn rows_of_the_wrong_length_are_refused_in_words() {
        for bad in [
            "[(3)]",
            "[(3, 2.0, Some(4.0))]",
            "[(3, 2.0, None, None, None, None)]",
        ] {
            let error = rows(bad).unwrap_err();
            assert!(error.contains("an observation row"), "{bad}: {error}");
        }
    }
}
