# Drafts and scheduled updates: shown only in the preview and by build --drafts

draft-banner-label = Draft.
draft-banner-text = This page is not published: it is marked draft: true or its date is still to come.
drafts-heading = Drafts
drafts-intro = { $count ->
    [one] One draft or scheduled update, not on the published site:
   *[other] { $count } drafts or scheduled updates, not on the published site:
}
