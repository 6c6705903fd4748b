"""Stable list pages: numbered from the oldest, so a new article changes only the front page.

Pelican's paginator numbers a list from the newest: one new article shifts every item of every
page, and a 2,000-article portal rewrote 656 pages (each one rebuilt, re-indexed and re-audited)
for one piece of news. Here a list of ``total`` items, ``per_page`` a page, is cut into full
slices counted from the oldest; slice *j* is page number *j + 1* at ``{base_name}/halaman/N/``
and always holds the same items. Page number 1 is the list's own address (the front page): the
newest ``per_page`` items, whatever the total. The newest ``total % per_page`` items are on the
front page only, until they fill the next slice.

Adding one item therefore changes the front page, and once every ``per_page`` additions it
writes a new numbered page and changes the one before it (its "newer" link). The old scheme's
addresses all still exist (its pages 2..ceil(total/per_page) are at most this scheme's last
number), only what they hold differs: a list page is not a permalink.
"""

FRONT = 1


def full_slices(total, per_page):
    """How many numbered pages a list has: none while the front page holds everything."""
    if not per_page or total <= per_page:
        return 0
    return total // per_page


def slice_bounds(number, per_page):
    """Indices [start, stop) counted from the oldest item of numbered page ``number`` (≥ 2)."""
    start = (number - 2) * per_page
    return start, start + per_page


def older_than_front(total, per_page):
    """The number of the page holding the item just older than the front page's oldest."""
    slices = full_slices(total, per_page)
    if not slices:
        return None
    # Index (from the oldest) of the newest item not on the front page.
    index = total - per_page - 1
    return index // per_page + 2


def page_items(newest_first, number, per_page):
    """The items of page ``number``, newest first: the front page or one fixed slice."""
    if number == FRONT:
        return list(newest_first[:per_page]) if per_page else list(newest_first)
    # Counted from the oldest, read from the newest end: no copy of the whole list per page.
    total = len(newest_first)
    start, stop = slice_bounds(number, per_page)
    return list(newest_first[max(0, total - stop):total - start])


def neighbours(number, total, per_page):
    """(newer, older) page numbers of page ``number``; None where there is none.

    The newest numbered page's newer page is the front page; the front page has no newer one.
    """
    last = full_slices(total, per_page) + 1
    if number == FRONT:
        return None, older_than_front(total, per_page)
    newer = number + 1 if number < last else FRONT
    older = number - 1 if number > 2 else None
    return newer, older


def page_numbers(total, per_page):
    """Every page number a list writes: the front page, then its numbered pages."""
    return [FRONT, *range(2, full_slices(total, per_page) + 2)]


def nearest_of_group(newest_first, count=3):
    """Each item's ``count`` nearest neighbours in the list, newest first, in the list's order.

    For "other news from this agency" on an article page: the nearest newer and older items,
    so a new article changes the cards of its one older neighbour only, where "the newest
    three" changed every article page of its agency. One newer neighbour and the rest older;
    at either end of the list the window slides inwards so every page still shows ``count``.
    """
    size = len(newest_first)
    found = []
    for index in range(size):
        start = max(0, min(index - 1, size - count - 1))
        window = range(start, min(size, start + count + 1))
        found.append([newest_first[other] for other in window if other != index][:count])
    return found
