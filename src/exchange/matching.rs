//! Finding the project's Comuni, modules and indicators from what a spreadsheet calls them.
//!
//! A Comune is found by its code in the project (`bra`), its ISTAT code (leading zeros
//! optional: a sheet that typed `4029` as a number means `004029`), or its name ignoring
//! case, accents, apostrophes, spaces and a leading "Comune di" / "Città di". Modules and
//! indicators are found by id or by title the same way.

use std::collections::HashMap;

use super::normalise::squeeze;
use crate::model::{IndicatorId, ModuleId, PartnerId, Project};

/// The name a Comune goes by, without "Comune di", accents, case, spaces or apostrophes.
pub fn comune_key(name: &str) -> String {
    let key = squeeze(name);
    for prefix in ["comunedi", "cittadi", "comune", "municipalityof"] {
        if let Some(rest) = key.strip_prefix(prefix)
            && !rest.is_empty()
        {
            return rest.to_owned();
        }
    }
    key
}

/// An ISTAT code as six digits; `None` for anything that is not one to six digits.
pub fn istat_key(code: &str) -> Option<String> {
    let digits = code.trim();
    let digits = digits.strip_suffix(".0").unwrap_or(digits);
    (!digits.is_empty() && digits.len() <= 6 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{digits:0>6}"))
}

/// The project's Comuni by every key a sheet may use.
#[derive(Debug, Default, Clone)]
pub struct PartnerIndex {
    by_id: HashMap<String, PartnerId>,
    by_istat: HashMap<String, PartnerId>,
    by_name: HashMap<String, PartnerId>,
}

impl PartnerIndex {
    pub fn new(project: &Project) -> PartnerIndex {
        let mut index = PartnerIndex::default();
        for (id, partner) in &project.partners {
            index.add(id, &partner.name, partner.istat.as_deref());
        }
        index
    }

    /// Makes a partner (one about to be created) findable.
    pub fn add(&mut self, id: &PartnerId, name: &str, istat: Option<&str>) {
        self.by_id.insert(id.as_str().to_owned(), id.clone());
        if let Some(code) = istat.and_then(istat_key) {
            self.by_istat.entry(code).or_insert_with(|| id.clone());
        }
        let key = comune_key(name);
        if !key.is_empty() {
            self.by_name.entry(key).or_insert_with(|| id.clone());
        }
    }

    pub fn by_id(&self, id: &str) -> Option<&PartnerId> {
        self.by_id.get(id.trim())
    }

    pub fn by_istat(&self, code: &str) -> Option<&PartnerId> {
        self.by_istat.get(&istat_key(code)?)
    }

    pub fn by_name(&self, name: &str) -> Option<&PartnerId> {
        self.by_name.get(&comune_key(name))
    }
}

/// Catalogue modules by id and by title.
#[derive(Debug, Default, Clone)]
pub struct ModuleIndex {
    by_key: HashMap<String, ModuleId>,
}

impl ModuleIndex {
    pub fn new(project: &Project) -> ModuleIndex {
        let mut by_key = HashMap::new();
        for (id, module) in &project.catalogue {
            by_key.insert(squeeze(&module.title), id.clone());
        }
        // An id wins over a title that happens to read the same.
        for id in project.catalogue.keys() {
            by_key.insert(squeeze(id.as_str()), id.clone());
        }
        ModuleIndex { by_key }
    }

    pub fn find(&self, text: &str) -> Option<&ModuleId> {
        self.by_key.get(&squeeze(text))
    }

    /// Makes a module (one about to be created) findable by its id and title.
    pub fn add(&mut self, id: &ModuleId, title: &str) {
        self.by_key
            .entry(squeeze(title))
            .or_insert_with(|| id.clone());
        self.by_key.insert(squeeze(id.as_str()), id.clone());
    }
}

/// Indicators of the project's catalogue by id and by name.
#[derive(Debug, Default, Clone)]
pub struct IndicatorIndex {
    by_key: HashMap<String, IndicatorId>,
}

impl IndicatorIndex {
    pub fn new(project: &Project) -> IndicatorIndex {
        let mut by_key = HashMap::new();
        for (id, indicator) in &project.indicators {
            by_key.insert(squeeze(&indicator.name), id.clone());
        }
        for id in project.indicators.keys() {
            by_key.insert(squeeze(id.as_str()), id.clone());
        }
        IndicatorIndex { by_key }
    }

    pub fn find(&self, text: &str) -> Option<&IndicatorId> {
        self.by_key.get(&squeeze(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, Partner};

    fn project() -> Project {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("t", start, start.plus(23));
        let mut bra = Partner::new("Comune di Bra", "CN", start);
        bra.istat = Some("004029".into());
        project.partners.insert("bra".into(), bra);
        project.partners.insert(
            "monforte".into(),
            Partner::new("Monforte d'Alba", "CN", start),
        );
        project
            .partners
            .insert("cantu".into(), Partner::new("Cantù", "CO", start));
        project
    }

    #[test]
    fn comuni_by_name_ignoring_case_accents_prefix_and_apostrophes() {
        let index = PartnerIndex::new(&project());
        let found = |name| index.by_name(name).map(PartnerId::as_str);
        assert_eq!(found("Bra"), Some("bra"));
        assert_eq!(found("COMUNE DI BRA"), Some("bra"));
        assert_eq!(found("  comune  di   bra "), Some("bra"));
        assert_eq!(found("Monforte d’Alba"), Some("monforte"));
        assert_eq!(found("monforte dalba"), Some("monforte"));
        assert_eq!(found("Comune di Cantu"), Some("cantu"));
        assert_eq!(found("Città di Cantù"), Some("cantu"));
        assert_eq!(found("Alba"), None);
    }

    #[test]
    fn comuni_by_istat_code_with_or_without_leading_zeros() {
        let index = PartnerIndex::new(&project());
        assert_eq!(index.by_istat("004029").map(PartnerId::as_str), Some("bra"));
        assert_eq!(index.by_istat("4029").map(PartnerId::as_str), Some("bra"));
        assert_eq!(index.by_istat("4029.0").map(PartnerId::as_str), Some("bra"));
        assert_eq!(index.by_istat("004030"), None);
        assert_eq!(index.by_istat("Bra"), None);
        assert_eq!(
            index.by_id("monforte").map(PartnerId::as_str),
            Some("monforte")
        );
    }
}
