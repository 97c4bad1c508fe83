//! The citation catalogue (`clinical.md` §1 plus the primary sources added while verifying
//! it). Every `sources` id an assessment emits resolves here; a test checks that.
//!
//! Verified 2026-11 against PubMed/PMC/publisher pages where stored; `used_for` says what
//! was confirmed and what could not be (e.g. the consensus article's DOI). NCT records are
//! cited for the trial eligibility criteria they define.

use serde::Serialize;

use super::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub id: &'static str,
    /// Authors, title, journal, year;volume:pages.
    pub reference: &'static str,
    pub doi: Option<&'static str>,
    pub pmid: Option<&'static str>,
    /// What the app takes from it, and what was verified or corrected.
    pub used_for: &'static str,
    /// `used_for` in Chinese. The bibliographic `reference` stays as published.
    pub used_for_zh: &'static str,
}

pub const CITATIONS: &[Citation] = &[
    Citation {
        id: "cn_consensus_2023",
        reference: "Chinese expert consensus on calciphylaxis in dialysis patients, Table 3 \"Hierarchical diagnosis of calciphylaxis in dialysis patients\". PMC10557543.",
        doi: None,
        pmid: None,
        used_for: "Major and minor risk factors; suspected diagnosis (2 major, or 1 major + 3 minor, with early suspicious skin changes), clinical diagnosis (≥ 1 risk factor with typical lesions) and confirmed diagnosis (positive biopsy with typical lesions or early changes), each after excluding the differential. Table 3 wording verified; the article's title, journal and DOI could not be verified (cited by PMC id).",
        used_for_zh: "主要危险因素和次要危险因素；疑似诊断（2 项主要危险因素，或 1 项主要 + 3 项次要危险因素，并有早期可疑皮肤改变）、临床诊断（≥ 1 项危险因素并有典型皮损）及确诊（典型皮损或早期改变并有皮肤活检阳性），均须先排除鉴别诊断。表 3 的措辞已核实；该文的标题、期刊和 DOI 未能核实（以 PMC 编号引用）。",
    },
    Citation {
        id: "hayashi_2013",
        reference: "Hayashi M. Calciphylaxis: diagnosis and clinical features. Clin Exp Nephrol 2013;17(4):498–503.",
        doi: Some("10.1007/s10157-013-0782-z"),
        pmid: None,
        used_for: "Japanese diagnostic criteria: (1) dialysis or eGFR < 15; (2) more than two painful, untreatable skin ulcers with painful purpura; (3) painful untreatable ulcers with purpura on the trunk, extremities or penis; (4) histology: necrosis and ulceration with calcification of the media and internal elastic membrane of small–medium arteries. Criteria verified via Gaisne 2020; the combination rule (1–3, or 1 + 2 or 3 + 4) is as the spec states but was not read in the original.",
        used_for_zh: "日本诊断标准：(1) 透析或 eGFR < 15；(2) 超过 2 处疼痛、难治性皮肤溃疡伴痛性紫癜；(3) 躯干、四肢或阴茎的疼痛性难治性溃疡伴紫癜；(4) 组织学：中小动脉中膜及内弹力膜钙化伴坏死和溃疡。各条标准经 Gaisne 2020 核实；组合规则（(1)–(3) 全部，或 (1) + (2 或 3) + (4)）依照规范所述，未查阅原文核实。",
    },
    Citation {
        id: "hayashi_2012_ndt",
        reference: "Hayashi M, et al. A case-control study of calciphylaxis in Japanese end-stage renal disease patients. Nephrol Dial Transplant 2012;27(4):1580–4.",
        doi: Some("10.1093/ndt/gfr658"),
        pmid: Some("22121234"),
        used_for: "28 cases, 56 matched controls: warfarin OR 11.4 (95% CI 2.7–48.1); each 1 g/dL fall in albumin OR 19.8 (4.4–89.5) (univariate).",
        used_for_zh: "28 例病例、56 例匹配对照：华法林 OR 11.4（95% CI 2.7–48.1）；白蛋白每降低 1 g/dL，OR 19.8（4.4–89.5）（单因素分析）。",
    },
    Citation {
        id: "liu_2022_jiangsu",
        reference: "Liu Y et al. Prevalence and clinical characteristics of calciphylaxis in Chinese hemodialysis patients. Front Med 2022;9:902171.",
        doi: Some("10.3389/fmed.2022.902171"),
        pmid: None,
        used_for: "24 centres, 3,867 HD patients, prevalence 1.24%; multivariable risk factors: higher BMI, longer dialysis, warfarin, hyperparathyroidism, diabetes, tumours, low albumin, high ALP (per-factor ORs not available to us).",
        used_for_zh: "24 个中心、3,867 例血液透析患者，患病率 1.24%；多因素分析的危险因素：BMI 较高、透析龄较长、华法林、甲状旁腺功能亢进、糖尿病、肿瘤、低白蛋白、高碱性磷酸酶（未能获得各因素的 OR 值）。",
    },
    Citation {
        id: "nigwekar_2018_nejm",
        reference: "Nigwekar SU, Thadhani R, Brandenburg VM. Calciphylaxis. N Engl J Med 2018;378(18):1704–14.",
        doi: Some("10.1056/NEJMra1505292"),
        pmid: None,
        used_for: "Review: risk factors, lesion distribution, diagnosis and treatment.",
        used_for_zh: "综述：危险因素、皮损分布、诊断和治疗。",
    },
    Citation {
        id: "nigwekar_2016_jasn",
        reference: "Nigwekar SU, et al. A nationally representative study of calcific uremic arteriolopathy risk factors. J Am Soc Nephrol 2016;27(11):3421–9.",
        doi: Some("10.1681/ASN.2015091065"),
        pmid: Some("27080977"),
        used_for: "1,030 incident HD cases vs 2,060 matched controls: diabetes, higher BMI, higher calcium, phosphate and PTH, warfarin associated with CUA; insulin injections > 3/day OR 3.74 (2.28–6.25).",
        used_for_zh: "1,030 例新发血液透析病例与 2,060 例匹配对照：糖尿病、BMI 较高、血钙、血磷和 PTH 较高及华法林与钙化防御相关；每日胰岛素注射 > 3 次 OR 3.74（2.28–6.25）。",
    },
    Citation {
        id: "mazhar_2001",
        reference: "Mazhar AR, et al. Risk factors and mortality associated with calciphylaxis in end-stage renal disease. Kidney Int 2001;60(1):324–32.",
        doi: Some("10.1046/j.1523-1755.2001.00803.x"),
        pmid: None,
        used_for: "19 cases, 54 controls: each 0.1 g/dL higher albumin OR 0.80 (95% CI 0.67–0.96); female sex OR 6.04 (1.62–22.6).",
        used_for_zh: "19 例病例、54 例对照：白蛋白每升高 0.1 g/dL，OR 0.80（95% CI 0.67–0.96）；女性 OR 6.04（1.62–22.6）。",
    },
    Citation {
        id: "weenig_2007",
        reference: "Weenig RH, Sewell LD, Davis MDP, McCarthy JT, Pittelkow MR. Calciphylaxis: natural history, risk factor analysis, and outcome. J Am Acad Dermatol 2007;56(4):569–79.",
        doi: Some("10.1016/j.jaad.2006.08.065"),
        pmid: Some("17141359"),
        used_for: "64 patients (49 on dialysis vs 98 dialysis controls): obesity, liver disease, systemic corticosteroids, Ca×P > 70 mg²/dL² and aluminium > 25 ng/mL were risk factors; 1-year survival 45.8%.",
        used_for_zh: "64 例患者（49 例透析患者对比 98 例透析对照）：肥胖、肝病、全身性糖皮质激素、钙磷乘积 > 70 mg²/dL² 及铝 > 25 ng/mL 为危险因素；1 年生存率 45.8%。",
    },
    Citation {
        id: "brandenburg_2017",
        reference: "Brandenburg VM, et al. Calcific uraemic arteriolopathy (calciphylaxis): data from a large nationwide registry. Nephrol Dial Transplant 2017;32(1):126–32.",
        doi: Some("10.1093/ndt/gfv438"),
        pmid: Some("26908770"),
        used_for: "German registry, 253 patients: 60% women, 52% on vitamin K antagonists before onset; lesions on legs or buttocks in 71%.",
        used_for_zh: "德国登记研究，253 例患者：60% 为女性，52% 发病前使用维生素K拮抗剂；71% 的皮损位于下肢或臀部。",
    },
    Citation {
        id: "gaisne_2020",
        reference: "Gaisne R, et al. Calciphylaxis epidemiology, risk factors, treatment and survival among French chronic kidney disease patients: a case-control study. BMC Nephrol 2020;21(1):63.",
        doi: Some("10.1186/s12882-020-01722-y"),
        pmid: Some("32101140"),
        used_for: "Risk factors in dialysis patients: obesity, VKA, weight loss, falling albumin, high phosphate in the 6 months before onset; distal lesions and lower-limb location associated with better survival.",
        used_for_zh: "透析患者的危险因素：肥胖、维生素K拮抗剂、体重下降、发病前 6 个月内白蛋白下降和高血磷；远端皮损及下肢部位与较好的生存相关。",
    },
    Citation {
        id: "jaad_2025_outcomes",
        reference: "Outcomes and mortality in calciphylaxis: a multicenter update. J Am Acad Dermatol 2025.",
        doi: Some("10.1016/j.jaad.2025.04.081"),
        pmid: Some("40409721"),
        used_for: "268 patients: distal vs proximal lesions HR 0.34 (95% CI 0.18–0.62) for death; penile vs distal HR 11.90.",
        used_for_zh: "268 例患者：远端与近端皮损相比死亡 HR 0.34（95% CI 0.18–0.62）；阴茎与远端皮损相比 HR 11.90。",
    },
    Citation {
        id: "dobry_2018",
        reference: "Dobry AS, Ko LN, St John J, Sloan JM, Nigwekar S, Kroshinsky D. Association between hypercoagulable conditions and calciphylaxis in patients with renal disease: a case-control study. JAMA Dermatol 2018;154(2):182–7.",
        doi: Some("10.1001/jamadermatol.2017.4920"),
        pmid: Some("29238798"),
        used_for: "38 cases vs 114 matched controls with CKD: lupus anticoagulant 48% vs 5%, protein C deficiency 50% vs 8%, any hypercoagulable condition 62% vs 31% (proportions and P values; the paper reports no odds ratios).",
        used_for_zh: "38 例病例与 114 例匹配的 CKD 对照：狼疮抗凝物 48% 对 5%，蛋白C缺乏 50% 对 8%，任一高凝状态 62% 对 31%（比例和 P 值；文中未报告比值比）。",
    },
    Citation {
        id: "el_azhary_2016",
        reference: "El-Azhary RA, et al. Calciphylaxis: a disease of pannicular thrombosis. Mayo Clin Proc 2016;91(10):1395–402.",
        doi: Some("10.1016/j.mayocp.2016.06.026"),
        pmid: Some("27712638"),
        used_for: "Severe thrombophilia (APS, protein C, S or antithrombin deficiency, combined) in 60% (33/55) of tested calciphylaxis patients.",
        used_for_zh: "在接受检测的钙化防御患者中，60%（33/55）存在严重易栓症（抗磷脂综合征，蛋白C、蛋白S或抗凝血酶缺乏，或合并存在）。",
    },
    Citation {
        id: "nigwekar_2008_nonuremic",
        reference: "Nigwekar SU, et al. Calciphylaxis from nonuremic causes: a systematic review. Clin J Am Soc Nephrol 2008;3(4):1139–43.",
        doi: Some("10.2215/CJN.00530108"),
        pmid: Some("18417747"),
        used_for: "36 non-uremic cases: primary hyperparathyroidism, malignancy, alcoholic liver disease and connective tissue disease most common; corticosteroids in 61%; protein C/S deficiency in 11%.",
        used_for_zh: "36 例非尿毒症病例：最常见的是原发性甲状旁腺功能亢进、恶性肿瘤、酒精性肝病和结缔组织病；61% 使用糖皮质激素；11% 存在蛋白C/S缺乏。",
    },
    Citation {
        id: "kalajian_2009",
        reference: "Kalajian AH, Malhotra PS, Callen JP, Parker LP. Calciphylaxis with normal renal and parathyroid function: not as rare as previously believed. Arch Dermatol 2009;145(4):451–8.",
        doi: Some("10.1001/archdermatol.2008.602"),
        pmid: None,
        used_for: "58-year-old woman with endometrial carcinoma and normal renal and parathyroid function; pooled predisposing features include hypoalbuminaemia, malignancy, corticosteroids, warfarin, liver cirrhosis, protein C/S deficiency, obesity and rapid weight loss.",
        used_for_zh: "58 岁女性，子宫内膜癌，肾功能和甲状旁腺功能正常；汇总的易感因素包括低白蛋白血症、恶性肿瘤、糖皮质激素、华法林、肝硬化、蛋白C/S缺乏、肥胖和体重快速下降。",
    },
    Citation {
        id: "payne_1973",
        reference: "Payne RB, Little AJ, Williams RB, Milner JR. Interpretation of serum calcium in patients with abnormal serum proteins. Br Med J 1973;4(5893):643–6.",
        doi: Some("10.1136/bmj.4.5893.643"),
        pmid: Some("4758544"),
        used_for: "Adjusted calcium = calcium − albumin + 4.0 (mg/100 mL, g/100 mL). The spec's 0.8 coefficient is a later convention, not Payne's published formula; the app applies Payne's and shows the 0.8 value beside it.",
        used_for_zh: "校正钙 = 钙 − 白蛋白 + 4.0（mg/100 mL，g/100 mL）。规范中的 0.8 系数是后来的惯用写法，并非 Payne 发表的公式；本应用采用 Payne 公式，并在旁边列出 0.8 系数的结果。",
    },
    Citation {
        id: "clase_2000",
        reference: "Clase CM, et al. Albumin-corrected calcium and ionized calcium in stable haemodialysis patients. Nephrol Dial Transplant 2000;15(11):1841–6.",
        doi: None,
        pmid: None,
        used_for: "In 50 HD patients Payne's correction agreed less well with ionized calcium than uncorrected total calcium; measure ionized calcium when in doubt.",
        used_for_zh: "在 50 例血液透析患者中，Payne 校正钙与离子钙的一致性不如未校正的总钙；有疑问时应测定离子钙。",
    },
    Citation {
        id: "kdigo_2017_ckd_mbd",
        reference: "KDIGO 2017 Clinical Practice Guideline Update for the Diagnosis, Evaluation, Prevention, and Treatment of Chronic Kidney Disease–Mineral and Bone Disorder (CKD-MBD). Kidney Int Suppl 2017;7(1):1–59.",
        doi: Some("10.1016/j.kisu.2017.04.001"),
        pmid: None,
        used_for: "G5D: PTH about 2–9 × the assay's upper normal limit; avoid hypercalcaemia; lower elevated phosphate toward the normal range.",
        used_for_zh: "G5D 期：PTH 约为检测方法正常上限的 2–9 倍；避免高钙血症；将升高的血磷降向正常范围。",
    },
    Citation {
        id: "who_2000_obesity",
        reference: "World Health Organization. Obesity: preventing and managing the global epidemic. WHO Technical Report Series 894. Geneva: WHO; 2000.",
        doi: None,
        pmid: Some("11234459"),
        used_for: "Obesity: BMI ≥ 30 kg/m².",
        used_for_zh: "肥胖：BMI ≥ 30 kg/m²。",
    },
    Citation {
        id: "zhou_2002_china_bmi",
        reference: "Zhou BF; Cooperative Meta-Analysis Group of the Working Group on Obesity in China. Predictive values of body mass index and waist circumference for risk factors of certain related diseases in Chinese adults. Biomed Environ Sci 2002;15(1):83–96.",
        doi: None,
        pmid: Some("12046553"),
        used_for: "Chinese adults: overweight BMI ≥ 24, obesity BMI ≥ 28 kg/m².",
        used_for_zh: "中国成人：超重 BMI ≥ 24，肥胖 BMI ≥ 28 kg/m²。",
    },
    Citation {
        id: "marlar_2014",
        reference: "Marlar RA, Gausman JN. Laboratory testing issues for protein C, protein S, and antithrombin. Int J Lab Hematol 2014;36(3):289–95.",
        doi: Some("10.1111/ijlh.12219"),
        pmid: None,
        used_for: "Protein C, S and antithrombin are not accurate during an active clotting event; protein C and S fall on warfarin (antithrombin may rise); acquired deficiencies.",
        used_for_zh: "在活动性血栓形成期间，蛋白C、蛋白S和抗凝血酶的检测结果不准确；使用华法林时蛋白C和蛋白S下降（抗凝血酶可升高）；获得性缺乏。",
    },
    Citation {
        id: "baglin_2010",
        reference: "Baglin T, Gray E, Greaves M, et al. Clinical guidelines for testing for heritable thrombophilia. Br J Haematol 2010;149(2):209–20.",
        doi: Some("10.1111/j.1365-2141.2009.08022.x"),
        pmid: None,
        used_for: "Timing of heritable thrombophilia tests relative to anticoagulation and acute events.",
        used_for_zh: "遗传性易栓症检测相对于抗凝治疗和急性事件的检测时机。",
    },
    Citation {
        id: "devreese_2020_la",
        reference: "Devreese KMJ, de Groot PG, de Laat B, et al. Guidance from the SSC of the ISTH for lupus anticoagulant/antiphospholipid antibodies: update of the guidelines for lupus anticoagulant detection and interpretation. J Thromb Haemost 2020;18(11):2828–39.",
        doi: Some("10.1111/jth.15047"),
        pmid: None,
        used_for: "Lupus anticoagulant tests are unreliable on heparin, vitamin K antagonists and DOACs (false positives); solid-phase aCL and anti-β2GP1 assays are not affected.",
        used_for_zh: "使用肝素、维生素K拮抗剂和直接口服抗凝药时，狼疮抗凝物检测不可靠（假阳性）；固相法抗心磷脂抗体（aCL）和抗β2GP1 抗体检测不受影响。",
    },
    Citation {
        id: "miyakis_2006",
        reference: "Miyakis S, Lockshin MD, Atsumi T, et al. International consensus statement on an update of the classification criteria for definite antiphospholipid syndrome (APS). J Thromb Haemost 2006;4(2):295–306.",
        doi: Some("10.1111/j.1538-7836.2006.01753.x"),
        pmid: None,
        used_for: "Laboratory criteria: lupus anticoagulant, aCL IgG/IgM > 40 GPL/MPL or > 99th percentile, anti-β2GP1 > 99th percentile, each on two or more occasions at least 12 weeks apart.",
        used_for_zh: "实验室标准：狼疮抗凝物，抗心磷脂抗体 IgG/IgM > 40 GPL/MPL 或 > 第 99 百分位数，抗β2GP1 抗体 > 第 99 百分位数，均须在间隔至少 12 周的两次或以上检测中阳性。",
    },
    Citation {
        id: "iron_review_2022",
        reference: "The role of iron in calciphylaxis: a current review. J Clin Med 2022;11(19):5779.",
        doi: Some("10.3390/jcm11195779"),
        pmid: Some("36233647"),
        used_for: "IV iron has been proposed as a trigger, but a causal link between iron exposure and calciphylaxis is not established.",
        used_for_zh: "静脉铁剂被认为可能是诱因，但铁暴露与钙化防御之间的因果关系尚未确立。",
    },
    Citation {
        id: "seed_hamsc_hypercoag_2023",
        reference: "Bian A, Ye X, Wang J, et al. Therapeutic effects of human amnion-derived mesenchymal stem cells on hypercoagulability in a uremic calciphylaxis patient. Ren Fail 2023;45(1):2218483. (NCT04592640)",
        doi: Some("10.1080/0886022X.2023.2218483"),
        pmid: Some("37293809"),
        used_for: "A uremic calciphylaxis patient refractory to conventional treatment received intravenous and local hAMSCs; platelet count, D-dimer and plasminogen were corrected, with skin regeneration and pain relief over one year; in mice, hAMSCs homed to lung, kidney and muscle for up to 1 month.",
        used_for_zh: "1 例常规治疗无效的尿毒症性钙化防御患者接受静脉及局部 hAMSC 治疗；血小板计数、D-二聚体和纤溶酶原得到纠正，1 年内皮肤再生、疼痛缓解；在小鼠中，hAMSC 归巢至肺、肾和肌肉，可持续达 1 个月。",
    },
    Citation {
        id: "seed_hamsc_salvage",
        reference: "Qin L et al. Pre-clinical research of human amnion-derived mesenchymal stem cells and its first clinical treatment for a severe uremic calciphylaxis patient. medRxiv 2021 (preprint); Chinese report: Zhonghua Yi Xue Za Zhi 2022;102(28):2217–21.",
        doi: Some("10.1101/2021.09.23.21261751"),
        pmid: Some("35872588"),
        used_for: "34-year-old woman with severe uremic calciphylaxis (buttock ulcers, mummified lower limbs) refractory to conventional therapy: intravenous, local intramuscular and topical supernatant hAMSCs; pain VAS 10→0, BWAT 65→13, Wound-QoL 68→0 at 15 months; no infusion or local adverse events. The peer-reviewed English version's journal could not be verified.",
        used_for_zh: "34 岁女性，严重尿毒症性钙化防御（臀部溃疡、下肢干性坏死），常规治疗无效：接受静脉、局部肌内注射 hAMSC 及外用 hAMSC 上清液治疗；15 个月时疼痛 VAS 10→0、BWAT 65→13、Wound-QoL 68→0；无输注相关或局部不良事件。经同行评审的英文版所在期刊未能核实。",
    },
    Citation {
        id: "seed_hamsc_histopath",
        reference: "Li C, …, Wang N. Histopathology of extracutaneous tissues after hAMSC treatment in calciphylaxis. medRxiv 2024 (preprint).",
        doi: Some("10.1101/2024.10.21.24315424"),
        pmid: None,
        used_for: "The first patient died of a stroke after 20 months of hAMSC treatment: regenerated skin was normal, but microvessel calcification in lungs, kidneys, spleen, pancreas, uterus and heart valve was more severe than in ESKD controls; donor cells were not detected. Calciphylaxis is a systemic disease. No peer-reviewed version found.",
        used_for_zh: "首例患者在 hAMSC 治疗 20 个月后死于脑卒中：再生皮肤正常，但肺、肾、脾、胰腺、子宫和心脏瓣膜的微血管钙化较终末期肾病对照更严重；未检出供体细胞。钙化防御是一种全身性疾病。未找到经同行评审的版本。",
    },
    Citation {
        id: "seed_review_2025",
        reference: "Wu D, …, Qin L, Wang N. Calciphylaxis: ongoing challenges and treatment opportunities with mesenchymal stem cells. J Mol Cell Biol 2025;17(2):mjaf009.",
        doi: Some("10.1093/jmcb/mjaf009"),
        pmid: Some("40097288"),
        used_for: "Review: risk factors, diagnosis including non-uremic and visceral calciphylaxis, models, treatment and a biomarker-guided MSC strategy.",
        used_for_zh: "综述：危险因素、诊断（包括非尿毒症性和内脏钙化防御）、模型、治疗以及基于生物标志物指导的间充质干细胞策略。",
    },
    Citation {
        id: "nct05999656",
        reference: "ClinicalTrials.gov NCT05999656: cord-blood mononuclear cells for refractory diabetic foot, First Affiliated Hospital of Nanjing Medical University.",
        doi: None,
        pmid: None,
        used_for: "Registered cell-therapy trial exclusions: malignancy within the past 5 years, pregnancy or lactation, severe coagulation or haemorrhagic disease, viral infection.",
        used_for_zh: "已注册细胞治疗试验的排除标准：近 5 年内恶性肿瘤、妊娠或哺乳、严重凝血或出血性疾病、病毒感染。",
    },
    Citation {
        id: "nct04464213",
        reference: "ClinicalTrials.gov NCT04464213: human placental MSC gel for diabetic foot ulcer (phase 1).",
        doi: None,
        pmid: None,
        used_for: "Registered MSC trial exclusions: allergy to any component of the product, systemic infection, history of malignancy, pregnancy or breast-feeding.",
        used_for_zh: "已注册间充质干细胞试验的排除标准：对产品任何成分过敏、全身感染、恶性肿瘤病史、妊娠或哺乳。",
    },
];

pub fn citation(id: &str) -> Option<&'static Citation> {
    CITATIONS.iter().find(|c| c.id == id)
}

impl Citation {
    /// What the app takes from this source, in the chosen language.
    pub fn used_for_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.used_for, self.used_for_zh)
    }

    /// The full reference as one line, with DOI and PMID where known.
    pub fn full(&self) -> String {
        let mut text = self.reference.to_string();
        if let Some(doi) = self.doi {
            text.push_str(&format!(" doi:{doi}"));
        }
        if let Some(pmid) = self.pmid {
            text.push_str(&format!(" PMID:{pmid}"));
        }
        text
    }
}
