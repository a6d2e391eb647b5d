//! Every text of a part of the model, with where it is, found from the
//! model's own serde description: a field of type [`Text`] is found because
//! it is one, so a new text field reaches the translation report and search
//! without being listed anywhere.
//!
//! The walk is a `serde::Serializer` that writes nothing. [`Text`]
//! serializes as a newtype struct named [`TEXT`] (transparent to JSON,
//! YAML and templates); the walker takes that value back as a `Text` and
//! hands it over with its field path, such as
//! `themes[elinvoima].goals[kuntalaisia-varten].title`: an element of a
//! list whose first field is `id` is named by its id, any other by its
//! index.

use std::fmt;

use serde::Serialize;
use serde::ser;

use super::model::Text;

/// The name [`Text`] serializes under, so that the walker knows it.
pub const TEXT: &str = "tuloskortti::Text";

/// Calls `found(path, text)` for every text in `value`, in field order,
/// skipping the fields whose path `skip` returns true for (and what is in
/// them). Paths start with `prefix` (empty, or e.g. `accessibility`).
pub fn each_text<T: Serialize + ?Sized>(
    value: &T,
    prefix: &str,
    skip: &dyn Fn(&str) -> bool,
    found: &mut dyn FnMut(&str, &Text),
) {
    let mut walker = Walker {
        path: prefix.to_string(),
        skip,
        found,
    };
    // The walker itself never fails; an error could only come from a
    // model type's own Serialize, and none of them has one.
    let _ = value.serialize(&mut walker);
}

/// The texts of `value` with their paths, owned (for reports and tests).
pub fn texts_of<T: Serialize + ?Sized>(value: &T, prefix: &str) -> Vec<(String, Text)> {
    let mut out = Vec::new();
    each_text(value, prefix, &|_| false, &mut |path, text| {
        out.push((path.to_string(), text.clone()))
    });
    out
}

struct Walker<'a> {
    path: String,
    skip: &'a dyn Fn(&str) -> bool,
    found: &'a mut dyn FnMut(&str, &Text),
}

impl Walker<'_> {
    /// Serializes `value` one step further down the path, then steps back.
    fn descend<T: Serialize + ?Sized>(&mut self, step: &str, value: &T) -> Result<(), Stop> {
        let len = self.path.len();
        self.path.push_str(step);
        let result = if (self.skip)(&self.path) {
            Ok(())
        } else {
            value.serialize(&mut *self)
        };
        self.path.truncate(len);
        result
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Stop> {
        if key == "id" {
            self.name_element_by_id(value);
        }
        let step = if self.path.is_empty() {
            key.to_string()
        } else {
            format!(".{key}")
        };
        self.descend(&step, value)
    }

    /// `...[3]` becomes `...[the-id]` when the element's `id` is a string.
    fn name_element_by_id<T: Serialize + ?Sized>(&mut self, value: &T) {
        let Some(open) = self.path.rfind('[') else {
            return;
        };
        let index = &self.path[open + 1..];
        if !(index.ends_with(']') && index[..index.len() - 1].bytes().all(|b| b.is_ascii_digit())) {
            return;
        }
        if let Ok(serde_json::Value::String(id)) = serde_json::to_value(value) {
            self.path.truncate(open);
            self.path.push('[');
            self.path.push_str(&id);
            self.path.push(']');
        }
    }
}

/// Never produced by the walker; `serde` needs an error type.
#[derive(Debug)]
pub struct Stop(String);

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: fmt::Display>(message: M) -> Self {
        Stop(message.to_string())
    }
}

/// Scalars hold no text: every one of them is passed over.
macro_rules! pass_over {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(fn $method(self, _: $type) -> Result<(), Stop> { Ok(()) })*
    };
}

impl<'w, 'a> ser::Serializer for &'w mut Walker<'a> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Elements<'w, 'a>;
    type SerializeTuple = Elements<'w, 'a>;
    type SerializeTupleStruct = Elements<'w, 'a>;
    type SerializeTupleVariant = Elements<'w, 'a>;
    type SerializeMap = Entries<'w, 'a>;
    type SerializeStruct = Fields<'w, 'a>;
    type SerializeStructVariant = Fields<'w, 'a>;

    pass_over!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        if name != TEXT {
            return value.serialize(self);
        }
        // Back from its written form (a string or a map of languages),
        // which is what `Text` reads.
        let written = serde_json::to_value(value).map_err(ser::Error::custom)?;
        let text: Text = serde::Deserialize::deserialize(written).map_err(ser::Error::custom)?;
        (self.found)(&self.path, &text);
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Elements<'w, 'a>, Stop> {
        Ok(Elements {
            walker: self,
            index: 0,
        })
    }

    fn serialize_tuple(self, _: usize) -> Result<Elements<'w, 'a>, Stop> {
        self.serialize_seq(None)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Elements<'w, 'a>, Stop> {
        self.serialize_seq(None)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Elements<'w, 'a>, Stop> {
        self.serialize_seq(None)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'w, 'a>, Stop> {
        Ok(Entries {
            walker: self,
            key: String::new(),
        })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'w, 'a>, Stop> {
        Ok(Fields { walker: self })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Fields<'w, 'a>, Stop> {
        Ok(Fields { walker: self })
    }
}

pub struct Elements<'w, 'a> {
    walker: &'w mut Walker<'a>,
    index: usize,
}

impl Elements<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let step = format!("[{}]", self.index);
        self.index += 1;
        self.walker.descend(&step, value)
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Elements<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
                self.element(value)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

pub struct Fields<'w, 'a> {
    walker: &'w mut Walker<'a>,
}

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Fields<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Stop> {
                self.walker.field(key, value)
            }
            fn end(self) -> Result<(), Stop> {
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

/// A map's entries, named by their keys (a map of the model is keyed by
/// strings or numbers).
pub struct Entries<'w, 'a> {
    walker: &'w mut Walker<'a>,
    key: String,
}

impl ser::SerializeMap for Entries<'_, '_> {
    type Ok = ();
    type Error = Stop;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = match serde_json::to_value(key) {
            Ok(serde_json::Value::String(key)) => key,
            Ok(other) => other.to_string(),
            Err(err) => return Err(ser::Error::custom(err)),
        };
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let key = std::mem::take(&mut self.key);
        self.walker.field(&key, value)
    }

    fn end(self) -> Result<(), Stop> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Goal;

    fn goal(yaml: &str) -> Goal {
        serde_saphyr::from_str(yaml).unwrap()
    }

    #[test]
    fn every_text_of_a_goal_is_found_with_its_path() {
        let goal = goal(
            "id: g\ntitle: {fi: Tavoite, sv: Mål}\nactions: [Toimi]\n\
             indicators:\n  - title: Mittari\n    values:\n      - {period: 2021, value: 1, note: Huom}\n\
             status: achieved\nfollow_up: Seuranta\n\
             targets:\n  - id: t-1\n    title: Kohde\n",
        );
        let paths: Vec<String> = texts_of(&goal, "").into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "title",
                "actions[0]",
                "indicators[0].title",
                "indicators[0].values[0].note",
                "follow_up",
                "targets[t-1].title",
            ]
        );
        let (_, title) = &texts_of(&goal, "")[0];
        assert_eq!(title.get("sv", "fi"), Some("Mål"));
        assert_eq!(title.get("en", "fi"), None);
    }

    #[test]
    fn skipped_fields_and_what_is_in_them_are_not_visited() {
        let goal = goal("id: g\ntitle: T\ntargets:\n  - id: t\n    title: K\n    follow_up: S\n");
        let mut seen = Vec::new();
        each_text(
            &goal,
            "x",
            &|path| path.ends_with(".targets"),
            &mut |p, _| seen.push(p.to_string()),
        );
        assert_eq!(seen, ["x.title"]);
    }

    #[test]
    fn a_text_still_writes_as_a_string_or_a_map() {
        let goal = goal("id: g\ntitle: {fi: A, en: B}\nfollow_up: C\n");
        let json = serde_json::to_value(&goal).unwrap();
        assert_eq!(json["title"], serde_json::json!({"en": "B", "fi": "A"}));
        assert_eq!(json["follow_up"], "C");
    }
}
