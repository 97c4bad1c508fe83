//! `assess FILE…` (or `-` for standard input): prints one assessment JSON per case file.
//! `assess --note [--lang en|zh] [--date YYYY-MM-DD] FILE…` prints the chart note instead
//! (dated today unless `--date` is given), in English unless `--lang zh`.
//! A file that is not a case is reported on standard error; the others are still assessed
//! and the exit status is then 1.

use std::io::Read;
use std::process::ExitCode;

use calciphylaxis::core::date::Date;
use calciphylaxis::core::note::chart_note;
use calciphylaxis::core::{assess_parsed_in, parse_case_text_in, Lang};

const USAGE: &str = "usage: assess [--note [--lang en|zh] [--date YYYY-MM-DD]] FILE… \
    (a calciphylaxis-case/1 JSON file, or - for standard input)";

/// What to print, and for which files.
struct Options {
    note: bool,
    lang: Lang,
    date: String,
    paths: Vec<String>,
}

fn options(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options {
        note: false,
        lang: Lang::En,
        date: today(),
        paths: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--note" => options.note = true,
            "--lang" => {
                let id = args.next().unwrap_or_default();
                options.lang = Lang::from_id(&id).ok_or(format!("unknown language {id:?}"))?;
            }
            "--date" => {
                let date = args.next().unwrap_or_default();
                Date::parse(&date).ok_or(format!("not a date: {date:?}"))?;
                options.date = date;
            }
            _ => options.paths.push(arg),
        }
    }
    Ok(options)
}

/// Today's date (UTC) from the system clock, as `YYYY-MM-DD`.
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = (seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The assessment JSON, or the chart note, of one file's text.
fn render(text: &str, options: &Options) -> Result<String, String> {
    let parsed = parse_case_text_in(text, options.lang).map_err(|e| e.to_string())?;
    let assessment = assess_parsed_in(&parsed, options.lang);
    if options.note {
        return Ok(chart_note(
            &parsed.case,
            &assessment,
            options.lang,
            &options.date,
        ));
    }
    serde_json::to_string_pretty(&assessment).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|p| p == "-h" || p == "--help") {
        eprintln!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match options(args) {
        Ok(options) if !options.paths.is_empty() => options,
        Ok(_) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for path in &options.paths {
        let text = if path == "-" {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map(|_| text)
        } else {
            std::fs::read_to_string(path)
        };
        let outcome = text
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|text| render(&text, &options));
        match outcome {
            Ok(output) => println!("{}", output.trim_end()),
            Err(message) => {
                eprintln!("{path}: not a valid case file: {message}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
