//! The columns a spreadsheet of each kind holds, named once for import and export alike:
//! an exported table carries the canonical headers below, and the importer recognises them
//! and their synonyms, so an export always imports back and a filled template merges.

/// What a file (or one sheet) holds: one row per …
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    /// … partner: its name, ISTAT code and staff figures.
    Partners,
    /// … partner and month: the rilevazione mensile.
    Observations,
    /// … partner, module and session (date, hours, attendees).
    Sessions,
    /// … partner and module: enrolled and completed.
    Enrolment,
    /// … person and session: the registro presenze as the training provider keeps it,
    /// aggregated into sessions and enrolment on import. Import only.
    Attendance,
    /// … purchase.
    Equipment,
    /// … partner, indicator and month (observed values), or partner and indicator
    /// (baseline and yearly targets).
    Indicators,
}

impl FileKind {
    pub const ALL: [FileKind; 7] = [
        FileKind::Partners,
        FileKind::Observations,
        FileKind::Sessions,
        FileKind::Enrolment,
        FileKind::Attendance,
        FileKind::Equipment,
        FileKind::Indicators,
    ];

    /// The name used on the command line (`--kind`) and in remembered mappings.
    pub fn key(self) -> &'static str {
        match self {
            FileKind::Partners => "partners",
            FileKind::Observations => "observations",
            FileKind::Sessions => "sessions",
            FileKind::Enrolment => "enrolment",
            FileKind::Attendance => "attendance",
            FileKind::Equipment => "equipment",
            FileKind::Indicators => "indicators",
        }
    }

    pub fn from_key(key: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// The columns of this kind, in the order an export writes them. The partner's name or
    /// ISTAT code is enough to match a row to a Comune; the others are named where needed.
    pub fn fields(self) -> &'static [FieldKey] {
        use FieldKey::*;
        match self {
            FileKind::Partners => &[
                PartnerId,
                PartnerName,
                Istat,
                Province,
                Population,
                Headcount,
                Managers,
                Smartable,
            ],
            FileKind::Observations => &[
                PartnerId,
                PartnerName,
                Istat,
                Month,
                SmartWorkers,
                AgileDays,
                Wellbeing,
                WorkLifeBalance,
                Belonging,
            ],
            FileKind::Sessions => &[
                PartnerId,
                PartnerName,
                Istat,
                Module,
                SessionId,
                Date,
                Hours,
                Attendees,
            ],
            FileKind::Enrolment => &[PartnerId, PartnerName, Istat, Module, Enrolled, Completed],
            FileKind::Attendance => &[
                PartnerName,
                Istat,
                Module,
                Date,
                Person,
                HoursPresent,
                HoursPlanned,
                Outcome,
            ],
            FileKind::Equipment => &[
                PartnerId,
                PartnerName,
                Istat,
                EquipmentId,
                EquipmentKind,
                Quantity,
                UnitCost,
                Ordered,
                Delivered,
            ],
            FileKind::Indicators => &[
                PartnerId,
                PartnerName,
                Istat,
                Indicator,
                Baseline,
                Month,
                Value,
            ],
        }
    }
}

/// One column's meaning. Yearly targets of an indicator are `Target(year)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldKey {
    /// The partner's code in the project (`bra`): exact round trips of exports.
    PartnerId,
    PartnerName,
    /// The Comune's ISTAT code (six digits, `004029`).
    Istat,
    Province,
    Population,
    Headcount,
    Managers,
    Smartable,
    Month,
    SmartWorkers,
    AgileDays,
    Wellbeing,
    WorkLifeBalance,
    Belonging,
    Module,
    SessionId,
    Date,
    Hours,
    Attendees,
    Enrolled,
    Completed,
    Person,
    HoursPresent,
    HoursPlanned,
    Outcome,
    EquipmentId,
    EquipmentKind,
    Quantity,
    UnitCost,
    Ordered,
    Delivered,
    Indicator,
    Baseline,
    Target(i32),
    Value,
}

impl FieldKey {
    /// The header an export writes, Italian then English. `Target(year)` adds the year.
    pub fn header(self) -> (&'static str, &'static str) {
        use FieldKey::*;
        match self {
            PartnerId => ("Codice partner", "Partner code"),
            PartnerName => ("Comune", "Municipality"),
            Istat => ("Codice ISTAT", "ISTAT code"),
            Province => ("Provincia", "Province"),
            Population => ("Popolazione", "Population"),
            Headcount => ("Dipendenti", "Staff"),
            Managers => ("Dirigenti", "Managers"),
            Smartable => (
                "Dipendenti con attività smartabili",
                "Staff with smartable work",
            ),
            Month => ("Mese", "Month"),
            SmartWorkers => ("Dipendenti in lavoro agile", "Smart workers"),
            AgileDays => ("Giornate agili medie", "Average agile days"),
            Wellbeing => ("Benessere (1-5)", "Wellbeing (1-5)"),
            WorkLifeBalance => ("Conciliazione vita-lavoro (1-5)", "Work-life balance (1-5)"),
            Belonging => ("Senso di appartenenza (1-5)", "Belonging (1-5)"),
            Module => ("Modulo", "Module"),
            SessionId => ("Codice sessione", "Session code"),
            Date => ("Data", "Date"),
            Hours => ("Ore", "Hours"),
            Attendees => ("Partecipanti", "Attendees"),
            Enrolled => ("Iscritti", "Enrolled"),
            Completed => ("Completati", "Completed"),
            Person => ("Partecipante", "Participant"),
            HoursPresent => ("Ore di presenza", "Hours present"),
            HoursPlanned => ("Ore previste", "Hours planned"),
            Outcome => ("Esito", "Outcome"),
            EquipmentId => ("Codice acquisto", "Purchase code"),
            EquipmentKind => ("Tipo", "Type"),
            Quantity => ("Quantità", "Quantity"),
            UnitCost => ("Costo unitario", "Unit cost"),
            Ordered => ("Mese ordine", "Month ordered"),
            Delivered => ("Mese consegna", "Month delivered"),
            Indicator => ("Indicatore", "Indicator"),
            Baseline => ("Valore di partenza", "Baseline"),
            Target(_) => ("Obiettivo", "Target"),
            Value => ("Valore", "Value"),
        }
    }

    /// Other headers offices write for this column, besides the two above, compared after
    /// lower-casing and removing accents. The importer may add more; exports never use them.
    pub fn synonyms(self) -> &'static [&'static str] {
        use FieldKey::*;
        match self {
            PartnerId => &["codice", "id", "code"],
            PartnerName => &[
                "ente",
                "comune di",
                "amministrazione",
                "denominazione",
                "partner",
            ],
            Istat => &["istat", "cod. istat", "codice comune", "istat code"],
            Province => &["prov", "prov.", "sigla provincia"],
            Population => &["abitanti", "residenti"],
            Headcount => &[
                "personale",
                "n. dipendenti",
                "dipendenti totali",
                "headcount",
            ],
            Managers => &["n. dirigenti"],
            Smartable => &["smartabili", "dipendenti smartabili", "attivita smartabili"],
            Month => &["periodo", "mese di riferimento", "competenza"],
            SmartWorkers => &[
                "lavoratori agili",
                "smart worker",
                "dipendenti in smart working",
            ],
            AgileDays => &["giornate agili", "giorni agili", "giornate di lavoro agile"],
            Wellbeing => &["benessere"],
            WorkLifeBalance => &["conciliazione", "equilibrio vita-lavoro"],
            Belonging => &["appartenenza"],
            Module => &["corso", "titolo corso", "modulo formativo", "course"],
            SessionId => &["sessione", "edizione"],
            Date => &["data sessione", "data lezione", "giorno"],
            Hours => &["durata", "ore sessione", "durata (ore)"],
            Attendees => &["presenti", "n. partecipanti"],
            Enrolled => &["n. iscritti"],
            Completed => &["n. completati", "formati"],
            Person => &["nominativo", "cognome e nome", "dipendente", "discente"],
            HoursPresent => &["ore presenza", "ore frequentate"],
            HoursPlanned => &["ore programmate", "durata prevista"],
            Outcome => &["stato", "completato", "esito finale"],
            EquipmentId => &["n. ordine", "ordine"],
            EquipmentKind => &["tipologia", "bene", "articolo", "descrizione"],
            Quantity => &["quantita", "qta", "q.ta", "n. pezzi"],
            UnitCost => &["prezzo unitario", "costo", "prezzo", "importo unitario"],
            Ordered => &["data ordine", "ordinato"],
            Delivered => &["data consegna", "consegnato"],
            Indicator => &["nome indicatore"],
            Baseline => &["baseline", "valore iniziale", "valore base"],
            Target(_) => &["target", "obiettivo"],
            Value => &["valore rilevato", "valore osservato"],
        }
    }
}
