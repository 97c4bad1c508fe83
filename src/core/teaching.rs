//! The teaching library: each example case with a short teaching summary and the learning
//! points it illustrates, each point with its citation. Facts only; the cases are the files
//! in examples/cases (the same ones the tests assess).

use super::i18n::Text;

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

const fn point(
    en: &'static str,
    zh: &'static str,
    sources: &'static [&'static str],
) -> LearningPoint {
    LearningPoint {
        text: Text::new(en, zh),
        sources,
    }
}

pub const LIBRARY: &[TeachingCase] = &[
    TeachingCase {
        id: "nanjing-hamsc-salvage",
        title: Text::new("Nanjing hAMSC patient (salvage report)", "南京 hAMSC 患者（挽救治疗报告）"),
        summary: Text::new(
            "A 34-year-old uremic woman with painful ulcers on the buttocks and mummified lower limbs, biopsy supporting calciphylaxis, refractory to conventional therapy, treated with hAMSCs. Only what the reports state is entered.",
            "34 岁尿毒症女性，臀部疼痛性溃疡伴下肢干性坏死，皮肤病理支持钙化防御，常规治疗无效后接受 hAMSC 治疗。仅录入报告中明确陈述的内容。",
        ),
        points: &[
            point(
                "A confirmed diagnosis needs a positive biopsy, skin lesions and the differential excluded.",
                "确诊需要活检阳性、皮肤病变，并排除鉴别诊断。",
                &["cn_consensus_2023"],
            ),
            point(
                "MSC eligibility stays incomplete until the conventional therapies tried, and their response, are documented.",
                "在记录已尝试的常规治疗及其疗效之前，干细胞治疗适用性评估始终不完整。",
                &["seed_hamsc_salvage"],
            ),
            point(
                "Healed skin is not systemic control: at autopsy her microvessel calcification was worse than in ESKD controls.",
                "皮肤愈合不等于全身控制：尸检显示其微血管钙化比终末期肾病对照更严重。",
                &["seed_hamsc_histopath"],
            ),
        ],
        case_json: include_str!("../../examples/cases/nanjing-hamsc-salvage.json"),
    },
    TeachingCase {
        id: "warfarin-low-protein-c-s",
        title: Text::new("On warfarin, low protein C and S (illustrative)", "服用华法林，蛋白C和S降低（示例）"),
        summary: Text::new(
            "A haemodialysis patient on warfarin for atrial fibrillation, with livedo and painful purpura, low protein C and free protein S.",
            "因心房颤动服用华法林的血液透析患者，出现网状青斑和痛性紫癜，蛋白C和游离蛋白S降低。",
        ),
        points: &[
            point(
                "Long-term warfarin is a major risk factor (OR 11.4 in a Japanese case-control study).",
                "长期使用华法林是主要危险因素（日本病例对照研究 OR 11.4）。",
                &["cn_consensus_2023", "hayashi_2012_ndt"],
            ),
            point(
                "Protein C and S are lowered by a vitamin K antagonist: uninterpretable now; repeat at least 2 weeks off it.",
                "维生素K拮抗剂会降低蛋白C和蛋白S：目前无法判读；停药至少 2 周后复查。",
                &["marlar_2014", "baglin_2010"],
            ),
            point(
                "Near the 10.2 mg/dL limit, Payne's correction and the 0.8 variant can disagree: measure ionized calcium.",
                "在 10.2 mg/dL 界值附近，Payne 校正与 0.8 系数变体可能结论不同：应测定离子钙。",
                &["payne_1973", "clase_2000"],
            ),
        ],
        case_json: include_str!("../../examples/cases/warfarin-low-protein-c-s.json"),
    },
    TeachingCase {
        id: "non-uremic-endometrial-carcinoma",
        title: Text::new("Non-uremic: endometrial carcinoma", "非尿毒症性：子宫内膜癌"),
        summary: Text::new(
            "A 58-year-old woman with endometrial carcinoma and normal renal and parathyroid function developed extensive calciphylaxis.",
            "58 岁子宫内膜癌女性，肾功能和甲状旁腺功能正常，却发生了广泛的钙化防御。",
        ),
        points: &[
            point(
                "Calciphylaxis occurs with normal kidney function; malignancy is a common non-uremic cause.",
                "肾功能正常者也可发生钙化防御；恶性肿瘤是常见的非尿毒症性病因。",
                &["kalajian_2009", "nigwekar_2008_nonuremic"],
            ),
            point(
                "The consensus factors are dialysis-centred: a low count here does not mean low risk.",
                "共识危险因素以透析患者为中心：此处计数低并不代表风险低。",
                &["cn_consensus_2023"],
            ),
            point(
                "Active malignancy excludes MSC therapy in registered trials.",
                "在已注册的临床试验中，活动性恶性肿瘤是干细胞治疗的排除标准。",
                &["nct05999656", "nct04464213"],
            ),
        ],
        case_json: include_str!("../../examples/cases/non-uremic-endometrial-carcinoma.json"),
    },
    TeachingCase {
        id: "excluded-active-malignancy",
        title: Text::new("Excluded by active malignancy (illustrative)", "因活动性恶性肿瘤被排除（示例）"),
        summary: Text::new(
            "Biopsy-confirmed calciphylaxis on abdomen and thighs, refractory to sodium thiosulfate, with an active malignancy.",
            "腹部和大腿活检确诊的钙化防御，硫代硫酸钠治疗无效，合并活动性恶性肿瘤。",
        ),
        points: &[
            point(
                "A confirmed diagnosis that is refractory is still not a candidate when one exclusion is met.",
                "即使确诊且常规治疗无效，只要符合一项排除标准，仍不是候选者。",
                &["nct05999656"],
            ),
            point(
                "Central (proximal, adipose-rich) lesions carry higher mortality than distal ones (HR 0.34 for distal).",
                "中心性（近端、脂肪丰富部位）皮损的死亡率高于远端皮损（远端 HR 0.34）。",
                &["jaad_2025_outcomes", "gaisne_2020"],
            ),
        ],
        case_json: include_str!("../../examples/cases/excluded-active-malignancy.json"),
    },
    TeachingCase {
        id: "msc-candidate-illustrative",
        title: Text::new("MSC candidate (illustrative)", "干细胞治疗候选者（示例）"),
        summary: Text::new(
            "Peritoneal dialysis for 7 years, biopsy-confirmed disease refractory to conventional therapy, consent and ethics approval recorded, every exclusion answered.",
            "腹膜透析 7 年，活检确诊且常规治疗无效，已记录知情同意和伦理批准，所有排除标准均已作答。",
        ),
        points: &[
            point(
                "A candidate only when every inclusion is met and every exclusion is known not to apply.",
                "只有在所有纳入标准均符合、所有排除标准均明确不适用时，才是候选者。",
                &["seed_hamsc_salvage"],
            ),
            point(
                "Measured ionized calcium decides hypercalcaemia over a corrected total calcium.",
                "如已测定离子钙，则以离子钙而非校正总钙判断高钙血症。",
                &["cn_consensus_2023", "clase_2000"],
            ),
        ],
        case_json: include_str!("../../examples/cases/msc-candidate-illustrative.json"),
    },
    TeachingCase {
        id: "sparse-few-fields",
        title: Text::new("Only a few fields (illustrative)", "仅填写少量信息（示例）"),
        summary: Text::new(
            "First contact: on haemodialysis, painful purpura, albumin 3.1 g/dL, little else known.",
            "首次接诊：血液透析，痛性紫癜，白蛋白 3.1 g/dL，其余信息不详。",
        ),
        points: &[
            point(
                "Unknown is not absent: the risk threshold stays undecided while unknown factors could still reach it.",
                "“未知”不等于“不存在”：在未知因素仍可能达到阈值时，风险阈值无法判定。",
                &["cn_consensus_2023"],
            ),
            point(
                "The MSC assessment lists exactly what is still needed.",
                "干细胞治疗评估会准确列出尚需补充的信息。",
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
                assert!(!point.sources.is_empty(), "{}", point.text.en);
                for source in point.sources {
                    assert!(citation(source).is_some(), "{source}");
                }
            }
        }
    }
}
