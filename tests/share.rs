//! Share as a link (`src/share.rs`): round trips, link length, every way a link is refused,
//! and that decoding anything never panics and never allocates past the case size limit.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use calciphylaxis::core::case::{
    parse_case_text, Case, LabEntry, TherapyTrial, Treatment, Visit, MAX_CASE_BYTES,
};
use calciphylaxis::core::i18n::Lang;
use calciphylaxis::form::{Form, TherapyChoice, UnitSystem};
use calciphylaxis::share::{self, base64url_decode, base64url_encode};
use proptest::prelude::*;

#[path = "common/peak.rs"]
mod peak;
use peak::{largest_allocation, Peak};

#[global_allocator]
static ALLOCATOR: Peak = Peak;

fn examples() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cases");
    let mut cases: Vec<(String, Case)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, parse_case_text(&text).unwrap().case)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 7, "examples found: {}", cases.len());
    cases
}

fn with_visits() -> Case {
    let mut case = examples()
        .into_iter()
        .find(|(name, _)| name == "nanjing-hamsc-salvage.json")
        .unwrap()
        .1;
    case.label = Some("Bed 12, Mrs X".into());
    let mut labs = BTreeMap::new();
    labs.insert("pth_intact".into(), LabEntry::numeric(820.0, "pg/mL"));
    case.visits = vec![
        Visit {
            date: Some("2024-03-01".into()),
            labs,
            wound_area_cm2: Some(42.5),
            pain_score: Some(8.0),
            treatments: vec![Treatment {
                kind: calciphylaxis::core::case::TreatmentKind::from_id("msc"),
                dose: Some("1×10^6 cells/kg".into()),
                ..Treatment::default()
            }],
            note: Some("seen by Dr Wang, phone 555-0101".into()),
            ..Visit::default()
        },
        Visit {
            date: Some("2024-04-01".into()),
            wound_area_cm2: Some(20.0),
            pain_score: Some(3.0),
            note: Some("much better".into()),
            ..Visit::default()
        },
    ];
    case
}

fn decode_fragment(fragment: &str) -> Result<Case, String> {
    match share::read_fragment(fragment, Lang::En) {
        None => Err("no case in the fragment".into()),
        Some(Ok(parsed)) => Ok(parsed.case),
        Some(Err(e)) => Err(e.0),
    }
}

fn error_of(data: &str, lang: Lang) -> String {
    share::decode(data, lang).unwrap_err().0
}

#[test]
fn every_example_case_round_trips() {
    for (name, case) in examples() {
        let fragment = share::fragment(&case);
        assert!(fragment.starts_with("#case=1."), "{name}: {fragment}");
        assert_eq!(decode_fragment(&fragment).as_ref(), Ok(&case), "{name}");
    }
}

#[test]
fn a_case_with_visits_round_trips_and_free_text_can_be_removed() {
    let mut case = with_visits();
    // An imported age's source: the record's patient id, and the date of birth.
    case.provenance.insert(
        "patient.age_years".into(),
        calciphylaxis::core::case::FieldSource {
            resource: "Patient/MRN-0012345".into(),
            date: Some("2026-11-20".into()),
            code: Some("1961-05-20".into()),
        },
    );
    let parsed = share::decode(&share::encode(&case), Lang::En).unwrap();
    assert_eq!(parsed.case, case);
    assert!(parsed.errors.is_empty() && parsed.warnings.is_empty());

    let stripped = share::without_free_text(&case);
    assert_eq!(stripped.label, None);
    assert!(stripped.visits.iter().all(|v| v.note.is_none()));
    assert_eq!(stripped.visits.len(), 2);
    assert_eq!(stripped.visits[0].wound_area_cm2, Some(42.5));
    assert_eq!(stripped.patient, case.patient);
    let back = share::decode(&share::encode(&stripped), Lang::En)
        .unwrap()
        .case;
    assert_eq!(back, stripped);
    let json = serde_json::to_string(&back).unwrap();
    assert!(
        !json.contains("Mrs X") && !json.contains("Dr Wang"),
        "{json}"
    );
    assert!(
        !json.contains("MRN-0012345") && !json.contains("1961-05-20"),
        "{json}"
    );
}

/// A therapy recorded as not tried travels in a link as `false` and comes back as not
/// tried, through the form as the app makes and opens links; one not recorded stays absent.
#[test]
fn a_therapy_not_tried_round_trips_in_a_link() {
    let text = r#"{"format":"calciphylaxis-case/1",
        "therapies_tried":{"wound_care":false,"sodium_thiosulfate":{"weeks":6,"response":"partial"}}}"#;
    let case = parse_case_text(text).unwrap().case;
    assert_eq!(
        case.therapies_tried.as_ref().unwrap()["wound_care"],
        TherapyTrial::NotTried
    );
    let back = decode_fragment(&share::fragment(&case)).unwrap();
    assert_eq!(back, case);
    let json = serde_json::to_value(&back).unwrap();
    assert_eq!(json["therapies_tried"]["wound_care"], false);
    assert!(json["therapies_tried"].get("cinacalcet").is_none());

    let form = Form::from_case(&case, UnitSystem::Conventional);
    let linked = decode_fragment(&share::fragment(&form.to_case().0)).unwrap();
    assert_eq!(Form::from_case(&linked, UnitSystem::Conventional), form);
    assert_eq!(
        form.therapies["wound_care"].choice,
        Some(TherapyChoice::NotTried)
    );
}

#[test]
fn the_link_keeps_the_page_and_replaces_any_fragment() {
    let case = Case::default();
    let link = share::link("https://example.org/app/?x=1#results", &case);
    assert!(
        link.starts_with("https://example.org/app/?x=1#case=1."),
        "{link}"
    );
    assert_eq!(share::case_data("#results"), None);
    assert_eq!(share::case_data(""), None);
    assert_eq!(share::case_data("#case=1.abc"), Some("1.abc"));
    assert_eq!(share::case_data("case=1.abc"), Some("1.abc"));
}

#[test]
fn links_stay_short() {
    let mut lengths = Vec::new();
    for (name, case) in examples() {
        let json = serde_json::to_string(&case).unwrap();
        let link = share::link("https://calciphylaxis.example.org/", &case);
        lengths.push((link.len(), json.len(), name));
    }
    lengths.sort();
    for (link, json, name) in &lengths {
        println!("{name}: compact JSON {json} bytes, link {link} characters");
    }
    let (longest, _, name) = lengths.last().unwrap();
    assert!(*longest < 2000, "{name}: {longest} characters");
    let visits = share::link("https://calciphylaxis.example.org/", &with_visits());
    println!("with visits: link {} characters", visits.len());
    assert!(visits.len() < 2000);
}

#[test]
fn base64url_matches_rfc_4648_test_vectors() {
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url_encode(plain.as_bytes()), encoded);
        assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
    // Standard base64, padding, a lone character, non-zero unused bits: refused.
    for bad in ["+/8", "Zg==", "Z", "Zh", "Zm9", "ab cd"] {
        assert_eq!(base64url_decode(bad), None, "{bad}");
    }
}

#[test]
fn a_link_without_a_version_or_with_another_is_refused() {
    assert!(error_of("abc", Lang::En).contains("no version"));
    assert!(error_of("2.eJwDAAAAAAE", Lang::En).contains("version \"2\""));
    assert!(error_of("2.eJwDAAAAAAE", Lang::Zh).contains("版本"));
}

#[test]
fn text_that_is_not_base64url_is_refused() {
    let e = error_of("1.abc$def", Lang::En);
    assert!(e.contains("not base64url"), "{e}");
    assert!(error_of("1.abc$def", Lang::Zh).contains("base64url"));
    assert!(error_of("1.a", Lang::En).contains("not base64url"));
}

#[test]
fn data_that_does_not_decompress_is_refused() {
    let e = error_of(
        &format!("1.{}", base64url_encode(b"hello, world")),
        Lang::En,
    );
    assert!(e.contains("does not decompress"), "{e}");
    assert!(error_of("1.", Lang::En).contains("does not decompress"));
    let e = error_of(&format!("1.{}", base64url_encode(b"hello")), Lang::Zh);
    assert!(e.contains("无法解压缩"), "{e}");
}

#[test]
fn a_truncated_or_tampered_link_is_refused() {
    let (_, case) = examples().pop().unwrap();
    let data = share::encode(&case);
    // Cut short.
    let cut = &data[..data.len() - 5];
    assert!(share::decode(cut, Lang::En).is_err());
    // Every single character changed to another of the alphabet: never read as a case
    // (zlib's checksum catches what still decompresses).
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = data.as_bytes();
    for i in 2..bytes.len() {
        let other = alphabet[(alphabet.iter().position(|&c| c == bytes[i]).unwrap() + 17) % 64];
        let mut tampered = bytes.to_vec();
        tampered[i] = other;
        let tampered = String::from_utf8(tampered).unwrap();
        assert!(
            share::decode(&tampered, Lang::En).is_err(),
            "position {i} of {}",
            bytes.len()
        );
    }
}

fn zlib(text: &[u8]) -> String {
    format!(
        "1.{}",
        base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(text, 6))
    )
}

#[test]
fn a_zip_bomb_is_stopped_at_the_size_limit() {
    let bomb = vec![b' '; 64 * MAX_CASE_BYTES];
    let data = zlib(&bomb);
    assert!(data.len() < 200_000, "{}", data.len());
    let (result, largest) = largest_allocation(|| share::decode(&data, Lang::En));
    let e = result.unwrap_err().0;
    assert!(e.contains("larger than"), "{e}");
    assert!(
        largest <= MAX_CASE_BYTES + 64 * 1024,
        "allocated {largest} bytes at once"
    );
    // Just past the limit, too.
    let over = zlib(&vec![b' '; MAX_CASE_BYTES + 1]);
    assert!(error_of(&over, Lang::En).contains("larger than"));
    assert!(error_of(&over, Lang::Zh).contains("字节"));
}

#[test]
fn too_long_data_is_refused_before_decoding() {
    let data = format!("1.{}", "A".repeat(MAX_CASE_BYTES + 4));
    assert!(error_of(&data, Lang::En).contains("at most"));
}

#[test]
fn decompressed_text_that_is_not_json_or_not_a_case_is_refused() {
    assert!(error_of(&zlib(&[0xff, 0xfe, 0x00]), Lang::En).contains("not UTF-8"));
    assert!(error_of(&zlib(b"{not json"), Lang::En).contains("not valid JSON"));
    assert!(error_of(&zlib(b"[1, 2]"), Lang::En).contains("JSON object"));
    let other = zlib(br#"{"format":"calciphylaxis-assessment/1"}"#);
    assert!(error_of(&other, Lang::En).contains("calciphylaxis-case/1"));
    assert!(error_of(&zlib(b"{not json"), Lang::Zh).contains("JSON"));
}

#[test]
fn a_case_with_field_errors_is_refused_as_a_whole() {
    let half = zlib(
        br#"{"format":"calciphylaxis-case/1","patient":{"age_years":"fifty","sex":"female"}}"#,
    );
    let e = error_of(&half, Lang::En);
    assert!(e.contains("patient.age_years"), "{e}");
    assert!(error_of(&half, Lang::Zh).contains("无效字段"));
}

proptest! {
    #![proptest_config(common::property_config(512))]

    #[test]
    fn decoding_any_text_never_panics_nor_allocates_past_the_limit(text in ".{0,400}") {
        let (_, largest) = largest_allocation(|| {
            let _ = share::read_fragment(&format!("#case={text}"), Lang::En);
            let _ = share::decode(&format!("1.{text}"), Lang::Zh);
        });
        prop_assert!(largest <= MAX_CASE_BYTES + 64 * 1024, "{largest}");
    }

    #[test]
    fn decoding_any_base64url_never_panics_nor_allocates_past_the_limit(
        text in "[A-Za-z0-9_-]{0,600}",
    ) {
        let (_, largest) = largest_allocation(|| share::decode(&format!("1.{text}"), Lang::En));
        prop_assert!(largest <= MAX_CASE_BYTES + 64 * 1024, "{largest}");
    }

    #[test]
    fn decoding_any_zlib_stream_never_panics_nor_allocates_past_the_limit(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        // A valid zlib header in front, so the deflate decoder itself is exercised.
        let mut stream = vec![0x78, 0x9c];
        stream.extend(bytes);
        let data = format!("1.{}", base64url_encode(&stream));
        let (_, largest) = largest_allocation(|| share::decode(&data, Lang::En));
        prop_assert!(largest <= MAX_CASE_BYTES + 64 * 1024, "{largest}");
    }

    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }
}
