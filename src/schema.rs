//! `tuloskortti schema`: a JSON Schema (draft 2020-12) of the content files,
//! so that an editor's YAML support completes field names and marks
//! mistakes while typing. It mirrors `content::model`; a test validates the
//! repository's content and the fixtures against it.

use std::path::Path;

use serde_json::{Value, json};

use crate::content::load::{FileKind, classify};

/// The kinds of content file, each with its own schema.
/// Version of the dataset format; bumped when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

pub const KINDS: [&str; 7] = [
    "site",
    "organisation",
    "scorecard",
    "metrics",
    "networks",
    "update",
    "page",
];

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema kind of a content file (by its place under the site root).
pub fn kind_of(relative: &Path) -> Option<&'static str> {
    Some(match classify(relative)? {
        FileKind::Site => "site",
        FileKind::Metrics => "metrics",
        FileKind::Networks => "networks",
        FileKind::Organisation { .. } => "organisation",
        FileKind::Scorecard { .. } => "scorecard",
        FileKind::Post { .. } => "update",
        FileKind::Page { .. } => "page",
    })
}

/// Every kind in one document: valid input is any one content file.
pub fn bundle() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "tuloskortti content file",
        "description": "Any file under content/: site.yaml, metrics.yaml, networks.yaml, organisations/<org>.yaml, scorecards/<org>/<slug>.yaml, or the front matter of updates/ and pages/. Use `tuloskortti schema --kind KIND` for one kind.",
        "anyOf": KINDS.iter().map(|k| json!({"$ref": format!("#/$defs/{k}")})).collect::<Vec<_>>(),
        "$defs": definitions(),
    })
}

/// The schema of one kind of file, self-contained.
pub fn for_kind(kind: &str) -> Option<Value> {
    if !KINDS.contains(&kind) {
        return None;
    }
    Some(json!({
        "$schema": DRAFT,
        "title": format!("tuloskortti {kind} file"),
        "$ref": format!("#/$defs/{kind}"),
        "$defs": definitions(),
    }))
}

/// The schema of the whole dataset download, `data/tuloskortti.json`: the
/// content files' own definitions, with every id filled in.
pub fn dataset() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "tuloskortti dataset",
        "description": "Every organisation, network, shared metric and scorecard of the site, in every language. Texts are a string in the first of `languages`, or {fi: ..., sv: ..., en: ...}.",
        "type": "object",
        "additionalProperties": false,
        "required": ["format", "version", "title", "base_url", "languages", "licence", "organisations", "networks", "metrics", "scorecards"],
        "properties": {
            "format": {"const": "tuloskortti-dataset"},
            "version": {"const": FORMAT_VERSION},
            "title": reference("text"),
            "base_url": reference("url"),
            "languages": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^[a-z]{2,3}$"}},
            "licence": {"type": "string"},
            "organisations": list_of(with_id("organisation")),
            "networks": reference("networks"),
            "metrics": reference("metrics"),
            "scorecards": list_of(with_id("scorecard")),
        },
        "$defs": definitions(),
    })
}

/// The schema of one scorecard's download, `data/<org>/<scorecard>.json`.
pub fn scorecard_download() -> Value {
    let mut schema = with_id("scorecard");
    let object = schema.as_object_mut().expect("an object");
    object.insert("$schema".into(), json!(DRAFT));
    object.insert("title".into(), json!("tuloskortti scorecard"));
    object.insert("$defs".into(), definitions());
    schema
}

/// A definition whose `id` is required (downloads always carry it).
fn with_id(name: &str) -> Value {
    json!({"allOf": [reference(name), {"required": ["id"]}]})
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/$defs/{name}")})
}

fn described(name: &str, description: &str) -> Value {
    json!({"$ref": format!("#/$defs/{name}"), "description": description})
}

fn list_of(item: Value) -> Value {
    json!({"type": "array", "items": item})
}

/// A closed object: only these properties, these required.
fn object(required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

fn definitions() -> Value {
    let text_map = |description: &str| {
        json!({
            "type": "object",
            "description": description,
            "propertyNames": {"pattern": "^[a-z]{2,3}$"},
            "properties": {
                "fi": {"type": "string", "description": "suomeksi"},
                "sv": {"type": "string", "description": "på svenska"},
                "en": {"type": "string", "description": "in English"},
            },
            "additionalProperties": {"type": "string"},
        })
    };
    json!({
        "text": {
            "description": "A text: a string in the site's default language, or {fi: ..., sv: ..., en: ...}.",
            "anyOf": [{"type": "string"}, text_map("The text in each language")],
        },
        "markdown": {
            "description": "A Markdown text (tables, autolinks, strikethrough; raw HTML is not rendered): a string, or {fi: ..., sv: ..., en: ...}.",
            "anyOf": [{"type": "string"}, text_map("The Markdown text in each language")],
        },
        "id": {
            "type": "string",
            "description": "An id: lowercase ASCII letters, digits and `-`, as in URLs.",
            "pattern": "^[a-z0-9]([a-z0-9-]{0,78}[a-z0-9])?$",
        },
        "date": {
            "type": "string",
            "description": "A date, YYYY-MM-DD.",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        },
        "period": {
            "description": "YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2 or YYYY-Q1..Q4.",
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-H[12]|-Q[1-4])?$"},
            ],
        },
        "url": {"type": "string", "pattern": "^https?://"},
        "level": {
            "type": "integer", "minimum": 1, "maximum": 4,
            "description": "The risk card's scale: 1 (low) to 4 (high).",
        },
        "status": {
            "enum": ["achieved", "on-track", "at-risk", "not-achieved", "not-assessed"],
            "description": "How far the goal or target got.",
        },
        "direction": {
            "enum": ["increase", "decrease"],
            "description": "Which way is better.",
        },
        "site": object(&["title", "base_url", "languages", "accessibility"], json!({
            "title": reference("text"),
            "base_url": described("url", "The public address of the site, e.g. https://tavoitteet.example.fi/"),
            "languages": {
                "type": "array", "minItems": 1, "uniqueItems": true,
                "items": {"type": "string", "pattern": "^[a-z]{2,3}$"},
                "description": "The site's languages; the first is the default.",
            },
            "theme": {"type": "string", "description": "A folder under themes/ (default: default)."},
            "description": reference("text"),
            "publisher": reference("text"),
            "licence": reference("text"),
            "accessibility": reference("accessibility"),
        })),
        "accessibility": object(&["compliance", "reviewed", "feedback", "authority"], json!({
            "compliance": {"enum": ["fully", "partially", "not"]},
            "reviewed": described("date", "When the accessibility statement was last reviewed."),
            "assessment": reference("text"),
            "feedback": object(&["email"], json!({
                "email": {"type": "string"},
                "url": {"type": "string"},
                "name": reference("text"),
            })),
            "authority": object(&["name", "url"], json!({
                "name": reference("text"),
                "url": {"type": "string"},
                "email": {"type": "string"},
                "phone": {"type": "string"},
            })),
            "known_issues": list_of(reference("text")),
        })),
        "organisation": object(&["name"], json!({
            "id": reference("id"),
            "name": reference("text"),
            "municipality_code": {
                "type": "string", "pattern": "^[0-9]{3}$",
                "description": "The Statistics Finland code, three digits in quotes: \"049\".",
            },
            "languages": list_of(json!({"type": "string", "pattern": "^[a-z]{2,3}$"})),
            "website": {"type": "string"},
            "networks": list_of(reference("id")),
        })),
        "metrics": list_of(object(&["id", "title"], json!({
            "id": reference("id"),
            "title": reference("text"),
            "unit": reference("text"),
            "direction": reference("direction"),
            "description": reference("text"),
        }))),
        "networks": list_of(object(&["id", "name"], json!({
            "id": reference("id"),
            "name": reference("text"),
            "page": described("id", "A page under pages/ that describes the network."),
        }))),
        "scorecard": object(&["organisation", "unit", "kind", "year", "status_date"], json!({
            "id": reference("id"),
            "organisation": described("id", "An organisation under organisations/."),
            "unit": reference("text"),
            "body": described("text", "The committee that approves the scorecard."),
            "kind": {"enum": ["scorecard", "annual-report", "budget"]},
            "year": {"type": "integer"},
            "status_date": described("date", "The date of the follow-up."),
            "approved": reference("date"),
            "source": reference("text"),
            "summary": reference("markdown"),
            "sections": list_of(object(&["title", "body"], json!({
                "title": reference("text"),
                "body": reference("markdown"),
            }))),
            "themes": list_of(reference("theme")),
            "risks": list_of(reference("risk")),
            "key_figures": list_of(reference("key_figures")),
        })),
        "theme": object(&["id", "title"], json!({
            "id": reference("id"),
            "title": reference("text"),
            "aim": reference("markdown"),
            "goals": list_of(reference("goal")),
        })),
        "goal": object(&["id", "title"], json!({
            "id": reference("id"),
            "title": reference("text"),
            "actions": list_of(reference("text")),
            "results": list_of(reference("text")),
            "indicators": list_of(reference("indicator")),
            "status": reference("status"),
            "follow_up": reference("markdown"),
            "targets": list_of(reference("target")),
        })),
        "target": object(&["id", "title"], json!({
            "id": reference("id"),
            "title": reference("text"),
            "actions": list_of(reference("text")),
            "results": list_of(reference("text")),
            "indicators": list_of(reference("indicator")),
            "status": reference("status"),
            "follow_up": reference("markdown"),
        })),
        "indicator": object(&["title"], json!({
            "title": reference("text"),
            "metric": described("id", "A metric of metrics.yaml."),
            "unit": reference("text"),
            "direction": reference("direction"),
            "target": object(&[], json!({
                "value": {"type": "number"},
                "text": reference("text"),
            })),
            "values": list_of(object(&["period", "value"], json!({
                "period": reference("period"),
                "value": {"type": "number"},
                "note": reference("text"),
            }))),
        })),
        "risk": object(&["theme", "title", "likelihood", "impact", "mitigation", "status"], json!({
            "theme": described("id", "A theme of this scorecard."),
            "title": reference("text"),
            "likelihood": reference("level"),
            "impact": reference("level"),
            "mitigation": reference("markdown"),
            "owner": reference("text"),
            "status": {
                "enum": ["green", "yellow", "red"],
                "description": "green: monitored, no action; yellow: action needed; red: urgent.",
            },
        })),
        "key_figures": object(&["id", "title", "columns", "rows"], json!({
            "id": reference("id"),
            "title": reference("text"),
            "columns": list_of(object(&["kind", "year"], json!({
                "kind": {"enum": ["actual", "budget", "plan"]},
                "year": {"type": "integer"},
            }))),
            "rows": list_of(object(&["label", "unit", "values"], json!({
                "label": reference("text"),
                "unit": {
                    "description": "EUR, percent, count, or a text.",
                    "anyOf": [{"enum": ["EUR", "percent", "count"]}, reference("text")],
                },
                "decimals": {"type": "integer", "minimum": 0, "maximum": 6},
                "values": {
                    "type": "array",
                    "items": {"type": ["number", "null"]},
                    "description": "One value per column; null where the source has none.",
                },
            }))),
            "notes": reference("markdown"),
        })),
        "update": object(&["title", "date"], json!({
            "title": {"type": "string"},
            "date": reference("date"),
            "organisation": reference("id"),
            "related": list_of(json!({
                "type": "string",
                "pattern": "^[a-z0-9-]+/[a-z0-9-]+(/[a-z0-9-]+)?$",
                "description": "<org>/<scorecard> or <org>/<scorecard>/<goal>.",
            })),
            "summary": {"type": "string"},
        })),
        "page": object(&["title"], json!({
            "title": {"type": "string"},
            "summary": {"type": "string"},
        })),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_is_defined() {
        let schema = bundle();
        let defs = schema["$defs"].as_object().unwrap();
        let text = schema.to_string();
        for (start, _) in text.match_indices("#/$defs/") {
            let name: String = text[start + 8..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            assert!(defs.contains_key(&name), "{name}");
        }
        for kind in KINDS {
            assert!(for_kind(kind).is_some());
        }
        assert!(for_kind("nonsense").is_none());
    }

    /// The fields serde accepts for `T`, from its "unknown field" message.
    fn model_fields<T: serde::de::DeserializeOwned>() -> Vec<String> {
        let Err(err) = serde_saphyr::from_str::<T>("__probe__: 1\n") else {
            panic!("the probe field was accepted");
        };
        let message = err.to_string();
        let first = message.lines().next().unwrap_or_default();
        let expected = first
            .split_once("expected one of ")
            .or_else(|| first.split_once("expected "))
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("{message}"));
        let mut fields: Vec<String> = expected
            .split([',', ' '])
            .filter(|w| !w.is_empty() && *w != "or")
            .map(|w| w.trim_matches('`').to_string())
            .collect();
        fields.sort();
        fields
    }

    /// The schema's properties at a `$defs` path such as `scorecard` or
    /// `indicator/properties/target`.
    fn schema_fields(path: &str) -> Vec<String> {
        let schema = bundle();
        let mut node = &schema["$defs"];
        for part in path.split('/') {
            node = &node[part];
        }
        if node["type"] == "array" {
            node = &node["items"];
        }
        let mut fields: Vec<String> = node["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{path}"))
            .keys()
            .cloned()
            .collect();
        fields.sort();
        fields
    }

    /// Every field of the model is in the schema, and no other: a field
    /// added to `content::model` fails here until the schema has it.
    #[test]
    fn the_schema_follows_the_model() {
        use crate::content::model::*;
        let pairs: Vec<(&str, Vec<String>)> = vec![
            ("site", model_fields::<SiteFile>()),
            ("accessibility", model_fields::<AccessibilityFile>()),
            (
                "accessibility/properties/feedback",
                model_fields::<Feedback>(),
            ),
            (
                "accessibility/properties/authority",
                model_fields::<Authority>(),
            ),
            ("organisation", model_fields::<OrganisationFile>()),
            ("networks", model_fields::<NetworkFile>()),
            ("metrics", model_fields::<MetricFile>()),
            ("scorecard", model_fields::<ScorecardFile>()),
            ("scorecard/properties/sections", model_fields::<Section>()),
            ("theme", model_fields::<Theme>()),
            ("goal", model_fields::<Goal>()),
            ("target", model_fields::<Target>()),
            ("indicator", model_fields::<Indicator>()),
            (
                "indicator/properties/target",
                model_fields::<IndicatorTarget>(),
            ),
            ("indicator/properties/values", model_fields::<Measurement>()),
            ("risk", model_fields::<Risk>()),
            ("key_figures", model_fields::<KeyFigures>()),
            ("key_figures/properties/columns", model_fields::<Column>()),
            ("key_figures/properties/rows", model_fields::<FigureRow>()),
            ("update", model_fields::<PostFrontMatter>()),
            ("page", model_fields::<PageFrontMatter>()),
        ];
        for (path, model) in pairs {
            assert_eq!(schema_fields(path), model, "$defs/{path}");
        }
    }

    #[test]
    fn files_are_matched_to_their_kind() {
        let kind = |p: &str| kind_of(Path::new(p));
        assert_eq!(kind("content/site.yaml"), Some("site"));
        assert_eq!(
            kind("content/scorecards/espoo/2021-x.yaml"),
            Some("scorecard")
        );
        assert_eq!(kind("content/updates/2021-09-01-x.fi.md"), Some("update"));
        assert_eq!(kind("content/README.txt"), None);
    }
}
