//! The lab catalogue: ids, names, LOINC codes, accepted units with exact conversion
//! factors, adult reference ranges and plausible ranges (`clinical.md` §2).
//!
//! Every numeric lab has a *canonical* unit (the conventional unit of the spec, the first
//! entry of `units`); rules compare values in that unit. Values outside the plausible
//! range are input errors (a typo guard), never clamped.
//!
//! LOINC codes were checked with the LOINC mod-10 check digit and against published code
//! tables (2026-11): the spec's 27818-8, 27822-0 and 27811-3 fail the check digit and are
//! corrected to 27818-4 (protein C, chromogenic), 27822-6 (free protein S) and 27811-9
//! (antithrombin, chromogenic). 1994-3 is ionized calcium in whole blood (mmol/L); 1995-0
//! (serum/plasma) and 38230-9 (mass) are added. Lupus anticoagulant has many codes and none
//! is hard-coded. Reference intervals are conventional adult defaults; every laboratory's own
//! interval may replace them (`reference_low` / `reference_high`).

use super::i18n::Lang;

/// A qualitative result id (`not_detected`, `positive` …) in words; a result the catalogue
/// does not know is quoted as written.
pub fn result_label(id: &str, lang: Lang) -> String {
    let named = match id {
        "not_detected" => Some(lang.pick("not detected", "未检出")),
        "heterozygous" => Some(lang.pick("heterozygous", "杂合突变")),
        "homozygous" => Some(lang.pick("homozygous", "纯合突变")),
        "negative" => Some(lang.pick("negative", "阴性")),
        "positive" => Some(lang.pick("positive", "阳性")),
        "indeterminate" => Some(lang.pick("indeterminate", "不确定")),
        _ => None,
    };
    named.map_or_else(|| format!("\"{id}\""), str::to_string)
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
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub loinc: &'static [&'static str],
    pub kind: LabKind,
    /// Why the reference or plausible range is what it is, or how the assay varies.
    pub note: &'static str,
    /// `note` in Chinese.
    pub note_zh: &'static str,
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
        lang.pick(self.name_en, self.name_zh)
    }

    /// The catalogue note in the chosen language (empty when there is none).
    pub fn note_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.note, self.note_zh)
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
        id: "calcium_total",
        name_en: "Calcium, total",
        name_zh: "血清总钙",
        loinc: &["17861-6", "2000-8"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("mmol/L", CA_MMOL, true)],
            reference: range(8.6, 10.2),
            plausible: (0.5 * CA_MMOL, 6.0 * CA_MMOL),
        },
        note: "Plausible 0.5–6 mmol/L (typo guard).",
        note_zh: "合理范围 0.5–6 mmol/L（防止录入错误）。",
    },
    Lab {
        id: "calcium_ionized",
        name_en: "Calcium, ionized",
        name_zh: "离子钙",
        loinc: &["1994-3", "1995-0", "38230-9"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("mmol/L", CA_MMOL, true)],
            reference: range(1.15 * CA_MMOL, 1.32 * CA_MMOL),
            plausible: (0.3 * CA_MMOL, 3.0 * CA_MMOL),
        },
        note: "Reference 1.15–1.32 mmol/L (4.6–5.3 mg/dL).",
        note_zh: "参考区间 1.15–1.32 mmol/L（4.6–5.3 mg/dL）。",
    },
    Lab {
        id: "phosphate",
        name_en: "Phosphate",
        name_zh: "血磷",
        loinc: &["2777-1", "14879-1"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("mg/dL", 1.0, false, &["mg/dL P"]),
                unit("mmol/L", PHOS_MMOL, true),
            ],
            reference: range(2.5, 4.5),
            plausible: (0.3, 30.0),
        },
        note: "Upper reference 4.5 mg/dL (1.45 mmol/L), the limit KDIGO refers to.",
        note_zh: "参考上限 4.5 mg/dL（1.45 mmol/L），即 KDIGO 所指的正常上限。",
    },
    Lab {
        id: "albumin",
        name_en: "Albumin",
        name_zh: "白蛋白",
        loinc: &["1751-7", "61151-7", "61152-5"],
        kind: LabKind::Numeric {
            units: &[unit("g/dL", 1.0, false), unit("g/L", 0.1, true)],
            reference: range(3.5, 5.0),
            plausible: (0.5, 7.0),
        },
        note: "",
        note_zh: "",
    },
    Lab {
        id: "pth_intact",
        name_en: "Parathyroid hormone, intact",
        name_zh: "全段甲状旁腺激素 (iPTH)",
        loinc: &["2731-8"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("pg/mL", 1.0, false, &["ng/L"]),
                unit("pmol/L", PTH_PMOL, true),
            ],
            reference: PTH_REFERENCE,
            plausible: (0.5, 10_000.0),
        },
        note: "Assay-dependent: enter your laboratory's upper limit (default 65 pg/mL).",
        note_zh: "因检测方法而异：请填写本实验室的参考上限（默认 65 pg/mL）。",
    },
    Lab {
        id: "alkaline_phosphatase",
        name_en: "Alkaline phosphatase",
        name_zh: "碱性磷酸酶",
        loinc: &["6768-6"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("U/L", 1.0, true, &["IU/L"]),
                unit("µkat/L", 60.0, false),
            ],
            reference: range(40.0, 120.0),
            plausible: (5.0, 5_000.0),
        },
        note: "Upper limit 120 U/L by default; enter your laboratory's limit.",
        note_zh: "默认参考上限为 120 U/L；请填写本实验室的上限。",
    },
    Lab {
        id: "vitamin_d_25oh",
        name_en: "25-hydroxyvitamin D",
        name_zh: "25-羟维生素D",
        loinc: &["1989-3", "62292-8"],
        kind: LabKind::Numeric {
            units: &[unit("ng/mL", 1.0, false), unit("nmol/L", VITD_NMOL, true)],
            reference: range(30.0, 100.0),
            plausible: (1.0, 300.0),
        },
        note: "",
        note_zh: "",
    },
    Lab {
        id: "creatinine",
        name_en: "Creatinine",
        name_zh: "肌酐",
        loinc: &["2160-0", "14682-9"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("µmol/L", CREAT_UMOL, true)],
            reference: range(0.6, 1.2),
            plausible: (0.1, 40.0),
        },
        note: "Reference differs by sex and assay.",
        note_zh: "参考区间因性别和检测方法而异。",
    },
    Lab {
        id: "crp",
        name_en: "C-reactive protein",
        name_zh: "C反应蛋白",
        loinc: &["1988-5"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("mg/L", 0.1, true)],
            reference: upper(0.5),
            plausible: (0.0, 60.0),
        },
        note: "",
        note_zh: "",
    },
    // Hypercoagulability panel (§5), in its order.
    Lab {
        id: "platelets",
        name_en: "Platelet count",
        name_zh: "血小板计数",
        loinc: &["777-3"],
        kind: LabKind::Numeric {
            units: &[
                unit_aka("10^3/µL", 1.0, false, &["10^3/uL", "K/uL", "10^3/mm3"]),
                unit("10^9/L", 1.0, true),
            ],
            reference: range(150.0, 400.0),
            plausible: (1.0, 2_000.0),
        },
        note: "",
        note_zh: "",
    },
    Lab {
        id: "d_dimer",
        name_en: "D-dimer",
        name_zh: "D-二聚体",
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
        note: "FEU and DDU differ by about 2× and the ratio depends on the assay: \
               state which the laboratory reports. DDU values are converted × 2 to FEU.",
        note_zh: "FEU 与 DDU 相差约 2 倍，且比值取决于检测方法：请注明实验室报告的是哪一种。DDU 数值按 × 2 换算为 FEU。",
    },
    Lab {
        id: "fibrinogen",
        name_en: "Fibrinogen",
        name_zh: "纤维蛋白原",
        loinc: &["3255-7"],
        kind: LabKind::Numeric {
            units: &[unit("mg/dL", 1.0, false), unit("g/L", 100.0, true)],
            reference: range(200.0, 400.0),
            plausible: (20.0, 2_000.0),
        },
        note: "An acute-phase reactant: high in inflammation and in dialysis patients.",
        note_zh: "急性时相反应物：在炎症状态及透析患者中升高。",
    },
    Lab {
        id: "plasminogen",
        name_en: "Plasminogen activity",
        name_zh: "纤溶酶原活性",
        loinc: &["28660-9"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(75.0, 150.0),
            plausible: (1.0, 300.0),
        },
        note: "Reference interval varies by laboratory.",
        note_zh: "参考区间因实验室而异。",
    },
    Lab {
        id: "pt_inr",
        name_en: "Prothrombin time (INR)",
        name_zh: "凝血酶原时间 (INR)",
        loinc: &["6301-6"],
        kind: LabKind::Numeric {
            units: &[unit_aka("ratio", 1.0, true, &["INR", ""])],
            reference: range(0.8, 1.2),
            plausible: (0.5, 20.0),
        },
        note: "",
        note_zh: "",
    },
    Lab {
        id: "aptt",
        name_en: "Activated partial thromboplastin time",
        name_zh: "活化部分凝血活酶时间",
        loinc: &["14979-9"],
        kind: LabKind::Numeric {
            units: &[unit_aka("s", 1.0, true, &["sec", "seconds"])],
            reference: range(25.0, 38.0),
            plausible: (10.0, 250.0),
        },
        note: "Reference interval depends on the reagent.",
        note_zh: "参考区间取决于所用试剂。",
    },
    Lab {
        id: "protein_c_activity",
        name_en: "Protein C activity",
        name_zh: "蛋白C活性",
        loinc: &["27818-4"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(70.0, 140.0),
            plausible: (1.0, 300.0),
        },
        note: "",
        note_zh: "",
    },
    Lab {
        id: "protein_s_free",
        name_en: "Protein S, free",
        name_zh: "游离蛋白S",
        loinc: &["27822-6"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(60.0, 140.0),
            plausible: (1.0, 300.0),
        },
        note: "Lower in women, in pregnancy and with oestrogens; use the laboratory's \
               sex-specific interval where it has one.",
        note_zh: "女性、妊娠期及使用雌激素时偏低；如实验室有按性别区分的参考区间，请采用。",
    },
    Lab {
        id: "antithrombin_activity",
        name_en: "Antithrombin activity",
        name_zh: "抗凝血酶活性",
        loinc: &["27811-9"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(80.0, 120.0),
            plausible: (1.0, 300.0),
        },
        note: "",
        note_zh: "",
    },
    Lab {
        id: "factor_v_leiden",
        name_en: "Factor V Leiden (F5 c.1601G>A)",
        name_zh: "凝血因子V Leiden突变（F5 c.1601G>A）",
        loinc: &["21668-9"],
        kind: LabKind::Qualitative {
            results: &[
                ("not_detected", QualitativeMeaning::Normal),
                ("heterozygous", QualitativeMeaning::Abnormal),
                ("homozygous", QualitativeMeaning::Abnormal),
            ],
        },
        note: "Rare in East Asian populations.",
        note_zh: "在东亚人群中罕见。",
    },
    Lab {
        id: "prothrombin_g20210a",
        name_en: "Prothrombin G20210A (F2)",
        name_zh: "凝血酶原G20210A突变（F2）",
        loinc: &["24475-6"],
        kind: LabKind::Qualitative {
            results: &[
                ("not_detected", QualitativeMeaning::Normal),
                ("heterozygous", QualitativeMeaning::Abnormal),
                ("homozygous", QualitativeMeaning::Abnormal),
            ],
        },
        note: "Rare in East Asian populations.",
        note_zh: "在东亚人群中罕见。",
    },
    Lab {
        id: "lupus_anticoagulant",
        name_en: "Lupus anticoagulant",
        name_zh: "狼疮抗凝物",
        loinc: &[],
        kind: LabKind::Qualitative {
            results: &[
                ("negative", QualitativeMeaning::Normal),
                ("positive", QualitativeMeaning::Abnormal),
                ("indeterminate", QualitativeMeaning::Indeterminate),
            ],
        },
        note: "Several LOINC codes exist (screen, confirm, dRVVT, aPTT-based panels): map the laboratory's own.",
        note_zh: "存在多个 LOINC 编码（筛查、确证、dRVVT、基于 aPTT 的组合）：请对应本实验室所用的编码。",
    },
    Lab {
        id: "anticardiolipin_igg",
        name_en: "Anticardiolipin IgG",
        name_zh: "抗心磷脂抗体 IgG",
        loinc: &["3181-5", "8065-5"],
        kind: LabKind::Numeric {
            units: &[unit_aka("GPL U/mL", 1.0, true, &["GPL", "U/mL", "GPLU/mL"])],
            reference: upper(40.0),
            plausible: (0.0, 1_000.0),
        },
        note: "Laboratory criterion for antiphospholipid syndrome: medium or high titre, \
               > 40 GPL or above the 99th percentile.",
        note_zh: "抗磷脂综合征的实验室标准：中或高滴度，> 40 GPL 或高于第 99 百分位数。",
    },
    Lab {
        id: "anticardiolipin_igm",
        name_en: "Anticardiolipin IgM",
        name_zh: "抗心磷脂抗体 IgM",
        loinc: &["3182-3"],
        kind: LabKind::Numeric {
            units: &[unit_aka("MPL U/mL", 1.0, true, &["MPL", "U/mL", "MPLU/mL"])],
            reference: upper(40.0),
            plausible: (0.0, 1_000.0),
        },
        note: "Laboratory criterion for antiphospholipid syndrome: medium or high titre, \
               > 40 MPL or above the 99th percentile.",
        note_zh: "抗磷脂综合征的实验室标准：中或高滴度，> 40 MPL 或高于第 99 百分位数。",
    },
    Lab {
        id: "anti_b2gp1_igg",
        name_en: "Anti-β2-glycoprotein I IgG",
        name_zh: "抗β2糖蛋白I抗体 IgG",
        loinc: &["44448-9"],
        kind: LabKind::Numeric {
            units: &[unit("U/mL", 1.0, true)],
            reference: upper(20.0),
            plausible: (0.0, 1_000.0),
        },
        note: "Positive above the laboratory's 99th percentile (commonly about 20 U/mL).",
        note_zh: "高于本实验室第 99 百分位数为阳性（通常约 20 U/mL）。",
    },
    Lab {
        id: "anti_b2gp1_igm",
        name_en: "Anti-β2-glycoprotein I IgM",
        name_zh: "抗β2糖蛋白I抗体 IgM",
        loinc: &["44449-7", "16136-4"],
        kind: LabKind::Numeric {
            units: &[unit("U/mL", 1.0, true)],
            reference: upper(20.0),
            plausible: (0.0, 1_000.0),
        },
        note: "Positive above the laboratory's 99th percentile (commonly about 20 U/mL).",
        note_zh: "高于本实验室第 99 百分位数为阳性（通常约 20 U/mL）。",
    },
    Lab {
        id: "homocysteine",
        name_en: "Homocysteine",
        name_zh: "同型半胱氨酸",
        loinc: &["13965-9"],
        kind: LabKind::Numeric {
            units: &[unit_aka("µmol/L", 1.0, true, &["umol/L"])],
            reference: range(5.0, 15.0),
            plausible: (1.0, 500.0),
        },
        note: "Raised in most dialysis patients by reduced clearance.",
        note_zh: "多数透析患者因清除减少而升高。",
    },
    Lab {
        id: "factor_viii_activity",
        name_en: "Factor VIII activity",
        name_zh: "凝血因子VIII活性",
        loinc: &["3209-4"],
        kind: LabKind::Numeric {
            units: PERCENT,
            reference: range(50.0, 150.0),
            plausible: (1.0, 1_000.0),
        },
        note: "An acute-phase reactant.",
        note_zh: "急性时相反应物。",
    },
];

/// The hypercoagulability panel of `clinical.md` §5, in its order.
pub const WORKUP_PANEL: &[&str] = &[
    "platelets",
    "d_dimer",
    "fibrinogen",
    "plasminogen",
    "pt_inr",
    "aptt",
    "protein_c_activity",
    "protein_s_free",
    "antithrombin_activity",
    "factor_v_leiden",
    "prothrombin_g20210a",
    "lupus_anticoagulant",
    "anticardiolipin_igg",
    "anticardiolipin_igm",
    "anti_b2gp1_igg",
    "anti_b2gp1_igm",
    "homocysteine",
    "factor_viii_activity",
];

pub fn lab(id: &str) -> Option<&'static Lab> {
    LABS.iter().find(|lab| lab.id == id)
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
                assert!(!units.is_empty(), "{} has no unit", lab.id);
                assert_eq!(units[0].to_canonical, 1.0, "{} canonical first", lab.id);
                assert!(plausible.0 < plausible.1, "{}", lab.id);
                for limit in [reference.low, reference.high].into_iter().flatten() {
                    assert!(
                        (plausible.0..=plausible.1).contains(&limit),
                        "{} reference outside plausible",
                        lab.id
                    );
                }
            }
        }
    }

    #[test]
    fn limits_are_restated_to_the_precision_that_converts_back() {
        let units = |id: &str| lab(id).unwrap().units();
        let [mg, mmol] = units("calcium_total") else {
            panic!()
        };
        assert_eq!(restate(10.2, mg, mmol), "2.54");
        assert_eq!(restate(1.32, mmol, mg), "5.3");
        let [pg, pmol] = units("pth_intact") else {
            panic!()
        };
        assert_eq!(restate(1000.0, pg, pmol), "106");
        assert_eq!(restate(300.0, pg, pmol), "31.8");
        let [phos_mg, phos_mmol] = units("phosphate") else {
            panic!()
        };
        assert_eq!(restate(4.5, phos_mg, phos_mmol), "1.45");
        let [g_dl, g_l] = units("albumin") else {
            panic!()
        };
        assert_eq!(restate(3.5, g_dl, g_l), "35");
        assert_eq!(decimals_written(1000.0), 0);
        assert_eq!(decimals_written(1.32), 2);
    }

    #[test]
    fn panel_ids_are_in_the_catalogue() {
        for id in WORKUP_PANEL {
            assert!(lab(id).is_some(), "{id}");
        }
    }

    #[test]
    fn unit_spellings_are_folded() {
        let calcium = lab("calcium_total").unwrap();
        assert_eq!(calcium.parse_unit("mg/dl").unwrap().symbol, "mg/dL");
        assert_eq!(calcium.parse_unit(" MMOL/L ").unwrap().symbol, "mmol/L");
        let platelets = lab("platelets").unwrap();
        for spelling in [
            "10^9/L", "x10^9/L", "×10^9/l", "10*9/L", "10^3/uL", "10^3/µL",
        ] {
            assert!(platelets.parse_unit(spelling).is_some(), "{spelling}");
        }
        let homocysteine = lab("homocysteine").unwrap();
        for spelling in ["µmol/L", "umol/l", "μmol/L"] {
            assert!(homocysteine.parse_unit(spelling).is_some(), "{spelling}");
        }
        let d_dimer = lab("d_dimer").unwrap();
        assert_eq!(d_dimer.parse_unit("ug/mL FEU").unwrap().symbol, "µg/mL FEU");
        // A D-dimer unit without FEU/DDU is ambiguous by a factor of two: not accepted.
        assert!(d_dimer.parse_unit("ng/mL").is_none());
        assert!(calcium.parse_unit("mEq/L").is_none());
    }
}
