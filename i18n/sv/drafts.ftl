# Utkast och schemalagda nyheter: syns bara i förhandsvisningen och med build --drafts

draft-banner-label = Utkast.
draft-banner-text = Den här sidan publiceras inte: den är märkt draft: true eller har ett datum i framtiden.
drafts-heading = Utkast
drafts-intro = { $count ->
    [one] Ett utkast eller en schemalagd nyhet som inte syns på den publicerade webbplatsen:
   *[other] { $count } utkast eller schemalagda nyheter som inte syns på den publicerade webbplatsen:
}
