//! Every interface string in English and Simplified Chinese, in one place for review.
//! Clinical text (bases, notes, criteria) comes from the core in the chosen language.

use crate::core::case::{Biopsy, Dialysis, Response, Sex};
use crate::core::field_path::{KidneyField, LesionField, PatientField, Section, TherapyField};
use crate::core::i18n::{Lang, Text};

macro_rules! texts {
    ($($name:ident = $en:literal, $zh:literal;)+) => {
        $(pub const $name: Text = Text::new($en, $zh);)+
    };
}

// The fields and values of the case: named once, in the core.
pub const PATIENT: Text = Section::Patient.text();
pub const AGE: Text = PatientField::Age.text();
pub const SEX: Text = PatientField::Sex.text();
pub const FEMALE: Text = Sex::Female.text();
pub const MALE: Text = Sex::Male.text();
pub const WEIGHT: Text = PatientField::Weight.text();
pub const HEIGHT: Text = PatientField::Height.text();
pub const KIDNEY: Text = Section::Kidney.text();
pub const CKD_STAGE: Text = KidneyField::CkdStage.text();
pub const DIALYSIS: Text = KidneyField::Dialysis.text();
pub const NONE: Text = Dialysis::None.text();
pub const HEMODIALYSIS: Text = Dialysis::Hemodialysis.text();
pub const PERITONEAL: Text = Dialysis::Peritoneal.text();
pub const VINTAGE: Text = KidneyField::Vintage.text();
pub const TRANSPLANT: Text = KidneyField::Transplant.text();
pub const SKIN: Text = Section::Lesions.text();
pub const LESION_COUNT: Text = LesionField::Count.text();
pub const BIOPSY: Text = LesionField::Biopsy.text();
pub const NOT_DONE: Text = Biopsy::NotDone.text();
pub const CONSISTENT: Text = Biopsy::Consistent.text();
pub const NOT_CONSISTENT: Text = Biopsy::NotConsistent.text();
pub const SITES: Text = LesionField::Sites.text();
pub const THERAPIES: Text = Section::Therapies.text();
pub const NO_RESPONSE: Text = Response::None.text();
pub const PARTIAL: Text = Response::Partial.text();
pub const COMPLETE: Text = Response::Complete.text();
pub const WEEKS: Text = TherapyField::Weeks.text();
pub const LABS: Text = Section::Labs.text();

texts! {
    TITLE = "Calciphylaxis calculator", "钙化防御计算器";
    TAGLINE = "Risk profile, hypercoagulability workup and MSC eligibility. Runs on this device only: nothing you enter leaves it.",
        "风险评估、高凝状态检查清单与间充质干细胞治疗适用性评估。仅在本设备上运行：您输入的任何内容都不会离开本设备。";
    NOTICE = "Decision support for clinicians, not a diagnosis or a treatment recommendation. Every result shows its basis and sources.",
        "供临床医生参考的决策支持，不构成诊断或治疗建议。每项结果均显示其依据和文献来源。";
    JUMP_TO_RESULTS = "Jump to results", "跳至结果";
    LANGUAGE = "Language / 语言", "语言 / Language";
    EXAMPLE = "Load an example case", "载入示例病例";
    CHOOSE = "Choose…", "请选择…";
    DEFAULT_UNITS = "Default units", "默认单位";
    CONVENTIONAL = "US conventional", "美国常用单位";
    SI = "SI", "国际单位 (SI)";
    NEW_CASE = "New case", "新病例";
    EXPORT = "Export case (JSON)", "导出病例 (JSON)";
    IMPORT = "Import case (JSON)", "导入病例 (JSON)";
    REMEMBER = "Remember on this device", "在本设备上保存";
    REMEMBER_HINT = "Off by default. When on, the case and your preferences are kept in this browser's storage only.",
        "默认关闭。开启后，病例和偏好设置仅保存在本浏览器的存储中。";
    CASE_FORM = "Case", "病例";
    LABEL = "Case label (optional, avoid identifiers)", "病例标签（可选，请勿填写身份信息）";

    UNKNOWN = "Unknown", "未知";
    G5D = "G5D (on dialysis)", "G5D（透析）";
    MEDICATIONS = "Medications and exposures", "用药与暴露";
    CONDITIONS = "Conditions", "合并疾病";
    ACUTE = "Acute state (confounds the workup)", "急性状态（影响凝血检查判读）";
    CENTRAL = "central", "中心性";
    LABS_MINERAL = "Labs: mineral metabolism", "化验：矿物质代谢";
    LABS_COAG = "Labs: coagulation and thrombophilia", "化验：凝血与易栓症";
    QUALITATIVE_UNKNOWN = "Not done / unknown", "未做 / 未知";
    UNIT_OF = "unit", "单位";
    NOT_TRIED = "Not tried", "未尝试";
    TRIED = "Tried, response unknown", "已尝试，疗效未知";
    MSC_CRITERIA = "MSC criteria", "干细胞治疗相关条件";
    YES = "Yes", "是";
    NO = "No", "否";

    RESULTS = "Assessment", "评估结果";
    EMPTY_STATE = "Nothing entered yet. Every factor below is unknown until you record it: start with the kidney and lab sections, or load an example case.",
        "尚未输入任何内容。在您记录之前，下列每项因素均为“未知”：请从肾脏和化验部分开始，或载入示例病例。";
    AT_A_GLANCE = "At a glance", "概览";
    RISK = "Risk", "风险";
    DIAGNOSIS = "Diagnosis", "诊断";
    WORKUP = "Workup", "检查";
    MSC = "MSC", "干细胞";
    THRESHOLD_MET = "threshold met", "达到阈值";
    THRESHOLD_NOT_MET = "threshold not met", "未达到阈值";
    THRESHOLD_UNDECIDED = "threshold undecided", "阈值尚不能判定";
    MAJOR_SHORT = "major", "主要";
    MINOR_SHORT = "minor", "次要";
    TO_ORDER_SHORT = "to order", "待开单";
    ABNORMAL_SHORT = "abnormal", "异常";
    UNINTERPRETABLE_SHORT = "uninterpretable", "无法判读";
    CONSENSUS_SHORT = "consensus", "共识";
    HAYASHI_SHORT = "Hayashi", "Hayashi";
    DERIVED = "Derived values", "计算值";
    DERIVED_NONE = "None yet: enter calcium and albumin, phosphate, weight and height, or PTH.",
        "暂无：请输入钙和白蛋白、磷、体重和身高或 PTH。";
    CORRECTED_CALCIUM = "Corrected calcium", "校正钙";
    CA_X_P = "Calcium × phosphate", "钙磷乘积";
    BMI = "BMI", "体重指数 (BMI)";
    PTH_ULN = "PTH ÷ upper limit", "PTH ÷ 正常上限";
    WHY = "Why?", "依据？";
    BASIS = "Basis", "依据";
    RULE = "Rule", "规则";
    EVIDENCE = "Evidence", "证据";
    SOURCES = "Sources", "文献来源";
    PRESENT = "Present", "存在";
    ABSENT = "Absent", "不存在";
    MET = "Met", "符合";
    NOT_MET = "Not met", "不符合";
    RISK_PROFILE = "Risk profile", "风险评估";
    MAJOR = "Major", "主要危险因素";
    MINOR = "Minor", "次要危险因素";
    CONSENSUS_THRESHOLD = "Consensus threshold", "共识风险阈值";
    MAJOR_FACTORS = "Major factors (consensus)", "主要危险因素（共识）";
    MINOR_FACTORS = "Minor factors (consensus)", "次要危险因素（共识）";
    OTHER_FACTORS = "Other published risk factors", "其他已发表的危险因素";
    CONSENSUS = "Consensus", "共识";
    HAYASHI = "Hayashi criteria", "Hayashi 诊断标准";
    DISTRIBUTION = "Lesion distribution", "皮损分布";
    CENTRAL_DIST = "central", "中心性";
    PERIPHERAL_DIST = "peripheral", "外周性";
    MIXED_DIST = "mixed", "混合性";
    TIER_CONFIRMED = "confirmed", "确诊";
    TIER_CLINICAL = "clinical", "临床诊断";
    TIER_SUSPECTED = "suspected", "疑似诊断";
    TIER_NONE = "none", "无";
    INCOMPLETE = "incomplete", "信息不全";
    WORKUP_TITLE = "Hypercoagulability workup", "高凝状态检查";
    PRINT_ORDERS = "Print order list", "打印检查单";
    TO_ORDER = "To order", "待开单";
    NORMAL = "Normal", "正常";
    LOW = "Abnormal, low", "异常，偏低";
    HIGH = "Abnormal, high", "异常，偏高";
    POSITIVE = "Abnormal, positive", "异常，阳性";
    UNINTERPRETABLE = "Uninterpretable", "无法判读";
    NO_RESULT = "no result entered", "未录入结果";
    REFERENCE = "reference", "参考范围";
    MSC_TITLE = "MSC therapy eligibility", "间充质干细胞治疗适用性";
    CANDIDATE = "Candidate for specialist discussion", "可提交专科团队讨论的候选者";
    NOT_ELIGIBLE = "Not eligible", "不适合";
    INCOMPLETE_STATUS = "Incomplete", "信息不全";
    STILL_NEEDED = "Still needed", "尚需补充";
    INCLUSION = "Inclusion criteria", "纳入标准";
    EXCLUSION = "Exclusion criteria", "排除标准";
    CONTEXT = "Context from the published hAMSC cases", "已发表 hAMSC 病例的背景信息";
    LEFT_OUT = "Inputs left out", "未纳入评估的输入";
    PRINTED = "Printed from the calciphylaxis calculator on", "打印自钙化防御计算器，日期";
    RECORDED_YES = "Recorded as present", "记录为“是”";
    RECORDED_NO = "Recorded as absent", "记录为“否”";
    VIEWS = "Views", "视图";
    CALCULATOR = "Calculator", "计算器";
    TEACHING = "Teaching cases", "教学病例";
    ORDER_LIST = "Hypercoagulability workup: tests to order or repeat", "高凝状态检查：需开单或复查的项目";

    IMPORTED = "Imported", "已导入";
    IMPORT_FAILED = "Could not import", "无法导入";
    CASE_UNCHANGED = "The current case is unchanged.", "当前病例未作改动。";
    SAVED_CORRUPT = "A case saved on this device could not be read and was discarded", "本设备上保存的病例无法读取，已丢弃";
    STORAGE_UNAVAILABLE = "This browser does not allow storage here (private mode?): nothing is saved on this device.",
        "此浏览器不允许在此存储（可能为隐私模式）：不会在本设备上保存任何内容。";
    DISMISS = "Dismiss", "关闭";
    CASE_REPLACED = "The case you had entered was replaced.", "您之前输入的病例已被替换。";
    UNDO = "Undo", "撤销";
    NO_UNIT = "no unit", "未填单位";

    SHARE = "Share as link", "以链接分享";
    SHARE_TITLE = "Share this case as a link", "以链接分享此病例";
    SHARE_WARNING = "The link contains this case's data: anyone who has the link can see it. This app does not send it to any server (the data is in the part of the link after #, which browsers never send), but do not paste it into public places.",
        "链接中包含此病例的数据：任何拿到链接的人都能看到。本应用不会把它发送到任何服务器（数据位于链接中 # 之后的部分，浏览器从不发送这部分），但请勿将其粘贴到公开场合。";
    SHARE_STRIP = "Remove identifying free text", "移除可识别身份的自由文本";
    SHARE_STRIP_HINT = "Leaves out the case label and the notes of follow-up visits.", "不包含病例标签和随访记录中的备注。";
    SHARE_LINK = "Link to this case", "此病例的链接";
    SHARE_LENGTH = "characters", "个字符";
    COPY = "Copy", "复制";
    COPIED = "Copied to the clipboard.", "已复制到剪贴板。";
    COPY_BY_HAND = "The link is selected: copy it with Ctrl+C (⌘C on a Mac).", "链接已选中：请按 Ctrl+C（Mac 上为 ⌘C）复制。";
    CLOSE = "Close", "关闭";
    LINK_LOADED = "Case loaded from the link.", "已从链接载入病例。";
    LINK_FAILED = "The case in this link could not be read", "无法读取此链接中的病例";
    LINK_EMPTY_CASE = "An empty case is open instead.", "已改为打开一个空白病例。";
}

/// The example cases' names.
pub fn example_name(index: usize, lang: Lang) -> &'static str {
    const NAMES: &[Text] = &[
        Text::new(
            "Nanjing hAMSC patient (salvage report)",
            "南京 hAMSC 患者（挽救治疗报告）",
        ),
        Text::new(
            "Nanjing hAMSC patient (hypercoagulability report)",
            "南京 hAMSC 患者（高凝状态报告）",
        ),
        Text::new(
            "Non-uremic: endometrial carcinoma",
            "非尿毒症性：子宫内膜癌",
        ),
        Text::new(
            "On warfarin, low protein C and S (illustrative)",
            "服用华法林，蛋白C和S降低（示例）",
        ),
        Text::new(
            "Excluded by active malignancy (illustrative)",
            "因活动性恶性肿瘤被排除（示例）",
        ),
        Text::new("MSC candidate (illustrative)", "干细胞治疗候选者（示例）"),
        Text::new("Only a few fields (illustrative)", "仅填写少量信息（示例）"),
    ];
    NAMES.get(index).map(|t| t.get(lang)).unwrap_or("")
}
