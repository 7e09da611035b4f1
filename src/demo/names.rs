//! Who the partners are: real Comuni for the default consortium, plausible synthetic ones
//! beyond it, with provinces and populations.

use std::collections::HashSet;

use rand::RngExt;

use super::random::{DemoRng, standard_normal};

/// A Comune before its staff and programme data are generated.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Place {
    pub name: String,
    pub province: &'static str,
    pub population: i64,
}

/// The default consortium: real Comuni in the province of Cuneo, from a small town to the
/// capoluogo, with approximate resident populations (ISTAT, 2023–2024, rounded).
pub(super) const REAL_COMUNI: [(&str, &str, i64); 8] = [
    ("Cuneo", "CN", 56_000),
    ("Alba", "CN", 31_500),
    ("Bra", "CN", 29_800),
    ("Fossano", "CN", 24_500),
    ("Saluzzo", "CN", 17_000),
    ("Cherasco", "CN", 9_300),
    ("Dronero", "CN", 7_000),
    ("Roddi", "CN", 1_600),
];

/// Italy's Comuni have a median of about 2,500 inhabitants and a mean of about 7,500
/// (59 million over ~7,900 Comuni): a log-normal with this median and spread fits both
/// (mean = median × e^(σ²/2) ≈ 2,500 × 3).
const POPULATION_MEDIAN: f64 = 2_500.0;
const POPULATION_LOG_SIGMA: f64 = 1.48;
/// The smallest Comuni have a few dozen inhabitants; Rome about 2.75 million.
const POPULATION_RANGE: (f64, f64) = (30.0, 2_750_000.0);

/// Province codes as on Italian number plates (the 107 provinces and metropolitan cities).
const PROVINCES: [&str; 107] = [
    "AG", "AL", "AN", "AO", "AP", "AQ", "AR", "AT", "AV", "BA", "BG", "BI", "BL", "BN", "BO", "BR",
    "BS", "BT", "BZ", "CA", "CB", "CE", "CH", "CL", "CN", "CO", "CR", "CS", "CT", "CZ", "EN", "FC",
    "FE", "FG", "FI", "FM", "FR", "GE", "GO", "GR", "IM", "IS", "KR", "LC", "LE", "LI", "LO", "LT",
    "LU", "MB", "MC", "ME", "MI", "MN", "MO", "MS", "MT", "NA", "NO", "NU", "OR", "PA", "PC", "PD",
    "PE", "PG", "PI", "PN", "PO", "PR", "PT", "PU", "PV", "PZ", "RA", "RC", "RE", "RG", "RI", "RM",
    "RN", "RO", "SA", "SI", "SO", "SP", "SR", "SS", "SU", "SV", "TA", "TE", "TN", "TO", "TP", "TR",
    "TS", "TV", "UD", "VA", "VB", "VC", "VE", "VI", "VR", "VT", "VV",
];

/// First halves of compound place names, with their grammatical gender, so that the second
/// half agrees ("Castelnuovo", "Villanuova").
const COMPOUND_HEADS: [(&str, Gender); 18] = [
    ("Castel", Gender::Masculine),
    ("Monte", Gender::Masculine),
    ("Borgo", Gender::Masculine),
    ("Poggio", Gender::Masculine),
    ("Colle", Gender::Masculine),
    ("Campo", Gender::Masculine),
    ("Casal", Gender::Masculine),
    ("Ponte", Gender::Masculine),
    ("Pian", Gender::Masculine),
    ("Villa", Gender::Feminine),
    ("Rocca", Gender::Feminine),
    ("Torre", Gender::Feminine),
    ("Serra", Gender::Feminine),
    ("Pieve", Gender::Feminine),
    ("Valle", Gender::Feminine),
    ("Fonte", Gender::Feminine),
    ("Costa", Gender::Feminine),
    ("Terra", Gender::Feminine),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Gender {
    Masculine,
    Feminine,
}

/// Second halves of compound names: (masculine, feminine).
const COMPOUND_TAILS: [(&str, &str); 24] = [
    ("nuovo", "nuova"),
    ("vecchio", "vecchia"),
    ("franco", "franca"),
    ("bello", "bella"),
    ("rosso", "rossa"),
    ("alto", "alta"),
    ("lungo", "lunga"),
    ("chiaro", "chiara"),
    ("santo", "santa"),
    ("marino", "marina"),
    ("secco", "secca"),
    ("bianco", "bianca"),
    ("piano", "piana"),
    ("fiore", "fiore"),
    ("forte", "forte"),
    ("verde", "verde"),
    ("grande", "grande"),
    ("leone", "leone"),
    ("fiorito", "fiorita"),
    ("ferrato", "ferrata"),
    ("sereno", "serena"),
    ("ombroso", "ombrosa"),
    ("boschetto", "boschetta"),
    ("dolce", "dolce"),
];

/// Names that stand on their own: saints and tree-grove names (-eto), both common in Italy.
const STANDALONE_STEMS: [&str; 30] = [
    "San Martino",
    "San Giorgio",
    "San Lorenzo",
    "San Pietro",
    "Sant'Andrea",
    "Santa Croce",
    "San Vito",
    "San Benedetto",
    "Santo Stefano",
    "San Michele",
    "San Donato",
    "Santa Lucia",
    "San Biagio",
    "Sant'Ambrogio",
    "San Giovanni",
    "Castagneto",
    "Frassineto",
    "Olmeto",
    "Noceto",
    "Pineto",
    "Roveto",
    "Cerreto",
    "Faggeto",
    "Carpineto",
    "Querceto",
    "Salceto",
    "Pereto",
    "Ceraseto",
    "Lauretto",
    "Sorbeto",
];

/// Geographic qualifiers that follow the stem ("Castelnuovo Scrivia"); all invariable.
const QUALIFIERS: [&str; 36] = [
    "Canavese",
    "Monferrato",
    "Brianza",
    "Lomellina",
    "Sabina",
    "Cilento",
    "Valtellina",
    "d'Adda",
    "sul Po",
    "sul Tanaro",
    "sull'Adige",
    "al Piano",
    "in Colle",
    "di Sopra",
    "di Sotto",
    "Scalo",
    "Terme",
    "del Garda",
    "in Chianti",
    "Val Tidone",
    "sul Mincio",
    "Scrivia",
    "Sesia",
    "Irpino",
    "Vomano",
    "Ticino",
    "di Langa",
    "Lucano",
    "Marsicano",
    "d'Asti",
    "Salentino",
    "Ligure",
    "Veneto",
    "in Valle",
    "Marittimo",
    "al Serio",
];

/// After this many clashes with names already used, a name takes a second qualifier.
const ATTEMPTS_PER_SHAPE: usize = 40;

/// The consortium's places: the real Comuni first (a spread of sizes when fewer are asked
/// for), then synthetic ones with unique names.
pub(super) fn places(rng: &mut DemoRng, count: usize) -> Vec<Place> {
    let mut places = real_places(count);
    let mut used: HashSet<String> = places.iter().map(|p| p.name.clone()).collect();
    while places.len() < count {
        let name = unique_synthetic_name(rng, &mut used);
        let province = PROVINCES[rng.random_range(0..PROVINCES.len())];
        let population = synthetic_population(rng);
        places.push(Place {
            name,
            province,
            population,
        });
    }
    places
}

/// Up to eight real Comuni; for fewer, picks evenly across the size-ordered list so even a
/// three-partner demo spans town and village.
fn real_places(count: usize) -> Vec<Place> {
    let take = count.min(REAL_COMUNI.len());
    let indices: Vec<usize> = match take {
        0 => Vec::new(),
        1 => vec![0],
        n => (0..n)
            .map(|i| i * (REAL_COMUNI.len() - 1) / (n - 1))
            .collect(),
    };
    indices
        .into_iter()
        .map(|i| {
            let (name, province, population) = REAL_COMUNI[i];
            Place {
                name: name.to_owned(),
                province,
                population,
            }
        })
        .collect()
}

fn unique_synthetic_name(rng: &mut DemoRng, used: &mut HashSet<String>) -> String {
    for qualifiers in 0.. {
        for _ in 0..ATTEMPTS_PER_SHAPE {
            let mut name = stem(rng);
            // Plain stems come first; a qualifier is added in a third of cases, or when the
            // plain names are getting used up.
            let extra = usize::from(qualifiers == 0 && rng.random_bool(1.0 / 3.0));
            for _ in 0..qualifiers + extra {
                name.push(' ');
                name.push_str(QUALIFIERS[rng.random_range(0..QUALIFIERS.len())]);
            }
            if used.insert(name.clone()) {
                return name;
            }
        }
    }
    unreachable!("an unbounded number of qualifiers always yields a fresh name")
}

fn stem(rng: &mut DemoRng) -> String {
    // Compound names are the larger pool: 18 × 24 against 30 standalone stems.
    if rng.random_bool(0.8) {
        let (head, gender) = COMPOUND_HEADS[rng.random_range(0..COMPOUND_HEADS.len())];
        let (masculine, feminine) = COMPOUND_TAILS[rng.random_range(0..COMPOUND_TAILS.len())];
        let tail = match gender {
            Gender::Masculine => masculine,
            Gender::Feminine => feminine,
        };
        format!("{head}{tail}")
    } else {
        STANDALONE_STEMS[rng.random_range(0..STANDALONE_STEMS.len())].to_owned()
    }
}

fn synthetic_population(rng: &mut DemoRng) -> i64 {
    let draw = POPULATION_MEDIAN * (POPULATION_LOG_SIGMA * standard_normal(rng)).exp();
    draw.clamp(POPULATION_RANGE.0, POPULATION_RANGE.1).round() as i64
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn fewer_than_eight_partners_still_span_sizes() {
        let three = real_places(3);
        let names: Vec<&str> = three.iter().map(|p| p.name.as_str()).collect();
        // Indices 0, 7 / 2 = 3 and 7 of the size-ordered list.
        assert_eq!(names, ["Cuneo", "Fossano", "Roddi"]);
        assert_eq!(real_places(8).len(), 8);
        assert_eq!(real_places(1)[0].name, "Cuneo");
        assert!(real_places(0).is_empty());
    }

    #[test]
    fn synthetic_names_are_unique_and_populations_look_italian() {
        let mut rng = DemoRng::seed_from_u64(7);
        let places = places(&mut rng, 5_000);
        let names: HashSet<&str> = places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 5_000);
        let mut populations: Vec<i64> = places[8..].iter().map(|p| p.population).collect();
        populations.sort_unstable();
        let median = populations[populations.len() / 2];
        assert!((2_000..3_100).contains(&median), "median {median}");
        let small = populations.iter().filter(|&&p| p < 5_000).count();
        // About 70% of Italy's Comuni have fewer than 5,000 inhabitants.
        let share = small as f64 / populations.len() as f64;
        assert!((0.6..0.8).contains(&share), "share under 5,000: {share}");
    }
}
