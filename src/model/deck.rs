//! The workshop deck: which slides a facilitator shows, in which order, with which Comune or
//! scenario and speaker notes. Slides hold no figures: they name what to draw, and every
//! surface (window, PNG, PDF) draws it from the live project, so a corrected figure is on the
//! wall at once.

use serde::{Deserialize, Serialize};

use super::{PartnerId, Project, ScenarioId, SlideId, slug_unique};

/// The deck saved with the project, slides in showing order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    #[serde(default)]
    pub slides: Vec<Slide>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    pub id: SlideId,
    pub kind: SlideKind,
    /// Kept in the deck but skipped when presenting.
    #[serde(default)]
    pub hidden: bool,
    /// What the facilitator wants to say; shown to the presenter only.
    #[serde(default)]
    pub notes: String,
}

/// What a slide shows. Struct variants (not newtypes) keep the file in the plain RON that the
/// store's fast reader takes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SlideKind {
    /// The programme's title and period.
    Title,
    /// The consortium's headline figures with their trend.
    Kpis,
    /// Smart workers over time.
    Adoption,
    /// Training completion by Comune and by area.
    Training,
    /// The milestone grid with late tappe.
    Milestones,
    /// One Comune: its figures, its curve against the consortium's, modules and tappe.
    Comune { partner: PartnerId },
    /// One scenario against the baseline, with its band and comparison figures.
    Scenario { scenario: ScenarioId },
    /// Open validation findings.
    Findings,
}

impl SlideKind {
    /// A short stem for ids of slides of this kind.
    fn id_stem(&self) -> String {
        match self {
            SlideKind::Title => "title".to_owned(),
            SlideKind::Kpis => "kpis".to_owned(),
            SlideKind::Adoption => "adoption".to_owned(),
            SlideKind::Training => "training".to_owned(),
            SlideKind::Milestones => "milestones".to_owned(),
            SlideKind::Comune { partner } => format!("comune-{partner}"),
            SlideKind::Scenario { scenario } => format!("scenario-{scenario}"),
            SlideKind::Findings => "findings".to_owned(),
        }
    }
}

/// Beyond this many Comuni the default deck shows only the largest ones: nobody presents
/// 7,900 slides, and the facilitator can duplicate a slide and pick any other Comune.
pub const DEFAULT_COMUNE_SLIDES: usize = 24;

impl Deck {
    /// The deck a project starts with, and older files open with: title, KPIs, adoption,
    /// training, milestones, a slide per Comune (the largest ones in a big programme), a
    /// slide per scenario, findings.
    pub fn default_for(project: &Project) -> Deck {
        let mut kinds = vec![
            SlideKind::Title,
            SlideKind::Kpis,
            SlideKind::Adoption,
            SlideKind::Training,
            SlideKind::Milestones,
        ];
        let mut comuni: Vec<(&PartnerId, &super::Partner)> = project.partners.iter().collect();
        if comuni.len() > DEFAULT_COMUNE_SLIDES {
            comuni.sort_by_key(|(_, p)| std::cmp::Reverse(p.headcount));
            comuni.truncate(DEFAULT_COMUNE_SLIDES);
        }
        comuni.sort_by(|a, b| a.1.name.cmp(&b.1.name).then_with(|| a.0.cmp(b.0)));
        kinds.extend(comuni.into_iter().map(|(id, _)| SlideKind::Comune {
            partner: id.clone(),
        }));
        kinds.extend(project.scenarios.keys().map(|id| SlideKind::Scenario {
            scenario: id.clone(),
        }));
        kinds.push(SlideKind::Findings);
        let mut deck = Deck::default();
        for kind in kinds {
            let slide = deck.new_slide(kind);
            deck.slides.push(slide);
        }
        deck
    }

    pub fn position(&self, slide: &SlideId) -> Option<usize> {
        self.slides.iter().position(|s| &s.id == slide)
    }

    pub fn get(&self, slide: &SlideId) -> Option<&Slide> {
        self.slides.iter().find(|s| &s.id == slide)
    }

    /// A fresh slide of `kind` with an id no slide of this deck has.
    pub fn new_slide(&self, kind: SlideKind) -> Slide {
        let id = self.free_id(&kind.id_stem());
        Slide {
            id,
            kind,
            hidden: false,
            notes: String::new(),
        }
    }

    /// A copy of `slide` (notes and all, shown) under a new id, or None if there is no such
    /// slide.
    pub fn duplicate_of(&self, slide: &SlideId) -> Option<Slide> {
        let original = self.get(slide)?;
        Some(Slide {
            id: self.free_id(original.id.as_str()),
            hidden: false,
            ..original.clone()
        })
    }

    fn free_id(&self, stem: &str) -> SlideId {
        SlideId::new(slug_unique(stem, |candidate| {
            self.slides.iter().any(|s| s.id.as_str() == candidate)
        }))
    }
}

impl Slide {
    /// Whether the slide names something the project no longer has (a deleted Comune or
    /// scenario): it stays in the deck, but there is nothing to present.
    pub fn is_orphan(&self, project: &Project) -> bool {
        match &self.kind {
            SlideKind::Comune { partner } => !project.partners.contains_key(partner),
            SlideKind::Scenario { scenario } => !project.scenarios.contains_key(scenario),
            _ => false,
        }
    }

    /// Whether presenting shows this slide.
    pub fn is_presented(&self, project: &Project) -> bool {
        !self.hidden && !self.is_orphan(project)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Month, Partner, Scenario};

    fn project(partners: usize) -> Project {
        let start = Month::new(2025, 1).unwrap();
        let mut project = Project::new("Prova", start, start.plus(11));
        for i in 0..partners {
            let mut partner = Partner::new(format!("Comune {i:04}"), "CN", start);
            partner.headcount = i as i64;
            project
                .partners
                .insert(PartnerId::new(format!("p{i}")), partner);
        }
        project
    }

    #[test]
    fn the_default_deck_tells_the_whole_story_in_order() {
        let mut project = project(2);
        project.scenarios.insert(
            ScenarioId::new("late"),
            Scenario {
                name: "Gara in ritardo".into(),
                description: String::new(),
                changes: Vec::new(),
            },
        );
        let deck = Deck::default_for(&project);
        let kinds: Vec<&SlideKind> = deck.slides.iter().map(|s| &s.kind).collect();
        assert_eq!(
            kinds,
            [
                &SlideKind::Title,
                &SlideKind::Kpis,
                &SlideKind::Adoption,
                &SlideKind::Training,
                &SlideKind::Milestones,
                &SlideKind::Comune {
                    partner: PartnerId::new("p0")
                },
                &SlideKind::Comune {
                    partner: PartnerId::new("p1")
                },
                &SlideKind::Scenario {
                    scenario: ScenarioId::new("late")
                },
                &SlideKind::Findings,
            ]
        );
        assert!(deck.slides.iter().all(|s| !s.hidden && s.notes.is_empty()));
        assert_eq!(deck.slides[5].id.as_str(), "comune-p0");
    }

    #[test]
    fn a_national_programme_gets_slides_for_its_largest_comuni_only() {
        let project = project(100);
        let deck = Deck::default_for(&project);
        let comuni: Vec<&SlideKind> = deck
            .slides
            .iter()
            .map(|s| &s.kind)
            .filter(|k| matches!(k, SlideKind::Comune { .. }))
            .collect();
        assert_eq!(comuni.len(), DEFAULT_COMUNE_SLIDES);
        // Headcount grows with the index, so the largest are the last 24, by name.
        assert_eq!(
            comuni[0],
            &SlideKind::Comune {
                partner: PartnerId::new("p76")
            }
        );
    }

    #[test]
    fn duplicates_get_fresh_ids_and_are_shown() {
        let mut deck = Deck::default_for(&project(1));
        deck.slides[1].hidden = true;
        deck.slides[1].notes = "Dire dei portatili".into();
        let copy = deck.duplicate_of(&SlideId::new("kpis")).unwrap();
        assert_eq!(copy.id.as_str(), "kpis-2");
        assert_eq!(copy.notes, "Dire dei portatili");
        assert!(!copy.hidden);
        assert!(deck.duplicate_of(&SlideId::new("nope")).is_none());
    }

    #[test]
    fn slides_of_deleted_comuni_are_not_presented() {
        let mut project = project(1);
        project.deck = Deck::default_for(&project);
        let comune = project.deck.slides[5].clone();
        assert!(comune.is_presented(&project));
        project.partners.clear();
        assert!(comune.is_orphan(&project) && !comune.is_presented(&project));
    }
}
