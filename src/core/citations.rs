//! The citation catalogue (`clinical.md` §1 plus the primary sources added while verifying
//! it). Every `sources` id an assessment emits resolves here; a test checks that.
//!
//! Verified 2026-11 against PubMed/PMC/publisher pages where stored; `used_for` says what
//! was confirmed and what could not be (e.g. the consensus article's DOI). NCT records are
//! cited for the trial eligibility criteria they define.

use super::i18n::Lang;
use crate::core::i18n::msg;
use crate::core::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    pub id: &'static str,
    /// First author (or title) and year, and the journal: the chart note's reference,
    /// followed by the DOI or PMID (ASCII, so it survives any record system).
    pub short: &'static str,
    /// Authors, title, journal, year;volume:pages.
    pub reference: &'static str,
    pub doi: Option<&'static str>,
    pub pmid: Option<&'static str>,
    /// What the app takes from it, and what was verified or corrected.
    pub used_for: Text,
}

pub const CITATIONS: &[Citation] = &[
    Citation {
        id: "cn_consensus_2023",
        short: "Chinese expert consensus on calciphylaxis in dialysis patients 2023, PMC10557543",
        reference: "Chinese expert consensus on calciphylaxis in dialysis patients, Table 3 \"Hierarchical diagnosis of calciphylaxis in dialysis patients\". PMC10557543.",
        doi: None,
        pmid: None,
        used_for: msg::citations::CN_CONSENSUS_2023_USED_FOR,
    },
    Citation {
        id: "hayashi_2013",
        short: "Hayashi 2013, Clin Exp Nephrol",
        reference: "Hayashi M. Calciphylaxis: diagnosis and clinical features. Clin Exp Nephrol 2013;17(4):498–503.",
        doi: Some("10.1007/s10157-013-0782-z"),
        pmid: None,
        used_for: msg::citations::HAYASHI_2013_USED_FOR,
    },
    Citation {
        id: "hayashi_2012_ndt",
        short: "Hayashi 2012, Nephrol Dial Transplant",
        reference: "Hayashi M, et al. A case-control study of calciphylaxis in Japanese end-stage renal disease patients. Nephrol Dial Transplant 2012;27(4):1580–4.",
        doi: Some("10.1093/ndt/gfr658"),
        pmid: Some("22121234"),
        used_for: msg::citations::HAYASHI_2012_NDT_USED_FOR,
    },
    Citation {
        id: "liu_2022_jiangsu",
        short: "Liu 2022, Front Med",
        reference: "Liu Y et al. Prevalence and clinical characteristics of calciphylaxis in Chinese hemodialysis patients. Front Med 2022;9:902171.",
        doi: Some("10.3389/fmed.2022.902171"),
        pmid: None,
        used_for: msg::citations::LIU_2022_JIANGSU_USED_FOR,
    },
    Citation {
        id: "nigwekar_2018_nejm",
        short: "Nigwekar 2018, N Engl J Med",
        reference: "Nigwekar SU, Thadhani R, Brandenburg VM. Calciphylaxis. N Engl J Med 2018;378(18):1704–14.",
        doi: Some("10.1056/NEJMra1505292"),
        pmid: None,
        used_for: msg::citations::NIGWEKAR_2018_NEJM_USED_FOR,
    },
    Citation {
        id: "nigwekar_2016_jasn",
        short: "Nigwekar 2016, J Am Soc Nephrol",
        reference: "Nigwekar SU, et al. A nationally representative study of calcific uremic arteriolopathy risk factors. J Am Soc Nephrol 2016;27(11):3421–9.",
        doi: Some("10.1681/ASN.2015091065"),
        pmid: Some("27080977"),
        used_for: msg::citations::NIGWEKAR_2016_JASN_USED_FOR,
    },
    Citation {
        id: "mazhar_2001",
        short: "Mazhar 2001, Kidney Int",
        reference: "Mazhar AR, et al. Risk factors and mortality associated with calciphylaxis in end-stage renal disease. Kidney Int 2001;60(1):324–32.",
        doi: Some("10.1046/j.1523-1755.2001.00803.x"),
        pmid: None,
        used_for: msg::citations::MAZHAR_2001_USED_FOR,
    },
    Citation {
        id: "weenig_2007",
        short: "Weenig 2007, J Am Acad Dermatol",
        reference: "Weenig RH, Sewell LD, Davis MDP, McCarthy JT, Pittelkow MR. Calciphylaxis: natural history, risk factor analysis, and outcome. J Am Acad Dermatol 2007;56(4):569–79.",
        doi: Some("10.1016/j.jaad.2006.08.065"),
        pmid: Some("17141359"),
        used_for: msg::citations::WEENIG_2007_USED_FOR,
    },
    Citation {
        id: "brandenburg_2017",
        short: "Brandenburg 2017, Nephrol Dial Transplant",
        reference: "Brandenburg VM, et al. Calcific uraemic arteriolopathy (calciphylaxis): data from a large nationwide registry. Nephrol Dial Transplant 2017;32(1):126–32.",
        doi: Some("10.1093/ndt/gfv438"),
        pmid: Some("26908770"),
        used_for: msg::citations::BRANDENBURG_2017_USED_FOR,
    },
    Citation {
        id: "gaisne_2020",
        short: "Gaisne 2020, BMC Nephrol",
        reference: "Gaisne R, et al. Calciphylaxis epidemiology, risk factors, treatment and survival among French chronic kidney disease patients: a case-control study. BMC Nephrol 2020;21(1):63.",
        doi: Some("10.1186/s12882-020-01722-y"),
        pmid: Some("32101140"),
        used_for: msg::citations::GAISNE_2020_USED_FOR,
    },
    Citation {
        id: "jaad_2025_outcomes",
        short: "Outcomes and mortality in calciphylaxis 2025, J Am Acad Dermatol",
        reference: "Outcomes and mortality in calciphylaxis: a multicenter update. J Am Acad Dermatol 2025.",
        doi: Some("10.1016/j.jaad.2025.04.081"),
        pmid: Some("40409721"),
        used_for: msg::citations::JAAD_2025_OUTCOMES_USED_FOR,
    },
    Citation {
        id: "dobry_2018",
        short: "Dobry 2018, JAMA Dermatol",
        reference: "Dobry AS, Ko LN, St John J, Sloan JM, Nigwekar S, Kroshinsky D. Association between hypercoagulable conditions and calciphylaxis in patients with renal disease: a case-control study. JAMA Dermatol 2018;154(2):182–7.",
        doi: Some("10.1001/jamadermatol.2017.4920"),
        pmid: Some("29238798"),
        used_for: msg::citations::DOBRY_2018_USED_FOR,
    },
    Citation {
        id: "el_azhary_2016",
        short: "El-Azhary 2016, Mayo Clin Proc",
        reference: "El-Azhary RA, et al. Calciphylaxis: a disease of pannicular thrombosis. Mayo Clin Proc 2016;91(10):1395–402.",
        doi: Some("10.1016/j.mayocp.2016.06.026"),
        pmid: Some("27712638"),
        used_for: msg::citations::EL_AZHARY_2016_USED_FOR,
    },
    Citation {
        id: "nigwekar_2008_nonuremic",
        short: "Nigwekar 2008, Clin J Am Soc Nephrol",
        reference: "Nigwekar SU, et al. Calciphylaxis from nonuremic causes: a systematic review. Clin J Am Soc Nephrol 2008;3(4):1139–43.",
        doi: Some("10.2215/CJN.00530108"),
        pmid: Some("18417747"),
        used_for: msg::citations::NIGWEKAR_2008_NONUREMIC_USED_FOR,
    },
    Citation {
        id: "kalajian_2009",
        short: "Kalajian 2009, Arch Dermatol",
        reference: "Kalajian AH, Malhotra PS, Callen JP, Parker LP. Calciphylaxis with normal renal and parathyroid function: not as rare as previously believed. Arch Dermatol 2009;145(4):451–8.",
        doi: Some("10.1001/archdermatol.2008.602"),
        pmid: None,
        used_for: msg::citations::KALAJIAN_2009_USED_FOR,
    },
    Citation {
        id: "payne_1973",
        short: "Payne 1973, Br Med J",
        reference: "Payne RB, Little AJ, Williams RB, Milner JR. Interpretation of serum calcium in patients with abnormal serum proteins. Br Med J 1973;4(5893):643–6.",
        doi: Some("10.1136/bmj.4.5893.643"),
        pmid: Some("4758544"),
        used_for: msg::citations::PAYNE_1973_USED_FOR,
    },
    Citation {
        id: "clase_2000",
        short: "Clase 2000, Nephrol Dial Transplant",
        reference: "Clase CM, et al. Albumin-corrected calcium and ionized calcium in stable haemodialysis patients. Nephrol Dial Transplant 2000;15(11):1841–6.",
        doi: Some("10.1093/ndt/15.11.1841"),
        pmid: None,
        used_for: msg::citations::CLASE_2000_USED_FOR,
    },
    Citation {
        id: "gauci_2008",
        short: "Gauci 2008, J Am Soc Nephrol",
        reference: "Gauci C, et al. Pitfalls of measuring total blood calcium in patients with CKD. J Am Soc Nephrol 2008;19(8):1592–8. PMC2488254.",
        doi: Some("10.1681/ASN.2007040449"),
        pmid: Some("18400941"),
        used_for: msg::citations::GAUCI_2008_USED_FOR,
    },
    Citation {
        id: "kdoqi_2003_bone",
        short: "NKF K/DOQI bone metabolism guidelines 2003, Am J Kidney Dis",
        reference: "NKF K/DOQI Clinical Practice Guidelines for Bone Metabolism and Disease in CKD, Guideline 6. Am J Kidney Dis 2003;42(4 Suppl 3).",
        doi: None,
        pmid: None,
        used_for: msg::citations::KDOQI_2003_BONE_USED_FOR,
    },
    Citation {
        id: "gabel_2020",
        short: "Gabel 2020, J Am Acad Dermatol",
        reference: "Gabel C, Chakrala T, Shah R, Danesh MJ, Dobry AS, Garza-Mayers AC, Ko LN, Nguyen E, St John J, Walls AC, Nigwekar SU, Song PI, Kroshinsky D. Penile calciphylaxis: a retrospective case-control study. J Am Acad Dermatol 2020.",
        doi: None,
        pmid: Some("32422224"),
        used_for: msg::citations::GABEL_2020_USED_FOR,
    },
    Citation {
        id: "kdigo_2012_ckd",
        short: "KDIGO 2012 CKD guideline, Kidney Int Suppl",
        reference: "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group. KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney Int Suppl 2013;3(1):1–150; Summary of Recommendation Statements, Kidney Int Suppl 2013;3:5–14.",
        // The DOI of the Summary of Recommendation Statements, as printed on it; the
        // guideline's own DOI could not be read here.
        doi: Some("10.1038/kisup.2012.77"),
        pmid: None,
        used_for: msg::citations::KDIGO_2012_CKD_USED_FOR,
    },
    Citation {
        id: "kdigo_2017_ckd_mbd",
        short: "KDIGO 2017 CKD-MBD guideline update, Kidney Int Suppl",
        reference: "KDIGO 2017 Clinical Practice Guideline Update for the Diagnosis, Evaluation, Prevention, and Treatment of Chronic Kidney Disease–Mineral and Bone Disorder (CKD-MBD). Kidney Int Suppl 2017;7(1):1–59.",
        doi: Some("10.1016/j.kisu.2017.04.001"),
        pmid: None,
        used_for: msg::citations::KDIGO_2017_CKD_MBD_USED_FOR,
    },
    Citation {
        id: "who_2000_obesity",
        short: "WHO 2000, Technical Report Series 894",
        reference: "World Health Organization. Obesity: preventing and managing the global epidemic. WHO Technical Report Series 894. Geneva: WHO; 2000.",
        doi: None,
        pmid: Some("11234459"),
        used_for: msg::citations::WHO_2000_OBESITY_USED_FOR,
    },
    Citation {
        id: "zhou_2002_china_bmi",
        short: "Zhou 2002, Biomed Environ Sci",
        reference: "Zhou BF; Cooperative Meta-Analysis Group of the Working Group on Obesity in China. Predictive values of body mass index and waist circumference for risk factors of certain related diseases in Chinese adults. Biomed Environ Sci 2002;15(1):83–96.",
        doi: None,
        pmid: Some("12046553"),
        used_for: msg::citations::ZHOU_2002_CHINA_BMI_USED_FOR,
    },
    Citation {
        id: "marlar_2014",
        short: "Marlar 2014, Int J Lab Hematol",
        reference: "Marlar RA, Gausman JN. Laboratory testing issues for protein C, protein S, and antithrombin. Int J Lab Hematol 2014;36(3):289–95.",
        doi: Some("10.1111/ijlh.12219"),
        pmid: None,
        used_for: msg::citations::MARLAR_2014_USED_FOR,
    },
    Citation {
        id: "baglin_2010",
        short: "Baglin 2010, Br J Haematol",
        reference: "Baglin T, Gray E, Greaves M, et al. Clinical guidelines for testing for heritable thrombophilia. Br J Haematol 2010;149(2):209–20.",
        doi: Some("10.1111/j.1365-2141.2009.08022.x"),
        pmid: None,
        used_for: msg::citations::BAGLIN_2010_USED_FOR,
    },
    Citation {
        id: "devreese_2020_la",
        short: "Devreese 2020, J Thromb Haemost",
        reference: "Devreese KMJ, de Groot PG, de Laat B, et al. Guidance from the SSC of the ISTH for lupus anticoagulant/antiphospholipid antibodies: update of the guidelines for lupus anticoagulant detection and interpretation. J Thromb Haemost 2020;18(11):2828–39.",
        doi: Some("10.1111/jth.15047"),
        pmid: None,
        used_for: msg::citations::DEVREESE_2020_LA_USED_FOR,
    },
    Citation {
        id: "miyakis_2006",
        short: "Miyakis 2006, J Thromb Haemost",
        reference: "Miyakis S, Lockshin MD, Atsumi T, et al. International consensus statement on an update of the classification criteria for definite antiphospholipid syndrome (APS). J Thromb Haemost 2006;4(2):295–306.",
        doi: Some("10.1111/j.1538-7836.2006.01753.x"),
        pmid: None,
        used_for: msg::citations::MIYAKIS_2006_USED_FOR,
    },
    Citation {
        id: "barbhaiya_2023_aps",
        short: "Barbhaiya 2023, Arthritis Rheumatol",
        reference: "Barbhaiya M, Zuily S, Naden R, et al. 2023 ACR/EULAR antiphospholipid syndrome classification criteria. Arthritis Rheumatol 2023; also Ann Rheum Dis 2023;82(10):1258.",
        doi: Some("10.1002/art.42624"),
        pmid: None,
        used_for: msg::citations::BARBHAIYA_2023_APS_USED_FOR,
    },
    Citation {
        id: "robinson_1996_homocysteine",
        short: "Robinson 1996, Circulation",
        reference: "Robinson K, et al. Hyperhomocysteinemia confers an independent increased risk of atherosclerosis in end-stage renal disease and is closely linked to plasma folate and pyridoxine concentrations. Circulation 1996;94(11):2743–8.",
        doi: Some("10.1161/01.CIR.94.11.2743"),
        pmid: None,
        used_for: msg::citations::ROBINSON_1996_HOMOCYSTEINE_USED_FOR,
    },
    Citation {
        id: "gubensek_2016_d_dimer",
        short: "Gubensek 2016, Hemodial Int",
        reference: "Gubenšek J, Lolić M, Ponikvar R, Buturović-Ponikvar J. D-dimer levels in maintenance hemodialysis patients: high prevalence of positive values also in the group without predisposing diseases. Hemodial Int 2016.",
        doi: Some("10.1111/hdi.12371"),
        pmid: None,
        used_for: msg::citations::GUBENSEK_2016_D_DIMER_USED_FOR,
    },
    Citation {
        id: "cheung_2018_factor_viii",
        short: "Cheung 2018, Thromb Res",
        reference: "Cheung KL, Bouchard BA, Cushman M. Venous thromboembolism, factor VIII and chronic kidney disease. Thromb Res 2018;170:10–9.",
        doi: Some("10.1016/j.thromres.2018.07.029"),
        pmid: Some("30081388"),
        used_for: msg::citations::CHEUNG_2018_FACTOR_VIII_USED_FOR,
    },
    Citation {
        id: "iron_review_2022",
        short: "The role of iron in calciphylaxis 2022, J Clin Med",
        reference: "The role of iron in calciphylaxis: a current review. J Clin Med 2022;11(19):5779.",
        doi: Some("10.3390/jcm11195779"),
        pmid: Some("36233647"),
        used_for: msg::citations::IRON_REVIEW_2022_USED_FOR,
    },
    Citation {
        id: "seed_hamsc_hypercoag_2023",
        short: "Bian 2023, Ren Fail",
        reference: "Bian A, Ye X, Wang J, et al. Therapeutic effects of human amnion-derived mesenchymal stem cells on hypercoagulability in a uremic calciphylaxis patient. Ren Fail 2023;45(1):2218483. (NCT04592640)",
        doi: Some("10.1080/0886022X.2023.2218483"),
        pmid: Some("37293809"),
        used_for: msg::citations::SEED_HAMSC_HYPERCOAG_2023_USED_FOR,
    },
    // Issue 15: the preprint and the Chinese report of the same patient are two citations
    // (a medRxiv DOI and a PubMed id belong to different publications).
    Citation {
        id: "seed_hamsc_salvage",
        short: "Qin 2021, medRxiv (preprint)",
        reference: "Qin L, Zhang J, Xiao Y, et al., Wang N. Pre-clinical research of human amnion-derived mesenchymal stem cells and its first clinical treatment for a severe uremic calciphylaxis patient. medRxiv 2021 (preprint, posted 24 Sep 2021).",
        doi: Some("10.1101/2021.09.23.21261751"),
        pmid: None,
        used_for: msg::citations::SEED_HAMSC_SALVAGE_USED_FOR,
    },
    Citation {
        id: "seed_hamsc_salvage_zh",
        short: "Wang 2022, Zhonghua Yi Xue Za Zhi",
        reference: "Wang NN, Qin LJ, Liu K, et al. [Multidisciplinary regenerative treatment and mechanisms for rescuing a severe calciphylaxis patient with human amnion-derived mesenchymal stem cells]. Zhonghua Yi Xue Za Zhi 2022;102(28):2217–21. (In Chinese.)",
        doi: Some("10.3760/cma.j.cn112137-20211218-02819"),
        pmid: Some("35872588"),
        used_for: msg::citations::SEED_HAMSC_SALVAGE_ZH_USED_FOR,
    },
    Citation {
        id: "seed_hamsc_histopath",
        short: "Li 2024, medRxiv (preprint)",
        reference: "Li C, Lu S, Yang G, et al., Wang N. Histopathology of extracutaneous tissues in a uremic calciphylaxis patient treated with human amnion-derived mesenchymal stem cells: a comparison with ESKD patients. medRxiv 2024 (preprint, posted 23 Oct 2024).",
        doi: Some("10.1101/2024.10.21.24315424"),
        pmid: None,
        used_for: msg::citations::SEED_HAMSC_HISTOPATH_USED_FOR,
    },
    Citation {
        id: "seed_review_2025",
        short: "Wu 2025, J Mol Cell Biol",
        reference: "Wu D, …, Qin L, Wang N. Calciphylaxis: ongoing challenges and treatment opportunities with mesenchymal stem cells. J Mol Cell Biol 2025;17(2):mjaf009.",
        doi: Some("10.1093/jmcb/mjaf009"),
        pmid: Some("40097288"),
        used_for: msg::citations::SEED_REVIEW_2025_USED_FOR,
    },
    Citation {
        id: "nct05999656",
        short: "ClinicalTrials.gov NCT05999656",
        reference: "ClinicalTrials.gov NCT05999656: Human Cord Blood Mononuclear Cells in the Treatment of Refractory Diabetic Foot (HCB-MNCs; not an MSC trial), First Affiliated Hospital with Nanjing Medical University.",
        doi: None,
        pmid: None,
        used_for: msg::citations::NCT05999656_USED_FOR,
    },
    Citation {
        id: "nct04464213",
        short: "ClinicalTrials.gov NCT04464213",
        reference: "ClinicalTrials.gov NCT04464213: Human Placental Mesenchymal Stem Cells Treatment on Diabetic Foot Ulcer (phase 1), Beijing Tongren Hospital, Capital Medical University.",
        doi: None,
        pmid: None,
        used_for: msg::citations::NCT04464213_USED_FOR,
    },
    Citation {
        id: "nct01216865",
        short: "ClinicalTrials.gov NCT01216865",
        reference: "ClinicalTrials.gov NCT01216865: Umbilical Cord Mesenchymal Stem Cells Injection for Diabetic Foot, Qingdao University.",
        doi: None,
        pmid: None,
        used_for: msg::citations::NCT01216865_USED_FOR,
    },
    Citation {
        id: "nct04592640",
        short: "ClinicalTrials.gov NCT04592640",
        reference: "ClinicalTrials.gov NCT04592640: the registration named by Bian et al., Ren Fail 2023 (the hAMSC hypercoagulability report); the registry record was not read.",
        doi: None,
        pmid: None,
        used_for: msg::citations::NCT04592640_USED_FOR,
    },
    Citation {
        id: "moll_2012",
        short: "Moll 2012, Stem Cells",
        reference: "Moll G, et al. Are therapeutic human mesenchymal stromal cells compatible with human blood? Stem Cells 2012;30:1565.",
        doi: Some("10.1002/stem.1111"),
        pmid: None,
        used_for: msg::citations::MOLL_2012_USED_FOR,
    },
    Citation {
        id: "moll_2022",
        short: "Moll 2022, Stem Cells Transl Med",
        reference: "Moll G, Ankrum JA, Olson SD, Nolta JA. Improved MSC minimal criteria to maximize patient safety: a call to embrace tissue factor and hemocompatibility assessment of MSC products. Stem Cells Transl Med 2022;11:2–13.",
        doi: Some("10.1093/stcltm/szab005"),
        pmid: None,
        used_for: msg::citations::MOLL_2022_USED_FOR,
    },
    Citation {
        id: "gossett_2023",
        short: "Gossett 2023, Medicina (Kaunas)",
        reference: "Gossett C, Suppadungsuk S, Krisanapan P, et al. Sodium thiosulfate for calciphylaxis treatment in patients on peritoneal dialysis: a systematic review. Medicina (Kaunas) 2023;59(7):1306.",
        doi: Some("10.3390/medicina59071306"),
        pmid: Some("37512116"),
        used_for: msg::citations::GOSSETT_2023_USED_FOR,
    },
    Citation {
        id: "sts_review_2009",
        short: "Nat Rev Nephrol 2009 (opinion)",
        reference: "Sodium thiosulfate in the treatment of calcific uremic arteriolopathy (Opinion). Nat Rev Nephrol 2009;5(9):539–43.",
        doi: Some("10.1038/nrneph.2009.99"),
        pmid: None,
        used_for: msg::citations::STS_REVIEW_2009_USED_FOR,
    },
    Citation {
        id: "phosphate_control_2014",
        short: "Int J Nephrol Renovasc Dis 2014",
        reference: "Analysis of serum phosphate control and phosphate binder utilization in incident hemodialysis patients. Int J Nephrol Renovasc Dis 2014;7:261–9.",
        doi: Some("10.2147/IJNRD.S58037"),
        pmid: None,
        used_for: msg::citations::PHOSPHATE_CONTROL_2014_USED_FOR,
    },
    Citation {
        id: "sprague_2014",
        short: "Sprague 2014, Clin J Am Soc Nephrol",
        reference: "Sprague SM. Painful skin ulcers in a hemodialysis patient. Clin J Am Soc Nephrol 2014;9(1):166–73.",
        doi: Some("10.2215/CJN.00320113"),
        pmid: Some("24202137"),
        used_for: msg::citations::SPRAGUE_2014_USED_FOR,
    },
    // Issue 14 items 1–4: the workup's confounders and the lupus anticoagulant on
    // anticoagulants (verified from abstracts and table pages, see `used_for`).
    Citation {
        id: "kottke_marchant_2002_pc",
        short: "Kottke-Marchant 2002, Arch Pathol Lab Med",
        reference: "Kottke-Marchant K, Comp P. Laboratory issues in diagnosing abnormalities of protein C, thrombomodulin, and endothelial cell protein C receptor. Arch Pathol Lab Med 2002;126(11):1337–48.",
        doi: None,
        pmid: Some("12421141"),
        used_for: msg::citations::KOTTKE_MARCHANT_2002_PC_USED_FOR,
    },
    Citation {
        id: "van_cott_2020_at",
        short: "Van Cott 2020, J Thromb Haemost",
        reference: "Van Cott EM, Orlando C, Moore GW, Cooper PC, Meijer P, Marlar R. Recommendations for clinical laboratory testing for antithrombin deficiency; communication from the SSC of the ISTH. J Thromb Haemost 2020.",
        doi: Some("10.1111/jth.14648"),
        pmid: None,
        used_for: msg::citations::VAN_COTT_2020_AT_USED_FOR,
    },
    Citation {
        id: "d_angelo_1988",
        short: "D'Angelo 1988, J Clin Invest",
        reference: "D'Angelo A, Vigano-D'Angelo S, Esmon CT, Comp PC. Acquired deficiencies of protein S. Protein S activity during oral anticoagulation, in liver disease, and in disseminated intravascular coagulation. J Clin Invest 1988;81(5):1445–54.",
        doi: Some("10.1172/JCI113475"),
        pmid: Some("3284913"),
        used_for: msg::citations::D_ANGELO_1988_USED_FOR,
    },
    Citation {
        id: "protein_s_hormones_1987",
        short: "Oral contraceptives and gender affect protein S status 1987, Blood",
        reference: "Oral contraceptives and gender affect protein S status. Blood 1987;69(2):692.",
        doi: Some("10.1182/blood.v69.2.692.692"),
        pmid: None,
        used_for: msg::citations::PROTEIN_S_HORMONES_1987_USED_FOR,
    },
    Citation {
        id: "minuk_2010",
        short: "Minuk 2010, Thromb J",
        reference: "Minuk L, et al. Thromb J 2010;8:10 (study protocol).",
        doi: Some("10.1186/1477-9560-8-10"),
        pmid: None,
        used_for: msg::citations::MINUK_2010_USED_FOR,
    },
    Citation {
        id: "favaloro_2022_la",
        short: "Favaloro 2022, Res Pract Thromb Haemost",
        reference: "Favaloro EJ, Pasalic L. Lupus anticoagulant testing during anticoagulation, including direct oral anticoagulants. Res Pract Thromb Haemost 2022;6(2):e12676.",
        doi: Some("10.1002/rth2.12676"),
        pmid: Some("35316943"),
        used_for: msg::citations::FAVALORO_2022_LA_USED_FOR,
    },
    Citation {
        id: "pengo_2009_la",
        short: "Pengo 2009, J Thromb Haemost",
        reference: "Pengo V, et al. Update of the guidelines for lupus anticoagulant detection. Subcommittee on Lupus Anticoagulant/Antiphospholipid Antibody of the SSC of the ISTH. J Thromb Haemost 2009;7(10):1737–40.",
        doi: Some("10.1111/j.1538-7836.2009.03555.x"),
        pmid: Some("19624461"),
        used_for: msg::citations::PENGO_2009_LA_USED_FOR,
    },
    Citation {
        id: "tripodi_2020_la",
        short: "Tripodi 2020, J Thromb Haemost",
        reference: "Tripodi A, Cohen H, Devreese KMJ. Lupus anticoagulant detection in anticoagulated patients. Guidance from the SSC for lupus anticoagulant/antiphospholipid antibodies of the ISTH. J Thromb Haemost 2020.",
        doi: Some("10.1111/jth.14846"),
        pmid: None,
        used_for: msg::citations::TRIPODI_2020_LA_USED_FOR,
    },
];

pub fn citation(id: &str) -> Option<&'static Citation> {
    CITATIONS.iter().find(|c| c.id == id)
}

impl Citation {
    /// What the app takes from this source, in the chosen language.
    pub fn used_for_in(&self, lang: Lang) -> &'static str {
        self.used_for.get(lang)
    }

    /// The short reference with the DOI, or else the PMID, where known.
    pub fn short_form(&self) -> String {
        match (self.doi, self.pmid) {
            (Some(doi), _) => format!("{}. doi:{doi}", self.short),
            (None, Some(pmid)) => format!("{}. PMID:{pmid}", self.short),
            (None, None) => self.short.to_string(),
        }
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
