//! One date rule for the whole case (`src/core/date.rs`): a lab's date and a visit's date
//! are real calendar dates written `YYYY-MM-DD`; anything else is refused with the same
//! message at the field's path, and the rest of the case is still assessed.

use calciphylaxis::core::date::Date;
use calciphylaxis::core::logic::Presence;
use calciphylaxis::core::{assess_json_in, Assessment, Lang};

const VALID: &[&str] = &[
    "2024-02-29",
    "2000-02-29",
    "2023-02-28",
    "1900-01-01",
    "2200-12-31",
];

const INVALID: &[&str] = &[
    "2023-02-31",
    "2023-02-29",
    "2100-02-29",
    "1900-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-01-00",
    "2023-2-3",
    "2023-02-03T00:00",
    "",
    "20230203",
    "24-01-01",
    "2024/01/01",
    "+024-01-01",
    "1899-12-31",
    "2201-01-01",
    "２０２４-01-01",
];

#[test]
fn only_real_calendar_dates_parse_and_they_print_as_written() {
    for text in VALID {
        let date = Date::parse(text).unwrap_or_else(|| panic!("{text} refused"));
        assert_eq!(date.to_string(), *text);
    }
    for text in INVALID {
        assert_eq!(Date::parse(text), None, "{text:?} accepted");
    }
}

#[test]
fn dates_order_by_the_calendar_and_count_days() {
    let d = |text: &str| Date::parse(text).unwrap();
    assert!(d("2023-12-31") < d("2024-01-01"));
    assert!(d("2024-02-01") < d("2024-10-01"));
    let days =
        |from: &str, to: &str| i64::from(d(to).day_number()) - i64::from(d(from).day_number());
    assert_eq!(d("1900-01-01").day_number(), 0);
    assert_eq!(days("1900-02-28", "1900-03-01"), 1); // 1900 is not a leap year
    assert_eq!(days("2000-02-28", "2000-03-01"), 2); // 2000 is
    assert_eq!(days("2024-02-28", "2024-03-01"), 2);
    assert_eq!(days("2100-02-28", "2100-03-01"), 1);
    assert_eq!(days("2023-01-01", "2024-01-01"), 365);
    assert_eq!(days("2024-01-01", "2025-01-01"), 366);
    // From Python's datetime: (date(2024, 2, 29) - date(1900, 1, 1)).days and the last day.
    assert_eq!(d("2024-02-29").day_number(), 45_349);
    assert_eq!(d("2200-12-31").day_number(), 109_937);
}

#[test]
fn every_day_in_range_is_one_after_the_day_before() {
    let mut previous: Option<u32> = None;
    let mut count = 0;
    for year in 1900..=2200 {
        for month in 1..=12 {
            for day in 1..=31 {
                let Some(date) = Date::parse(&format!("{year:04}-{month:02}-{day:02}")) else {
                    continue;
                };
                let n = date.day_number();
                if let Some(p) = previous {
                    assert_eq!(n, p + 1, "{date}");
                }
                previous = Some(n);
                count += 1;
            }
        }
    }
    assert_eq!(count, 109_938);
}

/// A case with a dated lab, a visit on `date` (with a dated visit lab) and two good visits.
fn case_dated(date: &str) -> String {
    format!(
        r#"{{"format":"calciphylaxis-case/1",
        "kidney":{{"ckd_stage":"G5D","dialysis":"hemodialysis"}},
        "labs":{{"albumin":{{"value":2.9,"unit":"g/dL","date":"{date}"}}}},
        "visits":[
          {{"date":"{date}","pain_score":9,
            "labs":{{"platelets":{{"value":90,"unit":"10^9/L","date":"{date}"}}}}}},
          {{"date":"2024-01-10","pain_score":8}},
          {{"date":"2024-03-01","pain_score":3}}]}}"#
    )
}

fn assessed(date: &str, lang: Lang) -> Assessment {
    assess_json_in(&case_dated(date), lang).unwrap()
}

fn message_at<'a>(a: &'a Assessment, field: &str) -> Option<&'a str> {
    a.input_errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

const DATE_FIELDS: [&str; 3] = [
    "labs.albumin.date",
    "visits[0].date",
    "visits[0].labs.platelets.date",
];

#[test]
fn an_impossible_date_is_one_error_at_its_path_for_a_lab_and_a_visit() {
    for bad in INVALID {
        for lang in [Lang::En, Lang::Zh] {
            let a = assessed(bad, lang);
            for field in DATE_FIELDS {
                assert_eq!(
                    message_at(&a, field),
                    Some(Date::invalid_message(bad, lang).as_str()),
                    "{bad:?} at {field}: {:?}",
                    a.input_errors
                );
            }
            // One error per date field, nothing else in error.
            assert_eq!(a.input_errors.len(), 3, "{bad:?}: {:?}", a.input_errors);
            // The rest is still assessed: the albumin value counts, the two dated visits
            // give the pain trend.
            let albumin = a
                .risk
                .factors
                .iter()
                .find(|f| f.id.id() == "hypoalbuminemia");
            assert_eq!(albumin.unwrap().status, Presence::Present);
            let f = a.follow_up.as_ref().unwrap();
            assert_eq!(f.visit_count, 2);
            assert_eq!(f.markers[0].id, "pain_score");
            assert_eq!(f.markers[0].change, -5.0);
        }
    }
}

#[test]
fn the_date_message_is_the_same_words_in_each_language() {
    let en = assessed("2023-02-31", Lang::En);
    let zh = assessed("2023-02-31", Lang::Zh);
    let expected_en = "\"2023-02-31\" is not a real calendar date in the form YYYY-MM-DD (years 1900–2200); the date is not used";
    let expected_zh =
        "\"2023-02-31\" 不是 YYYY-MM-DD 格式的真实日期（1900–2200 年）；该日期未被采用";
    for field in DATE_FIELDS {
        assert_eq!(message_at(&en, field), Some(expected_en), "{field}");
        assert_eq!(message_at(&zh, field), Some(expected_zh), "{field}");
    }
}

#[test]
fn real_dates_are_accepted_for_a_lab_and_a_visit() {
    for good in VALID {
        let a = assessed(good, Lang::En);
        assert!(a.input_errors.is_empty(), "{good}: {:?}", a.input_errors);
        assert_eq!(a.follow_up.unwrap().visit_count, 3, "{good}");
    }
}

#[test]
fn more_than_years_before_is_false_on_the_anniversary_and_true_the_day_after() {
    let d = |text: &str| Date::parse(text).unwrap();
    let end = d("2019-06-01");
    assert!(!end.more_than_years_before(d("2024-05-31"), 5));
    assert!(!end.more_than_years_before(d("2024-06-01"), 5));
    assert!(end.more_than_years_before(d("2024-06-02"), 5));
    assert!(!end.more_than_years_before(d("2019-05-01"), 5));
    // 29 February's anniversary in a common year is 1 March.
    let leap = d("2020-02-29");
    assert!(!leap.more_than_years_before(d("2025-02-28"), 5));
    assert!(!leap.more_than_years_before(d("2025-03-01"), 5));
    assert!(leap.more_than_years_before(d("2025-03-02"), 5));
    // Across a year's end and a month's end.
    assert!(d("2018-12-31").more_than_years_before(d("2024-01-01"), 5));
    assert!(!d("2019-01-01").more_than_years_before(d("2024-01-01"), 5));
    assert!(d("2019-03-31").more_than_years_before(d("2024-04-01"), 5));
}
