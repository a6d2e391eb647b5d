# Haku: hakulomake jokaisella sivulla ja hakusivu

search-title = Haku
search-form-label = Sivuston haku
search-input-label = Hae sivustolta
search-button = Hae
search-hint = Kirjoita hakusana. Haku löytää sanan taivutusmuodot: esimerkiksi ”pyöräilyn” löytää myös ”pyöräily”.
search-results-heading = Tulokset
search-results-none = Ei tuloksia. Kokeile toista sanaa tai poista rajauksia.
search-results-one = 1 tulos
search-results-many = { $count } tulosta
search-results-shown = Näytetään { $shown } ensimmäistä.
search-results-partial = Millään sivulla ei ole kaikkia hakusanoja. Tuloksissa on sivuja, joilla on osa niistä.
search-more = Näytä lisää tuloksia
search-loading = Haetaan…
search-error = Haku ei juuri nyt toimi. Voit selata kaikkia tavoitteita alla olevasta luettelosta.
search-filters-heading = Rajaa tuloksia
search-clear-filters = Poista rajaukset
search-facet-organisation = Organisaatio
search-facet-year = Vuosi
search-facet-kind = Asiakirja
search-facet-theme = Teema
search-facet-status = Tilanne
search-facet-type = Sisältö
search-type-goal = Tavoite
search-type-target = Osatavoite
search-type-indicator = Mittari
search-type-risk = Riski
search-type-scorecard = Tuloskortti
search-type-update = Ajankohtaista
search-type-page = Sivu
search-type-organisation = Organisaatio
search-az-heading = Kaikki tavoitteet A–Ö
search-az-intro = Tässä ovat kaikki tavoitteet aakkosjärjestyksessä. Haku hakusanalla toimii, kun selaimessa on JavaScript käytössä.
search-az-count = { $count ->
    [one] 1 tavoite
   *[other] { $count } tavoitetta
}

# The A-Z list in parts, on a large site
search-parts-heading = Luettelo osina
search-parts-intro = Tavoitteita on niin paljon, että luettelo on jaettu { $count } osaan. Kirjain vie osaan, josta sillä alkavat tavoitteet alkavat.
search-part-title = Kaikki tavoitteet A–Ö, osa { $part }/{ $parts }
search-part-intro = { $count ->
    [one] Tässä osassa on 1 tavoite
   *[other] Tässä osassa on { $count } tavoitetta
} kaikkiaan { $all } tavoitteesta aakkosjärjestyksessä.
search-part-search = Haku ja luettelon osat
search-part-letters = Kirjaimet
search-part-goals = Tavoitteet
search-part-pager = Luettelon osat
search-part-previous = Edellinen osa
search-part-next = Seuraava osa
