# Interface strings: English

language-name = English
lang-name-fi = Finnish
lang-name-sv = Swedish
lang-name-en = English
fallback-notice = not available in English; shown in { $shown ->
    [fi] Finnish
    [sv] Swedish
   *[other] the original language
}

## Formats

format-number = { $value }
format-money = { $sign }€{ $amount }
format-date = { $day } { $monthname } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
period-year = { $year }
period-half = { $half ->
    [1] January–June { $year }
   *[other] July–December { $year }
}
period-quarter = Q{ $quarter } { $year }
period-month = { $monthname } { $year }
column-actual = Actual { $year }
column-budget = Budget { $year }
column-plan = Plan { $year }
figures-columns-legend = Actual: from the financial statements; Budget: the approved budget; Plan: the financial plan.
unit-count = number

## Site frame

skip-to-content = Skip to content
language-nav-label = Language
main-nav-label = Main menu
breadcrumb-label = You are here
nav-home = Home
footer-generator = This site is made with the open tuloskortti software. The information comes from the municipalities' own documents.
root-enter = Go to the home page in English

## Statuses

status-achieved = Achieved
status-on-track = On track
status-at-risk = At risk
status-not-achieved = Not achieved
status-not-assessed = Not assessed
status-summary-label = Status of the goals, { $count ->
    [one] { $count } goal
   *[other] { $count } goals
}
goal-count = { $count ->
    [one] { $count } goal
   *[other] { $count } goals
}
risk-status-green = Monitored, no action needed
risk-status-yellow = Action needed
risk-status-red = Urgent action needed

## Home

home-status-heading = Status of the goals
home-organisations-heading = Municipalities and scorecards
home-all-scorecards = { $count ->
    [one] { $count } scorecard
   *[other] All { $count } scorecards
}
status-date-line = Status on { $date }
network-members = { $count ->
    [one] { $count } member city
   *[other] { $count } member cities
}
updates-title = News
updates-latest = Latest news
updates-all = All news
updates-none = There is no news yet.
related-heading = Related scorecards and goals

## Organisation

organisation = Organisation
municipality-code = Municipality code
official-languages = Official languages
website = Website
networks = Networks
organisation-scorecards = Scorecards and reports
organisation-no-scorecards = No scorecards have been published for this municipality yet.

## Scorecard

kind-scorecard = Scorecard
kind-annual-report = Annual report
kind-budget = Budget
scorecard-title = { $unit }: { $kind } { $year }
scorecard = Scorecard
committee = Decision-making body
status-date = Status date
approved = Approved
source = Source document
scorecard-status-heading = Status at a glance
contents = Contents
theme = Theme
aim-heading = Aim
filter-concerns = Show only the goals at risk or not achieved ({ $count })
filter-all = Show all goals
back-to-top = Back to the top
goal-page-link = The goal's own page
goal-status-heading = Status
targets-heading = Performance targets
actions-heading = Actions
results-heading = Intended results
indicators-heading = Indicators and assessment criteria
indicator-target = Target level
indicator-values-caption = Measured values
direction-increase = A higher value is better.
direction-decrease = A lower value is better.
period = Period
value = Value
follow-up-heading = Follow-up
no-follow-up = No follow-up has been given, so the goal has not been assessed.
goal-pager-label = Other goals in the same scorecard
previous-goal = Previous goal
next-goal = Next goal

## Risks

risks-heading = Risk card
theme-risks-heading = Risks of the theme
risk-matrix-intro = The risks have been assessed on a scale of 1 to 4 by how likely they are and how large their impact would be. The table shows where each risk is placed; the risks are described in more detail below it.
risk-matrix-caption = Risk matrix: likelihood and impact
risk-matrix-corner = Likelihood / impact
risk-zone-low = Low risk
risk-zone-medium = Moderate risk
risk-zone-high = High risk
risk-zone-mark-low = ○
risk-zone-mark-medium = ◐
risk-zone-mark-high = ●
risk-zones-legend = The mark in each cell tells how large the risk is (likelihood times impact): ○ low (1–3), ◐ moderate (4–8), ● high (9–16).
risk-table-caption = Risks that threaten the achievement of the goals
risk-number = No.
risk-label = R{ $number }
risk-theme = Area
risk-title = Risk
risk-likelihood = Likelihood
risk-impact = Impact
risk-mitigation = Risk management measures
risk-owner = Person responsible
risk-status = Status

## Key figures

figure-label = Key figure
figure-unit = Unit
no-value = no value

## Open data and feeds

feed-title = News feed (Atom)
og-locale = en_GB
download-data = Download this scorecard's data
download-json = for software (JSON)
download-csv = as a table (CSV)
download-xlsx = as an Excel workbook (XLSX)
download-dataset = All data (JSON)
download-described = The files' structure, for developers
download-schema = JSON Schema
download-csv-metadata = CSV columns (CSVW)
download-dataset-schema = Description of all data (JSON Schema)
licence-line = Data licence: { $licence }. You may use the data freely when you name the source.

## Accessibility statement

accessibility-slug = accessibility
accessibility-title = Accessibility statement
accessibility-intro = This accessibility statement applies to the website { $site }. The Act on the Provision of Digital Services (306/2019) requires public websites to be accessible and an accessibility statement to be published on them.
accessibility-status-heading = Compliance status
accessibility-compliance-fully = The website fully meets the level A and AA accessibility requirements of WCAG 2.1.
accessibility-compliance-partially = The website partially meets the level A and AA accessibility requirements of WCAG 2.1. The shortcomings are described below.
accessibility-compliance-not = The website does not meet the level A and AA accessibility requirements of WCAG 2.1. The shortcomings are described below.
accessibility-issues-heading = Content that is not accessible
accessibility-no-issues = We know of no content that is not accessible.
accessibility-assessment-heading = How accessibility was assessed
feedback-link = Give feedback on the site
accessibility-feedback-heading = Give feedback on accessibility
accessibility-feedback-intro = Did you notice an accessibility problem? Tell us and we will fix it. You can also ask for content that is not accessible in an accessible form. We answer within two weeks.
accessibility-feedback-form = Feedback form
email = Email
phone = Phone
accessibility-enforcement-heading = Supervisory authority
accessibility-enforcement-text = If you are not satisfied with our answer, or you get no answer within two weeks, you can report the matter to the supervisory authority. Its website tells how to make a report and how the matter is handled.
accessibility-reviewed-heading = Updates to this statement
accessibility-reviewed-text = This statement was last reviewed on

## Error page

not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved. Check the address or start from the home page.
not-found-home = To the home page

## Charts

status-table-caption = { $name }: where the goals stand
status-not-assessed-means = Not assessed: the follow-up does not say whether the goal was achieved or how far it got.
status-sentence-achieved = { $count ->
    [one] { $count } was achieved
   *[other] { $count } were achieved
}
status-sentence-on-track = { $count ->
    [one] { $count } is on track
   *[other] { $count } are on track
}
status-sentence-at-risk = { $count ->
    [one] { $count } is at risk
   *[other] { $count } are at risk
}
status-sentence-not-achieved = { $count ->
    [one] { $count } was not achieved
   *[other] { $count } were not achieved
}
status-sentence-list = { $parts ->
    [1] { $a }
    [2] { $a } and { $b }
    [3] { $a }, { $b } and { $c }
   *[other] { $a }, { $b }, { $c } and { $d }
}
status-sentence = { $total ->
    [0] There are no goals.
    [1] { $single ->
        [achieved] The only goal was achieved.
        [on-track] The only goal is on track.
        [at-risk] The only goal is at risk.
        [not-achieved] The only goal was not achieved.
       *[other] The only goal was not assessed in the follow-up.
    }
   *[other] { $parts ->
        [0] None of the { $total } goals was assessed in the follow-up.
       *[other] Of { $total } goals, { $list }{ $not_assessed ->
            [0] .
            [one] ; { $not_assessed } was not assessed in the follow-up.
           *[other] ; { $not_assessed } were not assessed in the follow-up.
        }
    }
}
status-derived-note = (from its targets)
status-derived-rule = A goal with targets and no status of its own has the weakest of its targets' statuses, in this order: not achieved, at risk, not assessed, on track, achieved.
status-table-status = Status
status-table-count = Goals
chart-actual = Actual
chart-budget = Budget
chart-measured = Measured value
chart-figure-change = { $label }: { $latest_column } { $latest }, { $previous_column } { $previous }{ $direction ->
    [up] ; rose by { $change }%.
    [down] ; fell by { $change }%.
    [same] ; unchanged.
   *[none] .
}
chart-figure-single = { $label }: { $latest_column } { $latest }.
chart-indicator-summary = { $title }: { $first_period } { $first }, { $last_period } { $last }.

## Shared metrics

metrics-heading = Comparing municipalities
metrics-intro = These indicators are used in the scorecards of more than one municipality, so their values can be compared.
metric-unit = Unit
metric-intro = The table shows the values that every municipality has reported for this indicator in its scorecards.
metric-values-caption = Values by municipality and period
metric-no-values = No values have been reported for this indicator yet.
chart-metric-summary = { $title }: { $count ->
    [one] { $count } value
   *[other] { $count } values
} from { $organisations ->
    [one] { $organisations } municipality
   *[other] { $organisations } municipalities
}.

## Follow-up over time

versions-heading = The goal's status in each follow-up
versions-caption = The same goal in the unit's other scorecards
versions-this = this page
network-members-heading = Members on this site

# The home page of a site of many organisations, and metric pages by year
home-organisations-compact = { $count } organisations. Each one's page has its scorecards and how they stand.
home-scorecard-count = { $count ->
    [one] 1 scorecard
   *[other] { $count } scorecards
}
metric-years-heading = By year
metric-years-intro = There are so many values that each year has its own page.
metric-year-title = { $title } { $year }
metric-year-link = Year { $year }
metric-year-count = { $count ->
    [one] 1 value
   *[other] { $count } values
}, { $organisations ->
    [one] 1 organisation
   *[other] { $organisations } organisations
}
metric-years-caption = Values by year
metric-year = Year
metric-values-count = Values
metric-organisations-count = Organisations
metric-median = Median
metric-year-all = All years
