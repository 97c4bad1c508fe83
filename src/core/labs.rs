//! The lab catalogue: ids, names, LOINC codes, accepted units with exact conversion
//! factors, adult reference ranges and plausible ranges (`clinical.md` §2).
//!
//! Every numeric lab has a *canonical* unit (the conventional unit of the spec, the first
//! entry of `units`); rules compare values in that unit. Values outside the plausible
//! range are input errors (a typo guard), never clamped.
//!
//! LOINC codes were checked with the LOINC mod-10 check digit and against published code
//! tables (2026-11): the spec's 27818-8, 27822-0 and 27811-3 fail the check digit and are
//! corrected to 27818-4 (protein C, chromogenic) and 27811-9 (antithrombin, chromogenic).
//! Free protein S antigen is 27821-8 (ARUP "Protein S Ag Free"); 27822-6, once used here,
//! is protein S *activity* (clot-based), a different test, not accepted in this field.
//! Factor V Leiden's result code is 21667-1 (Mayo F5DNA: order 21668-9, result 21667-1).
//! 25-OH vitamin D is total D2 + D3, 62292-8; 1989-3 is 25-OH vitamin D3 alone (a lab
//! listing "62292-8 (Total), 49054-0 (D2), 1989-3 (D3)"), so it is not this row's code.
//! 1994-3 is ionized calcium in whole blood (mmol/L); 1995-0 (serum/plasma) and 38230-9 (mass) are added. Lupus anticoagulant has many codes and none
//! is hard-coded. Reference intervals are conventional adult defaults; every laboratory's own
//! interval may replace them (`reference_low` / `reference_high`).

use super::i18n::Lang;
use crate::core::i18n::msg;
use crate::core::i18n::Text;

/// A qualitative result id (`not_detected`, `positive` …) in words; a result the catalogue
/// does not know is quoted as written.
pub fn result_label(id: &str, lang: Lang) -> String {
    let named = match id {
        "not_detected" => Some(msg::labs::RESULT_LABEL_NOT_DETECTED.get(lang)),
        "heterozygous" => Some(msg::labs::RESULT_LABEL_HETEROZYGOUS.get(lang)),
        "homozygous" => Some(msg::labs::RESULT_LABEL_HOMOZYGOUS.get(lang)),
        "negative" => Some(msg::labs::RESULT_LABEL_NEGATIVE.get(lang)),
        "positive" => Some(msg::labs::RESULT_LABEL_POSITIVE.get(lang)),
        "indeterminate" => Some(msg::labs::RESULT_LABEL_INDETERMINATE.get(lang)),
        _ => None,
    };
    named.map_or_else(|| format!("\"{id}\""), str::to_string)
}

id_enum! {
    /// The labs of the catalogue (`clinical.md` §2), in its order; each names its test.
    LabId {
        CalciumTotal = "calcium_total" => msg::labs::CALCIUM_TOTAL_NAME,
        CalciumIonized = "calcium_ionized" => msg::labs::CALCIUM_IONIZED_NAME,
        Phosphate = "phosphate" => msg::labs::PHOSPHATE_NAME,
        Albumin = "albumin" => msg::labs::ALBUMIN_NAME,
        PthIntact = "pth_intact" => msg::labs::PTH_INTACT_NAME,
        AlkalinePhosphatase = "alkaline_phosphatase" => msg::labs::ALKALINE_PHOSPHATASE_NAME,
        VitaminD25oh = "vitamin_d_25oh" => msg::labs::VITAMIN_D_25OH_NAME,
        Creatinine = "creatinine" => msg::labs::CREATININE_NAME,
        Crp = "crp" => msg::labs::CRP_NAME,
        Platelets = "platelets" => msg::labs::PLATELETS_NAME,
        DDimer = "d_dimer" => msg::labs::D_DIMER_NAME,
        Fibrinogen = "fibrinogen" => msg::labs::FIBRINOGEN_NAME,
        Plasminogen = "plasminogen" => msg::labs::PLASMINOGEN_NAME,
        PtInr = "pt_inr" => msg::labs::PT_INR_NAME,
        Aptt = "aptt" => msg::labs::APTT_NAME,
        ProteinCActivity = "protein_c_activity" => msg::labs::PROTEIN_C_ACTIVITY_NAME,
        ProteinSFree = "protein_s_free" => msg::labs::PROTEIN_S_FREE_NAME,
        AntithrombinActivity = "antithrombin_activity" => msg::labs::ANTITHROMBIN_ACTIVITY_NAME,
        FactorVLeiden = "factor_v_leiden" => msg::labs::FACTOR_V_LEIDEN_NAME,
        ProthrombinG20210a = "prothrombin_g20210a" => msg::labs::PROTHROMBIN_G20210A_NAME,
        LupusAnticoagulant = "lupus_anticoagulant" => msg::labs::LUPUS_ANTICOAGULANT_NAME,
        AnticardiolipinIgg = "anticardiolipin_igg" => msg::labs::ANTICARDIOLIPIN_IGG_NAME,
        AnticardiolipinIgm = "anticardiolipin_igm" => msg::labs::ANTICARDIOLIPIN_IGM_NAME,
        AntiB2gp1Igg = "anti_b2gp1_igg" => msg::labs::ANTI_B2GP1_IGG_NAME,
        AntiB2gp1Igm = "anti_b2gp1_igm" => msg::labs::ANTI_B2GP1_IGM_NAME,
        Homocysteine = "homocysteine" => msg::labs::HOMOCYSTEINE_NAME,
        FactorViiiActivity = "factor_viii_activity" => msg::labs::FACTOR_VIII_ACTIVITY_NAME,
    }
}

/// One accepted unit of a lab and how to convert it to the lab's canonical unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// Display spelling, as in `clinical.md` and the case file.
    pub symbol: &'static str,
    /// canonical value = value in this unit × `to_canonical`.
    pub to_canonical: f64,
    /// Other spellings accepted on input (compared after [`normalize_unit`]).
    pub aliases: &'static [&'static str],
    /// SI unit of the spec's conversion table (offered by the "SI" preference).
    pub si: bool,
}

/// An adult reference interval, in the canonical unit. Laboratories differ: a case may
/// carry its own laboratory's limits (`reference_low` / `reference_high`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabKind {
    Numeric {
        units: &'static [Unit],
        reference: Reference,
        /// Inclusive plausible range in the canonical unit; outside it the value is rejected.
        plausible: (f64, f64),
    },
    Qualitative {
        /// Accepted results, and which of them are abnormal.
        results: &'static [(&'static str, QualitativeMeaning)],
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QualitativeMeaning {
    Normal,
    Abnormal,
    Indeterminate,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lab {
    pub id: LabId,
    pub loinc: &'static [&'static str],
    pub kind: LabKind,
    /// Why the reference or plausible range is what it is, or how the assay varies.
    pub note: Text,
}

impl Unit {
    /// The unit as written after a number: nothing for a ratio such as the INR.
    pub fn shown(&self) -> &'static str {
        if self.symbol == "ratio" {
            ""
        } else {
            self.symbol
        }
    }
}

impl Lab {
    /// The test's name in the chosen language.
    pub fn name(&self, lang: Lang) -> &'static str {
        self.id.name(lang)
    }

    /// The catalogue note in the chosen language (empty when there is none).
    pub fn note_in(&self, lang: Lang) -> &'static str {
        self.note.get(lang)
    }

    pub fn units(&self) -> &'static [Unit] {
        match self.kind {
            LabKind::Numeric { units, .. } => units,
            LabKind::Qualitative { .. } => &[],
        }
    }

    pub fn canonical_unit(&self) -> Option<&'static Unit> {
        self.units().first()
    }

    /// Finds the accepted unit matching `text` (case-insensitive, `u` for `µ`, `x10^9/L` …).
    pub fn parse_unit(&self, text: &str) -> Option<&'static Unit> {
        let wanted = normalize_unit(text);
        self.units().iter().find(|unit| {
            normalize_unit(unit.symbol) == wanted
                || unit
                    .aliases
                    .iter()
                    .any(|alias| normalize_unit(alias) == wanted)
        })
    }

    /// The accepted unit spelled exactly `symbol` (a rule's stated unit).
    pub fn unit_named(&self, symbol: &str) -> Option<&'static Unit> {
        self.units().iter().find(|unit| unit.symbol == symbol)
    }

    /// The first accepted unit other than `unit`: the other half of "1000 pg/mL (106 pmol/L)".
    pub fn other_unit(&self, unit: &Unit) -> Option<&'static Unit> {
        self.units()
            .iter()
            .find(|other| other.symbol != unit.symbol)
    }

    pub fn accepted_units(&self) -> String {
        self.units()
            .iter()
            .map(|u| u.symbol)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Folds the spellings clinicians and lab systems use onto one form: lower case, no
/// spaces, `µ`/`μ` → `u`, a leading `x`/`×`/`*` before a power of ten dropped,
/// `10*9` → `10^9`.
pub fn normalize_unit(text: &str) -> String {
    let mut folded: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'µ' | 'μ' => 'u',
            '×' => 'x',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase();
    folded = folded.replace("10*", "10^").replace("e9/", "10^9/");
    if let Some(rest) = folded
        .strip_prefix('x')
        .or_else(|| folded.strip_prefix('*'))
    {
        if rest.starts_with("10^") {
            folded = rest.to_string();
        }
    }
    folded
}

const fn unit(symbol: &'static str, to_canonical: f64, si: bool) -> Unit {
    Unit {
        symbol,
        to_canonical,
        aliases: &[],
        si,
    }
}

const fn unit_aka(
    symbol: &'static str,
    to_canonical: f64,
    si: bool,
    aliases: &'static [&'static str],
) -> Unit {
    Unit {
        symbol,
        to_canonical,
        aliases,
        si,
    }
}

const fn range(low: f64, high: f64) -> Reference {
    Reference {
        low: Some(low),
        high: Some(high),
    }
}

const fn upper(high: f64) -> Reference {
    Reference {
        low: None,
        high: Some(high),
    }
}

const PERCENT: &[Unit] = &[unit_aka(
    "%",
    1.0,
    true,
    &["IU/dL", "% activity", "percent"],
)];

// Conversion factors are those of clinical.md §2 (conventional → SI); the canonical unit is
// the conventional one, so an SI value converts with 1 / factor.
const CA_MMOL: f64 = 1.0 / 0.2495;
const PHOS_MMOL: f64 = 1.0 / 0.3229;
const PTH_PMOL: f64 = 1.0 / 0.106;
const VITD_NMOL: f64 = 1.0 / 2.496;
const CREAT_UMOL: f64 = 1.0 / 88.4;

/// Intact PTH's default interval; its upper limit is also the default ULN of PTH ÷ ULN.
pub const PTH_REFERENCE: Reference = range(15.0, 65.0);

/// The catalogue, in the order the UI shows it (mineral metabolism, then the
/// hypercoagulability panel of §5 in its order).
pub const LABS: &[Lab] = &[
    Lab {
        id: LabId::CalciumTotal,
        loinc: &["17861-6", "2000-8"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("mmol/L", CA_MMOL, true)],
            reference: range(8.6, 10.2),
            plausible: (0.5 * CA_MMOL, 6.0 * CA_MMOL),
        },
        note: msg::labs::CALCIUM_TOTAL_NOTE,
    },
    Lab {
        id: LabId::CalciumIonized,
        loinc: &["1994-3", "1995-0", "38230-9"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("mmol/L", CA_MMOL, true)],
            reference: range(1.15 * CA_MMOL, 1.32 * CA_MMOL),
            plausible: (0.3 * CA_MMOL, 3.0 * CA_MMOL),
        },
        note: msg::labs::CALCIUM_IONIZED_NOTE,
    },
    Lab {
        id: LabId::Phosphate,
        loinc: &["2777-1", "14879-1"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("mg/dL", 1.0, false, &["mg/dL P"]),
                unit("mmol/L", PHOS_MMOL, true),
            ],
            reference: range(2.5, 4.5),
            plausible: (0.3, 30.0),
        },
        note: msg::labs::PHOSPHATE_NOTE,
    },
    Lab {
        id: LabId::Albumin,
        loinc: &["1751-7", "61151-7", "61152-5"],
        kind: LabKind::Numeric {
            units: &[unit("g/dL", 1.0, false), unit("g/L", 0.1, true)],
            reference: range(3.5, 5.0),
            plausible: (0.5, 7.0),
        },
        note: msg::labs::EMPTY,
    },
    Lab {
        id: LabId::PthIntact,
        loinc: &["2731-8"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("pg/mL", 1.0, false, &["ng/L"]),
                unit("pmol/L", PTH_PMOL, true),
            ],
            reference: PTH_REFERENCE,
            plausible: (0.5, 10_000.0),
        },
        note: msg::labs::PTH_INTACT_NOTE,
    },
    Lab {
        id: LabId::AlkalinePhosphatase,
        loinc: &["6768-6"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("U/L", 1.0, true, &["IU/L"]),
                unit("µkat/L", 60.0, false),
            ],
            reference: range(40.0, 120.0),
            plausible: (5.0, 5_000.0),
        },
        note: msg::labs::ALKALINE_PHOSPHATASE_NOTE,
    },
    Lab {
        id: LabId::VitaminD25oh,
        loinc: &["62292-8"],
        kind: LabKind::Numeric {
            units: &[unit("ng/mL", 1.0, false), unit("nmol/L", VITD_NMOL, true)],
            reference: range(30.0, 100.0),
            plausible: (1.0, 300.0),
        },
        note: msg::labs::EMPTY,
    },
    Lab {
        id: LabId::Creatinine,
        loinc: &["2160-0", "14682-9"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("µmol/L", CREAT_UMOL, true)],
            reference: range(0.6, 1.2),
            plausible: (0.1, 40.0),
        },
        note: msg::labs::CREATININE_NOTE,
    },
    Lab {
        id: LabId::Crp,
        loinc: &["1988-5"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("mg/L", 0.1, true)],
            reference: upper(0.5),
            plausible: (0.0, 60.0),
        },
        note: msg::labs::EMPTY,
    },
    // Hypercoagulability panel (§5), in its order.
    Lab {
        id: LabId::Platelets,
        loinc: &["777-3"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("10^3/µL", 1.0, false, &["10^3/uL", "K/uL", "10^3/mm3"]),
                unit("10^9/L", 1.0, true),
            ],
            reference: range(150.0, 400.0),
            plausible: (1.0, 2_000.0),
        },
        note: msg::labs::EMPTY,
    },
    Lab {
        id: LabId::DDimer,
        loinc: &["48065-7", "48066-5"],
        kind: LabKind::Numeric {
            units: &[
                unit("mg/L FEU", 1.0, true),
                unit("µg/mL FEU", 1.0, false),
                unit("ng/mL FEU", 0.001, false),
                unit("µg/L FEU", 0.001, false),
                // DDU → FEU × 2 is an approximation that depends on the assay.
                unit("ng/mL DDU", 0.002, false),
            ],
            reference: upper(0.5),
            plausible: (0.0, 200.0),
        },
        note: msg::labs::D_DIMER_NOTE,
    },
    Lab {
        id: LabId::Fibrinogen,
        loinc: &["3255-7"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("g/L", 100.0, true)],
            reference: range(200.0, 400.0),
            plausible: (20.0, 2_000.0),
        },
        note: msg::labs::FIBRINOGEN_NOTE,
    },
    Lab {
        id: LabId::Plasminogen,
        loinc: &["28660-9"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(75.0, 150.0),
            plausible: (1.0, 300.0),
        },
        note: msg::labs::PLASMINOGEN_NOTE,
    },
    Lab {
        id: LabId::PtInr,
        loinc: &["6301-6"],
        kind: LabKind::Numeric {
            units: &[unit_aka("ratio", 1.0, true, &["INR", ""])],
            reference: range(0.8, 1.2),
            plausible: (0.5, 20.0),
        },
        note: msg::labs::EMPTY,
    },
    Lab {
        id: LabId::Aptt,
        loinc: &["14979-9"],
        kind: LabKind::Numeric {
            units: &[unit_aka("s", 1.0, true, &["sec", "seconds"])],
            reference: range(25.0, 38.0),
            plausible: (10.0, 250.0),
        },
        note: msg::labs::APTT_NOTE,
    },
    Lab {
        id: LabId::ProteinCActivity,
        loinc: &["27818-4"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(70.0, 140.0),
            plausible: (1.0, 300.0),
        },
        note: msg::labs::EMPTY,
    },
    Lab {
        id: LabId::ProteinSFree,
        loinc: &["27821-8"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(60.0, 140.0),
            plausible: (1.0, 300.0),
        },
        note: msg::labs::PROTEIN_S_FREE_NOTE,
    },
    Lab {
        id: LabId::AntithrombinActivity,
        loinc: &["27811-9"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(80.0, 120.0),
            plausible: (1.0, 300.0),
        },
        note: msg::labs::EMPTY,
    },
    Lab {
        id: LabId::FactorVLeiden,
        loinc: &["21667-1"],
        kind: LabKind::Qualitative {
            results: &[
                ("not_detected", QualitativeMeaning::Normal),
                ("heterozygous", QualitativeMeaning::Abnormal),
                ("homozygous", QualitativeMeaning::Abnormal),
            ],
        },
        note: msg::labs::FACTOR_V_LEIDEN_NOTE,
    },
    Lab {
        id: LabId::ProthrombinG20210a,
        loinc: &["24475-6"],
        kind: LabKind::Qualitative {
            results: &[
                ("not_detected", QualitativeMeaning::Normal),
                ("heterozygous", QualitativeMeaning::Abnormal),
                ("homozygous", QualitativeMeaning::Abnormal),
            ],
        },
        note: msg::labs::PROTHROMBIN_G20210A_NOTE,
    },
    Lab {
        id: LabId::LupusAnticoagulant,
        loinc: &[],
        kind: LabKind::Qualitative {
            results: &[
                ("negative", QualitativeMeaning::Normal),
                ("positive", QualitativeMeaning::Abnormal),
                ("indeterminate", QualitativeMeaning::Indeterminate),
            ],
        },
        note: msg::labs::LUPUS_ANTICOAGULANT_NOTE,
    },
    Lab {
        id: LabId::AnticardiolipinIgg,
        loinc: &["3181-5", "8065-5"],
        kind: LabKind::Numeric {
            units: &[unit_aka("GPL U/mL", 1.0, true, &["GPL", "U/mL", "GPLU/mL"])],
            reference: upper(40.0),
            plausible: (0.0, 1_000.0),
        },
        note: msg::labs::ANTICARDIOLIPIN_IGG_NOTE,
    },
    Lab {
        id: LabId::AnticardiolipinIgm,
        loinc: &["3182-3"],
        kind: LabKind::Numeric {
            units: &[unit_aka("MPL U/mL", 1.0, true, &["MPL", "U/mL", "MPLU/mL"])],
            reference: upper(40.0),
            plausible: (0.0, 1_000.0),
        },
        note: msg::labs::ANTICARDIOLIPIN_IGM_NOTE,
    },
    Lab {
        id: LabId::AntiB2gp1Igg,
        loinc: &["44448-9"],
        kind: LabKind::Numeric {
            units: &[unit("U/mL", 1.0, true)],
            reference: upper(20.0),
            plausible: (0.0, 1_000.0),
        },
        note: msg::labs::ANTI_B2GP1_IGG_NOTE,
    },
    Lab {
        id: LabId::AntiB2gp1Igm,
        loinc: &["44449-7", "16136-4"],
        kind: LabKind::Numeric {
            units: &[unit("U/mL", 1.0, true)],
            reference: upper(20.0),
            plausible: (0.0, 1_000.0),
        },
        note: msg::labs::ANTI_B2GP1_IGM_NOTE,
    },
    Lab {
        id: LabId::Homocysteine,
        loinc: &["13965-9"],
        kind: LabKind::Numeric {
            units: &[unit_aka("µmol/L", 1.0, true, &["umol/L"])],
            reference: range(5.0, 15.0),
            plausible: (1.0, 500.0),
        },
        note: msg::labs::HOMOCYSTEINE_NOTE,
    },
    Lab {
        id: LabId::FactorViiiActivity,
        loinc: &["3209-4"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(50.0, 150.0),
            plausible: (1.0, 1_000.0),
        },
        note: msg::labs::FACTOR_VIII_ACTIVITY_NOTE,
    },
];

/// The hypercoagulability panel of `clinical.md` §5, in its order.
pub const WORKUP_PANEL: &[LabId] = &[
    LabId::Platelets,
    LabId::DDimer,
    LabId::Fibrinogen,
    LabId::Plasminogen,
    LabId::PtInr,
    LabId::Aptt,
    LabId::ProteinCActivity,
    LabId::ProteinSFree,
    LabId::AntithrombinActivity,
    LabId::FactorVLeiden,
    LabId::ProthrombinG20210a,
    LabId::LupusAnticoagulant,
    LabId::AnticardiolipinIgg,
    LabId::AnticardiolipinIgm,
    LabId::AntiB2gp1Igg,
    LabId::AntiB2gp1Igm,
    LabId::Homocysteine,
    LabId::FactorViiiActivity,
];

/// The catalogue's entry for a lab: `LABS` is in `LabId` order (tested), so this is an index.
pub fn lab(id: LabId) -> &'static Lab {
    &LABS[id as usize]
}

/// The catalogue's entry for a lab id read from a case file, when the catalogue knows it.
pub fn known_lab(id: &str) -> Option<&'static Lab> {
    LabId::from_id(id).map(lab)
}

/// Formats a number for people: at most `decimals` places, trailing zeros dropped.
pub fn fmt_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// How many decimals `value` is written with (0 for 1000, 2 for 1.32), up to 6.
pub fn decimals_written(value: f64) -> usize {
    (0..6)
        .find(|&decimals| {
            let scale = 10f64.powi(decimals as i32);
            ((value * scale).round() / scale - value).abs() <= 1e-9 * value.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// `value` in `from` restated in `to` (both units of one lab), to the fewest decimals that
/// convert back to `value` as it is written: 1000 pg/mL is 106 pmol/L, 10.2 mg/dL is
/// 2.54 mmol/L (2.55 mmol/L would be 10.22 mg/dL), 1.32 mmol/L is 5.3 mg/dL.
pub fn restate(value: f64, from: &Unit, to: &Unit) -> String {
    let exact = value * from.to_canonical / to.to_canonical;
    let written = decimals_written(value);
    let as_written = |v: f64| fmt_number(v, written);
    let decimals = (0..6)
        .find(|&decimals| {
            let scale = 10f64.powi(decimals as i32);
            let shown = (exact * scale).round() / scale;
            as_written(shown * to.to_canonical / from.to_canonical) == as_written(value)
        })
        .unwrap_or(6);
    fmt_number(exact, decimals)
}

/// A sensible number of decimals for a value in a given unit.
pub fn decimals_for(value: f64) -> usize {
    let magnitude = value.abs();
    if magnitude >= 100.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_numeric_lab_has_units_and_a_sane_plausible_range() {
        for lab in LABS {
            if let LabKind::Numeric {
                units,
                plausible,
                reference,
            } = lab.kind
            {
                assert!(!units.is_empty(), "{:?} has no unit", lab.id);
                assert_eq!(units[0].to_canonical, 1.0, "{:?} canonical first", lab.id);
                assert!(plausible.0 < plausible.1, "{:?}", lab.id);
                for limit in [reference.low, reference.high].into_iter().flatten() {
                    assert!(
                        (plausible.0..=plausible.1).contains(&limit),
                        "{:?} reference outside plausible",
                        lab.id
                    );
                }
            }
        }
    }

    #[test]
    fn limits_are_restated_to_the_precision_that_converts_back() {
        let units = |id: LabId| lab(id).units();
        let [mg, mmol] = units(LabId::CalciumTotal) else {
            panic!()
        };
        assert_eq!(restate(10.2, mg, mmol), "2.54");
        assert_eq!(restate(1.32, mmol, mg), "5.3");
        let [pg, pmol] = units(LabId::PthIntact) else {
            panic!()
        };
        assert_eq!(restate(1000.0, pg, pmol), "106");
        assert_eq!(restate(300.0, pg, pmol), "31.8");
        let [phos_mg, phos_mmol] = units(LabId::Phosphate) else {
            panic!()
        };
        assert_eq!(restate(4.5, phos_mg, phos_mmol), "1.45");
        let [g_dl, g_l] = units(LabId::Albumin) else {
            panic!()
        };
        assert_eq!(restate(3.5, g_dl, g_l), "35");
        assert_eq!(decimals_written(1000.0), 0);
        assert_eq!(decimals_written(1.32), 2);
    }

    #[test]
    fn the_catalogue_is_in_lab_id_order() {
        assert_eq!(LABS.len(), LabId::ALL.len());
        for (row, id) in LABS.iter().zip(LabId::ALL) {
            assert_eq!(row.id, *id);
            assert_eq!(lab(*id).id, *id);
        }
        assert_eq!(known_lab("albumin").map(|l| l.id), Some(LabId::Albumin));
        assert!(known_lab("mystery").is_none());
    }

    #[test]
    fn unit_spellings_are_folded() {
        let calcium = lab(LabId::CalciumTotal);
        assert_eq!(calcium.parse_unit("mg/dl").unwrap().symbol, "mg/dL");
        assert_eq!(calcium.parse_unit(" MMOL/L ").unwrap().symbol, "mmol/L");
        let platelets = lab(LabId::Platelets);
        for spelling in [
            "10^9/L", "x10^9/L", "×10^9/l", "10*9/L", "10^3/uL", "10^3/µL",
        ] {
            assert!(platelets.parse_unit(spelling).is_some(), "{spelling}");
        }
        let homocysteine = lab(LabId::Homocysteine);
        for spelling in ["µmol/L", "umol/l", "μmol/L"] {
            assert!(homocysteine.parse_unit(spelling).is_some(), "{spelling}");
        }
        let d_dimer = lab(LabId::DDimer);
        assert_eq!(d_dimer.parse_unit("ug/mL FEU").unwrap().symbol, "µg/mL FEU");
        // A D-dimer unit without FEU/DDU is ambiguous by a factor of two: not accepted.
        assert!(d_dimer.parse_unit("ng/mL").is_none());
        assert!(calcium.parse_unit("mEq/L").is_none());
    }
}
