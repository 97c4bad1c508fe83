//! `Patient`: `gender` → sex; `birthDate` → age in whole years on the date of the latest
//! observation used.

use super::importer::{Importer, Output};
use super::model::Patient;
use super::report::{MatchedBy, NotMappedReason, SkipReason};
use crate::core::case::Sex;
use crate::core::date::Date;

#[derive(Debug, Default)]
pub struct PatientFacts {
    resource: Option<String>,
    gender: Option<String>,
    birth_date: Option<String>,
}

impl Importer {
    pub(super) fn read_patient(&mut self, text: &str, name: &str) {
        match serde_json::from_str::<Patient>(text) {
            Ok(patient) => {
                self.report.patient.get_or_insert_with(|| name.to_string());
                self.patient = PatientFacts {
                    resource: Some(name.to_string()),
                    gender: patient.gender,
                    birth_date: patient.birth_date,
                };
            }
            Err(_) => self.skip(name, None, SkipReason::Invalid, None),
        }
    }
}

impl PatientFacts {
    pub(super) fn finish(self, out: &mut Output, date: Option<Date>) {
        let Some(resource) = self.resource.clone() else {
            return;
        };
        let sex = match self.gender.as_deref() {
            Some("female") => Some(Sex::Female),
            Some("male") => Some(Sex::Male),
            _ => None,
        };
        match (sex, &self.gender) {
            (Some(sex), _) => out.case.patient.sex = Some(sex),
            (None, Some(_)) => {
                let resources = vec![resource.clone()];
                out.not_mapped("patient.sex", NotMappedReason::GenderNotSex, resources);
            }
            (None, None) => {}
        }
        if let Some(sex) = sex {
            let value = serde_json::Value::from(sex.id());
            let (field, code) = ("patient.sex".to_string(), None);
            out.mapped(field, value, None, None, code, &resource, MatchedBy::Gender);
        }
        self.age(out, date, &resource);
    }

    fn age(&self, out: &mut Output, date: Option<Date>, resource: &str) {
        let Some(text) = &self.birth_date else {
            return;
        };
        let resources = vec![resource.to_string()];
        let Some(birth) = Date::parse(text) else {
            let reason = NotMappedReason::PartialBirthDate;
            out.not_mapped("patient.age_years", reason, resources);
            return;
        };
        let Some(date) = date else {
            let reason = NotMappedReason::NoObservationDate;
            out.not_mapped("patient.age_years", reason, resources);
            return;
        };
        let age = f64::from(birth.whole_years_to(date));
        out.case.patient.age_years = Some(age);
        let field = "patient.age_years".to_string();
        let (value, on) = (serde_json::Value::from(age), Some(date.to_string()));
        let matched = MatchedBy::BirthDate;
        out.mapped(
            field,
            value,
            None,
            on,
            Some(text.clone()),
            resource,
            matched,
        );
    }
}
