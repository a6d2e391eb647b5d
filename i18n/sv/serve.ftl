# Texter för förhandsvisningen och startfilerna: svenska

## Felrutan i förhandsvisningen

serve-overlay-title = Webbplatsen kunde inte byggas
serve-overlay-intro = { $count ->
    [one] Ett fel hindrar webbplatsen från att byggas.
   *[other] { $count } fel hindrar webbplatsen från att byggas.
} Du ser den senaste fungerande versionen. Sidan uppdateras av sig själv när filen har rättats och sparats.
serve-overlay-error = fel
serve-overlay-warning = varning
serve-overlay-hint = Tips
serve-overlay-close = Stäng
serve-no-site-title = Förhandsvisningen finns inte ännu
serve-no-site-text = Webbplatsen har inte kunnat byggas ännu. Rätta felen och spara; sidan uppdateras av sig själv.

## Startfiler (tuloskortti new)

scaffold-scorecard-intro = Resultatkort: enhetens mål, mätare och uppföljning.
scaffold-texts = Texterna skrivs på alla webbplatsens språk (fi, sv, en). Ett språk som saknas visas på standardspråket.
scaffold-check = Kontrollera filen med kommandot: tuloskortti check
scaffold-organisation = organisationens id, dvs. namnet på filen organisations/<id>.yaml
scaffold-unit = enheten som resultatkortet gäller
scaffold-kind = scorecard (resultatkort), annual-report (verksamhetsberättelse) eller budget (budget)
scaffold-year = året som resultatkortet gäller
scaffold-status-date = uppföljningens datum (ÅÅÅÅ-MM-DD)
scaffold-approved = datum för nämndens beslut, om resultatkortet har godkänts
scaffold-summary = en kort sammanfattning på allmänspråk (Markdown)
scaffold-themes = teman, dvs. målgrupper i dokumentets ordning
scaffold-id = id: små bokstäver a–z, siffror och bindestreck; blir en del av sidans adress
scaffold-goals = mål; ett mål kan också ha delmål (targets)
scaffold-status = achieved (uppnått), on-track (framskrider), at-risk (i fara), not-achieved (inte uppnått) eller not-assessed (inte bedömt)
scaffold-follow-up = uppföljning: vad som har gjorts och hur målet har framskridit (Markdown)
scaffold-indicators = mätare och deras värden, till exempel:
scaffold-risks = riskkort: sannolikhet och konsekvens på skalan 1–4, status green, yellow eller red, till exempel:
scaffold-key-figures = tabeller med nyckeltal: ett värde per kolumn, null när värdet saknas, till exempel:
scaffold-unit-text = Enhetens namn
scaffold-summary-text = Skriv här en kort sammanfattning av vad enheten strävar efter.
scaffold-theme-id = tema
scaffold-theme-title = Temats rubrik
scaffold-goal-id = mal
scaffold-goal-title = Målets rubrik.
scaffold-follow-up-text = Skriv här hur målet har framskridit.
scaffold-indicator-title = Mätarens namn
scaffold-indicator-unit = st.
scaffold-risk-title = Beskrivning av risken.
scaffold-mitigation-text = Hur man förbereder sig för risken.
scaffold-figures-title = Ekonomiska nyckeltal
scaffold-figures-row = Verksamhetens kostnader
scaffold-organisation-intro = Organisation: en kommun eller en samkommun.
scaffold-organisation-name = Organisationens namn
scaffold-municipality-code = Statistikcentralens kommunkod inom citattecken
scaffold-languages = kommunens officiella språk
scaffold-website = webbplatsens adress
scaffold-update-intro = Nyhet. Samma namn med ändelsen .fi.md eller .en.md är samma nyhet på ett annat språk.
scaffold-update-title = Nyhetens rubrik
scaffold-update-date = publiceringsdatum; samma i alla språkversioner
scaffold-update-organisation = organisationen som nyheten gäller (valfritt)
scaffold-update-related = resultatkort eller mål som nyheten hänför sig till (valfritt)
scaffold-update-summary = en kort sammanfattning för listorna
scaffold-update-summary-text = En kort sammanfattning av nyheten.
scaffold-update-body = Skriv nyheten här. Markdown fungerar: **fetstil**, [länk](https://www.example.fi/), listor och tabeller.
