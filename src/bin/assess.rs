//! `assess FILE…` (or `-` for standard input): prints one assessment JSON per input. An
//! input is a `calciphylaxis-case/1` file or a FHIR R4 record (a Bundle or one resource,
//! told apart by its `resourceType`); a FHIR input's assessment carries `import_report`.
//!
//! - `assess --case FILE…` prints the case each input becomes instead (a case file as
//!   read, a FHIR input as mapped, with its `provenance`); a CKD stage suggested from a
//!   FHIR input's eGFR values (never a case field) is said on standard error.
//! - `assess --note [--date YYYY-MM-DD] FILE…` prints the chart note instead (dated today
//!   unless `--date` is given).
//! - `--lang en|zh`: the language of the assessment's words or the note (English default).
//! - `--visits`: earlier dated lab values of a FHIR input become follow-up visits.
//! - `assess --bulk DIR [--full]` reads a FHIR Bulk Data export (`Patient.ndjson` first,
//!   then `Medication.ndjson`, then every other `*.ndjson`) and prints one summary line
//!   per patient (`--full`: the whole assessment with its import report). Memory grows
//!   with the patients and their mapped facts, not with the files (see
//!   `calciphylaxis::core::fhir::bulk`). Progress goes to standard error.
//!
//! An input that cannot be read is reported on standard error; the others are still
//! assessed and the exit status is then 1.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use calciphylaxis::core::case::Case;
use calciphylaxis::core::date::Date;
use calciphylaxis::core::fhir::bulk::Cohort;
use calciphylaxis::core::fhir::{
    case_from_fhir_with, is_fhir, with_import_report, ImportReport, Importer, Options,
};
use calciphylaxis::core::note::chart_note;
use calciphylaxis::core::{assess, assess_in, assess_parsed_in, parse_case_text_in, Lang};

const USAGE: &str = "usage: assess [--case | --note [--date YYYY-MM-DD]] [--lang en|zh] [--visits] FILE…
                                       (calciphylaxis-case/1 or FHIR R4 JSON; - for standard input)
       assess --bulk DIR [--full]      (FHIR Bulk Data export: Patient.ndjson, then the other *.ndjson)";

const IDENTIFIABLE: &str = "assess: note: the output holds identifiable patient data (references from the export); keep it as you keep the record";

struct Flags {
    case_only: bool,
    note: bool,
    lang: Lang,
    /// The chart note's date: today unless `--date`.
    date: String,
    visits: bool,
    full: bool,
    bulk: Option<String>,
    paths: Vec<String>,
}

fn flags(args: Vec<String>) -> Result<Flags, String> {
    let mut flags = Flags {
        case_only: false,
        note: false,
        lang: Lang::En,
        date: today(),
        visits: false,
        full: false,
        bulk: None,
        paths: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--case" => flags.case_only = true,
            "--note" => flags.note = true,
            "--lang" => {
                let id = args.next().unwrap_or_default();
                flags.lang = Lang::from_id(&id).ok_or(format!("unknown language {id:?}"))?;
            }
            "--date" => {
                let date = args.next().unwrap_or_default();
                Date::parse(&date).ok_or(format!("not a date: {date:?}"))?;
                flags.date = date;
            }
            "--visits" => flags.visits = true,
            "--full" => flags.full = true,
            "--bulk" => flags.bulk = Some(args.next().ok_or("--bulk needs a directory")?),
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            _ => flags.paths.push(arg),
        }
    }
    Ok(flags)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let help = args.iter().any(|a| a == "-h" || a == "--help");
    let flags = match flags(args) {
        Ok(flags) if flags.bulk.is_some() || !flags.paths.is_empty() => flags,
        Ok(_) | Err(_) if help => {
            eprintln!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(_) => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        Err(message) => {
            eprintln!("assess: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &flags.bulk {
        return bulk(Path::new(dir), flags.full);
    }
    let mut failed = false;
    for path in &flags.paths {
        match read(path).and_then(|text| one_input(&text, &flags)) {
            Ok(output) => println!("{}", output.trim_end()),
            Err(message) => {
                eprintln!("{path}: {message}");
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

fn read(path: &str) -> Result<String, String> {
    let text = if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    text.map_err(|e| format!("cannot read: {e}"))
}

/// What is printed for one input: its assessment JSON, its case with `--case`, or its
/// chart note with `--note`.
fn one_input(text: &str, flags: &Flags) -> Result<String, String> {
    let (case, assessment) = if is_fhir(text) {
        let options = Options {
            lang: flags.lang,
            earlier_draws_as_visits: flags.visits,
            ..Options::default()
        };
        let (case, report) = case_from_fhir_with(text, options)
            .map_err(|e| format!("not a usable FHIR record: {e}"))?;
        if flags.case_only {
            // Not a case field: said beside the case, which stays a valid case file.
            if let Some(suggested) = &report.suggested_ckd_stage {
                eprintln!("assess: {}", suggested.message);
            }
            return Ok(case.to_json_pretty());
        }
        let assessment = assess_in(&case, flags.lang);
        if !flags.note {
            return pretty(&with_import_report(&assessment, &report));
        }
        (case, assessment)
    } else {
        let parsed = parse_case_text_in(text, flags.lang)
            .map_err(|e| format!("not a valid case file: {e}"))?;
        if flags.case_only {
            return Ok(parsed.case.to_json_pretty());
        }
        let assessment = assess_parsed_in(&parsed, flags.lang);
        if !flags.note {
            return serde_json::to_string_pretty(&assessment).map_err(|e| e.to_string());
        }
        (parsed.case, assessment)
    };
    Ok(chart_note(&case, &assessment, flags.lang, &flags.date))
}

fn pretty(value: &serde_json::Value) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
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

/// The `.ndjson` files of an export: Patient, then Medication, then the rest by name.
fn export_files(dir: &Path) -> Result<(PathBuf, Option<PathBuf>, Vec<PathBuf>), String> {
    let patients = dir.join("Patient.ndjson");
    if !patients.is_file() {
        return Err(format!("{}: no Patient.ndjson", dir.display()));
    }
    let medications = Some(dir.join("Medication.ndjson")).filter(|p| p.is_file());
    let mut others: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ndjson"))
        .filter(|p| Some(p) != Some(&patients) && Some(p) != medications.as_ref())
        .collect();
    others.sort();
    Ok((patients, medications, others))
}

fn each_line(path: &Path, mut handle: impl FnMut(&str)) -> Result<usize, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut count = 0;
    for line in std::io::BufReader::new(file).lines() {
        let line = line.map_err(|e| format!("{}: {e}", path.display()))?;
        if !line.trim().is_empty() {
            handle(&line);
            count += 1;
        }
    }
    Ok(count)
}

fn read_export(dir: &Path, cohort: &mut Cohort) -> Result<(), String> {
    let (patients, medications, others) = export_files(dir)?;
    each_line(&patients, |line| cohort.add_patient_line(line))?;
    eprintln!("assess: {} patients", cohort.len());
    if let Some(path) = medications {
        each_line(&path, |line| cohort.add_medication_line(line))?;
    }
    for path in others {
        let lines = each_line(&path, |line| cohort.add_line(line))?;
        eprintln!("assess: {} lines of {}", lines, path.display());
    }
    Ok(())
}

fn bulk(dir: &Path, full: bool) -> ExitCode {
    eprintln!("{IDENTIFIABLE}");
    let started = std::time::Instant::now();
    let options = Options {
        list_skipped: full,
        ..Options::default()
    };
    let mut cohort = Cohort::new(options);
    if let Err(message) = read_export(dir, &mut cohort) {
        eprintln!("assess: {message}");
        return ExitCode::FAILURE;
    }
    let (total, unassigned) = (cohort.len(), cohort.unassigned);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if write_patients(&mut out, cohort.into_patients(), total, full).is_err() {
        return ExitCode::FAILURE;
    }
    let _ = out.flush();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "assess: {total} patients in {seconds:.2} s ({:.0} patients/s); {unassigned} lines named no patient of Patient.ndjson",
        total as f64 / seconds.max(1e-9)
    );
    ExitCode::SUCCESS
}

/// Finishes and prints every patient, in order: batches split over the threads.
fn write_patients(
    out: &mut impl Write,
    patients: Vec<(String, Importer)>,
    total: usize,
    full: bool,
) -> std::io::Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut patients = patients.into_iter();
    let mut done = 0;
    loop {
        // Batches in order, each split over the threads; lines are printed in order.
        let batch: Vec<(String, Importer)> = patients.by_ref().take(BATCH * threads).collect();
        if batch.is_empty() {
            break;
        }
        let size = batch.len().div_ceil(threads);
        let mut parts: Vec<Vec<(String, Importer)>> = Vec::new();
        let mut batch = batch.into_iter();
        loop {
            let part: Vec<_> = batch.by_ref().take(size).collect();
            if part.is_empty() {
                break;
            }
            parts.push(part);
        }
        let lines: Vec<Vec<String>> = std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    scope.spawn(move || {
                        part.into_iter()
                            .map(|(r, i)| patient_line(&r, i, full))
                            .collect()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for line in lines.iter().flatten() {
            writeln!(out, "{line}")?;
            done += 1;
            if done % 1000 == 0 {
                eprintln!("assess: {done} / {total} patients assessed");
            }
        }
    }
    Ok(())
}

/// Patients finished per thread in one batch.
const BATCH: usize = 250;

/// One patient's output line: the summary, or with `--full` the whole assessment.
fn patient_line(reference: &str, importer: Importer, full: bool) -> String {
    let (case, report) = importer.finish();
    let line = if full {
        serde_json::to_string(&with_import_report(&assess(&case), &report))
    } else {
        serde_json::to_string(&summary(reference, &case, &report))
    };
    line.unwrap_or_default()
}

/// One patient's summary line.
fn summary(reference: &str, case: &Case, report: &ImportReport) -> serde_json::Value {
    let a = assess(case);
    let flagged = |status: &str| -> Vec<&str> {
        a.workup
            .items
            .iter()
            .filter(|item| {
                serde_json::to_value(item.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .as_deref()
                    == Some(status)
            })
            .map(|item| item.test.id())
            .collect()
    };
    serde_json::json!({
        "patient": reference,
        "population": a.diagnosis.population,
        "consensus_tier": a.diagnosis.consensus.highest,
        "risk_threshold": a.risk.threshold.status,
        "risk_present": a.risk.present.len(),
        "risk_absent": a.risk.absent.len(),
        "risk_unknown": a.risk.unknown.len(),
        "workup_abnormal": flagged("abnormal"),
        "workup_uninterpretable": flagged("uninterpretable"),
        "msc": a.msc.status,
        "mapped": report.mapped.len(),
        "skipped": report.skipped.len() + report.skipped_not_listed,
        "input_errors": a.input_errors.len(),
    })
}
