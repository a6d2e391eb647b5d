# Sökning: sökformuläret på varje sida och söksidan

search-title = Sök
search-form-label = Sök på webbplatsen
search-input-label = Sök på webbplatsen
search-button = Sök
search-hint = Skriv ett sökord. Sökningen hittar ordets böjningsformer: till exempel ”cykling” hittar också ”cyklingen”.
search-results-heading = Resultat
search-results-none = Inga resultat. Försök med ett annat ord eller ta bort avgränsningar.
search-results-one = 1 resultat
search-results-many = { $count } resultat
search-results-shown = De { $shown } första visas.
search-results-partial = Ingen sida har alla sökord. Resultaten är sidor som har några av dem.
search-more = Visa fler resultat
search-loading = Söker…
search-error = Sökningen fungerar inte just nu. Du kan bläddra bland alla mål i förteckningen nedan.
search-filters-heading = Avgränsa resultaten
search-clear-filters = Ta bort avgränsningar
search-facet-organisation = Organisation
search-facet-year = År
search-facet-kind = Dokument
search-facet-theme = Tema
search-facet-status = Läge
search-facet-type = Innehåll
search-type-goal = Mål
search-type-target = Delmål
search-type-indicator = Mätare
search-type-risk = Risk
search-type-scorecard = Resultatkort
search-type-update = Aktuellt
search-type-page = Sida
search-type-organisation = Organisation
search-az-heading = Alla mål A–Ö
search-az-intro = Här är alla mål i alfabetisk ordning. Sökning med sökord fungerar när JavaScript är aktiverat i webbläsaren.
search-az-count = { $count ->
    [one] 1 mål
   *[other] { $count } mål
}

# The A-Z list in parts, on a large site
search-parts-heading = Förteckningen i delar
search-parts-intro = Målen är så många att förteckningen är uppdelad i { $count } delar. En bokstav leder till den del där målen som börjar med den börjar.
search-part-title = Alla mål A–Ö, del { $part }/{ $parts }
search-part-intro = I den här delen finns { $count } av alla { $all } mål i alfabetisk ordning.
search-part-search = Sökning och förteckningens delar
search-part-letters = Bokstäver
search-part-goals = Mål
search-part-pager = Förteckningens delar
search-part-previous = Föregående del
search-part-next = Nästa del
