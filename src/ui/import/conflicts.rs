//! Values the import would replace: the Comune, what, the project's value and the file's,
//! and for each the user's choice between keeping and overwriting.

use egui::{Grid, RichText, Ui};

use super::ImportAction;
use crate::exchange::change::Resolution;
use crate::exchange::describe;
use crate::exchange::session::ImportSession;
use crate::i18n::{Lang, plural, tr, tr_args};
use crate::model::Project;

/// Conflicts listed one by one; beyond this the choice for all still applies.
const LISTED: usize = 300;

pub fn list(
    ui: &mut Ui,
    lang: Lang,
    project: &Project,
    session: &ImportSession,
    actions: &mut Vec<ImportAction>,
) {
    let conflicts: Vec<_> = session
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.included)
        .filter_map(|(index, s)| s.plan.as_ref().map(|plan| (index, plan)))
        .flat_map(|(index, plan)| plan.conflicts().map(move |(change, c)| (index, change, c)))
        .collect();
    if conflicts.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(tr_args(
            lang,
            "import.conflicts",
            &[("count", &conflicts.len().to_string())],
        ))
        .strong(),
    );
    ui.horizontal(|ui| {
        if ui.button(tr(lang, "import.keep_all")).clicked() {
            actions.push(ImportAction::ResolveAll(Resolution::Keep));
        }
        if ui.button(tr(lang, "import.overwrite_all")).clicked() {
            actions.push(ImportAction::ResolveAll(Resolution::Overwrite));
        }
    });
    Grid::new("import_conflicts_grid")
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for header in [
                "import.conflict.comune",
                "import.conflict.what",
                "import.conflict.project",
                "import.conflict.file",
                "import.conflict.choice",
            ] {
                ui.label(RichText::new(tr(lang, header)).strong());
            }
            ui.end_row();
            for (source, change, conflict) in conflicts.iter().take(LISTED) {
                let name = project
                    .partners
                    .get(&conflict.partner)
                    .map_or_else(|| conflict.partner.to_string(), |p| p.name.clone());
                ui.label(name);
                ui.label(describe::target(lang, project, &conflict.target));
                ui.label(
                    conflict
                        .old
                        .as_ref()
                        .map(|old| describe::value(lang, old))
                        .unwrap_or_default(),
                );
                ui.label(describe::value(lang, &conflict.value));
                ui.horizontal(|ui| {
                    for (resolution, key) in [
                        (Resolution::Keep, "import.keep"),
                        (Resolution::Overwrite, "import.overwrite"),
                    ] {
                        if ui
                            .radio(conflict.resolution == resolution, tr(lang, key))
                            .clicked()
                        {
                            actions.push(ImportAction::Resolve {
                                source: *source,
                                change: *change,
                                resolution,
                            });
                        }
                    }
                });
                ui.end_row();
            }
        });
    if conflicts.len() > LISTED {
        let more = (conflicts.len() - LISTED) as i64;
        ui.label(plural(lang, "import.more_conflicts", more, &[]));
    }
}
