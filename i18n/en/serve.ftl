# Strings of the preview server and the starting files: English

## The error overlay of the preview

serve-overlay-title = The site could not be built
serve-overlay-intro = { $count ->
    [one] One error stops the site from building.
   *[other] { $count } errors stop the site from building.
} You are seeing the last version that worked. The page reloads by itself when the file is fixed and saved.
serve-overlay-error = error
serve-overlay-warning = warning
serve-overlay-hint = Hint
serve-overlay-close = Close
serve-no-site-title = No preview yet
serve-no-site-text = The site has not built yet. Fix the errors and save; the page reloads by itself.

## Starting files (tuloskortti new)

scaffold-scorecard-intro = Scorecard: a unit's goals, indicators and follow-up.
scaffold-texts = Texts are written in every language of the site (fi, sv, en). A missing language is shown in the default language.
scaffold-check = Check the file with the command: tuloskortti check
scaffold-organisation = the organisation's id, the name of its file organisations/<id>.yaml
scaffold-unit = the unit this scorecard belongs to
scaffold-kind = scorecard, annual-report or budget
scaffold-year = the year the scorecard covers
scaffold-status-date = the date of the follow-up (YYYY-MM-DD)
scaffold-approved = the date of the committee's decision, if the scorecard has been approved
scaffold-summary = a short summary in plain language (Markdown)
scaffold-themes = themes, the groups of goals, in the order of the document
scaffold-id = id: lowercase letters a–z, digits and hyphens; it becomes part of the page's address
scaffold-goals = goals; a goal may also have targets
scaffold-status = achieved, on-track, at-risk, not-achieved or not-assessed
scaffold-follow-up = follow-up: what has been done and how the goal has progressed (Markdown)
scaffold-indicators = indicators and their values, for example:
scaffold-risks = risk card: likelihood and impact on a scale of 1–4, status green, yellow or red, for example:
scaffold-key-figures = tables of key figures: one value per column, null where there is none, for example:
scaffold-unit-text = Name of the unit
scaffold-summary-text = Write a short summary of what the unit aims for here.
scaffold-theme-id = theme
scaffold-theme-title = Title of the theme
scaffold-goal-id = goal
scaffold-goal-title = Title of the goal.
scaffold-follow-up-text = Write here how the goal has progressed.
scaffold-indicator-title = Name of the indicator
scaffold-indicator-unit = pcs
scaffold-risk-title = Description of the risk.
scaffold-mitigation-text = How the risk is prepared for.
scaffold-figures-title = Financial key figures
scaffold-figures-row = Operating expenses
scaffold-organisation-intro = Organisation: a municipality or a joint municipal authority.
scaffold-organisation-name = Name of the organisation
scaffold-municipality-code = the Statistics Finland municipality code, in quotes
scaffold-languages = the official languages of the municipality
scaffold-website = the address of the website
scaffold-update-intro = News post. The same name ending in .fi.md or .sv.md is the same post in another language.
scaffold-update-title = Title of the post
scaffold-update-date = date of publication; the same in every language version
scaffold-update-organisation = the organisation the post is about (optional)
scaffold-update-related = scorecards or goals the post relates to (optional)
scaffold-update-summary = a short summary for the listings
scaffold-update-summary-text = A short summary of the post.
scaffold-update-body = Write the post here. Markdown works: **bold**, [a link](https://www.example.fi/), lists and tables.
