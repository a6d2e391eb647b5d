# Meddelanden från check, build och förhandsvisningen: svenska.
# Med vanliga ord, utan programmeringstermer; { $field } är fältets namn i filen.

## Före publiceringen: platshållare från startfilen och exempeladresser

err-placeholder-text = I fältet `{ $field }` står fortfarande startfilens platshållartext.
err-placeholder-text-hint = skriv den riktiga texten i stället; en platshållare räknas som en översättning som saknas
err-example-address = I fältet `{ $field }` står exempeladressen { $value }, som ingen kan öppna.
err-example-address-hint = skriv den riktiga adressen i stället före publiceringen
err-example-base-url-hint = skriv webbplatsens riktiga adress i fältet base_url eller ge den till kommandot: tuloskortti build --base-url https://…/

## Fel i en fil: vart och ett på sin rad, och vad som ska stå i stället

err-unknown-field = Här finns inget fält `{ $field }`.
err-did-you-mean-field = menade du `{ $suggestion }`?
err-allowed-fields = fälten som är tillåtna här: { $fields }
err-unknown-value = `{ $value }` är inte ett av de värden som `{ $field }` kan ha.
err-did-you-mean-value = menade du `{ $suggestion }`? Värdena är: { $values }
err-allowed-values = skriv ett av: { $values }
err-wrong-type = `{ $field }` ska vara { $expected ->
    [integer] ett heltal
    [number] ett tal
    [list] en lista
    [group] en grupp av fält
    [yes-no] true eller false
   *[text] en text
}, men det är `{ $value }`.
err-wrong-type-hint = { $expected ->
    [integer] skriv bara siffror, till exempel 2024
    [number] skriv siffror, med punkt före decimalerna, till exempel 10.5
    [list] skriv varje punkt på en egen rad efter `- `, eller [en, två]
    [group] skriv fälten på raderna under, indragna två mellanslag till
    [yes-no] skriv true eller false
   *[text] sätt texten inom citattecken om den ser ut som ett tal eller ett datum: "2024"
}
err-decimal-comma = `{ $field }` är ett tal, men `{ $value }` har decimalkomma.
err-decimal-comma-hint = skriv decimalerna efter en punkt: { $value }
err-missing-field = Fältet `{ $field }` saknas.
err-missing-field-hint = lägg till en rad `{ $field }: …` här
err-out-of-range = `{ $value }` ligger utanför det tillåtna intervallet för `{ $field }`.
err-out-of-range-hint = skriv ett tal från { $min } till { $max }
err-bad-date = `{ $value }` är inte ett datum.
err-bad-date-hint = skriv datumet som år-månad-dag, till exempel 2021-07-31
err-bad-period = `{ $value }` är inte en period.
err-bad-period-hint = skriv ett år (2021), en månad (2021-06), en dag (2021-06-30), ett halvår (2021-H1) eller ett kvartal (2021-Q3)
err-bad-id = `{ $value }` kan inte vara en beteckning: den blir en del av en webbadress.
err-bad-id-hint = använd små bokstäver a–z, siffror och `-`, till exempel `{ $value }`
err-bad-language = `{ $value }` är ingen språkkod.
err-bad-language-hint = skriv en kod på två bokstäver: fi, sv eller en
err-bad-related = `{ $value }` anger inget resultatkort och inget mål.
err-bad-related-hint = skriv organisation/resultatkort eller organisation/resultatkort/mål
err-bad-address = `{ $value }` är ingen webbadress.
err-bad-address-hint = skriv hela adressen, från https:// och framåt
err-bad-form = `{ $field }` kan inte vara `{ $value }`.
err-bad-form-hint = se kommentarerna i en fil som gjorts med `tuloskortti new` för vad som ska stå här
err-empty-list = `{ $field }` behöver minst en punkt.
err-empty-list-hint = skriv minst en punkt i listan
err-listed-twice = Samma sak står två gånger i `{ $field }`.
err-listed-twice-hint = ta bort den andra
err-duplicate-field = Fältet `{ $field }` står två gånger.
err-duplicate-field-hint = behåll bara det ena
err-tab = I början av den här raden finns ett tabbtecken.
err-tab-hint = dra in med mellanslag; ställ in redigeraren så att tabbtangenten ger mellanslag
err-unquoted-colon = Texten har ett kolon följt av ett mellanslag, som börjar ett nytt fält.
err-unquoted-colon-hint = sätt texten inom citattecken: title: "Mål: bättre tjänster"
err-wrong-indentation = Den här raden är indragen { $spaces } mellanslag, vilket inte passar raden { $line } ovanför ({ $other } mellanslag).
err-wrong-indentation-hint = ett fält i samma grupp som rad { $line } dras in { $other } mellanslag, ett fält inuti det två mellanslag till
err-unclosed-quote = Ett citattecken öppnas men stängs inte.
err-unclosed-quote-hint = avsluta texten med samma citattecken som den börjar med
err-unclosed-brackets = En parentes { "{" } eller [ stängs inte, eller så saknas ett kommatecken.
err-unclosed-brackets-hint = stäng varje { "{" } med { "}" } och varje [ med ], och skilj punkterna åt med kommatecken
err-not-readable = Filen kan inte läsas härifrån och framåt.
err-not-readable-hint = jämför raden med en fil som gjorts med `tuloskortti new`; kontrollera indrag, kolon och citattecken
err-no-front-matter = Filen ska börja med sina uppgifter mellan två `---`-rader.
err-no-front-matter-hint = börja filen med `---`, sedan `title: …`, sedan `---`

## Mellan filer och fält: hänvisningar, beteckningar, tillgänglighetsutlåtandet

err-not-web-address = `{ $value }` är ingen webbadress: som länkar publiceras bara adresser som börjar med https:// eller http://.
err-municipality-code = `{ $value }` är ingen kommunkod.
err-municipality-code-hint = skriv Statistikcentralens tresiffriga kommunkod inom citattecken, till exempel "049"
err-scorecard-twice = `{ $organisation }` har ett andra resultatkort med beteckningen `{ $id }`.
err-scorecard-twice-hint = ge det ena en annan beteckning
err-page-name-taken = Sidnamnet `{ $value }` används redan av webbplatsens egna sidor eller av en organisation.
err-page-name-taken-hint = ge sidans fil ett annat namn
err-review-old = Tillgänglighetsutlåtandet granskades senast { $date }, för över ett år sedan.
err-review-old-hint = granska utlåtandet (lagen 306/2019 kräver en årlig granskning) och uppdatera accessibility.reviewed
err-statement-fully-with-issues = Enligt tillgänglighetsutlåtandet är webbplatsen helt tillgänglig, men det räknar upp { $count ->
    [one] en känd brist
   *[other] { $count } kända brister
}.
err-statement-fully-with-issues-hint = skriv compliance: partially så länge en del av innehållet inte är tillgängligt, eller ta bort de brister som är åtgärdade
err-statement-without-issues = Enligt tillgänglighetsutlåtandet är webbplatsen inte helt tillgänglig, men det räknar inte upp några brister.
err-statement-without-issues-hint = räkna under known_issues upp vad som inte är tillgängligt och varför, eller skriv compliance: fully
err-goal-empty = Målet `{ $id }` har inga delmål, åtgärder, mätare eller uppföljning.
err-goal-empty-hint = lägg till vad uppföljningen av målet säger, eller de delmål som det följs upp med
err-too-many-decimals = decimals: { $value } är fler decimaler än nyckeltalen visas med (högst { $max }).
err-too-many-decimals-hint = skriv lika många decimaler som källdokumentet, till exempel decimals: 1 för 3,0
err-row-values = Den här raden har { $values } värden, men tabellen `{ $table }` har { $columns } kolumner.
err-row-values-hint = ge ett värde för varje kolumn, och null där källan inte har något
err-values-not-finite = Värdena måste vara tal.
err-unknown-reference = Det finns { $what ->
    [organisation] ingen organisation
    [network] inget nätverk
    [page] ingen sida
    [metric] ingen gemensam mätare
   *[theme] inget tema
} `{ $value }`.
err-define-it = lägg först till den: { $place }
err-duplicate-id = Beteckningen `{ $id }` används för två { $what ->
    [organisation] organisationer
    [network] nätverk
    [metric] gemensamma mätare
    [theme] teman
    [goal] mål eller delmål
   *[key-figures] nyckeltalstabeller
}.
err-duplicate-id-hint = den används först vid { $place }; ge var och en sin egen beteckning
err-bad-file-name-id = Filnamnet `{ $value }` ger beteckningen, men duger inte som beteckning.
err-wrong-folder = Resultatkortet ligger i mappen scorecards/{ $folder }/, men anger organisationen `{ $value }`.
err-wrong-folder-hint = håll varje resultatkort i sin organisations mapp
err-site-missing = Filen content/site.yaml saknas.
err-site-missing-hint = varje webbplats behöver content/site.yaml med title, base_url, languages och accessibility
err-update-file-name = Namnet på en nyhets fil ska börja med dess datum.
err-update-file-name-hint = ge den namnet <år-månad-dag>-<namn>.<språk>.md, till exempel 2021-09-01-nya-sidor.sv.md
err-update-dates-differ = Språkversionerna av den här nyheten har olika datum ({ $date } och { $other }).
err-update-dates-differ-hint = ge alla språkversioner samma datum
err-not-a-site-language = `{ $value }` är inte ett av webbplatsens språk ({ $folder }/<namn>.<språk>.md).
err-site-languages = webbplatsens språk är { $languages }
err-languages-hint = räkna upp minst ett språk; det första är webbplatsens huvudspråk
err-bad-calendar-date = Dagen `{ $value }` finns inte i kalendern.
err-reserved-id = `{ $value }` duger inte som beteckning: Windows reserverar namnet för en enhet, så webbplatsen kunde inte kopieras dit.
err-dash-in-brackets = En punkt i en lista som börjar med `-` står inom hakparenteser [ ].
err-dash-in-brackets-hint = ta bort [ och ] runt listan, eller skriv dess punkter mellan dem åtskilda med kommatecken

## Byggets framsteg i terminalen

progress-search-index = Sökindex
progress-pages = Sidor
progress-downloads = Nedladdningar
progress-writing = Webbplatsen sparas

## Sista raden av check och build

err-summary-ok = Inga fel.
err-summary-errors = { $count ->
    [one] Ett fel.
   *[other] { $count } fel.
}
err-summary-build-failed = Webbplatsen byggdes inte: { $count ->
    [one] ett fel
   *[other] { $count } fel
}. Den tidigare webbplatsen i { $out } är oförändrad.
err-summary-missing = { $count ->
    [0] Alla texter är översatta.
    [one] En text saknar översättning.
   *[other] { $count } texter saknar översättning.
}
err-summary-missing-languages = saknas { $languages }
err-summary-built = Byggde { $pages } sidor ({ $files } filer) i { $out }.
err-summary-built-changed = Byggde { $pages } sidor ({ $files } filer) i { $out }; { $changed } av dem ändrades.
err-summary-up-to-date = Aktuell: { $pages } sidor ({ $files } filer) i { $out }; inget har ändrats sedan det senaste bygget (kontrollerat på { $ms } ms; --force bygger ändå).

## Läsa filerna

err-no-content-folder = Mappen { $folder } kan inte läsas ({ $reason }).
err-no-content-folder-hint = ge kommandot i webbplatsens mapp, den med content/, eller ange mappen med --root
err-not-content = Den här filen är inte en av webbplatsens innehållsfiler och lämnas bort.
err-not-content-hint = innehållsfiler är site.yaml, metrics.yaml, networks.yaml, organisations/<organisation>.yaml, scorecards/<organisation>/<namn>.yaml, updates/<datum>-<namn>.<språk>.md och pages/<namn>.<språk>.md
err-link-outside = Det här är en länk till en fil utanför projektet; den läses inte.
err-link-outside-hint = kopiera filen till projektet i stället för att länka till den
err-cannot-read = Filen kan inte läsas ({ $reason }).
err-cannot-read-hint = kontrollera att filen inte är öppen i ett annat program och att du får läsa den
err-not-a-file = Det här är ingen fil utan en enhet, ett rör eller en mapp.
err-too-large = Filen är { $bytes } byte; en innehållsfil får vara högst { $limit } byte.
err-too-large-hint = dela upp den i flera filer
err-not-utf8 = Filen är inte sparad som UTF-8-text.
err-not-utf8-hint = spara filen med teckenkodningen UTF-8 (i VS Code: kodningen i statusfältet, "Save with Encoding")
err-too-many-repeats = Filen upprepar sina delar (med & och *) fler gånger än en innehållsfil rymmer.
err-too-many-repeats-hint = skriv ut delarna i stället för att upprepa dem med & och *

## Kommandonas egna rader

err-cli-root-not-folder = --root { $path } är ingen mapp.
err-out-is-project = --out { $path } är projektets mapp eller innehåller den; ett bygge ersätter allt i sin utdatamapp. Bygg i en egen mapp, till exempel public/.
err-out-inside = --out { $path } ligger i { $folder }/; bygg i en egen mapp, till exempel public/.
err-out-unreadable = Mappen --out { $path } kan inte läsas ({ $reason }).
err-out-foreign = I --out { $path } finns filer som tuloskortti inte har skrivit. Ange en tom eller ny mapp, eller mappen för ett tidigare bygge.
err-preview-folder-inside = Förhandsvisningsmappen { $path } får inte innehålla webbplatsen eller ligga i content/, themes/ eller i18n/.
err-preview-folder-foreign = Förhandsvisningsmappen { $path } är inte tom och innehåller ingen byggd webbplats; ge --out en tom mapp.
err-serve-no-address = Servern har ingen IP-adress.
err-serve-bind = Det går inte att lyssna på { $addr } ({ $reason }). Körs redan en annan förhandsvisning? Stoppa den eller välj en annan port med --port.
err-serve-watch = Webbplatsens mappar kan inte bevakas ({ $reason }); med --poll kontrolleras ändringar på annat sätt.
err-cannot-write = { $path } kan inte skrivas ({ $reason }).
err-search-filter = --filter tar formen FACETT=VÄRDE, till exempel organisation=espoo.
err-search-none = Inga resultat.
err-search-some = { $shown } av { $total } resultat.
err-schema-written = { $count } scheman skrevs i { $path }.
err-schema-unknown-kind = Det finns ingen sort `{ $kind }`; sorterna är { $kinds }.
err-new-done = Skrivet. Byt ut exempeltexterna mot dina egna och kör sedan `tuloskortti check`.
err-new-exists = { $path } finns redan; ingenting skrevs.
err-new-invalid-organisation = `{ $value }` duger inte som organisationens id: använd små bokstäver a–z, siffror och bindestreck, till exempel `{ $suggestion }`.
err-new-invalid-scorecard = `{ $value }` duger inte som resultatkortets id: använd små bokstäver a–z, siffror och bindestreck, till exempel `{ $suggestion }`.
err-new-invalid-update = `{ $value }` duger inte som nyhetens id: använd små bokstäver a–z, siffror och bindestreck, till exempel `{ $suggestion }`.
