# Komentojen check ja build sekä esikatselun virheilmoitukset: suomi.
# Selkokielellä, ilman ohjelmointitermejä; { $field } on kentän nimi tiedostossa.

## Ennen julkaisua: aloitustiedoston paikkatekstit ja esimerkkiosoitteet

placeholder-text = Kentässä `{ $field }` on yhä aloitustiedoston paikkateksti.
placeholder-text-hint = kirjoita tilalle oikea teksti; paikkateksti lasketaan puuttuvaksi käännökseksi
example-address = Kentässä `{ $field }` on esimerkkiosoite { $value }, jota kukaan ei voi avata.
example-address-hint = kirjoita tilalle oikea osoite ennen julkaisua
example-base-url-hint = kirjoita sivuston oikea osoite kenttään base_url tai anna se komennolle: tuloskortti build --base-url https://…/
