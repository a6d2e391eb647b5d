# Messages of translations export/import and sheet export/import: English

roundtrip-exported = { $count } text(s) to translate into { $lang } written to { $file }.
roundtrip-imported = { $count } translation(s) written into { $files } file(s).
roundtrip-refused = Nothing was changed: { $count } problem(s).
roundtrip-out-exists = { $file } already exists; choose another file with --out, or remove it first.
roundtrip-unknown-lang = The site has no language “{ $lang }”; it has { $languages }.
roundtrip-unknown-format = Unknown format “{ $format }”: xliff or xlsx.
roundtrip-wrong-source = The file translates from “{ $lang }”, but the texts of this site are written in { $default }.
roundtrip-wrong-target = The file is a translation into “{ $lang }”, which is not a language to translate this site into ({ $languages }).
roundtrip-foreign-hint = Import only a file that tuloskortti made from this site; no file was changed.
roundtrip-duplicate = The text { $id } is in the file twice; the first is at { $first }.
roundtrip-unknown = No text of this site has the id { $id } ({ $file }, { $field }): the text was removed or moved, or the file was made from another site.
roundtrip-stale = The source text of { $field } changed after the export (the entry at { $entry }); it now reads: { $text }
roundtrip-stale-hint = Export again and translate the text as it is now; no file was changed.
roundtrip-no-file = The content file is no longer there.
roundtrip-cannot-edit = The new text cannot be written into this file: { $detail }
roundtrip-cannot-edit-hint = No file was changed. Write this text into the file by hand.
roundtrip-read-back = the edited file would not read back with only the new texts changed
roundtrip-markdown-whole = { $file } needs both its title and its body translated: a page or post is written only as a whole.
roundtrip-broken-xml = The file is not readable XLIFF: { $detail }
roundtrip-broken-hint = Save the file again from the translation tool as XLIFF 2; no file was changed.
roundtrip-not-xliff2 = not an XLIFF 2 document (an <xliff version="2.0"> element in the namespace urn:oasis:names:tc:xliff:document:2.0)
roundtrip-inline = a text holds inline codes (<ph>, <pc>, …); the texts of this site take plain text only
roundtrip-broken-sheet = The spreadsheet cannot be read: { $detail }
roundtrip-broken-sheet-hint = Save it again as an Excel workbook (.xlsx) or as CSV with the columns as exported; no file was changed.
roundtrip-missing-column = the column “{ $column }” is missing
roundtrip-column-id = id
roundtrip-column-file = file
roundtrip-column-field = field
roundtrip-column-context = context
roundtrip-column-source = source ({ $lang })
roundtrip-column-target = translation ({ $lang })
roundtrip-cut-short = the file ends before its last element is closed (</xliff>)
