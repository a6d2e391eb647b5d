//! Round trips of the content through other tools: the texts to
//! translators and back (`translations`, in XLIFF 2 or a spreadsheet), the
//! follow-up to spreadsheet keepers and back (`sheet`). What comes back is
//! written into the content files in place (`yaml_edit`): only the bytes of
//! the texts and values it changes, every other line as it was.

pub mod sheet;
pub mod table;
pub mod translations;
pub mod xliff;
pub mod yaml_edit;

use std::io::Write;
use std::path::{Path, PathBuf};

use fluent::FluentArgs;

use crate::i18n::I18n;

/// The UI strings of import and export messages, in the reader's language.
pub struct Messages<'a> {
    pub i18n: &'a I18n,
    pub lang: String,
}

impl Messages<'_> {
    /// The message `id` with its arguments; the id itself if the UI strings
    /// lack it (the build checks that every language has every id).
    pub fn get(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.to_string());
        }
        self.i18n
            .message(&self.lang, id, Some(&fluent))
            .unwrap_or_else(|err| format!("{id} ({err})"))
    }
}

/// The reader's language: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that names a language of the site (`sv_FI.UTF-8` is `sv`), else the
/// site's default language.
pub fn reader_language(languages: &[String]) -> String {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(var) {
            let code: String = value
                .chars()
                .take_while(|c| c.is_ascii_lowercase())
                .collect();
            if languages.contains(&code) {
                return code;
            }
        }
    }
    languages.first().cloned().unwrap_or_else(|| "fi".into())
}

/// The value at a field path of the model's JSON form (`themes[a].goals[b].title`):
/// an element of a list is found by its `id`, or by its index.
pub fn json_at_mut<'v>(
    value: &'v mut serde_json::Value,
    path: &str,
) -> Option<&'v mut serde_json::Value> {
    let mut node = value;
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            let name = &after[..close];
            rest = &after[close + 1..];
            let items = node.as_array_mut()?;
            let index = items.iter().enumerate().find_map(|(i, item)| {
                let named = match item.get("id").and_then(|id| id.as_str()) {
                    Some(id) => id == name,
                    None => i.to_string() == name,
                };
                named.then_some(i)
            })?;
            node = &mut items[index];
        } else {
            let key_rest = rest.strip_prefix('.').unwrap_or(rest);
            let end = key_rest.find(['.', '[']).unwrap_or(key_rest.len());
            let key = &key_rest[..end];
            rest = &key_rest[end..];
            node = node.as_object_mut()?.get_mut(key)?;
        }
    }
    Some(node)
}

/// Write each `(path under root, text)`: all to temporary files beside
/// their targets first, then each renamed over its target, so that no
/// file is ever half written.
pub fn write_files(root: &Path, files: &[(PathBuf, String)]) -> std::io::Result<()> {
    let mut staged = Vec::new();
    let result = (|| {
        for (path, text) in files {
            let target = root.join(path);
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temporary = target.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
            staged.push((temporary.clone(), target));
            let mut file = std::fs::File::create(&temporary)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
        }
        for (temporary, target) in &staged {
            std::fs::rename(temporary, target)?;
        }
        Ok(())
    })();
    if result.is_err() {
        for (temporary, _) in &staged {
            let _ = std::fs::remove_file(temporary);
        }
    }
    result
}
