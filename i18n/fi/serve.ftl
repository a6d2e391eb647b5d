# Esikatselupalvelimen ja aloitustiedostojen tekstit: suomi

## Virheikkuna esikatselussa

serve-overlay-title = Sivustoa ei voitu rakentaa
serve-overlay-intro = { $count ->
    [one] Yksi virhe estää sivuston rakentamisen.
   *[other] { $count } virhettä estää sivuston rakentamisen.
} Näet viimeisimmän toimivan version. Sivu päivittyy itsestään, kun tiedosto on korjattu ja tallennettu.
serve-overlay-error = virhe
serve-overlay-warning = varoitus
serve-overlay-hint = Vihje
serve-overlay-close = Sulje
serve-no-site-title = Esikatselua ei ole vielä
serve-no-site-text = Sivustoa ei ole vielä saatu rakennettua. Korjaa virheet ja tallenna; sivu päivittyy itsestään.

## Aloitustiedostot (tuloskortti new)

scaffold-scorecard-intro = Tuloskortti: yksikön tavoitteet, mittarit ja seuranta.
scaffold-texts = Tekstit kirjoitetaan kaikilla sivuston kielillä (fi, sv, en). Puuttuva kieli näytetään oletuskielellä.
scaffold-check = Tarkista tiedosto komennolla: tuloskortti check
scaffold-organisation = organisaation tunnus eli tiedoston organisations/<tunnus>.yaml nimi
scaffold-unit = yksikkö, jonka tuloskortti tämä on
scaffold-kind = scorecard (tuloskortti), annual-report (toimintakertomus) tai budget (talousarvio)
scaffold-year = vuosi, jota tuloskortti koskee
scaffold-status-date = seurannan päivämäärä (VVVV-KK-PP)
scaffold-approved = lautakunnan päätöksen päivämäärä, jos tuloskortti on hyväksytty
scaffold-summary = lyhyt yleiskielinen tiivistelmä (Markdown)
scaffold-themes = teemat eli tavoiteryhmät asiakirjan järjestyksessä
scaffold-id = tunnus: pienet kirjaimet a–z, numerot ja viiva; tulee sivun osoitteeseen
scaffold-goals = tavoitteet; tavoitteella voi olla myös alatavoitteita (targets)
scaffold-status = achieved (saavutettu), on-track (etenee), at-risk (vaarassa), not-achieved (ei saavutettu) tai not-assessed (ei arvioitu)
scaffold-follow-up = seuranta: mitä on tehty ja miten tavoite on edennyt (Markdown)
scaffold-indicators = mittarit ja niiden arvot, esimerkiksi:
scaffold-risks = riskikortti: todennäköisyys ja vaikutus asteikolla 1–4, tila green, yellow tai red, esimerkiksi:
scaffold-key-figures = tunnuslukutaulukot: yksi arvo kutakin saraketta kohden, null kun arvo puuttuu, esimerkiksi:
scaffold-unit-text = Yksikön nimi
scaffold-summary-text = Kirjoita tähän lyhyt tiivistelmä siitä, mitä yksikkö tavoittelee.
scaffold-theme-id = teema
scaffold-theme-title = Teeman otsikko
scaffold-goal-id = tavoite
scaffold-goal-title = Tavoitteen otsikko.
scaffold-follow-up-text = Kirjoita tähän, miten tavoite on edennyt.
scaffold-indicator-title = Mittarin nimi
scaffold-indicator-unit = kpl
scaffold-risk-title = Riskin kuvaus.
scaffold-mitigation-text = Miten riskiin varaudutaan.
scaffold-figures-title = Talouden tunnusluvut
scaffold-figures-row = Toimintamenot
scaffold-organisation-intro = Organisaatio: kunta tai kuntayhtymä.
scaffold-organisation-name = Organisaation nimi
scaffold-municipality-code = Tilastokeskuksen kuntakoodi lainausmerkeissä
scaffold-languages = kunnan viralliset kielet
scaffold-website = verkkosivujen osoite
scaffold-update-intro = Uutinen. Sama nimi päätteellä .sv.md tai .en.md on sama uutinen toisella kielellä.
scaffold-update-title = Uutisen otsikko
scaffold-update-date = julkaisupäivä; sama kaikissa kieliversioissa
scaffold-update-organisation = organisaatio, jota uutinen koskee (valinnainen)
scaffold-update-related = tuloskortit tai tavoitteet, joihin uutinen liittyy (valinnainen)
scaffold-update-summary = lyhyt tiivistelmä listauksia varten
scaffold-update-summary-text = Uutisen lyhyt tiivistelmä.
scaffold-update-body = Kirjoita uutinen tähän. Markdown-muotoilu toimii: **lihavointi**, [linkki](https://www.example.fi/), luettelot ja taulukot.
