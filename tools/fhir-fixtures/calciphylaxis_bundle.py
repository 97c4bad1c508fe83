"""Writes the hand-built calciphylaxis bundle, tests/fhir/calciphylaxis-dialysis.json.

The content carebundle does not make: dialysis dependence, SI units, a warfarin order known
only by a product code and its text, D-dimer in DDU then FEU, a refuted and a provisional
condition, an entered-in-error observation, a later draw that wins, a `<` comparator, a
contained Medication, a readable active vitamin D dose, a Chinese order text. Each resource
says in its id what it tests; the expected case is tests/fhir/calciphylaxis-dialysis.case.json.

    python3 tools/fhir-fixtures/calciphylaxis_bundle.py
"""
import json

P = "urn:uuid:7a1c0000-0000-4000-8000-000000000001"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"


def qty(value, code, comparator=None):
    q = {"value": value, "unit": code, "system": UCUM, "code": code}
    if comparator:
        q["comparator"] = comparator
    return q


def obs(id, loinc, display, date, value, code, status="final", comparator=None, rr=None):
    r = {"resourceType": "Observation", "id": id, "status": status,
         "code": {"coding": [{"system": "http://loinc.org", "code": loinc, "display": display}]},
         "subject": {"reference": P}, "effectiveDateTime": date,
         "valueQuantity": qty(value, code, comparator)}
    if rr:
        r["referenceRange"] = [{"low": qty(rr[0], code), "high": qty(rr[1], code)}]
    return r


def cond(id, code, display, clinical="active", verification="confirmed", onset=None):
    r = {"resourceType": "Condition", "id": id,
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": clinical}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": verification}]},
         "code": {"coding": [{"system": ICD, "code": code, "display": display}]},
         "subject": {"reference": P}}
    if onset:
        r["onsetDateTime"] = onset
    return r


resources = [
    {"resourceType": "Patient", "id": "calci-1", "gender": "female", "birthDate": "1961-05-20"},
    cond("ckd-esrd", "N18.6", "End stage renal disease", onset="2019-03-01"),
    cond("dialysis-dependence", "Z99.2", "Dependence on renal dialysis", onset="2019-04-01"),
    cond("diabetes-refuted", "E11.9", "Type 2 diabetes mellitus without complications", verification="refuted"),
    cond("lupus-provisional", "M32.9", "Systemic lupus erythematosus, unspecified", verification="provisional"),
    cond("breast-cancer-resolved", "C50.911", "Malignant neoplasm of right female breast", clinical="resolved", onset="2012-02-01"),
    obs("calcium-earlier", "17861-6", "Calcium [Mass/volume] in Serum or Plasma", "2026-01-10T08:00:00Z", 2.10, "mmol/L"),
    obs("calcium-later-wins", "17861-6", "Calcium [Mass/volume] in Serum or Plasma", "2026-02-01T08:00:00Z", 2.35, "mmol/L", rr=(2.15, 2.55)),
    obs("phosphate-si", "2777-1", "Phosphate [Mass/volume] in Serum or Plasma", "2026-02-01T08:00:00Z", 2.1, "mmol/L"),
    obs("albumin-si", "1751-7", "Albumin [Mass/volume] in Serum or Plasma", "2026-02-01T08:00:00Z", 28, "g/L"),
    obs("pth-si", "2731-8", "Parathyrin.intact [Mass/volume] in Serum or Plasma", "2026-02-01T08:00:00Z", 85, "pmol/L"),
    obs("pth-entered-in-error", "2731-8", "Parathyrin.intact [Mass/volume] in Serum or Plasma", "2026-02-03T08:00:00Z", 8.5, "pmol/L", status="entered-in-error"),
    obs("creatinine-si", "14682-9", "Creatinine [Moles/volume] in Serum or Plasma", "2026-02-01T08:00:00Z", 650, "umol/L"),
    obs("platelets-si", "26515-7", "Platelets [#/volume] in Blood", "2026-02-01T08:00:00Z", 210, "10*9/L"),
    obs("d-dimer-ddu-earlier", "48066-5", "Fibrin D-dimer DDU [Mass/volume] in Platelet poor plasma", "2026-01-10T08:00:00Z", 400, "ng/mL{DDU}"),
    obs("d-dimer-feu", "48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", "2026-02-01T08:00:00Z", 1.2, "mg/L{FEU}"),
    obs("crp-below-5", "1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "2026-02-01T08:00:00Z", 5, "mg/L", comparator="<"),
    obs("inr", "34714-6", "INR in Blood by Coagulation assay", "2026-02-01T08:00:00Z", 2.6, "{INR}"),
    {"resourceType": "Observation", "id": "factor-v-leiden-not-detected", "status": "final",
     "code": {"coding": [{"system": "http://loinc.org", "code": "21668-9"}]},
     "subject": {"reference": P}, "effectiveDateTime": "2026-02-01",
     "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA11883-8", "display": "Not detected"}]}},
    obs("body-weight", "29463-7", "Body weight", "2026-02-01", 82.5, "kg"),
    {"resourceType": "MedicationRequest", "id": "warfarin-product-code-only", "status": "active", "intent": "order",
     "medicationCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/ndc", "code": "0056-0172-70"},
                                              {"system": RXNORM, "code": "855332"}],
                                   "text": "Warfarin Sodium 5 MG Oral Tablet"},
     "subject": {"reference": P}, "authoredOn": "2025-06-01"},
    {"resourceType": "MedicationStatement", "id": "cinacalcet-contained", "status": "completed",
     "contained": [{"resourceType": "Medication", "id": "med1",
                    "code": {"coding": [{"system": ATC, "code": "H05BX01", "display": "cinacalcet"}]}}],
     "medicationReference": {"reference": "#med1"}, "subject": {"reference": P},
     "effectivePeriod": {"start": "2025-10-01", "end": "2025-12-24"}},
    {"resourceType": "MedicationRequest", "id": "calcitriol-0-5-ug-per-day", "status": "active", "intent": "order",
     "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": "1894", "display": "calcitriol"}]},
     "subject": {"reference": P}, "authoredOn": "2025-11-01",
     "dosageInstruction": [{"timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "d"}},
                            "doseAndRate": [{"doseQuantity": {"value": 0.25, "unit": "mcg", "system": UCUM, "code": "ug"}}]}]},
    {"resourceType": "MedicationAdministration", "id": "heparin-chinese-subcutaneous", "status": "in-progress",
     "medicationCodeableConcept": {"text": "低分子肝素钙注射液"}, "subject": {"reference": P},
     "effectiveDateTime": "2026-02-01", "dosage": {"route": {"text": "皮下注射"}, "dose": {"value": 4000, "unit": "IU"}}},
    {"resourceType": "MedicationRequest", "id": "apixaban-cancelled", "status": "cancelled", "intent": "order",
     "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": "1364430", "display": "apixaban"}]},
     "subject": {"reference": P}},
    {"resourceType": "MedicationAdministration", "id": "sodium-thiosulfate-running", "status": "in-progress",
     "medicationCodeableConcept": {"coding": [{"system": ATC, "code": "V03AB06"}], "text": "sodium thiosulfate 25 g IV"},
     "subject": {"reference": P}, "effectivePeriod": {"start": "2026-01-20"}},
    {"resourceType": "Practitioner", "id": "nephrologist"},
]
entries = []
for i, r in enumerate(resources):
    url = P if r["resourceType"] == "Patient" else f"urn:uuid:7a1c0000-0000-4000-8000-{i:012d}"
    entries.append({"fullUrl": url, "resource": r})
bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
with open("tests/fhir/calciphylaxis-dialysis.json", "w", encoding="utf-8") as f:
    f.write(json.dumps(bundle, indent=1, ensure_ascii=False) + "\n")
