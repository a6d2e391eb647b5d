# Käyttöliittymän tekstit: suomi

language-name = suomi
lang-name-fi = suomi
lang-name-sv = ruotsi
lang-name-en = englanti
fallback-notice = ei saatavilla suomeksi; näytetään { $shown ->
    [sv] ruotsiksi
    [en] englanniksi
   *[other] alkukielellä
}

## Muodot

format-number = { $value }
format-money = { $sign }{ $amount } €
format-date = { $day }.{ $month }.{ $year }
month-1 = tammikuu
month-2 = helmikuu
month-3 = maaliskuu
month-4 = huhtikuu
month-5 = toukokuu
month-6 = kesäkuu
month-7 = heinäkuu
month-8 = elokuu
month-9 = syyskuu
month-10 = lokakuu
month-11 = marraskuu
month-12 = joulukuu
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
column-actual = TP { $year }
column-budget = TA { $year }
column-plan = TS { $year }
figures-columns-legend = TP = tilinpäätös (toteutunut), TA = talousarvio, TS = taloussuunnitelma.
unit-count = lkm

## Sivuston runko

skip-to-content = Siirry sisältöön
language-nav-label = Kieli
main-nav-label = Päävalikko
breadcrumb-label = Olet tässä
nav-home = Etusivu
footer-generator = Sivusto on tehty avoimella tuloskortti-ohjelmalla. Tiedot ovat kuntien omista asiakirjoista.
root-enter = Siirry suomenkieliselle etusivulle

## Tilat

status-achieved = Saavutettu
status-on-track = Etenee
status-at-risk = Vaarassa
status-not-achieved = Ei saavutettu
status-not-assessed = Ei arvioitu
status-summary-label = Tavoitteiden tilanne, { $count ->
    [one] { $count } tavoite
   *[other] { $count } tavoitetta
}
goal-count = { $count ->
    [one] { $count } tavoite
   *[other] { $count } tavoitetta
}
risk-status-green = Seurataan, ei toimenpiteitä
risk-status-yellow = Toimenpiteitä tarvitaan
risk-status-red = Kiireellisiä toimenpiteitä tarvitaan

## Etusivu

home-status-heading = Tavoitteiden tilanne
home-organisations-heading = Kunnat ja tuloskortit
home-all-scorecards = { $count ->
    [one] { $count } tuloskortti
   *[other] Kaikki { $count } tuloskorttia
}
status-date-line = Tilanne { $date }
network-members = { $count ->
    [one] { $count } jäsenkaupunki
   *[other] { $count } jäsenkaupunkia
}
updates-title = Ajankohtaista
updates-latest = Uusimmat tiedotteet
updates-all = Kaikki tiedotteet
updates-none = Tiedotteita ei vielä ole.
related-heading = Liittyvät tuloskortit ja tavoitteet

## Organisaatio

organisation = Organisaatio
municipality-code = Kuntanumero
official-languages = Viralliset kielet
website = Verkkosivut
networks = Verkostot
organisation-scorecards = Tuloskortit ja raportit
organisation-no-scorecards = Tältä kunnalta ei ole vielä julkaistu tuloskortteja.

## Tuloskortti

kind-scorecard = Tuloskortti
kind-annual-report = Tilinpäätös
kind-budget = Talousarvio
scorecard-title = { $unit }: { $kind } { $year }
scorecard = Tuloskortti
committee = Toimielin
status-date = Tilannepäivä
approved = Hyväksytty
source = Lähdeasiakirja
scorecard-status-heading = Tilanne yhdellä silmäyksellä
contents = Sisällys
theme = Teema
aim-heading = Päämäärä
filter-concerns = Näytä vain vaarassa olevat ja saavuttamatta jääneet tavoitteet ({ $count })
filter-all = Näytä kaikki tavoitteet
back-to-top = Sivun alkuun
goal-page-link = Tavoitteen oma sivu
goal-status-heading = Tilanne
targets-heading = Tulostavoitteet
actions-heading = Toimenpiteet
results-heading = Tavoitellut tulokset
indicators-heading = Mittarit ja arviointikriteerit
indicator-target = Tavoitetaso
indicator-values-caption = Mitatut arvot
direction-increase = Suurempi arvo on parempi.
direction-decrease = Pienempi arvo on parempi.
period = Ajanjakso
value = Arvo
follow-up-heading = Seuranta
no-follow-up = Seurantatietoa ei ole annettu, joten tavoitetta ei ole arvioitu.
goal-pager-label = Saman tuloskortin muut tavoitteet
previous-goal = Edellinen tavoite
next-goal = Seuraava tavoite

## Riskit

risks-heading = Riskikortti
theme-risks-heading = Teeman riskit
risk-matrix-intro = Riskit on arvioitu asteikolla 1–4 sen mukaan, kuinka todennäköisiä ne ovat ja kuinka suuri niiden vaikutus olisi. Taulukko näyttää, mihin kohtaan kukin riski sijoittuu; riskit on kuvattu tarkemmin sen alla.
risk-matrix-caption = Riskimatriisi: todennäköisyys ja vaikutus
risk-matrix-corner = Todennäköi{"\u00AD"}syys / vaikutus
risk-zone-low = Matala riski
risk-zone-medium = Kohtalainen riski
risk-zone-high = Korkea riski
risk-zone-mark-low = ○
risk-zone-mark-medium = ◐
risk-zone-mark-high = ●
risk-zones-legend = Ruudun merkki kertoo riskin suuruuden (todennäköisyys kertaa vaikutus): ○ matala (1–3), ◐ kohtalainen (4–8), ● korkea (9–16).
risk-table-caption = Tavoitteiden toteutumista uhkaavat riskit
risk-number = Nro
risk-label = R{ $number }
risk-theme = Osa-alue
risk-title = Riski
risk-likelihood = Todennäköisyys
risk-impact = Vaikutus
risk-mitigation = Hallintatoimenpiteet
risk-owner = Vastuuhenkilö
risk-status = Tila

## Tunnusluvut

figure-label = Tunnusluku
figure-unit = Yksikkö
no-value = ei arvoa

## Avoin data ja syötteet

feed-title = Ajankohtaista-syöte (Atom)
og-locale = fi_FI
download-data = Lataa tämän tuloskortin tiedot
download-json = ohjelmia varten (JSON)
download-csv = taulukkona (CSV)
download-xlsx = Excel-työkirjana (XLSX)
download-dataset = Kaikki tiedot (JSON)
download-described = Tiedostojen rakenne ohjelmoijille
download-schema = JSON Schema
download-csv-metadata = CSV-sarakkeet (CSVW)
download-dataset-schema = Kaikkien tietojen kuvaus (JSON Schema)
licence-line = Tietojen lisenssi: { $licence }. Saat käyttää tietoja vapaasti, kun mainitset lähteen.

## Saavutettavuusseloste

accessibility-slug = saavutettavuusseloste
accessibility-title = Saavutettavuusseloste
accessibility-intro = Tämä saavutettavuusseloste koskee verkkopalvelua { $site }. Laki digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää, että julkiset verkkopalvelut ovat saavutettavia ja että niistä julkaistaan saavutettavuusseloste.
accessibility-status-heading = Digipalvelun saavutettavuuden tila
accessibility-compliance-fully = Verkkopalvelu täyttää WCAG 2.1 -ohjeistuksen A- ja AA-tason saavutettavuusvaatimukset.
accessibility-compliance-partially = Verkkopalvelu täyttää osittain WCAG 2.1 -ohjeistuksen A- ja AA-tason saavutettavuusvaatimukset. Puutteet on kuvattu alla.
accessibility-compliance-not = Verkkopalvelu ei täytä WCAG 2.1 -ohjeistuksen A- ja AA-tason saavutettavuusvaatimuksia. Puutteet on kuvattu alla.
accessibility-issues-heading = Sisältö, joka ei ole saavutettavaa
accessibility-no-issues = Tiedossamme ei ole sisältöä, joka ei olisi saavutettavaa.
accessibility-assessment-heading = Miten saavutettavuus on arvioitu
feedback-link = Anna palautetta sivustosta
accessibility-feedback-heading = Anna palautetta saavutettavuudesta
accessibility-feedback-intro = Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin korjaamme sen. Voit myös pyytää saavutettavassa muodossa sisältöä, joka ei nyt ole saavutettavaa. Vastaamme kahden viikon kuluessa.
accessibility-feedback-form = Palautelomake
email = Sähköposti
phone = Puhelin
accessibility-enforcement-heading = Valvontaviranomainen
accessibility-enforcement-text = Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä ilmoituksen valvontaviranomaiselle. Valvontaviranomaisen sivuilla kerrotaan, miten ilmoituksen voi tehdä ja miten asia käsitellään.
accessibility-reviewed-heading = Selosteen päivitys
accessibility-reviewed-text = Seloste on viimeksi tarkistettu

## Virhesivu

not-found-title = Sivua ei löytynyt
not-found-text = Etsimääsi sivua ei ole tai se on siirretty. Tarkista osoite tai aloita etusivulta.
not-found-home = Etusivulle

## Kaaviot

status-table-caption = { $name }: tavoitteiden tilanne
status-not-assessed-means = Ei arvioitu: seurannassa ei kerrota, onko tavoite saavutettu tai miten se on edennyt.
status-sentence-achieved = { $count } saavutettiin
status-sentence-on-track = { $count } etenee
status-sentence-at-risk = { $count } on vaarassa
status-sentence-not-achieved = { $count } jäi saavuttamatta
status-sentence-list = { $parts ->
    [1] { $a }
    [2] { $a } ja { $b }
    [3] { $a }, { $b } ja { $c }
   *[other] { $a }, { $b }, { $c } ja { $d }
}
status-sentence = { $total ->
    [0] Tavoitteita ei ole.
    [1] { $single ->
        [achieved] Ainoa tavoite on saavutettu.
        [on-track] Ainoa tavoite etenee.
        [at-risk] Ainoa tavoite on vaarassa.
        [not-achieved] Ainoa tavoite jäi saavuttamatta.
       *[other] Ainoan tavoitteen tilaa ei arvioitu seurannassa.
    }
   *[other] { $parts ->
        [0] { $total } tavoitteesta yhdenkään tilaa ei arvioitu seurannassa.
       *[other] { $total } tavoitteesta { $list }{ $not_assessed ->
            [0] .
           *[other] ; { $not_assessed } tavoitteen tilaa ei arvioitu seurannassa.
        }
    }
}
status-derived-note = (osatavoitteiden mukaan)
status-derived-rule = Jos tavoitteella on osatavoitteita eikä omaa tilaa, sen tila on osatavoitteiden heikoin tässä järjestyksessä: ei saavutettu, vaarassa, ei arvioitu, etenee, saavutettu.
status-table-status = Tila
status-table-count = Tavoitteita
chart-actual = Toteuma (TP)
chart-budget = Talousarvio (TA)
chart-measured = Mitattu arvo
chart-figure-change = { $label }: { $latest_column } { $latest }, { $previous_column } { $previous }{ $direction ->
    [up] ; nousi { $change } %.
    [down] ; laski { $change } %.
    [same] ; pysyi ennallaan.
   *[none] .
}
chart-figure-single = { $label }: { $latest_column } { $latest }.
chart-indicator-summary = { $title }: { $first_period } { $first }, { $last_period } { $last }.

## Yhteiset mittarit

metrics-heading = Kuntien vertailu
metrics-intro = Näitä mittareita käytetään useamman kunnan tuloskorteissa, joten niiden arvoja voi verrata keskenään.
metric-unit = Yksikkö
metric-intro = Taulukossa ovat kaikkien kuntien tuloskorteissaan ilmoittamat arvot tälle mittarille.
metric-values-caption = Arvot kunnittain ja ajanjaksoittain
metric-no-values = Tälle mittarille ei ole vielä ilmoitettu arvoja.
chart-metric-summary = { $title }: { $count ->
    [one] { $count } arvo
   *[other] { $count } arvoa
}, { $organisations ->
    [one] { $organisations } kunta
   *[other] { $organisations } kuntaa
}.

## Seuranta ajan yli

versions-heading = Tavoitteen tilanne eri seurannoissa
versions-caption = Sama tavoite yksikön muissa tuloskorteissa
versions-this = tämä sivu
network-members-heading = Jäsenet tällä sivustolla

# The home page of a site of many organisations, and metric pages by year
home-organisations-compact = { $count } organisaatiota. Kunkin sivulla ovat sen tuloskortit ja niiden tilanne.
home-scorecard-count = { $count ->
    [one] 1 tuloskortti
   *[other] { $count } tuloskorttia
}
metric-years-heading = Vuosittain
metric-years-intro = Arvoja on niin paljon, että ne ovat vuosittain omilla sivuillaan.
metric-year-title = { $title } { $year }
metric-year-link = Vuosi { $year }
metric-year-count = { $count ->
    [one] 1 arvo
   *[other] { $count } arvoa
}, { $organisations ->
    [one] 1 organisaatio
   *[other] { $organisations } organisaatiota
}
metric-years-caption = Arvot vuosittain
metric-year = Vuosi
metric-values-count = Arvoja
metric-organisations-count = Organisaatioita
metric-median = Mediaani
metric-year-all = Kaikki vuodet
