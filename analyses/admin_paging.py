"""Paging the admin's search results without counting every match.

The change list counts its filtered rows to draw the pager. For a search that count must read every matching row
(a skill half the resumes name is 50,000 rows at 100,000), which took 1-3 s on PostgreSQL while the page of the 50
newest matches took milliseconds (bench/admin_search.py). So a search counts at most SEARCH_COUNT_LIMIT matches:
the pager offers the newest ones, and a reviewer narrows the search (or a filter) to reach older rows.
"""

from functools import cached_property

from django.core.paginator import Paginator

SEARCH_COUNT_LIMIT = 1000


class CappedCountPaginator(Paginator):
    @cached_property
    def count(self):
        # Unordered: counting needs no newest-first walk, so PostgreSQL takes the trigram indexes (33 vs 372 ms for a
        # file name in 9 % of 100,000 rows).
        return self.object_list.order_by().values("pk")[:SEARCH_COUNT_LIMIT].count()
