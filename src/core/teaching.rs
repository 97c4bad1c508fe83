//! The teaching library: each example case with a short teaching summary and the learning
//! points it illustrates, each point with its citation. Facts only; the cases are the files
//! in examples/cases (the same ones the tests assess).

use super::i18n::Text;
use crate::core::i18n::msg;

pub struct LearningPoint {
    pub text: Text,
    pub sources: &'static [&'static str],
}

pub struct TeachingCase {
    pub id: &'static str,
    pub title: Text,
    pub summary: Text,
    pub points: &'static [LearningPoint],
    /// The case file, as in examples/cases.
    pub case_json: &'static str,
}

const fn point(text: Text, sources: &'static [&'static str]) -> LearningPoint {
    LearningPoint { text, sources }
}

pub const LIBRARY: &[TeachingCase] = &[
    TeachingCase {
        id: "nanjing-hamsc-salvage",
        title: msg::teaching::NANJING_HAMSC_SALVAGE_TITLE,
        summary: msg::teaching::NANJING_HAMSC_SALVAGE_SUMMARY,
        points: &[
            point(
                msg::teaching::POINT_A_CONFIRMED_DIAGNOSIS_NEEDS_A,
                &["cn_consensus_2023"],
            ),
            point(
                msg::teaching::POINT_MSC_ELIGIBILITY_STAYS_INCOMPLETE_UNTIL,
                &["seed_hamsc_salvage", "seed_hamsc_salvage_zh"],
            ),
            point(
                msg::teaching::POINT_SODIUM_THIOSULFATE_IS_OBSERVATIONAL,
                &["sts_review_2009", "gossett_2023"],
            ),
            point(
                msg::teaching::POINT_HEALED_SKIN_IS_NOT_SYSTEMIC,
                &["seed_hamsc_histopath"],
            ),
        ],
        case_json: include_str!("../../examples/cases/nanjing-hamsc-salvage.json"),
    },
    TeachingCase {
        id: "warfarin-low-protein-c-s",
        title: msg::teaching::WARFARIN_LOW_PROTEIN_C_S_TITLE,
        summary: msg::teaching::WARFARIN_LOW_PROTEIN_C_S_SUMMARY,
        points: &[
            point(
                msg::teaching::POINT_LONG_TERM_WARFARIN_IS_A,
                &["cn_consensus_2023", "hayashi_2012_ndt"],
            ),
            point(
                msg::teaching::POINT_PROTEIN_C_AND_S_ARE,
                &["marlar_2014", "d_angelo_1988", "minuk_2010"],
            ),
            point(
                msg::teaching::POINT_LUPUS_ANTICOAGULANT_ON_A_VKA,
                &["favaloro_2022_la", "pengo_2009_la"],
            ),
            point(
                msg::teaching::POINT_NEAR_THE_10_2_MG,
                &["payne_1973", "clase_2000"],
            ),
        ],
        case_json: include_str!("../../examples/cases/warfarin-low-protein-c-s.json"),
    },
    TeachingCase {
        id: "non-uremic-endometrial-carcinoma",
        title: msg::teaching::NON_UREMIC_ENDOMETRIAL_CARCINOMA_TITLE,
        summary: msg::teaching::NON_UREMIC_ENDOMETRIAL_CARCINOMA_SUMMARY,
        points: &[
            point(
                msg::teaching::POINT_CALCIPHYLAXIS_OCCURS_WITH_NORMAL_KIDNEY,
                &["kalajian_2009", "nigwekar_2008_nonuremic"],
            ),
            point(
                msg::teaching::POINT_THE_CONSENSUS_FACTORS_ARE_DIALYSIS,
                &["cn_consensus_2023"],
            ),
            point(
                msg::teaching::POINT_ACTIVE_MALIGNANCY_EXCLUDES_MSC_THERAPY,
                &["nct05999656", "nct04464213"],
            ),
        ],
        case_json: include_str!("../../examples/cases/non-uremic-endometrial-carcinoma.json"),
    },
    TeachingCase {
        id: "excluded-active-malignancy",
        title: msg::teaching::EXCLUDED_ACTIVE_MALIGNANCY_TITLE,
        summary: msg::teaching::EXCLUDED_ACTIVE_MALIGNANCY_SUMMARY,
        points: &[
            point(
                msg::teaching::POINT_A_CONFIRMED_DIAGNOSIS_THAT_IS,
                &["nct05999656"],
            ),
            point(
                msg::teaching::POINT_CENTRAL_PROXIMAL_ADIPOSE_RICH_LESIONS,
                &["jaad_2025_outcomes", "gaisne_2020"],
            ),
            point(
                msg::teaching::POINT_SODIUM_THIOSULFATE_IS_OBSERVATIONAL,
                &["sts_review_2009", "gossett_2023"],
            ),
        ],
        case_json: include_str!("../../examples/cases/excluded-active-malignancy.json"),
    },
    TeachingCase {
        id: "msc-candidate-illustrative",
        title: msg::teaching::MSC_CANDIDATE_ILLUSTRATIVE_TITLE,
        summary: msg::teaching::MSC_CANDIDATE_ILLUSTRATIVE_SUMMARY,
        points: &[
            point(
                msg::teaching::POINT_A_CANDIDATE_ONLY_WHEN_EVERY,
                &["seed_hamsc_salvage"],
            ),
            point(
                msg::teaching::POINT_MEASURED_IONIZED_CALCIUM_DECIDES_HYPERCALCAEMIA,
                &["cn_consensus_2023", "clase_2000"],
            ),
        ],
        case_json: include_str!("../../examples/cases/msc-candidate-illustrative.json"),
    },
    TeachingCase {
        id: "sparse-few-fields",
        title: msg::teaching::SPARSE_FEW_FIELDS_TITLE,
        summary: msg::teaching::SPARSE_FEW_FIELDS_SUMMARY,
        points: &[
            point(
                msg::teaching::POINT_UNKNOWN_IS_NOT_ABSENT_THE,
                &["cn_consensus_2023"],
            ),
            point(
                msg::teaching::POINT_THE_MSC_ASSESSMENT_LISTS_EXACTLY,
                &["seed_hamsc_salvage"],
            ),
        ],
        case_json: include_str!("../../examples/cases/sparse-few-fields.json"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::parse_case_text;
    use crate::core::citations::citation;

    #[test]
    fn every_teaching_case_reads_and_every_point_is_cited() {
        for case in LIBRARY {
            let parsed = parse_case_text(case.case_json).unwrap();
            assert!(parsed.errors.is_empty(), "{}", case.id);
            assert!(!case.points.is_empty(), "{}", case.id);
            for point in case.points {
                assert!(
                    !point.sources.is_empty(),
                    "{}",
                    point.text.get(crate::core::Lang::En)
                );
                for source in point.sources {
                    assert!(citation(source).is_some(), "{source}");
                }
            }
        }
    }
}
