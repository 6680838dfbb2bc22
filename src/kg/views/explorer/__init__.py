"""The lineage explorer: entity pages, search and the lineage atlas, as data for the browser.

Everything is read from the store through the saved queries in
``kg/queries/explorer/*.rq`` (:mod:`.run`), shaped into plain dicts of safe
text (:mod:`.pages`, :mod:`.atlas`, :mod:`.search`) and rendered by one
template and one script (:mod:`.page`): data reaches the page only as JSON,
and the DOM only through ``textContent``. ``kg serve`` answers these pages
(kg.serve.explorer); ``kg html --lineage`` writes the atlas as one offline page.
"""

from kg.views.explorer.atlas import atlas_data, atlas_page
from kg.views.explorer.run import open_store

__all__ = ["atlas_data", "atlas_page", "open_store"]
