//! Three-valued statuses. Unknown is never folded into false: a criterion that depends on
//! an unknown input is unknown, and an overall result is settled only when the unknowns
//! cannot change it (Kleene logic).

use serde::Serialize;

/// A risk factor or other property of the patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Present,
    Absent,
    Unknown,
}

/// A criterion of a diagnostic rule or of the MSC assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unknown,
}

impl From<Option<bool>> for Presence {
    fn from(value: Option<bool>) -> Self {
        match value {
            Some(true) => Presence::Present,
            Some(false) => Presence::Absent,
            None => Presence::Unknown,
        }
    }
}

impl From<Option<bool>> for Status {
    fn from(value: Option<bool>) -> Self {
        match value {
            Some(true) => Status::Met,
            Some(false) => Status::NotMet,
            None => Status::Unknown,
        }
    }
}

impl Status {
    pub fn as_option(self) -> Option<bool> {
        match self {
            Status::Met => Some(true),
            Status::NotMet => Some(false),
            Status::Unknown => None,
        }
    }
}

impl Presence {
    pub fn as_option(self) -> Option<bool> {
        match self {
            Presence::Present => Some(true),
            Presence::Absent => Some(false),
            Presence::Unknown => None,
        }
    }
}

/// Kleene AND: false wins, then unknown.
pub fn all(values: impl IntoIterator<Item = Option<bool>>) -> Option<bool> {
    let mut result = Some(true);
    for value in values {
        match value {
            Some(false) => return Some(false),
            None => result = None,
            Some(true) => {}
        }
    }
    result
}

/// Kleene OR: true wins, then unknown.
pub fn any(values: impl IntoIterator<Item = Option<bool>>) -> Option<bool> {
    let mut result = Some(false);
    for value in values {
        match value {
            Some(true) => return Some(true),
            None => result = None,
            Some(false) => {}
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_truth_tables() {
        assert_eq!(all([Some(true), None]), None);
        assert_eq!(all([None, Some(false)]), Some(false));
        assert_eq!(all([Some(true), Some(true)]), Some(true));
        assert_eq!(any([Some(false), None]), None);
        assert_eq!(any([None, Some(true)]), Some(true));
        assert_eq!(any([Some(false), Some(false)]), Some(false));
        assert_eq!(all([]), Some(true));
        assert_eq!(any([]), Some(false));
    }
}
