# Luonnokset ja ajastetut uutiset: näkyvät vain esikatselussa ja komennolla build --drafts

draft-banner-label = Luonnos.
draft-banner-text = Tätä sivua ei julkaista: siinä on merkintä draft: true tai sen päivämäärä on tulevaisuudessa.
drafts-heading = Luonnokset
drafts-intro = { $count ->
    [one] Yksi luonnos tai ajastettu uutinen, joka ei näy julkaistulla sivustolla:
   *[other] { $count } luonnosta tai ajastettua uutista, jotka eivät näy julkaistulla sivustolla:
}
