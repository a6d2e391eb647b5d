//! `tuloskortti schema`: a JSON Schema (draft 2020-12) of the content files,
//! so that an editor's YAML support completes field names and marks
//! mistakes while typing. It is derived from `content::model` (schemars:
//! the types, their serde attributes and doc comments), so a new field is
//! in it without being written here; a test validates the repository's
//! content and the fixtures against it.

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

/// The descriptions of `schema`'s definitions and fields in a language:
/// `say` gives the UI string `schema-<definition>` or
/// `schema-<definition>-<field>` (`i18n/<lang>/schema.ftl`), where there is
/// one; the rest stay as the model's documentation says (English).
pub fn in_language(schema: &mut Value, say: &dyn Fn(&str) -> Option<String>) {
    let Some(definitions) = schema.get_mut("$defs").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, definition) in definitions.iter_mut() {
        if definition.get("description").is_some()
            && let Some(text) = say(&format!("schema-{name}"))
        {
            definition["description"] = Value::String(text);
        }
        let Some(properties) = definition
            .get_mut("properties")
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        for (field, property) in properties.iter_mut() {
            if property.get("description").is_some()
                && let Some(text) = say(&format!("schema-{name}-{field}"))
            {
                property["description"] = Value::String(text);
            }
        }
    }
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
            "base_url": {"type": "string", "pattern": "^https?://"},
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

fn list_of(item: Value) -> Value {
    json!({"type": "array", "items": item})
}

/// Every definition, derived from `content::model`.
fn definitions() -> Value {
    crate::content::model::schema_definitions()
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

    /// Every field serde reads is in the derived schema, and no other (a
    /// serde attribute that schemars does not follow would show here).
    #[test]
    fn the_schema_follows_the_model() {
        use crate::content::model::*;
        let pairs: Vec<(&str, Vec<String>)> = vec![
            ("site", model_fields::<SiteFile>()),
            ("accessibility", model_fields::<AccessibilityFile>()),
            ("feedback", model_fields::<Feedback>()),
            ("authority", model_fields::<Authority>()),
            ("organisation", model_fields::<OrganisationFile>()),
            ("network", model_fields::<NetworkFile>()),
            ("metric", model_fields::<MetricFile>()),
            ("scorecard", model_fields::<ScorecardFile>()),
            ("section", model_fields::<Section>()),
            ("theme", model_fields::<Theme>()),
            ("goal", model_fields::<Goal>()),
            ("target", model_fields::<Target>()),
            ("indicator", model_fields::<Indicator>()),
            ("indicator_target", model_fields::<IndicatorTarget>()),
            ("measurement", model_fields::<Measurement>()),
            ("risk", model_fields::<Risk>()),
            ("key_figures", model_fields::<KeyFigures>()),
            ("column", model_fields::<Column>()),
            ("figure_row", model_fields::<FigureRow>()),
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
