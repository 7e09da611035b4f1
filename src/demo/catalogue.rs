//! The demo's module catalogue (moduli aziendali) and POLA/PIAO indicator catalogue, in
//! Italian as the programme writes them.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Audience, IndicatorBlock, IndicatorDef, IndicatorId, Module, ModuleArea, ModuleFormat, ModuleId,
};

/// Indicator ids, shared with the code that fills in each partner's values.
pub(super) mod ind {
    pub const SMART_WORKERS: &str = "lavoratori-agili";
    pub const MANAGERS_TRAINED: &str = "dirigenti-formati";
    pub const DIGITAL_SKILLS: &str = "competenze-digitali";
    pub const LAPTOPS: &str = "pc-portatili";
    pub const REMOTE_APPS: &str = "applicativi-remoto";
    pub const TRAINING_COSTS: &str = "costi-formazione";
    pub const DIGITAL_INVESTMENT: &str = "investimenti-digitali";
    pub const PROCESSING_DAYS: &str = "tempi-pratiche";
    pub const SATISFACTION: &str = "customer-satisfaction";
    pub const KM_SAVED: &str = "km-risparmiati";
    pub const CO2_AVOIDED: &str = "co2-evitata";
    pub const HOURS_SAVED: &str = "ore-risparmiate";
}

/// (id, name, block, unit, higher is better)
const INDICATORS: [(&str, &str, IndicatorBlock, &str, bool); 12] = [
    (
        ind::SMART_WORKERS,
        "% lavoratori agili effettivi sul personale smartabile",
        IndicatorBlock::OrganisationalHealth,
        "%",
        true,
    ),
    (
        ind::MANAGERS_TRAINED,
        "% dirigenti formati sul lavoro agile",
        IndicatorBlock::ProfessionalHealth,
        "%",
        true,
    ),
    (
        ind::DIGITAL_SKILLS,
        "% dipendenti formati sulle competenze digitali",
        IndicatorBlock::ProfessionalHealth,
        "%",
        true,
    ),
    (
        ind::LAPTOPS,
        "% PC portatili per lavoratori agili",
        IndicatorBlock::DigitalHealth,
        "%",
        true,
    ),
    (
        ind::REMOTE_APPS,
        "% applicativi accessibili da remoto",
        IndicatorBlock::DigitalHealth,
        "%",
        true,
    ),
    (
        ind::TRAINING_COSTS,
        "Costi formazione lavoro agile (ultimi 12 mesi)",
        IndicatorBlock::EconomicHealth,
        "€",
        true,
    ),
    (
        ind::DIGITAL_INVESTMENT,
        "Investimenti in dotazioni digitali (cumulati)",
        IndicatorBlock::EconomicHealth,
        "€",
        true,
    ),
    (
        ind::PROCESSING_DAYS,
        "Tempo medio di evasione delle pratiche",
        IndicatorBlock::Efficiency,
        "giorni",
        false,
    ),
    (
        ind::SATISFACTION,
        "Customer satisfaction",
        IndicatorBlock::Effectiveness,
        "punteggio 1-5",
        true,
    ),
    (
        ind::KM_SAVED,
        "Km risparmiati nel mese",
        IndicatorBlock::Impacts,
        "km",
        true,
    ),
    (
        ind::CO2_AVOIDED,
        "CO2 evitata nel mese (kg)",
        IndicatorBlock::Impacts,
        "kg CO2",
        true,
    ),
    (
        ind::HOURS_SAVED,
        "Ore di spostamento risparmiate nel mese",
        IndicatorBlock::Impacts,
        "h",
        true,
    ),
];

/// (id, title, area, format, hours, audience, indicators it moves)
type ModuleRow = (
    &'static str,
    &'static str,
    ModuleArea,
    ModuleFormat,
    f64,
    Audience,
    &'static [&'static str],
);

/// About twenty modules over all nine areas, 8–20 hours each (a module fits in 2–5 sessions
/// of 2–4 hours).
const MODULES: [ModuleRow; 20] = {
    use Audience::*;
    use ModuleArea::*;
    use ModuleFormat::*;
    [
        (
            "org-mappatura",
            "Mappatura delle attività smartabili",
            Organisation,
            Lab,
            12.0,
            Managers,
            &[ind::SMART_WORKERS],
        ),
        (
            "org-processi",
            "Riprogettazione di processi e servizi",
            Organisation,
            Coaching,
            16.0,
            Managers,
            &[ind::PROCESSING_DAYS, ind::SATISFACTION],
        ),
        (
            "dig-collaborazione",
            "Strumenti digitali di collaborazione",
            DigitalSkills,
            Online,
            8.0,
            All,
            &[ind::DIGITAL_SKILLS, ind::REMOTE_APPS],
        ),
        (
            "dig-competenze",
            "Competenze digitali per il lavoro agile",
            DigitalSkills,
            Classroom,
            12.0,
            Staff,
            &[ind::DIGITAL_SKILLS],
        ),
        (
            "dig-documenti",
            "Gestione documentale e firma digitale",
            DigitalSkills,
            Lab,
            8.0,
            Staff,
            &[ind::DIGITAL_SKILLS, ind::PROCESSING_DAYS],
        ),
        (
            "lead-obiettivi",
            "Leadership agile e lavoro per obiettivi",
            Leadership,
            Classroom,
            20.0,
            Managers,
            &[ind::MANAGERS_TRAINED, ind::SMART_WORKERS],
        ),
        (
            "lead-team-distanza",
            "Guidare gruppi di lavoro a distanza",
            Leadership,
            Coaching,
            12.0,
            Managers,
            &[ind::MANAGERS_TRAINED],
        ),
        (
            "lead-valutazione",
            "Misurazione e valutazione della performance",
            Leadership,
            Classroom,
            8.0,
            Managers,
            &[ind::MANAGERS_TRAINED, ind::PROCESSING_DAYS],
        ),
        (
            "reg-regolamento",
            "Il regolamento sul lavoro agile",
            Rules,
            Coaching,
            12.0,
            Managers,
            &[ind::SMART_WORKERS],
        ),
        (
            "reg-accordi",
            "Accordi individuali: diritti e doveri",
            Rules,
            Online,
            8.0,
            All,
            &[ind::SMART_WORKERS],
        ),
        (
            "rel-intesa",
            "Relazioni sindacali e contrattazione integrativa",
            IndustrialRelations,
            Coaching,
            8.0,
            Managers,
            &[ind::SMART_WORKERS],
        ),
        (
            "rel-partecipazione",
            "Organismi paritetici e partecipazione",
            IndustrialRelations,
            Classroom,
            8.0,
            All,
            &[ind::SMART_WORKERS, ind::SATISFACTION],
        ),
        (
            "tec-sicurezza",
            "Sicurezza informatica e protezione dei dati",
            TechnologyAndSecurity,
            Online,
            8.0,
            All,
            &[ind::REMOTE_APPS, ind::LAPTOPS],
        ),
        (
            "tec-accesso-remoto",
            "Infrastruttura e accesso remoto agli applicativi",
            TechnologyAndSecurity,
            Lab,
            16.0,
            Staff,
            &[ind::REMOTE_APPS, ind::DIGITAL_INVESTMENT],
        ),
        (
            "ben-conciliazione",
            "Benessere organizzativo e conciliazione vita-lavoro",
            Wellbeing,
            Classroom,
            8.0,
            All,
            &[ind::SMART_WORKERS, ind::HOURS_SAVED],
        ),
        (
            "ben-disconnessione",
            "Diritto alla disconnessione e gestione del tempo",
            Wellbeing,
            Online,
            8.0,
            Staff,
            &[ind::HOURS_SAVED],
        ),
        (
            "srv-digitali",
            "Servizi digitali al cittadino",
            ServicesToCitizens,
            Lab,
            16.0,
            Staff,
            &[ind::SATISFACTION, ind::PROCESSING_DAYS],
        ),
        (
            "srv-sportello",
            "Sportello a distanza e appuntamenti online",
            ServicesToCitizens,
            Coaching,
            12.0,
            All,
            &[ind::SATISFACTION],
        ),
        (
            "mon-indicatori",
            "Indicatori POLA/PIAO e monitoraggio",
            MonitoringAndEvaluation,
            Coaching,
            12.0,
            Managers,
            &[
                ind::MANAGERS_TRAINED,
                ind::TRAINING_COSTS,
                ind::DIGITAL_INVESTMENT,
            ],
        ),
        (
            "mon-impatti",
            "Misurare gli impatti: mobilità e ambiente",
            MonitoringAndEvaluation,
            Lab,
            8.0,
            Managers,
            &[ind::KM_SAVED, ind::CO2_AVOIDED, ind::HOURS_SAVED],
        ),
    ]
};

pub(super) fn modules() -> BTreeMap<ModuleId, Module> {
    MODULES
        .iter()
        .map(|&(id, title, area, format, hours, audience, indicators)| {
            let module = Module {
                title: title.to_owned(),
                area,
                format,
                hours,
                audience,
                indicators: indicators
                    .iter()
                    .map(|&i| IndicatorId::new(i))
                    .collect::<BTreeSet<_>>(),
                retired: false,
            };
            (ModuleId::new(id), module)
        })
        .collect()
}

pub(super) fn indicators() -> BTreeMap<IndicatorId, IndicatorDef> {
    INDICATORS
        .iter()
        .map(|&(id, name, block, unit, higher_is_better)| {
            let def = IndicatorDef {
                name: name.to_owned(),
                block,
                unit: unit.to_owned(),
                higher_is_better,
            };
            (IndicatorId::new(id), def)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_cover_every_area_and_block_and_refer_to_known_indicators() {
        let modules = modules();
        let indicators = indicators();
        for area in ModuleArea::ALL {
            assert!(modules.values().any(|m| m.area == area), "{area:?}");
        }
        for block in IndicatorBlock::ALL {
            assert!(indicators.values().any(|i| i.block == block), "{block:?}");
        }
        for (id, module) in &modules {
            assert!((8.0..=24.0).contains(&module.hours), "{id}");
            for indicator in &module.indicators {
                assert!(indicators.contains_key(indicator), "{id} → {indicator}");
            }
        }
        assert_eq!(modules.len(), MODULES.len(), "module ids are unique");
        assert_eq!(
            indicators.len(),
            INDICATORS.len(),
            "indicator ids are unique"
        );
    }
}
