//! The editor of the focused partner: its name, province and id at the top, what is wrong
//! with the partner as a whole, then one collapsible section per part of its data (identity
//! and staff, milestones, modules, equipment, observations, indicators). Each section's
//! header says how much it holds and how many of its values need a look, so a closed section
//! hides nothing that is wrong.

use egui::text::LayoutJob;
use egui::{CollapsingHeader, FontId, Frame, Id, RichText, ScrollArea, TextEdit, TextFormat, Ui};

use super::equipment::EquipmentSection;
use super::identity::IdentitySection;
use super::indicators::IndicatorsSection;
use super::milestones::MilestonesSection;
use super::modules::ModulesSection;
use super::observations::ObservationsSection;
use super::{PartnerData, Section};
use crate::i18n::{Lang, findings, format, plural, tr, tr_args};
use crate::model::validate::{Field, Finding, Target};
use crate::model::{Edit, Partner, PartnerId};
use crate::ui::widgets::{FieldFindings, form, section, text_field};
use crate::ui::{ViewCtx, theme};

/// The sections other files draw, lent to the editor for a frame.
pub struct OtherSections<'a> {
    pub modules: &'a mut ModulesSection,
    pub equipment: &'a mut EquipmentSection,
    pub observations: &'a mut ObservationsSection,
    pub indicators: &'a mut IndicatorsSection,
}

#[derive(Default)]
pub struct Editor {
    findings: FieldFindings,
    identity: IdentitySection,
    milestones: MilestonesSection,
    /// A partner just added, whose name field takes the keyboard once it is drawn.
    name_to_focus: Option<PartnerId>,
    /// The partner shown last, to start a newly shown one from the top.
    last_shown: Option<PartnerId>,
}

/// The parts of the editor, for their headers' counts of findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Header,
    Identity,
    Milestones,
    Modules,
    Equipment,
    Observations,
    Indicators,
}

impl Part {
    fn of(target: &Target, field: Option<Field>) -> Part {
        match target {
            Target::Partner(_) => match field {
                Some(Field::Name) | None => Part::Header,
                Some(_) => Part::Identity,
            },
            Target::Milestone(..) => Part::Milestones,
            Target::PartnerModule(..) | Target::Session(..) => Part::Modules,
            Target::Equipment(..) => Part::Equipment,
            Target::Observation(..) => Part::Observations,
            Target::PartnerIndicator(..) => Part::Indicators,
            Target::Project | Target::Module(_) | Target::Indicator(_) | Target::Scenario(_) => {
                Part::Header
            }
        }
    }
}

/// The partner a finding's item belongs to, if any.
pub fn partner_of(target: &Target) -> Option<&PartnerId> {
    match target {
        Target::Partner(p)
        | Target::PartnerModule(p, _)
        | Target::Session(p, _, _)
        | Target::Equipment(p, _)
        | Target::Observation(p, _)
        | Target::Milestone(p, _)
        | Target::PartnerIndicator(p, _) => Some(p),
        Target::Project | Target::Module(_) | Target::Indicator(_) | Target::Scenario(_) => None,
    }
}

impl Editor {
    /// A partner was just added: put the cursor in its name when it shows.
    pub fn created(&mut self, partner: PartnerId) {
        self.name_to_focus = Some(partner);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, others: OtherSections<'_>) {
        let project = cx.project;
        let focused =
            (cx.selection.focus.as_ref()).and_then(|id| project.partners.get_key_value(id));
        let Some((id, partner)) = focused else {
            self.last_shown = None;
            ui.add_space(section::GAP * 2.0);
            ui.vertical_centered(|ui| {
                section::note(ui, &cx.t("partners.editor.none"));
            });
            return;
        };
        let all = cx.dashboard.findings.as_slice();
        self.findings
            .refresh(cx.revision, id.as_str(), all, |target| {
                partner_of(target) == Some(id)
            });
        let changed = self.last_shown.as_ref() != Some(id);
        if changed {
            self.last_shown = Some(id.clone());
        }
        let mut scroll = ScrollArea::vertical()
            .id_salt("partners_editor_scroll")
            .auto_shrink([false, false]);
        if changed {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        scroll.show(ui, |ui| {
            self.header(ui, cx, id, partner);
            self.partner_problems(ui, all, cx.lang, id);
            ui.add_space(section::GAP);
            self.sections(ui, cx, id, partner, others);
        });
    }

    fn header(&mut self, ui: &mut Ui, cx: &mut ViewCtx<'_>, id: &PartnerId, partner: &Partner) {
        let body = section::body_size(ui);
        let lang = cx.lang;
        let target = Target::Partner(id.clone());
        let all = cx.dashboard.findings.as_slice();
        let name_problem = form::field_problem(&self.findings, all, lang, &target, Field::Name);
        if cx.editable {
            let label = section::note(ui, &cx.t("partners.editor.name"));
            let field = Id::unique("partners_editor_name").with(id.as_str());
            let mut name = partner.name.clone();
            let response = ui
                .add(
                    TextEdit::singleline(&mut name)
                        .id(field)
                        .hint_text(cx.t("partners.editor.name_hint"))
                        .font(FontId::proportional(body * 1.8))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if response.changed() {
                cx.outbox.edit(Edit::RenamePartner {
                    partner: id.clone(),
                    name,
                });
            }
            if self.name_to_focus.as_ref() == Some(id) {
                self.name_to_focus = None;
                response.request_focus();
                select_all(ui, field, &partner.name);
            }
            if let Some((severity, text)) = &name_problem {
                outline(ui, &response, *severity);
                response.on_hover_text(text);
            }
        } else {
            ui.label(RichText::new(&partner.name).size(body * 2.2).strong());
        }
        if let Some((severity, text)) = &name_problem {
            form::problem_note(ui, *severity, text);
        }
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(cx.t("partners.editor.province"));
            if cx.editable {
                let field = Id::unique("partners_editor_province").with(id.as_str());
                let name = cx.t("partners.editor.province");
                let width = body * 4.0;
                // Validation has no rule on provinces: any code a Comune uses is kept.
                let out = text_field(ui, field, &name, &partner.province, width, lang, None);
                out.response.labelled_by(label.id);
                if let Some(province) = out.value {
                    cx.outbox.edit(Edit::SetProvince {
                        partner: id.clone(),
                        province,
                    });
                }
            } else {
                let shown = if partner.province.is_empty() {
                    format::MISSING
                } else {
                    partner.province.as_str()
                };
                ui.strong(shown);
            }
            ui.add_space(section::GAP);
            ui.label(
                RichText::new(tr_args(lang, "partners.editor.id", &[("id", id.as_str())]))
                    .color(ui.visuals().weak_text_color()),
            )
            .on_hover_text(cx.t("partners.editor.id_hint"));
        });
    }

    /// Findings about the partner as a whole (no field to show them beside), framed in the
    /// bad colour above the sections.
    fn partner_problems(&self, ui: &mut Ui, all: &[Finding], lang: Lang, id: &PartnerId) {
        let mut problems = (self.findings.all(all))
            .filter(|f| {
                matches!(&f.target, Target::Partner(p) if p == id) && f.problem.field().is_none()
            })
            .peekable();
        if problems.peek().is_none() {
            return;
        }
        ui.add_space(section::GAP / 2.0);
        Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.0, theme::bad_text(ui.visuals())))
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                for finding in problems {
                    let text = findings::message(lang, &finding.problem);
                    form::problem_note(ui, finding.severity, &text);
                }
            });
    }

    fn sections(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx<'_>,
        id: &PartnerId,
        partner: &Partner,
        others: OtherSections<'_>,
    ) {
        let lang = cx.lang;
        let counts = self.problem_counts(cx.dashboard.findings.as_slice());
        let count = |part: Part| counts.iter().filter(|p| **p == part).count();
        let number = |n: usize| format::integer(lang, i64::try_from(n).unwrap_or(i64::MAX));

        let reached = (partner.milestones.values())
            .filter(|dates| dates.actual.is_some())
            .count();
        let late = (partner.milestones.values())
            .filter(|dates| dates.is_late(cx.dashboard.as_of))
            .count();
        let mut milestones = plural(
            lang,
            "partners.section.milestones_detail",
            reached as i64,
            &[("total", &number(crate::model::MilestoneKind::ALL.len()))],
        );
        if late > 0 {
            milestones.push_str(" · ");
            milestones.push_str(&plural(
                lang,
                "partners.section.milestones_late",
                late as i64,
                &[],
            ));
        }
        let modules = plural(
            lang,
            "partners.section.modules_detail",
            partner.modules.len() as i64,
            &[(
                "max",
                &format::integer(lang, i64::from(cx.project.meta.max_modules_per_partner)),
            )],
        );
        let counted = |base: &str, n: usize| plural(lang, base, n as i64, &[]);
        let equipment = counted("partners.section.equipment_detail", partner.equipment.len());
        let observed = partner.observations.iter().count();
        let observations = counted("partners.section.observations_detail", observed);
        let indicators = counted(
            "partners.section.indicators_detail",
            partner.indicators.len(),
        );

        let data = PartnerData {
            id,
            partner,
            findings: &self.findings,
        };
        let identity = &mut self.identity;
        let milestone_part = &mut self.milestones;
        let heading = |key: &str, detail: Option<&str>, part: Part| SectionHeading {
            title: tr(lang, key).into_owned(),
            detail: detail.map(str::to_owned),
            problems: count(part),
        };
        collapsible(
            ui,
            lang,
            "partners_section_identity",
            true,
            heading("partners.section.identity", None, Part::Identity),
            |ui| identity.ui(ui, cx, data),
        );
        collapsible(
            ui,
            lang,
            "partners_section_milestones",
            true,
            heading(
                "partners.section.milestones",
                Some(&milestones),
                Part::Milestones,
            ),
            |ui| milestone_part.ui(ui, cx, data),
        );
        collapsible(
            ui,
            lang,
            "partners_section_modules",
            false,
            heading("partners.section.modules", Some(&modules), Part::Modules),
            |ui| others.modules.ui(ui, cx, data),
        );
        collapsible(
            ui,
            lang,
            "partners_section_equipment",
            false,
            heading(
                "partners.section.equipment",
                Some(&equipment),
                Part::Equipment,
            ),
            |ui| others.equipment.ui(ui, cx, data),
        );
        collapsible(
            ui,
            lang,
            "partners_section_observations",
            false,
            heading(
                "partners.section.observations",
                Some(&observations),
                Part::Observations,
            ),
            |ui| others.observations.ui(ui, cx, data),
        );
        collapsible(
            ui,
            lang,
            "partners_section_indicators",
            false,
            heading(
                "partners.section.indicators",
                Some(&indicators),
                Part::Indicators,
            ),
            |ui| others.indicators.ui(ui, cx, data),
        );
    }

    /// The part of the editor each of the partner's findings shows in.
    fn problem_counts(&self, all: &[Finding]) -> Vec<Part> {
        self.findings
            .all(all)
            .map(|f| Part::of(&f.target, f.problem.field()))
            .collect()
    }
}

struct SectionHeading {
    title: String,
    detail: Option<String>,
    problems: usize,
}

/// A section that opens and closes, remembered per section (not per partner); its header
/// reads "Tappe · 3 di 7 raggiunte · 2 da controllare".
fn collapsible(
    ui: &mut Ui,
    lang: Lang,
    id_salt: &str,
    default_open: bool,
    heading: SectionHeading,
    body: impl FnOnce(&mut Ui),
) {
    let size = section::body_size(ui) * 1.2;
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let mut job = LayoutJob::default();
    let format = |color, size| TextFormat {
        font_id: FontId::proportional(size),
        color,
        ..Default::default()
    };
    job.append(&heading.title, 0.0, format(strong, size));
    if let Some(detail) = &heading.detail {
        job.append(" · ", 0.0, format(weak, size * 0.85));
        job.append(detail, 0.0, format(weak, size * 0.85));
    }
    if heading.problems > 0 {
        let count = format::integer(lang, i64::try_from(heading.problems).unwrap_or(i64::MAX));
        let key = if heading.problems == 1 {
            "partners.section.problems_one"
        } else {
            "partners.section.problems_other"
        };
        job.append(" · ", 0.0, format(weak, size * 0.85));
        job.append(
            &tr_args(lang, key, &[("count", &count)]),
            0.0,
            format(theme::bad_text(ui.visuals()), size * 0.85),
        );
    }
    Frame::new()
        .inner_margin(egui::Margin::symmetric(0, 4))
        .show(ui, |ui| {
            CollapsingHeader::new(job)
                .id_salt(id_salt)
                .default_open(default_open)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    body(ui);
                    ui.add_space(section::GAP);
                });
        });
}

/// Paints the outline the value fields use for a value with a problem.
fn outline(ui: &Ui, response: &egui::Response, severity: crate::model::validate::Severity) {
    ui.painter().rect_stroke(
        response.rect.expand(1.0),
        2.0,
        egui::Stroke::new(1.5, form::severity_color(ui.visuals(), severity)),
        egui::StrokeKind::Outside,
    );
}

/// Selects the whole text of the single-line field `id`, so typing replaces it.
fn select_all(ui: &Ui, id: Id, text: &str) {
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            end,
        )));
    state.store(ui.ctx(), id);
}
