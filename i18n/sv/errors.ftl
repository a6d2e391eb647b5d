# Meddelanden från check, build och förhandsvisningen: svenska.
# Med vanliga ord, utan programmeringstermer; { $field } är fältets namn i filen.

## Före publiceringen: platshållare från startfilen och exempeladresser

placeholder-text = I fältet `{ $field }` står fortfarande startfilens platshållartext.
placeholder-text-hint = skriv den riktiga texten i stället; en platshållare räknas som en översättning som saknas
example-address = I fältet `{ $field }` står exempeladressen { $value }, som ingen kan öppna.
example-address-hint = skriv den riktiga adressen i stället före publiceringen
example-base-url-hint = skriv webbplatsens riktiga adress i fältet base_url eller ge den till kommandot: tuloskortti build --base-url https://…/
