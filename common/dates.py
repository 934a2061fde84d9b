"""Vietnamese publication dates: regex fast paths first, dateparser for the rest.

Portals write dates day first, in many shapes: ``Ngày 14/03/2019 08:59:47``,
``Thứ Ba, 23/7/2024``, ``Cập nhật lúc 10:20, ngày 05/07/2019``, ``ngày 5 tháng 7
năm 2019``, ``21/07/2022 | 10:00 AM``, ISO with offsets. The numeric and verbal
forms are parsed by regex (~300x faster than ``dateparser.parse``, which also
fails on labelled strings); dateparser (Vietnamese, day first) handles the rest.

Results are ISO 8601 in Vietnam time: ``YYYY-MM-DDTHH:MM:SS+07:00`` when the
string shows a time, ``YYYY-MM-DD`` when it shows only a date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from common.textnorm import clean_line

logger = logging.getLogger(__name__)

VN_TZ = timezone(timedelta(hours=7), "ICT")
EARLIEST_YEAR = 1990

_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4})(?![\d/])")
# "ngày 5 tháng 8 năm 2019", and as headers shorten it: "05 Tháng 08, 2019", "5 tháng 8 2019",
# "12 Th3, 2024" (WordPress's Vietnamese dates), "7 thg 8, 2019" (CLDR's Vietnamese medium form,
# as ICU, Java and browsers' Intl print it)
_VERBAL = re.compile(r"(?<![\d/.\-])(?:ng[aà]y\s+)?(\d{1,2})\s+th(?:[aá]ng\s+|g\.?\s*(?=\d)|\s?(?=\d))"
                     r"(\d{1,2})(?:,?\s+(?:n[aă]m\s+)?|/)(\d{4})(?!\d)")  # "ngày 15 tháng 3/2024" too
# "2019/08/05", "2019.08.05": year first, then month and day (as ISO orders them)
_YMD = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)[/.](\d{1,2})[/.](\d{1,2})(?![\d/.])")
# "thứ tư, 07 08 2019 15:43": day, month and year apart by spaces only (SharePoint-era portals);
# held to a real day and month and a year of this era, as three numbers in a row say little else
_SPACED = re.compile(r"(?<![\d/.:\-])(0?[1-9]|[12]\d|3[01])\s+(0?[1-9]|1[0-2])\s+"
                     r"((?:19|20)\d\d)(?![\d/.:\-])")
# "12/08/24": a two-digit year, read only beside a time or after a date's label ("Ngày đăng:
# 12/08/24", "12/08/24 09:15"); alone, two-digit triples are as often numbers of other things
_SHORT = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{2})(?![\d/.\-%])")
_SHORT_TIME_AFTER = re.compile(r"\s*[,|\-–]?\s*\d{1,2}[:h]\d{2}")
_SHORT_TIME_BEFORE = re.compile(r"\d{1,2}[:h]\d{2}(?::\d{2})?\s*[,|\-–]?\s*(?:ng[aà]y\s*)?$")
_SHORT_LABEL = re.compile(r"(?:ng[aà]y|đăng|cập nhật|xuất bản|posted|updated|date)\s*(?:lúc|đăng|on)?"
                          r"\s*:?\s*$")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")  # year first
_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([zZ]|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
# PHP's date("Y-m-dTH:i:s"), which NukeViet prints as article:published_time: its "T" is the
# server's zone name, so the zone stands where ISO's "T" would ("2019-08-07+0715:43:00",
# "2019-08-07ICT15:43:00", "2019-08-06UTC19:00:00"); matched on the lower-cased string
_PHP_T = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})([+-]\d{2}(?::?\d{2})?|[a-z]{2,5})"
                    r"(\d{1,2}):(\d{2}):(\d{2})(?!\d)")
# the zone names such a server prints (tz database abbreviations), as hours east of UTC
_ZONE_NAMES = {"utc": 0, "gmt": 0, "ict": 7, "wib": 7, "cst": -6, "cdt": -5, "est": -5,
               "edt": -4, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "cet": 1, "cest": 2,
               "bst": 1, "jst": 9, "kst": 9, "sgt": 8, "hkt": 8, "awst": 8}
_TIME = re.compile(
    r"(?<![\d/.:])(\d{1,2})\s?(?::|h|gi[oờ])\s?(\d{2})(?::(\d{2}))?(?![\d/.])"
    # the suffix ends where a letter would go on: a meta row's pieces run together ("8:12:00 PM1.245")
    r"(?:\s*(am|pm|sa|ch|s[aá]ng|chi[eề]u|t[oố]i)(?![^\W\d_]))?"
)
_GMT = re.compile(r"gmt\s*([+-])\s*(\d{1,2})")
# Month names: Vietnamese words ("tháng Bảy") and the English, French and German names and
# abbreviations found on foreign pages, lower-cased.
MONTHS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
    **{w: n for n, names in enumerate((
        "january jan janvier januar jän", "february feb février fevrier februar",
        "march mar mars märz maerz mär",
        "april apr avril", "may mai", "june jun juin juni", "july jul juillet juli",
        "august aug août aout", "september sep sept septembre", "october oct octobre oktober okt",
        "november nov novembre", "december dec décembre decembre dezember dez"), 1) for w in names.split()},
}
_VI_MONTHS = ("một", "giêng", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
              "mười một", "mười hai", "chạp")
_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS if m not in _VI_MONTHS), key=len, reverse=True))
_VI_MONTH = "|".join(sorted((re.escape(m) for m in _VI_MONTHS), key=len, reverse=True))
_VI_NAMED = re.compile(rf"(?<!\d)(\d{{1,2}})\s+th[aá]ng\s+({_VI_MONTH})\b,?\s*(?:n[aă]m\s+)?(\d{{4}})")
_DAY_MONTH = re.compile(rf"(?<![\d.])(\d{{1,2}})(?:er|st|nd|rd|th|\.)?[\s\-]+({_MONTH})\.?,?[\s\-]+"
                        rf"(\d{{4}})(?!\d)")  # "14 March 2019", "05-Aug-2019"
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)")
# month first, as WordPress's Vietnamese "F j, Y" and "M j, Y" print it: "Tháng Tám 7, 2019",
# "tháng 8 7, 2019", "Th8 7, 2019" (the comma after the day says which number is the day)
_VI_MONTH_FIRST = re.compile(rf"(?<!\w)th(?:[aá]ng|g)?\s*({_VI_MONTH}|\d{{1,2}})\s+(\d{{1,2}}),\s*"
                             rf"(\d{{4}})(?!\d)")
# Java's Date.toString(), which a JSP page prints unformatted: "Wed Aug 07 15:43:21 ICT 2019"
# (the lookahead leaves the clock and its zone for the time's reading)
_JAVA = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})"
                   rf"(?=\s+\d{{1,2}}:\d{{2}}:\d{{2}}\s+[a-z]{{2,5}}\s+(\d{{4}})(?!\d))")
_ZONE_AFTER_CLOCK = re.compile(r"\d:\d{2}:\d{2}\s+([a-z]{2,5})\s+\d{4}\b")
_PM = {"pm", "ch", "chiều", "chieu", "tối", "toi"}
_AM = {"am", "sa", "sáng", "sang"}


class DateError(ValueError):
    """A string that holds no usable publication date; the message says why."""


@dataclass(frozen=True)
class ParsedDate:
    value: str  # ISO 8601, see module docstring
    raw: str  # the string the date came from
    has_time: bool

    @property
    def day(self) -> date:
        return date.fromisoformat(self.value[:10])


# what every form holds: a four-digit year, or numbers apart by a separator (a two-digit year's)
_DATE_DIGITS = re.compile(r"\d{4}|\d[/.\-]\d")


def contains_date(text: str) -> bool:
    """Cheap test: does ``text`` hold something shaped like a date? (NFC text)"""
    if not _DATE_DIGITS.search(text):
        return False  # most lines: the patterns below cost ~50 times this search
    lowered = text.lower()
    return bool(_NUMERIC.search(lowered) or _VERBAL.search(lowered) or _ISO.search(lowered)
                or _CJK.search(lowered) or _YMD.search(lowered) or _named(lowered)
                or _SPACED.search(lowered) or _short(lowered) is not None)


def parse_date(raw: str, now: datetime | None = None, *, month_first: bool = False) -> ParsedDate:
    """Parse a Vietnamese date string; raise :class:`DateError` with a reason.

    ``now`` is the fetch time: a date after it is rejected. Numbers are read day first, as
    Vietnamese is written, unless the day cannot be first ("3/25/2024": the month is) or
    ``month_first`` says the page or the site prints them month first (``month_first_by``).

    >>> parse_date("Ngày 14/03/2019 08:59:47").value
    '2019-03-14T08:59:47+07:00'
    >>> parse_date("Thứ Ba, 23/7/2024").value
    '2024-07-23'
    """
    raw = clean_line(raw or "")
    if not raw:
        raise DateError("empty date string")
    lowered = raw.lower()  # the patterns spell the Vietnamese words with their diacritics
    parsed = _fast_path(raw, lowered, month_first)
    if parsed is None:
        parsed = _slow_path(raw, lowered, _relative_base(lowered, now))
    _check_not_future(parsed, now)
    return parsed


def _fast_path(raw: str, lowered: str, month_first: bool) -> ParsedDate | None:
    if php := _PHP_T.search(lowered):
        return _from_php(raw, php)
    iso = _ISO.search(lowered)
    if iso:
        return _from_iso(raw, iso)
    if match := _NUMERIC.search(lowered):
        day, month, year = (int(g) for g in match.groups())
        if day <= 12 and (month_first or month > 12):  # ASP.NET's en-US "M/d/yyyy h:mm:ss tt"
            day, month = month, day
    elif match := _VERBAL.search(lowered) or _SPACED.search(lowered):
        day, month, year = (int(g) for g in match.groups())
    elif match := _CJK.search(lowered) or _YMD.search(lowered):
        year, month, day = (int(g) for g in match.groups())
    elif named := _named(lowered):
        match, (day, month, year) = named
    elif match := _short(lowered):
        day, month, short = (int(match.group(n)) for n in (1, 3, 4))
        year = short + (1900 if short >= 90 else 2000)  # a year of the portals' era
        if day <= 12 and (month_first or month > 12):
            day, month = month, day
    else:
        return None
    rest = lowered[: match.start()] + " " + lowered[match.end() :]
    clock = _find_time(rest)
    return _build(raw, year, month, day, clock, _gmt_offset(lowered))


MONTH_FIRST = ", month first"  # a date candidate's kind ends so when its numbers are read month first
_FORMED = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?![\d/])")
# what follows a numeric date is part of its form: "3/25/2024 2:30:00 PM" and "25/03/2024" are two
_CLOCK = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m(?![^\W\d_]))?", re.I)
# A page is searched from the separator on: over a whole page, a pattern that opens with a
# literal runs many times faster than one that opens with a digit (benchmarks/dates_bench.py).
_TAILS = {sep: re.compile(rf"{re.escape(sep)}(\d{{1,2}}){re.escape(sep)}(\d{{4}})(?![\d/])") for sep in "/.-"}
_LEADING = re.compile(r"(?<![\d/.\-])(\d{1,2})$")


_EVERY_FORM = (_PHP_T, _ISO, _NUMERIC, _VERBAL, _SPACED, _CJK, _YMD, _VI_NAMED, _DAY_MONTH, _MONTH_DAY, _JAVA,
               _VI_MONTH_FIRST)


def without_dates(text: str) -> str:
    """``text``, lower-cased, with every date of a form the parser reads taken out: what a line
    says besides its days ("28 thg 1, 2024", "Tháng Tám 7, 2019" and the numeric forms alike)."""
    lowered = text.lower()
    if not _DATE_DIGITS.search(lowered):
        return lowered
    for pattern in _EVERY_FORM:
        lowered = pattern.sub(" ", lowered)
    return lowered


def month_first_by(raw: str, page: str) -> bool:
    """Whether the numeric date in ``raw``, which reads either way ("3/12/2024 8:30:00 AM"), is
    month first by the other dates of its form in ``page``: some of them can only be read
    month first ("3/25/2024 2:30:00 PM") and none only day first. Other forms say nothing: an
    article's text writes "ngày 25/3/2024" on a page whose software prints the other order.
    Where nothing on the page tells, a date in ASP.NET's en-US form (a number or the hour of a
    clock with seconds unpadded, English AM or PM: "8/12/2024 8:30:00 AM") is month first: a
    portal's Vietnamese culture prints "SA"/"CH", and a format written by hand for day first pads
    ("08/12/2024 08:30 AM")."""
    match = _FORMED.search(raw)
    if not match or int(match.group(1)) > 12 or int(match.group(3)) > 12:
        return False
    form, numbers = _form(raw, match.end()), []
    for tail in _TAILS[match.group(2)].finditer(page):
        lead = _LEADING.search(page, max(0, tail.start() - 2), tail.start())
        if lead and _form(page, tail.end()) == form:
            numbers.append((int(lead.group(1)), int(tail.group(1))))
    order = _order(numbers)
    return order == "mdy" or (order is None and form[2] and _unpadded(raw, match))


def _unpadded(raw: str, match: re.Match[str]) -> bool:
    """A number of the date, or the clock's hour with its seconds, written without its zero: how
    .NET's en-US prints ("8/12/2024", "10/11/2024 8:11:00 AM"); a hand-written day-first format
    pads ("08/12/2024 08:30 AM")."""
    clock = _CLOCK.match(raw, match.end())
    hour = clock.group(0).split(":")[0].strip() if clock and clock.group(1) else "00"
    return 1 in (len(match.group(1)), len(match.group(3)), len(hour))


def numeric_order(texts: list[str]) -> str | None:
    """"mdy" when some of these numeric dates read only month first and none only day first,
    "dmy" when some read only day first, None when they read either way or are not numeric."""
    return _order([(int(m.group(1)), int(m.group(3))) for m in map(_FORMED.search, texts) if m])


def _order(numbers: list[tuple[int, int]]) -> str | None:
    if any(second <= 12 < first <= 31 for first, second in numbers):
        return "dmy"
    return "mdy" if any(first <= 12 < second <= 31 for first, second in numbers) else None


def _form(text: str, end: int) -> tuple[bool, bool, bool]:
    clock = _CLOCK.match(text, end)
    return bool(clock), bool(clock and clock.group(1)), bool(clock and clock.group(2))


def _short(lowered: str) -> re.Match[str] | None:
    """A day-first date with a two-digit year, beside a time or after a date's label."""
    for match in _SHORT.finditer(lowered):
        before = lowered[max(0, match.start() - 30):match.start()]
        if _SHORT_TIME_AFTER.match(lowered, match.end()) or _SHORT_TIME_BEFORE.search(before) \
                or _SHORT_LABEL.search(before):
            return match
    return None


def _named(lowered: str) -> tuple[re.Match[str], tuple[int, int, int]] | None:
    """A date with its month written out: "5 tháng Bảy 2019", "14 March 2019", "March 14, 2019",
    "Tháng Tám 7, 2019"."""
    if match := _VI_NAMED.search(lowered) or _DAY_MONTH.search(lowered):
        return match, (int(match.group(1)), MONTHS[match.group(2)], int(match.group(3)))
    if match := _MONTH_DAY.search(lowered) or _JAVA.search(lowered):
        return match, (int(match.group(2)), MONTHS[match.group(1)], int(match.group(3)))
    if match := _VI_MONTH_FIRST.search(lowered):
        month = int(match.group(1)) if match.group(1).isdigit() else MONTHS[match.group(1)]
        return match, (int(match.group(2)), month, int(match.group(3)))
    return None


def _find_time(text: str) -> tuple[int, int, int] | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    suffix = match.group(4)
    if suffix in _PM and hour < 12:
        hour += 12
    elif suffix in _AM and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _gmt_offset(lowered: str) -> timezone | None:
    match = _GMT.search(lowered)
    if not match:
        named = _ZONE_AFTER_CLOCK.search(lowered)  # Java's "15:43:21 UTC 2019"
        if named and named.group(1) in _ZONE_NAMES:
            return timezone(timedelta(hours=_ZONE_NAMES[named.group(1)]))
        return None
    hours = int(match.group(2)) * (1 if match.group(1) == "+" else -1)
    return timezone(timedelta(hours=hours))


def _from_iso(raw: str, match: re.Match[str]) -> ParsedDate:
    year, month, day = (int(g) for g in match.groups()[:3])
    if match.group(4) is None:
        return _build(raw, year, month, day, None, None)
    clock = (int(match.group(4)), int(match.group(5)), int(match.group(6) or 0))
    zone = match.group(7)
    tz = None
    if zone in ("z", "Z"):
        tz = UTC
    elif zone:
        tz = _offset(zone)
    return _build(raw, year, month, day, clock, tz)


def _offset(zone: str) -> timezone:
    """``+07``, ``+0700``, ``-05:00`` as a zone."""
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))


def _from_php(raw: str, match: re.Match[str]) -> ParsedDate:
    """A PHP date with its zone's name in the middle; an unknown zone name gives the day alone
    (the time cannot be placed in Vietnam's)."""
    year, month, day, zone = int(match.group(1)), int(match.group(2)), int(match.group(3)), match.group(4)
    clock = (int(match.group(5)), int(match.group(6)), int(match.group(7)))
    if zone[0] in "+-":
        tz = _offset(zone)
    elif zone in _ZONE_NAMES:
        tz = timezone(timedelta(hours=_ZONE_NAMES[zone]))
    else:
        return _build(raw, year, month, day, None, None)
    return _build(raw, year, month, day, clock, tz)


def _build(
    raw: str,
    year: int,
    month: int,
    day: int,
    clock: tuple[int, int, int] | None,
    tz: timezone | None,
) -> ParsedDate:
    if year < EARLIEST_YEAR:
        raise DateError(f"year {year} is before {EARLIEST_YEAR} in {raw!r}")
    try:
        moment = datetime(year, month, day, *(clock or (0, 0, 0)), tzinfo=tz or VN_TZ)
    except ValueError as exc:
        raise DateError(f"impossible date {day:02d}/{month:02d}/{year} in {raw!r}") from exc
    if clock is None:
        return ParsedDate(moment.date().isoformat(), raw, False)
    local = moment.astimezone(VN_TZ)
    return ParsedDate(local.isoformat(timespec="seconds"), raw, True)


# "2 giờ trước", "Hôm qua lúc 10:20": counted back from the fetch, not from the clock of the day
# the record is read (a capture from 2019 read today); weeks, months and years back name no day
_RELATIVE = re.compile(r"\b(trước|ago|hôm nay|hôm qua|today|yesterday)\b")
_VAGUE = re.compile(r"\b(tuần|tháng|năm|weeks?|months?|years?)\s+(trước|ago)\b")


def _relative_base(lowered: str, now: datetime | None) -> datetime | None:
    if not _RELATIVE.search(lowered):
        return None
    if _VAGUE.search(lowered):
        raise DateError(f"a date counted back in weeks, months or years names no day: {lowered!r}")
    if now is None:
        raise DateError(f"a date counted back needs the fetch time: {lowered!r}")
    return (now if now.tzinfo else now.replace(tzinfo=UTC)).astimezone(VN_TZ).replace(tzinfo=None)


def _slow_path(raw: str, lowered: str, base: datetime | None = None) -> ParsedDate:
    import dateparser  # heavy import (~0.3 s): only when the fast paths miss

    settings = {
        "DATE_ORDER": "DMY",
        "TIMEZONE": "Asia/Ho_Chi_Minh",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        **({"RELATIVE_BASE": base} if base else {}),  # naive: Vietnam's wall time, as TIMEZONE says
    }
    try:
        moment = dateparser.parse(raw, languages=["vi", "en"], settings=settings)
    except Exception as exc:  # dateparser raises assorted errors on odd input
        raise DateError(f"unparseable date {raw!r}: {exc}") from exc
    if moment is None:
        raise DateError(f"no date found in {raw!r}")
    clock = (moment.hour, moment.minute, moment.second) if _TIME.search(lowered) else None
    offset = moment.utcoffset()
    tz = timezone(offset) if offset is not None else None
    return _build(raw, moment.year, moment.month, moment.day, clock, tz)


def _check_not_future(parsed: ParsedDate, now: datetime | None) -> None:
    if now is None:
        return
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    local_now = now.astimezone(VN_TZ)
    if parsed.has_time:
        too_late = datetime.fromisoformat(parsed.value) > local_now + timedelta(minutes=5)
    else:
        too_late = parsed.day > local_now.date()
    if too_late:
        raise DateError(f"date {parsed.value} is after the fetch time {local_now:%Y-%m-%d %H:%M}")
