//! `cruscotto import` as analysts script it: the real binary on CSV files, its report, its
//! exit statuses, and the project it writes (or does not).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cruscotto::model::{Month, Observation, Partner, PartnerId, Project};
use cruscotto::store;

fn cruscotto(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cruscotto"))
        .args(args)
        .output()
        .expect("the cruscotto binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8 here")
}

fn month(text: &str) -> Month {
    text.parse().unwrap()
}

/// Bra (10 smart workers in January 2025) and Alba, saved in `dir`.
fn project_file(dir: &Path) -> PathBuf {
    let start = month("2025-01");
    let mut project = Project::new("Roero", start, month("2026-12"));
    let mut bra = Partner::new("Comune di Bra", "CN", start);
    bra.observations.set(start, Some(Observation::new(10, 4.0)));
    project.partners.insert("bra".into(), bra);
    project
        .partners
        .insert("alba".into(), Partner::new("Alba", "CN", start));
    let path = dir.join("roero.ron");
    store::save(&path, &project).unwrap();
    path
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn report(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn observed(project: &Project, partner: &str, when: &str) -> Option<Observation> {
    project.partners[&PartnerId::new(partner)]
        .observations
        .get(month(when))
        .copied()
}

const GOOD: &str = "Comune;Mese;Dipendenti in lavoro agile;Giornate agili medie\r\n\
                    COMUNE DI BRA;gen 2025;12;4,5\r\n\
                    Bra;02/2025;14;5\r\n\
                    Alba;2025-01;7;3,25\r\n";

#[test]
fn every_row_applied_exits_0_with_the_values_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let into = project_file(dir.path());
    let data = write(dir.path(), "rilevazioni.csv", GOOD);
    let out = dir.path().join("new.ron");
    let json = dir.path().join("report.json");
    let output = cruscotto(&[
        "import",
        "--from",
        arg(&data),
        "--into",
        arg(&into),
        "--out",
        arg(&out),
        "--report-json",
        arg(&json),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("3 rows read, 3 applied, 0 rejected"));
    let project = store::load(&out).unwrap();
    assert_eq!(
        observed(&project, "bra", "2025-01"),
        Some(Observation::new(12, 4.5))
    );
    assert_eq!(
        observed(&project, "bra", "2025-02"),
        Some(Observation::new(14, 5.0))
    );
    assert_eq!(
        observed(&project, "alba", "2025-01"),
        Some(Observation::new(7, 3.25))
    );
    let report = report(&json);
    assert_eq!(report["rows_read"], 3);
    assert_eq!(report["rows_applied"], 3);
    assert_eq!(report["rows_rejected"].as_array().unwrap().len(), 0);
    assert_eq!(report["partners_matched"].as_array().unwrap().len(), 2);
    assert_eq!(report["partners_created"].as_array().unwrap().len(), 0);
    // January held 10 smart workers: a conflict, overwritten.
    let conflicts = report["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["row"], 2);
    assert_eq!(conflicts[0]["partner"], "bra");
    assert_eq!(conflicts[0]["resolution"], "overwrite");
}

#[test]
fn keep_existing_keeps_the_projects_values() {
    let dir = tempfile::tempdir().unwrap();
    let into = project_file(dir.path());
    let data = write(dir.path(), "rilevazioni.csv", GOOD);
    let out = dir.path().join("new.ron");
    let output = cruscotto(&[
        "import",
        "--from",
        arg(&data),
        "--into",
        arg(&into),
        "--out",
        arg(&out),
        "--keep-existing",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let project = store::load(&out).unwrap();
    assert_eq!(
        observed(&project, "bra", "2025-01"),
        Some(Observation::new(10, 4.0))
    );
    assert_eq!(
        observed(&project, "bra", "2025-02"),
        Some(Observation::new(14, 5.0))
    );
}

#[test]
fn rejected_rows_exit_1_and_write_nothing_unless_apply_valid() {
    let dir = tempfile::tempdir().unwrap();
    let into = project_file(dir.path());
    let data = write(
        dir.path(),
        "rilevazioni.csv",
        "Comune;Mese;Dipendenti in lavoro agile\nBra;mar 2025;15\nBra;13/2025;16\nCuneo;mar 2025;40\n",
    );
    let out = dir.path().join("new.ron");
    let json = dir.path().join("report.json");
    let args = [
        "import",
        "--from",
        arg(&data),
        "--into",
        arg(&into),
        "--out",
        arg(&out),
        "--report-json",
        arg(&json),
    ];
    let output = cruscotto(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists(), "nothing is written with rejected rows");
    let report = report(&json);
    assert_eq!(report["rows_read"], 3);
    assert_eq!(report["rows_applied"], 0);
    let rejected = report["rows_rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 2);
    assert_eq!(rejected[0]["row"], 3);
    assert_eq!(rejected[0]["column"], "B");
    assert_eq!(rejected[0]["value"], "13/2025");
    assert!(
        rejected[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not a month")
    );
    assert_eq!(rejected[1]["row"], 4);
    assert_eq!(rejected[1]["value"], "Cuneo");

    let mut with_valid = args.to_vec();
    with_valid.push("--apply-valid");
    let output = cruscotto(&with_valid);
    assert_eq!(output.status.code(), Some(1));
    let project = store::load(&out).unwrap();
    assert_eq!(
        observed(&project, "bra", "2025-03"),
        Some(Observation::new(15, 0.0))
    );
    assert_eq!(project.partners.len(), 2, "Cuneo was not created");
    assert_eq!(self::report(&json)["rows_applied"], 1);

    let mut creating = args.to_vec();
    creating.push("--create-missing");
    creating.push("--apply-valid");
    cruscotto(&creating);
    let project = store::load(&out).unwrap();
    assert_eq!(
        observed(&project, "cuneo", "2025-03"),
        Some(Observation::new(40, 0.0))
    );
}

#[test]
fn without_a_project_the_comuni_of_the_data_make_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "dotazioni.csv",
        "Ente,Codice ISTAT,Tipo,Quantità,Costo unitario,Mese ordine\n\
         Comune di Bra,004029,Portatile,20,\"1.049,90\",03/2025\n\
         Comune di Monforte d'Alba,004132,Firma digitale,3,\"€ 90,00\",04/2026\n",
    );
    let out = dir.path().join("new.ron");
    let output = cruscotto(&["import", "--from", arg(&data), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let project = store::load(&out).unwrap();
    let bra = &project.partners[&PartnerId::new("bra")];
    assert_eq!(bra.name, "Comune di Bra");
    assert_eq!(bra.istat.as_deref(), Some("004029"));
    let laptops = bra.equipment.values().next().unwrap();
    assert_eq!((laptops.quantity, laptops.unit_cost.0), (20, 104_990));
    assert!(
        project
            .partners
            .contains_key(&PartnerId::new("monforte-d-alba"))
    );
    assert!(project.meta.start <= month("2025-03") && project.meta.end >= month("2026-04"));
}

#[test]
fn data_that_cannot_be_read_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("new.ron");
    let missing = dir.path().join("missing.csv");
    assert_eq!(
        cruscotto(&["import", "--from", arg(&missing), "--out", arg(&out)])
            .status
            .code(),
        Some(2)
    );
    let data = write(dir.path(), "dati.csv", GOOD);
    let output = cruscotto(&[
        "import",
        "--from",
        arg(&data),
        "--out",
        arg(&out),
        "--sheet",
        "Altro",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let notes = write(dir.path(), "note.csv", "Note;Altro\nciao;mondo\n");
    assert_eq!(
        cruscotto(&["import", "--from", arg(&notes), "--out", arg(&out)])
            .status
            .code(),
        Some(2)
    );
    assert!(!out.exists());
}

#[test]
fn a_forced_kind_reads_the_file_as_that_kind() {
    let dir = tempfile::tempdir().unwrap();
    let into = project_file(dir.path());
    let data = write(
        dir.path(),
        "personale.csv",
        "Comune;Dipendenti;Mese\nAlba;310;gen 2025\n",
    );
    let out = dir.path().join("new.ron");
    let output = cruscotto(&[
        "import",
        "--from",
        arg(&data),
        "--into",
        arg(&into),
        "--out",
        arg(&out),
        "--kind",
        "partners",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let project = store::load(&out).unwrap();
    assert_eq!(project.partners[&PartnerId::new("alba")].headcount, 310);
}

#[test]
fn an_attendance_register_without_a_project_makes_sessions_and_completion() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "registro.csv",
        "Comune;Modulo;Data;Partecipante;Ore di presenza;Ore previste;Esito\n\
         Bra;Misurare gli impatti: mobilità e ambiente;10/03/2025;Rossi Anna;4;4;\n\
         Bra;Misurare gli impatti: mobilità e ambiente;10/03/2025;Bianchi Luca;4;4;\n\
         Bra;Misurare gli impatti: mobilità e ambiente;17/03/2025;Rossi Anna;4;4;\n\
         Bra;Misurare gli impatti: mobilità e ambiente;17/03/2025;Bianchi Luca;0;4;completato\n\
         Bra;Smart working e privacy;24/03/2025;Rossi Anna;2;3;\n",
    );
    let out = dir.path().join("new.ron");
    let output = cruscotto(&["import", "--from", arg(&data), "--out", arg(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let project = store::load(&out).unwrap();
    let bra = &project.partners[&PartnerId::new("bra")];
    let impacts = &bra.modules[&"mon-impatti".into()];
    assert_eq!(impacts.sessions.len(), 2);
    assert_eq!(
        impacts
            .sessions
            .values()
            .map(|s| (s.hours, s.attendees))
            .collect::<Vec<_>>(),
        vec![(4.0, 2), (4.0, 1)]
    );
    assert_eq!((impacts.enrolled, impacts.completed), (2, 2));
    let privacy = &project.catalogue[&"smart-working-e-privacy".into()];
    assert_eq!(privacy.hours, 3.0);
    assert_eq!(bra.modules[&"smart-working-e-privacy".into()].enrolled, 1);
}
