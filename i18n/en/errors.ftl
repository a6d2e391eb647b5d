# The messages of check, build and the preview: English.
# Plain words, no programming terms; { $field } is the field's name in the file.

## Before publishing: placeholders of a starting file and example addresses

placeholder-text = The field `{ $field }` still holds the starting file's placeholder text.
placeholder-text-hint = write the real text instead; a placeholder counts as a missing translation
example-address = The field `{ $field }` holds the example address { $value }, which nobody can open.
example-address-hint = write the real address instead before publishing
example-base-url-hint = write the site's real address in base_url, or give it to the command: tuloskortti build --base-url https://…/
