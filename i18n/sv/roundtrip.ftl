# Meddelanden vid export och import av översättningar och tabeller: svenska

roundtrip-exported = { $count } texter att översätta till { $lang } skrivna till { $file }.
roundtrip-imported = { $count } översättningar skrivna i { $files } filer.
roundtrip-refused = Ingenting ändrades: { $count } problem.
roundtrip-out-exists = { $file } finns redan; välj en annan fil med --out eller ta bort den först.
roundtrip-unknown-lang = Webbplatsen har inget språk ”{ $lang }”; den har { $languages }.
roundtrip-unknown-format = Okänt format ”{ $format }”: xliff eller xlsx.
roundtrip-wrong-source = Filen är en översättning från ”{ $lang }”, men texterna på den här webbplatsen är skrivna på { $default }.
roundtrip-wrong-target = Filen är en översättning till ”{ $lang }”, som inte är ett språk som den här webbplatsen översätts till ({ $languages }).
roundtrip-foreign-hint = Importera bara en fil som tuloskortti har gjort av den här webbplatsen; ingen fil ändrades.
roundtrip-duplicate = Texten { $id } finns två gånger i filen; den första finns vid { $first }.
roundtrip-unknown = Ingen text på den här webbplatsen har id:t { $id } ({ $file }, { $field }): texten har tagits bort eller flyttats, eller filen är gjord av en annan webbplats.
roundtrip-stale = Källtexten i { $field } har ändrats efter exporten (posten vid { $entry }); nu lyder den: { $text }
roundtrip-stale-hint = Exportera igen och översätt texten som den är nu; ingen fil ändrades.
roundtrip-no-file = Innehållsfilen finns inte längre.
roundtrip-cannot-edit = Den nya texten kan inte skrivas in i den här filen: { $detail }
roundtrip-cannot-edit-hint = Ingen fil ändrades. Skriv in texten i filen för hand.
roundtrip-read-back = den redigerade filen skulle inte läsas tillbaka med bara de nya texterna ändrade
roundtrip-markdown-whole = { $file } behöver både rubriken och brödtexten översatta: en sida eller nyhet skrivs bara som en helhet.
roundtrip-broken-xml = Filen är inte läsbar XLIFF: { $detail }
roundtrip-broken-hint = Spara filen på nytt från översättningsverktyget som XLIFF 2; ingen fil ändrades.
roundtrip-not-xliff2 = inget XLIFF 2-dokument (ett <xliff version="2.0">-element i namnrymden urn:oasis:names:tc:xliff:document:2.0)
roundtrip-inline = en text innehåller inbäddade koder (<ph>, <pc>, …); texterna på den här webbplatsen är ren text
roundtrip-broken-sheet = Tabellen kan inte läsas: { $detail }
roundtrip-broken-sheet-hint = Spara den på nytt som Excel-arbetsbok (.xlsx) eller som CSV med de exporterade kolumnerna; ingen fil ändrades.
roundtrip-missing-column = kolumnen ”{ $column }” saknas
roundtrip-column-id = id
roundtrip-column-file = fil
roundtrip-column-field = fält
roundtrip-column-context = sammanhang
roundtrip-column-source = källtext ({ $lang })
roundtrip-column-target = översättning ({ $lang })
roundtrip-cut-short = filen slutar innan dess sista element har stängts (</xliff>)
