# The messages of check, build and the preview: English.
# Plain words, no programming terms; { $field } is the field's name in the file.

## Before publishing: placeholders of a starting file and example addresses

err-placeholder-text = The field `{ $field }` still holds the starting file's placeholder text.
err-placeholder-text-hint = write the real text instead; a placeholder counts as a missing translation
err-example-address = The field `{ $field }` holds the example address { $value }, which nobody can open.
err-example-address-hint = write the real address instead before publishing
err-example-base-url-hint = write the site's real address in base_url, or give it to the command: tuloskortti build --base-url https://…/

## Mistakes in a file: each at its line, with what to write instead

err-unknown-field = There is no field `{ $field }` here.
err-did-you-mean-field = did you mean `{ $suggestion }`?
err-allowed-fields = the fields allowed here are: { $fields }
err-unknown-value = `{ $value }` is not one of the values `{ $field }` can have.
err-did-you-mean-value = did you mean `{ $suggestion }`? The values are: { $values }
err-allowed-values = write one of: { $values }
err-wrong-type = `{ $field }` should be { $expected ->
    [integer] a whole number
    [number] a number
    [list] a list
    [group] a group of fields
    [yes-no] true or false
   *[text] a text
}, but it is `{ $value }`.
err-wrong-type-hint = { $expected ->
    [integer] write digits only, e.g. 2024
    [number] write digits, with a full stop before the decimals, e.g. 10.5
    [list] write each item on its own line starting with `- `, or [one, two]
    [group] write the fields on the lines below it, indented by two more spaces
    [yes-no] write true or false
   *[text] put the text in quotes if it looks like a number or a date: "2024"
}
err-decimal-comma = `{ $field }` is a number, but `{ $value }` has a decimal comma.
err-decimal-comma-hint = write the decimals after a full stop: { $value }
err-missing-field = The field `{ $field }` is missing.
err-missing-field-hint = add a line `{ $field }: …` here
err-out-of-range = `{ $value }` is outside the range of `{ $field }`.
err-out-of-range-hint = write a number from { $min } to { $max }
err-bad-date = `{ $value }` is not a date.
err-bad-date-hint = write the date as year-month-day, e.g. 2021-07-31
err-bad-period = `{ $value }` is not a period.
err-bad-period-hint = write a year (2021), a month (2021-06), a day (2021-06-30), a half year (2021-H1) or a quarter (2021-Q3)
err-bad-id = `{ $value }` cannot be an id: it becomes part of a web address.
err-bad-id-hint = use lowercase letters a–z, digits and `-`, e.g. `{ $value }`
err-bad-language = `{ $value }` is not a language code.
err-bad-language-hint = write a code of two letters: fi, sv or en
err-bad-related = `{ $value }` does not name a scorecard or a goal.
err-bad-related-hint = write organisation/scorecard, or organisation/scorecard/goal
err-bad-address = `{ $value }` is not a web address.
err-bad-address-hint = write the whole address, starting with https://
err-bad-form = `{ $field }` cannot be `{ $value }`.
err-bad-form-hint = see the comments of a file made with `tuloskortti new` for what to write here
err-empty-list = `{ $field }` needs at least one item.
err-empty-list-hint = write at least one item in the list
err-listed-twice = Something is listed twice in `{ $field }`.
err-listed-twice-hint = remove the second one
err-duplicate-field = The field `{ $field }` is written twice.
err-duplicate-field-hint = keep one of them
err-tab = There is a tab character at the start of this line.
err-tab-hint = indent with spaces only; set your editor to insert spaces for the tab key
err-unquoted-colon = The text has a colon followed by a space, which starts a new field.
err-unquoted-colon-hint = put the text in quotes: title: "Goal: better services"
err-wrong-indentation = This line is indented by { $spaces } spaces, which does not fit the line { $line } above it ({ $other } spaces).
err-wrong-indentation-hint = a field of the same group as line { $line } is indented by { $other } spaces; a field inside it by two more
err-unclosed-quote = A quote is opened but not closed.
err-unclosed-quote-hint = end the text with the same quote mark it starts with
err-unclosed-brackets = A bracket { "{" } or [ is not closed, or a comma is missing.
err-unclosed-brackets-hint = close each { "{" } with { "}" } and each [ with ], and separate the items with commas
err-not-readable = The file cannot be read from here on.
err-not-readable-hint = compare the line with a file made with `tuloskortti new`; check the indentation, colons and quotes
err-no-front-matter = The file must start with its details between two `---` lines.
err-no-front-matter-hint = begin the file with `---`, then `title: …`, then `---`

## Between files and fields: references, ids, the accessibility statement

err-not-web-address = `{ $value }` is not a web address: only addresses starting with https:// or http:// are published as links.
err-municipality-code = `{ $value }` is not a municipality code.
err-municipality-code-hint = write the three digits of Statistics Finland's code in quotes, e.g. "049"
err-scorecard-twice = There is a second scorecard with the id `{ $id }` for `{ $organisation }`.
err-scorecard-twice-hint = give one of them another id
err-page-name-taken = The page name `{ $value }` is already used by the site's own pages or by an organisation.
err-page-name-taken-hint = give the page file another name
err-review-old = The accessibility statement was last reviewed on { $date }, over a year ago.
err-review-old-hint = review the statement (Act 306/2019 asks for a yearly review) and update accessibility.reviewed
err-statement-fully-with-issues = The accessibility statement says the site is fully accessible, but lists { $count ->
    [one] one known issue
   *[other] { $count } known issues
}.
err-statement-fully-with-issues-hint = write compliance: partially while some content is not accessible, or remove the issues that are fixed
err-statement-without-issues = The accessibility statement says the site is not fully accessible, but lists no known issues.
err-statement-without-issues-hint = list under known_issues what is not accessible and why, or write compliance: fully
err-goal-empty = The goal `{ $id }` has no targets, actions, indicators or follow-up.
err-goal-empty-hint = add what the goal's follow-up says, or the targets it is followed by
err-too-many-decimals = decimals: { $value } is more than a key figure is shown with (at most { $max }).
err-too-many-decimals-hint = write as many decimals as the source document shows, e.g. decimals: 1 for 3,0
err-row-values = This row has { $values } values, but the table `{ $table }` has { $columns } columns.
err-row-values-hint = give one value for each column, and null where the source has none
err-values-not-finite = The values must be numbers.
err-unknown-reference = There is no { $what ->
    [organisation] organisation
    [network] network
    [page] page
    [metric] shared metric
   *[theme] theme
} `{ $value }`.
err-define-it = add it first to { $place }
err-duplicate-id = The id `{ $id }` is used for two { $what ->
    [organisation] organisations
    [network] networks
    [metric] shared metrics
    [theme] themes
    [goal] goals or targets
   *[key-figures] key-figure tables
}.
err-duplicate-id-hint = it is used first at { $place }; give each its own id
err-bad-file-name-id = The file name `{ $value }` cannot be an id, which the file name gives.
err-wrong-folder = The scorecard is in the folder scorecards/{ $folder }/, but names the organisation `{ $value }`.
err-wrong-folder-hint = keep each scorecard in the folder of its organisation
err-site-missing = The file content/site.yaml is missing.
err-site-missing-hint = every site needs content/site.yaml with title, base_url, languages and accessibility
err-update-file-name = The name of an update's file must start with its date.
err-update-file-name-hint = name it <year-month-day>-<name>.<language>.md, e.g. 2021-09-01-new-site.en.md
err-update-dates-differ = The language versions of this update have different dates ({ $date } and { $other }).
err-update-dates-differ-hint = give every language version the same date
err-not-a-site-language = `{ $value }` is not one of the site's languages ({ $folder }/<name>.<language>.md).
err-site-languages = the site's languages are { $languages }
err-languages-hint = list at least one language; the first is the site's main language
err-bad-calendar-date = `{ $value }` is not a day of the calendar.
err-reserved-id = `{ $value }` cannot be an id: Windows keeps the name for a device, so the site could not be copied there.
err-dash-in-brackets = A list item starting with `-` is inside brackets [ ].
err-dash-in-brackets-hint = remove the [ and ] around the list, or write its items between them separated by commas

## A build's progress on the terminal

progress-search-index = Search index
progress-pages = Pages
progress-downloads = Downloads
progress-writing = Writing the site

## The last line of check and build

err-summary-ok = No errors.
err-summary-errors = { $count ->
    [one] One error.
   *[other] { $count } errors.
}
err-summary-build-failed = The site was not built: { $count ->
    [one] one error
   *[other] { $count } errors
}. The previous site in { $out } is unchanged.
err-summary-missing = { $count ->
    [0] Every text is translated.
    [one] One text lacks a translation.
   *[other] { $count } texts lack a translation.
}
err-summary-missing-languages = missing { $languages }
err-summary-built = Built { $pages } pages ({ $files } files) into { $out }.
err-summary-built-changed = Built { $pages } pages ({ $files } files) into { $out }; { $changed } of them changed.
err-summary-up-to-date = Up to date: { $pages } pages ({ $files } files) in { $out }; nothing changed since the last build (checked in { $ms } ms; --force builds anyway).

## Reading the files

err-no-content-folder = The folder { $folder } cannot be read ({ $reason }).
err-no-content-folder-hint = run the command in the site's folder, the one with content/, or give it with --root
err-not-content = This file is not one of the site's content files and is left out.
err-not-content-hint = content files are site.yaml, metrics.yaml, networks.yaml, organisations/<organisation>.yaml, scorecards/<organisation>/<name>.yaml, updates/<date>-<name>.<language>.md and pages/<name>.<language>.md
err-link-outside = This is a link to a file outside the project; it is not read.
err-link-outside-hint = copy the file into the project instead of linking to it
err-cannot-read = The file cannot be read ({ $reason }).
err-cannot-read-hint = check that the file is not open in another program and that you may read it
err-not-a-file = This is not a file but a device, a pipe or a folder.
err-too-large = The file is { $bytes } bytes; a content file can be at most { $limit } bytes.
err-too-large-hint = split it into several files
err-not-utf8 = The file is not saved as UTF-8 text.
err-not-utf8-hint = save the file with the UTF-8 encoding (in VS Code: the encoding in the status bar, "Save with Encoding")
err-too-many-repeats = The file repeats its parts (with & and *) more times than a content file can hold.
err-too-many-repeats-hint = write the parts out instead of repeating them with & and *

## The commands' own lines

err-cli-root-not-folder = --root { $path } is not a folder.
err-out-is-project = --out { $path } is the project folder or holds it; a build replaces everything in its output folder. Build into a folder of its own, such as public/.
err-out-inside = --out { $path } lies inside { $folder }/; build into a folder of its own, such as public/.
err-out-unreadable = The folder --out { $path } cannot be read ({ $reason }).
err-out-foreign = --out { $path } holds files that tuloskortti did not write. Give an empty or new folder, or the folder of an earlier build.
err-preview-folder-inside = The preview folder { $path } must not hold the site or lie inside content/, themes/ or i18n/.
err-preview-folder-foreign = The preview folder { $path } is not empty and holds no built site; give --out an empty folder.
err-serve-no-address = The server has no IP address.
err-serve-bind = Cannot listen on { $addr } ({ $reason }). Is another preview already running? Stop it, or choose another port with --port.
err-serve-watch = The site's folders cannot be watched ({ $reason }); --poll checks them for changes instead.
err-cannot-write = { $path } cannot be written ({ $reason }).
err-search-filter = --filter takes FACET=VALUE, e.g. organisation=espoo.
err-search-none = No results.
err-search-some = { $shown } of { $total } results.
err-schema-written = Wrote { $count } schemas into { $path }.
err-schema-unknown-kind = There is no kind `{ $kind }`; the kinds are { $kinds }.
err-new-done = Written. Replace the example texts with your own, then run `tuloskortti check`.
err-new-exists = { $path } already exists; nothing was written.
err-new-invalid-organisation = `{ $value }` cannot be an organisation's id: use lowercase letters a–z, digits and hyphens, e.g. `{ $suggestion }`.
err-new-invalid-scorecard = `{ $value }` cannot be a scorecard's id: use lowercase letters a–z, digits and hyphens, e.g. `{ $suggestion }`.
err-new-invalid-update = `{ $value }` cannot be an update's id: use lowercase letters a–z, digits and hyphens, e.g. `{ $suggestion }`.
