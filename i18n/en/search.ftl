# Search: the search form on every page and the search page

search-title = Search
search-form-label = Search the site
search-input-label = Search the site
search-button = Search
search-hint = Type a word. Search finds its other forms too: “cycling” also finds “cycle”.
search-results-heading = Results
search-results-none = No results. Try another word or remove filters.
search-results-one = 1 result
search-results-many = { $count } results
search-results-shown = Showing the first { $shown }.
search-results-partial = No page has all the words. The results are pages with some of them.
search-more = Show more results
search-loading = Searching…
search-error = Search is not working right now. You can browse all goals in the list below.
search-filters-heading = Filter results
search-clear-filters = Remove filters
search-facet-organisation = Organisation
search-facet-year = Year
search-facet-kind = Document
search-facet-theme = Theme
search-facet-status = Status
search-facet-type = Content
search-type-goal = Goal
search-type-target = Target
search-type-indicator = Indicator
search-type-risk = Risk
search-type-scorecard = Scorecard
search-type-update = News
search-type-page = Page
search-type-organisation = Organisation
search-az-heading = All goals A–Z
search-az-intro = Here are all goals in alphabetical order. Searching by word works when JavaScript is enabled in the browser.
search-az-count = { $count ->
    [one] 1 goal
   *[other] { $count } goals
}

# The A-Z list in parts, on a large site
search-parts-heading = The list in parts
search-parts-intro = There are so many goals that the list is split into { $count } parts. A letter leads to the part where the goals beginning with it begin.
search-part-title = All goals A–Z, part { $part } of { $parts }
search-part-intro = This part holds { $count } of all { $all } goals in alphabetical order.
search-part-search = Search and the parts of the list
search-part-letters = Letters
search-part-goals = Goals
search-part-pager = Parts of the list
search-part-previous = Previous part
search-part-next = Next part
