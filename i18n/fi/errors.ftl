# Komentojen check ja build sekä esikatselun virheilmoitukset: suomi.
# Selkokielellä, ilman ohjelmointitermejä; { $field } on kentän nimi tiedostossa.

## Ennen julkaisua: aloitustiedoston paikkatekstit ja esimerkkiosoitteet

err-placeholder-text = Kentässä `{ $field }` on yhä aloitustiedoston paikkateksti.
err-placeholder-text-hint = kirjoita tilalle oikea teksti; paikkateksti lasketaan puuttuvaksi käännökseksi
err-example-address = Kentässä `{ $field }` on esimerkkiosoite { $value }, jota kukaan ei voi avata.
err-example-address-hint = kirjoita tilalle oikea osoite ennen julkaisua
err-example-base-url-hint = kirjoita sivuston oikea osoite kenttään base_url tai anna se komennolle: tuloskortti build --base-url https://…/

## Virheet tiedostossa: kukin rivillään, ja mitä kirjoittaa tilalle

err-unknown-field = Tässä ei ole kenttää `{ $field }`.
err-did-you-mean-field = tarkoititko `{ $suggestion }`?
err-allowed-fields = tässä sallitut kentät: { $fields }
err-unknown-value = `{ $value }` ei ole kentän `{ $field }` sallittu arvo.
err-did-you-mean-value = tarkoititko `{ $suggestion }`? Sallitut arvot: { $values }
err-allowed-values = kirjoita jokin näistä: { $values }
err-wrong-type = Kentän `{ $field }` pitäisi olla { $expected ->
    [integer] kokonaisluku
    [number] luku
    [list] luettelo
    [group] kenttäryhmä
    [yes-no] true tai false
   *[text] teksti
}, mutta siinä on `{ $value }`.
err-wrong-type-hint = { $expected ->
    [integer] kirjoita pelkät numerot, esimerkiksi 2024
    [number] kirjoita numerot ja desimaalien eteen piste, esimerkiksi 10.5
    [list] kirjoita kukin kohta omalle rivilleen viivan `- ` jälkeen tai muodossa [yksi, kaksi]
    [group] kirjoita kentät sen alle omille riveilleen kaksi välilyöntiä syvemmälle sisennettyinä
    [yes-no] kirjoita true tai false
   *[text] laita teksti lainausmerkkeihin, jos se näyttää luvulta tai päivämäärältä: "2024"
}
err-decimal-comma = Kentässä `{ $field }` on luku, mutta arvossa `{ $value }` on desimaalipilkku.
err-decimal-comma-hint = kirjoita desimaalit pisteen jälkeen: { $value }
err-missing-field = Kenttä `{ $field }` puuttuu.
err-missing-field-hint = lisää tähän rivi `{ $field }: …`
err-out-of-range = `{ $value }` on kentän `{ $field }` sallitun välin ulkopuolella.
err-out-of-range-hint = kirjoita luku väliltä { $min }–{ $max }
err-bad-date = `{ $value }` ei ole päivämäärä.
err-bad-date-hint = kirjoita päivämäärä muodossa vuosi-kuukausi-päivä, esimerkiksi 2021-07-31
err-bad-period = `{ $value }` ei ole ajanjakso.
err-bad-period-hint = kirjoita vuosi (2021), kuukausi (2021-06), päivä (2021-06-30), puolivuotis (2021-H1) tai neljännes (2021-Q3)
err-bad-id = `{ $value }` ei kelpaa tunnukseksi, koska siitä tulee osa verkko-osoitetta.
err-bad-id-hint = käytä pieniä kirjaimia a–z, numeroita ja viivaa `-`, esimerkiksi `{ $value }`
err-bad-language = `{ $value }` ei ole kielikoodi.
err-bad-language-hint = kirjoita kaksikirjaiminen koodi: fi, sv tai en
err-bad-related = `{ $value }` ei nimeä tuloskorttia eikä tavoitetta.
err-bad-related-hint = kirjoita organisaatio/tuloskortti tai organisaatio/tuloskortti/tavoite
err-bad-address = `{ $value }` ei ole verkko-osoite.
err-bad-address-hint = kirjoita koko osoite alusta alkaen: https://
err-bad-form = Kentässä `{ $field }` ei voi olla `{ $value }`.
err-bad-form-hint = katso komennolla `tuloskortti new` tehdyn tiedoston kommenteista, mitä tähän kirjoitetaan
err-empty-list = Kentässä `{ $field }` pitää olla ainakin yksi kohta.
err-empty-list-hint = kirjoita luetteloon ainakin yksi kohta
err-listed-twice = Kentässä `{ $field }` on sama asia kahdesti.
err-listed-twice-hint = poista jälkimmäinen
err-duplicate-field = Kenttä `{ $field }` on kirjoitettu kahdesti.
err-duplicate-field-hint = jätä niistä vain toinen
err-tab = Tämän rivin alussa on sarkainmerkki (tab).
err-tab-hint = sisennä pelkillä välilyönneillä; aseta editori lisäämään tab-näppäimellä välilyöntejä
err-unquoted-colon = Tekstissä on kaksoispiste ja välilyönti, joka aloittaa uuden kentän.
err-unquoted-colon-hint = laita teksti lainausmerkkeihin: title: "Tavoite: paremmat palvelut"
err-wrong-indentation = Tämä rivi on sisennetty { $spaces } välilyönnillä, mikä ei sovi yläpuolella olevaan riviin { $line } ({ $other } välilyöntiä).
err-wrong-indentation-hint = samaan ryhmään kuin rivi { $line } kuuluva kenttä sisennetään { $other } välilyönnillä, sen sisällä oleva kaksi välilyöntiä enemmän
err-unclosed-quote = Lainausmerkki on avattu mutta ei suljettu.
err-unclosed-quote-hint = päätä teksti samalla lainausmerkillä, jolla se alkaa
err-unclosed-brackets = Sulkua { "{" } tai [ ei ole suljettu, tai pilkku puuttuu.
err-unclosed-brackets-hint = sulje jokainen { "{" } merkillä { "}" } ja jokainen [ merkillä ], ja erota kohdat pilkuilla
err-not-readable = Tiedostoa ei voi lukea tästä eteenpäin.
err-not-readable-hint = vertaa riviä komennolla `tuloskortti new` tehtyyn tiedostoon; tarkista sisennykset, kaksoispisteet ja lainausmerkit
err-no-front-matter = Tiedoston pitää alkaa tiedoilla kahden `---`-rivin välissä.
err-no-front-matter-hint = aloita tiedosto rivillä `---`, sitten `title: …`, sitten `---`

## Tiedostojen ja kenttien väliset virheet: viittaukset, tunnukset, saavutettavuusseloste

err-not-web-address = `{ $value }` ei ole verkko-osoite: linkkeinä julkaistaan vain osoitteet, jotka alkavat https:// tai http://.
err-municipality-code = `{ $value }` ei ole kuntakoodi.
err-municipality-code-hint = kirjoita Tilastokeskuksen kolminumeroinen kuntakoodi lainausmerkeissä, esimerkiksi "049"
err-scorecard-twice = Organisaatiolla `{ $organisation }` on toinenkin tuloskortti tunnuksella `{ $id }`.
err-scorecard-twice-hint = anna toiselle niistä eri tunnus
err-page-name-taken = Sivun nimi `{ $value }` on jo sivuston omien sivujen tai jonkin organisaation käytössä.
err-page-name-taken-hint = anna sivun tiedostolle toinen nimi
err-review-old = Saavutettavuusseloste on tarkistettu viimeksi { $date }, yli vuosi sitten.
err-review-old-hint = tarkista seloste (laki 306/2019 edellyttää vuosittaista tarkistusta) ja päivitä accessibility.reviewed
err-statement-fully-with-issues = Saavutettavuusselosteen mukaan sivusto on täysin saavutettava, mutta siinä luetellaan { $count ->
    [one] yksi tunnettu puute
   *[other] { $count } tunnettua puutetta
}.
err-statement-fully-with-issues-hint = kirjoita compliance: partially niin kauan kuin osa sisällöstä ei ole saavutettavaa, tai poista korjatut puutteet
err-statement-without-issues = Saavutettavuusselosteen mukaan sivusto ei ole täysin saavutettava, mutta siinä ei luetella puutteita.
err-statement-without-issues-hint = luettele kohdassa known_issues, mikä ei ole saavutettavaa ja miksi, tai kirjoita compliance: fully
err-goal-empty = Tavoitteella `{ $id }` ei ole alatavoitteita, toimenpiteitä, mittareita eikä seurantaa.
err-goal-empty-hint = lisää, mitä tavoitteen seurannassa kerrotaan, tai alatavoitteet, joilla sitä seurataan
err-too-many-decimals = decimals: { $value } on enemmän kuin tunnusluvut näytetään (enintään { $max }).
err-too-many-decimals-hint = kirjoita niin monta desimaalia kuin lähdeasiakirjassa, esimerkiksi decimals: 1 luvulle 3,0
err-row-values = Tällä rivillä on { $values } arvoa, mutta taulukossa `{ $table }` on { $columns } saraketta.
err-row-values-hint = anna yksi arvo kutakin saraketta kohden ja null, kun lähteessä ei ole arvoa
err-values-not-finite = Arvojen pitää olla lukuja.
err-unknown-reference = { $what ->
    [organisation] Organisaatiota
    [network] Verkostoa
    [page] Sivua
    [metric] Yhteistä mittaria
   *[theme] Teemaa
} `{ $value }` ei ole.
err-define-it = lisää se ensin: { $place }
err-duplicate-id = Tunnus `{ $id }` on käytössä kahdella { $what ->
    [organisation] organisaatiolla
    [network] verkostolla
    [metric] yhteisellä mittarilla
    [theme] teemalla
    [goal] tavoitteella tai alatavoitteella
   *[key-figures] tunnuslukutaulukolla
}.
err-duplicate-id-hint = ensimmäinen on kohdassa { $place }; anna kullekin oma tunnus
err-bad-file-name-id = Tiedoston nimestä `{ $value }` tulee tunnus, eikä se kelpaa tunnukseksi.
err-wrong-folder = Tuloskortti on kansiossa scorecards/{ $folder }/, mutta siinä mainitaan organisaatio `{ $value }`.
err-wrong-folder-hint = pidä kukin tuloskortti organisaationsa kansiossa
err-site-missing = Tiedosto content/site.yaml puuttuu.
err-site-missing-hint = jokainen sivusto tarvitsee tiedoston content/site.yaml, jossa ovat title, base_url, languages ja accessibility
err-update-file-name = Uutistiedoston nimen pitää alkaa uutisen päivämäärällä.
err-update-file-name-hint = nimeä se muotoon <vuosi-kuukausi-päivä>-<nimi>.<kieli>.md, esimerkiksi 2021-09-01-uudet-sivut.fi.md
err-update-dates-differ = Tämän uutisen kieliversioilla on eri päivämäärät ({ $date } ja { $other }).
err-update-dates-differ-hint = anna kaikille kieliversioille sama päivämäärä
err-not-a-site-language = `{ $value }` ei ole sivuston kieliä ({ $folder }/<nimi>.<kieli>.md).
err-site-languages = sivuston kielet ovat { $languages }
err-languages-hint = luettele ainakin yksi kieli; ensimmäinen on sivuston pääkieli
err-bad-calendar-date = Päivää `{ $value }` ei ole kalenterissa.
err-reserved-id = `{ $value }` ei kelpaa tunnukseksi: Windows varaa nimen laitteelle, joten sivustoa ei voisi kopioida sinne.
err-dash-in-brackets = Viivalla `-` alkava luettelon kohta on hakasulkeiden [ ] sisällä.
err-dash-in-brackets-hint = poista luettelon ympäriltä [ ja ] tai kirjoita sen kohdat niiden väliin pilkuilla erotettuina

## Rakentamisen eteneminen päätteessä

progress-search-index = Hakuhakemisto
progress-pages = Sivut
progress-downloads = Ladattavat tiedostot
progress-writing = Sivuston tallennus

## Komentojen check ja build viimeinen rivi

err-summary-ok = Ei virheitä.
err-summary-errors = { $count ->
    [one] Yksi virhe.
   *[other] { $count } virhettä.
}
err-summary-build-failed = Sivustoa ei rakennettu: { $count ->
    [one] yksi virhe
   *[other] { $count } virhettä
}. Edellinen sivusto kansiossa { $out } on ennallaan.
err-summary-missing = { $count ->
    [0] Kaikki tekstit on käännetty.
    [one] Yhdeltä tekstiltä puuttuu käännös.
   *[other] { $count } tekstiltä puuttuu käännös.
}
err-summary-missing-languages = puuttuu { $languages }
err-summary-built = Rakennettiin { $pages } sivua ({ $files } tiedostoa) kansioon { $out }.
err-summary-built-changed = Rakennettiin { $pages } sivua ({ $files } tiedostoa) kansioon { $out }; niistä { $changed } muuttui.
err-summary-up-to-date = Ajan tasalla: { $pages } sivua ({ $files } tiedostoa) kansiossa { $out }; mikään ei ole muuttunut edellisen rakentamisen jälkeen (tarkistukseen kului { $ms } ms; --force rakentaa silti).

## Tiedostojen lukeminen

err-no-content-folder = Kansiota { $folder } ei voi lukea ({ $reason }).
err-no-content-folder-hint = anna komento sivuston kansiossa, jossa on content/, tai anna kansio valitsimella --root
err-not-content = Tämä tiedosto ei ole sivuston sisältötiedosto, joten se jätetään pois.
err-not-content-hint = sisältötiedostoja ovat site.yaml, metrics.yaml, networks.yaml, organisations/<organisaatio>.yaml, scorecards/<organisaatio>/<nimi>.yaml, updates/<päivämäärä>-<nimi>.<kieli>.md ja pages/<nimi>.<kieli>.md
err-link-outside = Tämä on linkki projektin ulkopuoliseen tiedostoon, eikä sitä lueta.
err-link-outside-hint = kopioi tiedosto projektiin linkin sijaan
err-cannot-read = Tiedostoa ei voi lukea ({ $reason }).
err-cannot-read-hint = tarkista, ettei tiedosto ole auki toisessa ohjelmassa ja että sinulla on oikeus lukea se
err-not-a-file = Tämä ei ole tiedosto vaan laite, putki tai kansio.
err-too-large = Tiedostossa on { $bytes } tavua; sisältötiedostossa saa olla enintään { $limit } tavua.
err-too-large-hint = jaa se useaksi tiedostoksi
err-not-utf8 = Tiedostoa ei ole tallennettu UTF-8-tekstinä.
err-not-utf8-hint = tallenna tiedosto UTF-8-merkistöllä (VS Codessa: merkistö tilarivillä, "Save with Encoding")
err-too-many-repeats = Tiedosto toistaa osiaan (merkeillä & ja *) useammin kuin sisältötiedostoon mahtuu.
err-too-many-repeats-hint = kirjoita osat auki sen sijaan, että toistat niitä merkeillä & ja *

## Komentojen omat rivit

err-cli-root-not-folder = --root { $path } ei ole kansio.
err-out-is-project = --out { $path } on projektin kansio tai sisältää sen; rakentaminen korvaa kaiken tuloskansiossaan. Rakenna omaan kansioonsa, esimerkiksi public/.
err-out-inside = --out { $path } on kansion { $folder }/ sisällä; rakenna omaan kansioonsa, esimerkiksi public/.
err-out-unreadable = Kansiota --out { $path } ei voi lukea ({ $reason }).
err-out-foreign = Kansiossa --out { $path } on tiedostoja, joita tuloskortti ei ole kirjoittanut. Anna tyhjä tai uusi kansio tai aiemmin rakennetun sivuston kansio.
err-preview-folder-inside = Esikatselukansio { $path } ei saa sisältää sivustoa eikä olla kansion content/, themes/ tai i18n/ sisällä.
err-preview-folder-foreign = Esikatselukansio { $path } ei ole tyhjä, eikä siinä ole rakennettua sivustoa; anna valitsimelle --out tyhjä kansio.
err-serve-no-address = Palvelimella ei ole IP-osoitetta.
err-serve-bind = Osoitteessa { $addr } ei voi kuunnella ({ $reason }). Onko toinen esikatselu jo käynnissä? Pysäytä se tai valitse toinen portti valitsimella --port.
err-serve-watch = Sivuston kansioita ei voi seurata ({ $reason }); valitsimella --poll muutokset tarkistetaan toisin.
err-cannot-write = Tiedostoa { $path } ei voi kirjoittaa ({ $reason }).
err-search-filter = --filter tarvitsee muodon RAJAUS=ARVO, esimerkiksi organisation=espoo.
err-search-none = Ei tuloksia.
err-search-some = { $shown }/{ $total } tulosta.
err-schema-written = Kansioon { $path } kirjoitettiin { $count } skeemaa.
err-schema-unknown-kind = Lajia `{ $kind }` ei ole; lajit ovat { $kinds }.
err-new-done = Kirjoitettu. Korvaa esimerkkitekstit omillasi ja aja sitten `tuloskortti check`.
err-new-exists = { $path } on jo olemassa; mitään ei kirjoitettu.
err-new-invalid-organisation = `{ $value }` ei kelpaa organisaation tunnukseksi: käytä pieniä kirjaimia a–z, numeroita ja yhdysviivoja, esimerkiksi `{ $suggestion }`.
err-new-invalid-scorecard = `{ $value }` ei kelpaa tuloskortin tunnukseksi: käytä pieniä kirjaimia a–z, numeroita ja yhdysviivoja, esimerkiksi `{ $suggestion }`.
err-new-invalid-update = `{ $value }` ei kelpaa uutisen tunnukseksi: käytä pieniä kirjaimia a–z, numeroita ja yhdysviivoja, esimerkiksi `{ $suggestion }`.
