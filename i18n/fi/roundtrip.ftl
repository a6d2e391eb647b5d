# Käännösten ja taulukoiden viennin ja tuonnin viestit: suomi

roundtrip-exported = { $count } käännettävää tekstiä kielelle { $lang } kirjoitettu tiedostoon { $file }.
roundtrip-imported = { $count } käännöstä kirjoitettu { $files } tiedostoon.
roundtrip-refused = Mitään ei muutettu: { $count } ongelmaa.
roundtrip-out-exists = { $file } on jo olemassa; valitse toinen tiedosto valitsimella --out tai poista se ensin.
roundtrip-unknown-lang = Sivustolla ei ole kieltä ”{ $lang }”; sen kielet ovat { $languages }.
roundtrip-unknown-format = Tuntematon muoto ”{ $format }”: xliff tai xlsx.
roundtrip-wrong-source = Tiedosto on käännös kielestä ”{ $lang }”, mutta tämän sivuston tekstit on kirjoitettu kielellä { $default }.
roundtrip-wrong-target = Tiedosto on käännös kielelle ”{ $lang }”, joka ei ole tämän sivuston käännöskieli ({ $languages }).
roundtrip-foreign-hint = Tuo vain tiedosto, jonka tuloskortti on tehnyt tästä sivustosta; mitään tiedostoa ei muutettu.
roundtrip-duplicate = Teksti { $id } on tiedostossa kahdesti; ensimmäinen on kohdassa { $first }.
roundtrip-unknown = Millään tämän sivuston tekstillä ei ole tunnistetta { $id } ({ $file }, { $field }): teksti on poistettu tai siirretty, tai tiedosto on tehty toisesta sivustosta.
roundtrip-stale = Kentän { $field } lähdeteksti on muuttunut viennin jälkeen (tiedoston kohta { $entry }); nyt siinä lukee: { $text }
roundtrip-stale-hint = Vie tekstit uudelleen ja käännä teksti sellaisena kuin se nyt on; mitään tiedostoa ei muutettu.
roundtrip-no-file = Sisältötiedostoa ei enää ole.
roundtrip-cannot-edit = Uutta tekstiä ei voi kirjoittaa tähän tiedostoon: { $detail }
roundtrip-cannot-edit-hint = Mitään tiedostoa ei muutettu. Kirjoita teksti tiedostoon käsin.
roundtrip-read-back = muokattu tiedosto ei lukeutuisi takaisin niin, että vain uudet tekstit olisivat muuttuneet
roundtrip-markdown-whole = Tiedostosta { $file } tarvitaan käännettynä sekä otsikko että leipäteksti: sivu tai uutinen kirjoitetaan vain kokonaisena.
roundtrip-broken-xml = Tiedosto ei ole luettavaa XLIFFiä: { $detail }
roundtrip-broken-hint = Tallenna tiedosto käännöstyökalusta uudelleen XLIFF 2 -muodossa; mitään tiedostoa ei muutettu.
roundtrip-not-xliff2 = ei XLIFF 2 -dokumentti (<xliff version="2.0"> -elementti nimiavaruudessa urn:oasis:names:tc:xliff:document:2.0)
roundtrip-inline = tekstissä on sisäisiä koodeja (<ph>, <pc>, …); tämän sivuston tekstit ovat pelkkää tekstiä
roundtrip-broken-sheet = Taulukkoa ei voi lukea: { $detail }
roundtrip-broken-sheet-hint = Tallenna se uudelleen Excel-työkirjana (.xlsx) tai CSV-tiedostona vietyine sarakkeineen; mitään tiedostoa ei muutettu.
roundtrip-missing-column = sarake ”{ $column }” puuttuu
roundtrip-column-id = tunniste
roundtrip-column-file = tiedosto
roundtrip-column-field = kenttä
roundtrip-column-context = asiayhteys
roundtrip-column-source = lähdeteksti ({ $lang })
roundtrip-column-target = käännös ({ $lang })
roundtrip-cut-short = tiedosto päättyy ennen kuin sen viimeinen elementti on suljettu (</xliff>)
