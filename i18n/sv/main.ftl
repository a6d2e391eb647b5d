# Gränssnittstexter: svenska

language-name = svenska
lang-name-fi = finska
lang-name-sv = svenska
lang-name-en = engelska
fallback-notice = finns inte på svenska; visas på { $shown ->
    [fi] finska
    [en] engelska
   *[other] originalspråket
}

## Format

format-number = { $value }
format-money = { $sign }{ $amount } €
format-date = { $day }.{ $month }.{ $year }
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
period-year = { $year }
period-half = { $half ->
    [1] 1–6/{ $year }
   *[other] 7–12/{ $year }
}
period-quarter = { $quarter ->
    [1] 1–3/{ $year }
    [2] 4–6/{ $year }
    [3] 7–9/{ $year }
   *[other] 10–12/{ $year }
}
period-month = { $month }/{ $year }
column-actual = BS { $year }
column-budget = BU { $year }
column-plan = EP { $year }
figures-columns-legend = BS = bokslut (utfall), BU = budget, EP = ekonomiplan.
unit-count = st.

## Webbplatsens ram

skip-to-content = Gå till innehållet
language-nav-label = Språk
main-nav-label = Huvudmeny
breadcrumb-label = Du är här
nav-home = Startsidan
footer-generator = Webbplatsen är gjord med det öppna programmet tuloskortti. Uppgifterna kommer från kommunernas egna dokument.
root-enter = Gå till startsidan på svenska

## Status

status-achieved = Uppnått
status-on-track = Framskrider
status-at-risk = I fara
status-not-achieved = Inte uppnått
status-not-assessed = Inte bedömt
status-summary-label = Målens läge, { $count ->
    [one] { $count } mål
   *[other] { $count } mål
}
goal-count = { $count ->
    [one] { $count } mål
   *[other] { $count } mål
}
risk-status-green = Följs upp, inga åtgärder
risk-status-yellow = Åtgärder behövs
risk-status-red = Brådskande åtgärder behövs

## Startsidan

home-status-heading = Målens läge
home-organisations-heading = Kommuner och resultatkort
home-all-scorecards = { $count ->
    [one] { $count } resultatkort
   *[other] Alla { $count } resultatkort
}
status-date-line = Läget { $date }
network-members = { $count ->
    [one] { $count } medlemsstad
   *[other] { $count } medlemsstäder
}
updates-title = Aktuellt
updates-latest = De senaste meddelandena
updates-all = Alla meddelanden
updates-none = Det finns inga meddelanden ännu.
related-heading = Relaterade resultatkort och mål

## Organisation

organisation = Organisation
municipality-code = Kommunnummer
official-languages = Officiella språk
website = Webbplats
networks = Nätverk
organisation-scorecards = Resultatkort och rapporter
organisation-no-scorecards = Inga resultatkort har ännu publicerats för den här kommunen.

## Resultatkort

kind-scorecard = Resultatkort
kind-annual-report = Bokslut
kind-budget = Budget
scorecard-title = { $unit }: { $kind } { $year }
scorecard = Resultatkort
committee = Organ
status-date = Lägesdatum
approved = Godkänt
source = Källdokument
scorecard-status-heading = Läget i korthet
contents = Innehåll
theme = Tema
aim-heading = Målsättning
filter-concerns = Visa bara mål som är i fara eller inte uppnåddes ({ $count })
filter-all = Visa alla mål
back-to-top = Till början av sidan
goal-page-link = Målets egen sida
goal-status-heading = Läge
targets-heading = Resultatmål
actions-heading = Åtgärder
results-heading = Eftersträvade resultat
indicators-heading = Mätare och bedömningskriterier
indicator-target = Målnivå
indicator-values-caption = Uppmätta värden
direction-increase = Ett större värde är bättre.
direction-decrease = Ett mindre värde är bättre.
period = Period
value = Värde
follow-up-heading = Uppföljning
no-follow-up = Ingen uppföljning har angetts, så målet har inte bedömts.
goal-pager-label = Andra mål i samma resultatkort
previous-goal = Föregående mål
next-goal = Nästa mål

## Risker

risks-heading = Riskkort
theme-risks-heading = Temats risker
risk-matrix-intro = Riskerna har bedömts på en skala från 1 till 4 efter hur sannolika de är och hur stor deras konsekvens skulle vara. Tabellen visar var varje risk placerar sig; riskerna beskrivs närmare under den.
risk-matrix-caption = Riskmatris: sannolikhet och konsekvens
risk-matrix-corner = Sannolikhet / konsekvens
risk-zone-low = Låg risk
risk-zone-medium = Måttlig risk
risk-zone-high = Hög risk
risk-zone-mark-low = ○
risk-zone-mark-medium = ◐
risk-zone-mark-high = ●
risk-zones-legend = Tecknet i rutan anger hur stor risken är (sannolikhet gånger konsekvens): ○ låg (1–3), ◐ måttlig (4–8), ● hög (9–16).
risk-table-caption = Risker som hotar att målen uppnås
risk-number = Nr
risk-label = R{ $number }
risk-theme = Delområde
risk-title = Risk
risk-likelihood = Sannolikhet
risk-impact = Konsekvens
risk-mitigation = Åtgärder för att hantera risken
risk-owner = Ansvarsperson
risk-status = Läge

## Nyckeltal

figure-label = Nyckeltal
figure-unit = Enhet
no-value = inget värde

## Öppna data och flöden

feed-title = Flöde för aktuellt (Atom)
og-locale = sv_FI
download-data = Ladda ner resultatkortets uppgifter
download-json = för program (JSON)
download-csv = som tabell (CSV)
download-xlsx = som Excel-arbetsbok (XLSX)
download-dataset = Alla data (JSON)
download-described = Filernas struktur för programmerare
download-schema = JSON Schema
download-csv-metadata = CSV-kolumnerna (CSVW)
download-dataset-schema = Beskrivning av alla data (JSON Schema)
licence-line = Licens för uppgifterna: { $licence }. Du får använda uppgifterna fritt om du anger källan.

## Tillgänglighetsutlåtande

accessibility-slug = tillganglighetsutlatande
accessibility-title = Tillgänglighetsutlåtande
accessibility-intro = Detta tillgänglighetsutlåtande gäller webbtjänsten { $site }. Lagen om tillhandahållande av digitala tjänster (306/2019) kräver att offentliga webbtjänster är tillgängliga och att ett tillgänglighetsutlåtande publiceras om dem.
accessibility-status-heading = Den digitala tjänstens tillgänglighet
accessibility-compliance-fully = Webbtjänsten uppfyller tillgänglighetskraven på nivåerna A och AA i WCAG 2.1.
accessibility-compliance-partially = Webbtjänsten uppfyller delvis tillgänglighetskraven på nivåerna A och AA i WCAG 2.1. Bristerna beskrivs nedan.
accessibility-compliance-not = Webbtjänsten uppfyller inte tillgänglighetskraven på nivåerna A och AA i WCAG 2.1. Bristerna beskrivs nedan.
accessibility-issues-heading = Innehåll som inte är tillgängligt
accessibility-no-issues = Vi känner inte till något innehåll som inte är tillgängligt.
accessibility-assessment-heading = Hur tillgängligheten har bedömts
feedback-link = Ge respons om webbplatsen
accessibility-feedback-heading = Ge respons om tillgängligheten
accessibility-feedback-intro = Har du upptäckt en brist i tillgängligheten? Berätta det för oss så rättar vi den. Du kan också be att få innehåll som inte är tillgängligt i tillgänglig form. Vi svarar inom två veckor.
accessibility-feedback-form = Responsblankett
email = E-post
phone = Telefon
accessibility-enforcement-heading = Tillsynsmyndighet
accessibility-enforcement-text = Om du inte är nöjd med svaret eller inte får något svar alls inom två veckor kan du göra en anmälan till tillsynsmyndigheten. På tillsynsmyndighetens webbplats berättas hur du gör en anmälan och hur ärendet behandlas.
accessibility-reviewed-heading = Uppdatering av utlåtandet
accessibility-reviewed-text = Utlåtandet granskades senast

## Felsida

not-found-title = Sidan hittades inte
not-found-text = Sidan du söker finns inte eller har flyttats. Kontrollera adressen eller börja från startsidan.
not-found-home = Till startsidan

## Diagram

status-table-caption = { $name }: målens läge
status-not-assessed-means = Inte bedömt: uppföljningen säger inte om målet har uppnåtts eller hur det har framskridit.
status-sentence-achieved = { $count } har uppnåtts
status-sentence-on-track = { $count } framskrider
status-sentence-at-risk = { $count } är i fara
status-sentence-not-achieved = { $count } har inte uppnåtts
status-sentence-list = { $parts ->
    [1] { $a }
    [2] { $a } och { $b }
    [3] { $a }, { $b } och { $c }
   *[other] { $a }, { $b }, { $c } och { $d }
}
status-sentence = { $total ->
    [0] Det finns inga mål.
    [1] { $single ->
        [achieved] Det enda målet har uppnåtts.
        [on-track] Det enda målet framskrider.
        [at-risk] Det enda målet är i fara.
        [not-achieved] Det enda målet har inte uppnåtts.
       *[other] Det enda målets läge bedömdes inte i uppföljningen.
    }
   *[other] { $parts ->
        [0] Läget bedömdes inte i uppföljningen för något av de { $total } målen.
       *[other] Av { $total } mål: { $list }{ $not_assessed ->
            [0] .
           *[other] ; för { $not_assessed } av dem bedömdes läget inte i uppföljningen.
        }
    }
}
status-derived-note = (enligt delmålen)
status-derived-rule = Om ett mål har delmål men inget eget läge är dess läge det svagaste av delmålens i denna ordning: inte uppnått, i fara, inte bedömt, framskrider, uppnått.
status-table-status = Läge
status-table-count = Mål
chart-actual = Utfall (BS)
chart-budget = Budget (BU)
chart-measured = Uppmätt värde
chart-figure-change = { $label }: { $latest_column } { $latest }, { $previous_column } { $previous }{ $direction ->
    [up] ; ökade med { $change } %.
    [down] ; minskade med { $change } %.
    [same] ; oförändrat.
   *[none] .
}
chart-figure-single = { $label }: { $latest_column } { $latest }.
chart-indicator-summary = { $title }: { $first_period } { $first }, { $last_period } { $last }.

## Gemensamma mätare

metrics-heading = Jämförelse mellan kommuner
metrics-intro = De här mätarna används i flera kommuners resultatkort, så deras värden kan jämföras.
metric-unit = Enhet
metric-intro = Tabellen visar de värden som alla kommuner har angett för den här mätaren i sina resultatkort.
metric-values-caption = Värden per kommun och period
metric-no-values = Inga värden har ännu angetts för den här mätaren.
chart-metric-summary = { $title }: { $count ->
    [one] { $count } värde
   *[other] { $count } värden
}, { $organisations ->
    [one] { $organisations } kommun
   *[other] { $organisations } kommuner
}.

## Uppföljning över tid

versions-heading = Målets läge i olika uppföljningar
versions-caption = Samma mål i enhetens andra resultatkort
versions-this = den här sidan
network-members-heading = Medlemmar på den här webbplatsen

# The home page of a site of many organisations, and metric pages by year
home-organisations-compact = { $count } organisationer. På var och ens sida finns dess resultatkort och deras läge.
home-scorecard-count = { $count ->
    [one] 1 resultatkort
   *[other] { $count } resultatkort
}
metric-years-heading = Per år
metric-years-intro = Värdena är så många att de finns på egna sidor per år.
metric-year-title = { $title } { $year }
metric-year-link = År { $year }
metric-year-count = { $count ->
    [one] 1 värde
   *[other] { $count } värden
}, { $organisations ->
    [one] 1 organisation
   *[other] { $organisations } organisationer
}
metric-years-caption = Värden per år
metric-year = År
metric-values-count = Värden
metric-organisations-count = Organisationer
metric-median = Median
metric-year-all = Alla år
