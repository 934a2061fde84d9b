"""Extraction of one page: is it an article, and its title, date, author, text.

Stages, each in its own module: decode bytes to NFC text (``decode``), read
head metadata (``metadata``), remove boilerplate blocks (``boilerplate``),
locate the body (``locate``), its title (``titles``) and date lines (``datelines``),
turn the body into text (``bodytext``), finish its lines (``textlines``) and split off
the signature and source (``credits``). Date *candidates* are collected here,
best first (metadata, visible date line, URL); ``resolve_date`` parses them.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from lxml import etree

from common.dates import MONTH_FIRST, month_first_by
from common.legacy import has_signs
from common.textnorm import clean_line, clean_text, fold, is_vietnamese
from common.urls import canonical_url, host_of, joined
from crawler.documents.detect import not_a_page
from crawler.extraction.attachments import (
    expose_embedded,
    expose_scripted,
    find_attachments,
    with_attachments,
)
from crawler.extraction.author import author_in_lines, find_author, without_label
from crawler.extraction.bodytext import element_text
from crawler.extraction.boilerplate import clean_tree
from crawler.extraction.budget import MAX_BYTES, SECONDS, ExtractionTimeout, bounded, time_budget
from crawler.extraction.credits import (
    BodyText,
    labelled_after,
    labelled_in,
    linked_source,
    trailing_signature,
)
from crawler.extraction.datelines import find_date_lines, find_times
from crawler.extraction.decode import (
    MOJIBAKE,
    XML_DECLARATION,
    charset_from_content_type,
    decode_html,
    from_legacy_font,
    from_mojibake,
)
from crawler.extraction.generic import Candidate, choose, kept_only, trafilatura_candidate
from crawler.extraction.headlines import mark_headlines
from crawler.extraction.lead import from_title, lead_before, with_lead_inside
from crawler.extraction.locate import (
    HEADING_TAGS,
    SHORT_POST,
    body_candidates,
    plain_len,
    post_block,
    right_after,
)
from crawler.extraction.metadata import PageMeta, read_meta
from crawler.extraction.pagetitle import (
    breadcrumb_item,
    link_labels,
    names_a_site,
    og_title_without_portal,
    page_title_without_portal,
    title_parts,
)
from crawler.extraction.result import Extraction, Rejection, resolve_date
from crawler.extraction.selflinks import linked_from_menu, unlink_own_title
from crawler.extraction.sideprose import post_text
from crawler.extraction.textlines import finish_text
from crawler.extraction.titles import (
    find_title,
    heading_dates,
    heading_text,
    is_label_text,
    names_the_page,
    opening_block,
    titled_headings,
)
from crawler.extraction.tree import link_cards, parse_page, rebase_links
from crawler.extraction.verdict import judge
from crawler.profiles import Profile, SiteProfile, detect

logger = logging.getLogger(__name__)

URL_DATE = re.compile(r"/((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})(?:/|$)"
                      # or without separators, a segment of the path ("/20240812/", "/20240812-slug")
                      r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def extract_bytes(body: bytes, url: str | None = None, content_type: str | None = None,
                  site: SiteProfile | None = None, *, max_bytes: int = MAX_BYTES,
                  seconds: float = SECONDS) -> Extraction:
    """Decode a fetched body and extract it (``site``: the site's own selectors).

    Bounded (``crawler.extraction.budget``): at most ``max_bytes`` are read, and a page still
    being extracted after ``seconds`` is given up with that reason.
    """
    body, truncated = bounded(body, max_bytes)
    if kind := not_a_page(body):  # a file served as a page, kept in the WARC as served
        return Extraction(url=canonical_url(url) if url else None, reason=f"not HTML: a {kind.upper()} file",
                          truncated=truncated, rejection=Rejection.NOT_ARTICLE)
    try:
        with time_budget(seconds):
            text, encoding = decode_html(body, charset_from_content_type(content_type))
            result = extract_html(text, url, site)
            if has_signs(f"{result.title}\n{result.text}") and (legacy := from_legacy_font(text, encoding)):
                text, encoding = legacy  # a page typed in TCVN3 or VNI, read again in Unicode
                result = extract_html(text, url, site)
            elif MOJIBAKE.search(f"{result.title}\n{result.text}") \
                    and (fixed := from_mojibake(text, encoding)):
                text, encoding = fixed  # UTF-8 read as Windows-1252 before it was served
                result = extract_html(text, url, site)
    except ExtractionTimeout as exc:
        return Extraction(url=canonical_url(url) if url else None, reason=str(exc), truncated=truncated,
                          rejection=Rejection.OVER_TIME)
    except RecursionError:
        return Extraction(url=canonical_url(url) if url else None, reason="markup too deeply nested",
                          rejection=Rejection.MALFORMED)
    result.encoding, result.truncated = encoding, truncated
    return result


def extract_html(html: str, url: str | None = None, site: SiteProfile | None = None) -> Extraction:
    """Extract an article from an HTML string (NFC expected)."""
    result = Extraction(url=canonical_url(url) if url else None)
    if not html.strip():
        result.reason, result.rejection = "empty page", Rejection.EMPTY
        return result
    try:
        root = parse_page(XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError) as exc:
        result.reason, result.rejection = f"unparseable HTML: {exc}", Rejection.MALFORMED
        return result
    link_cards(root, html)  # a card a script makes a link is read as the link it is
    if url:
        rebase_links(root, url)
    meta = read_meta(root)
    result.url = _canonical(url, meta.canonical) or result.url
    platform = detect(root, url)
    result.platform = platform.name if platform else "unknown"
    profiles = [p for p in (site, platform) if p is not None]  # the site's own selectors first
    for profile in profiles:
        profile.drop(root)
    expose_embedded(root, url)  # a PDF shown in the page is an attachment, as a link to it is
    expose_scripted(root, url, html)  # and one a button opens by script
    # the links' texts before boilerplate goes (menus and link lists go with it): a page whose
    # text is mostly these is a listing
    anchors = frozenset(clean_line((a.text or "") if len(a) == 0 else a.text_content())
                        for a in root.iter("a"))
    labels = link_labels(anchors)  # the menu's sections, which a <title> may name beside the post
    in_menu = linked_from_menu(root, url)  # a static page is one the site's menu links
    unlink_own_title(root, url)
    mark_headlines(root)  # a section page's list, before boilerplate removal takes it
    crumb = breadcrumb_item(root)
    parts = title_parts(meta.title, meta.og_title, url, crumb)
    clean_tree(root, keep=[*titled_headings(root, parts), *(el for p in profiles for el in p.kept(root))])
    body, named_by = _first_with(profiles, "body", root)
    known_body = body is not None
    ranked = [] if known_body else body_candidates(root, lambda el: names_the_page(el, parts))
    body = body if known_body else (ranked[0] if ranked else None)
    title_el = _first(profiles, "title", root)
    if title_el is None:
        title_el = find_title(root, body, parts)
    if (title_el is None or names_a_site(heading_text(title_el))) and not crumb \
            and (not (declared := _declared(meta, labels)) or names_a_site(declared)):
        # where the page declares no title of its own, nor heads its post (the logo's name is none)
        opening = opening_block(root, body)
        title_el = opening if opening is not None else title_el
    if ranked and title_el is not None and title_el.tag not in HEADING_TAGS \
            and any(a is ranked[0] for a in title_el.iterancestors()):
        # the title is no text: a long one in a block (its commas) outweighed a short post's text
        ranked = body_candidates(root, lambda el: el is title_el or names_the_page(el, parts))
    if ranked:  # not a sidebar's prose beside a short post
        body, title_el = post_text(root, ranked, title_el, parts)
    notice = None  # a short notice's block, found from its title
    if not known_body and title_el is not None and (body is None or plain_len(body) < SHORT_POST):
        block = post_block(title_el)  # a short notice: its title tells where it stands
        if block is not None and (body is None or not (body.getparent() is block.getparent()
                                                       or right_after(body, block))):
            # (a short post's text beside its head block, or in the block after it, is its own)
            body = notice = block
    result.title = _title_text(title_el, meta, crumb, labels)
    shown = [d for p in profiles for d in p.date_lines(root)]
    date_lines = heading_dates(title_el) + find_date_lines(title_el, body)
    # a platform's profile knows where its lead is; a body the site's selectors or its learnt
    # place name may stand after one, as a located body may
    leads = named_by is None or named_by is site
    located = None
    if body is not None:
        read = element_text(body if known_body else from_title(body, title_el), known_body)
        located = Candidate("located", _with_lead(title_el, body, read, leads))
    trusted = (named_by or platform) is not None and (named_by or platform).TRUSTED_BODY
    if trusted:  # the site's selectors or a Vietnamese portal platform: the fast path
        chosen = located
        result.body_from = named_by.name if named_by is not None else "located"
    else:  # a layout no trusted profile knows: trafilatura's reading is a candidate too
        other = trafilatura_candidate(html, url)
        choice = choose(located, other, root, body, lambda el: element_text(el, False), result.title,
                        date_lines + shown)
        chosen = choice.chosen if choice else None
        if body is None and chosen is not None and ranked and ranked[0].getparent() is None:
            # the only text was a sidebar's prose, left out (sideprose): so it is of trafilatura's
            # reading, which read the page as served
            chosen = Candidate(chosen.name, kept_only(chosen.text, root), chosen.comments)
        elif notice is not None and chosen is not None and chosen.name == "trafilatura":
            # a notice's lines are its block's: what trafilatura reads outside it is another
            # column's (a side column's heading our rules left, "Bản đồ hành chính")
            chosen = Candidate(chosen.name, kept_only(chosen.text, notice), chosen.comments)
        result.body_from = chosen.name if chosen else ""
        result.comments = clean_text(other.comments) if other and other.comments else ""
    if chosen is not None:
        finished = finish_text(chosen.text, result.title, date_lines + shown,
                               signature=is_vietnamese(chosen.text), page_url=url)
        result.attachments = find_attachments(body, url) if body is not None else []
        result.text = with_attachments(_drop_lines(finished.text, site), result.attachments)
        after = labelled_after(body) if body is not None else BodyText("")
        if body is not None and not (after.author or after.source):
            after = labelled_in(body)
        result.source = (finished.source or after.source
                         or (linked_source(body, url) if body is not None else None))
        result.author = without_label(_first(profiles, "author", root) or finished.author
                                      or (trailing_signature(body) if body is not None else None)
                                      or after.author or find_author(body, meta.authors, meta.site_names)
                                      or author_in_lines(date_lines + shown))
    found = _date_candidates(meta, shown, date_lines, find_times(title_el, body), url,
                             html, is_vietnamese(f"{result.title} {result.text}"))
    result.date_candidates = _in_order(found, html, site.date_order if site is not None else None)
    dated, anchor_texts = bool(shown or date_lines), anchors if body is None else frozenset()
    located_text = located.text if located and located.text.strip() else ""  # (lines of spaces: none)
    result.rejection, result.reason = judge(result, body, located_text, dated, url, title_el, anchor_texts,
                                            in_menu)
    result.is_article = result.rejection is None
    if result.is_article and not located_text and result.body_from == "trafilatura" \
            and is_vietnamese(f"{result.title} {result.text}"):
        # a post no block held (a notice that is a file or a video alone), read by trafilatura
        # alone: on the portals our rules were built for, what they removed stays out (the
        # section's other headlines beside it)
        result.text = with_attachments(_drop_lines(finish_text(kept_only(chosen.text, root), result.title,
                                                               date_lines + shown).text, site),
                                       result.attachments)
        if not result.text.strip():  # all it read was what they removed: a section's teasers
            result.is_article, result.rejection = False, Rejection.LISTING
            result.reason = "no text of its own: trafilatura read only other pages' headlines and leads"
        else:  # judged again on what is left (a pager's "2 3" under a list the rules removed)
            result.rejection, result.reason = judge(result, body, "", dated, url, title_el, anchor_texts,
                                                    in_menu)
            result.is_article = result.rejection is None
    return result


def _date_candidates(meta, shown: list[str], date_lines: list[str], times: list[str], url: str | None,
                     html: str, vietnamese: bool) -> list[tuple[str, str]]:
    """Date candidates, best first (``resolve_date`` takes the first that parses).

    Metadata, then what the page shows (the profile's date element, the date line by
    the title), then ``<time>`` in the article's region (often a comment's or an
    update's stamp, so after the visible line), then the URL. On a page that is not
    Vietnamese, htmldate's quick search (metadata and markup) comes before the date
    lines, and its extensive search is the last resort when nothing at all was found.
    On Vietnamese portals htmldate picks sidebar dates, so it is never asked there.
    """
    quick = [] if vietnamese else [("htmldate", d) for d in [_htmldate(html, url, False)] if d]
    found = (meta.dates + quick + [("profile", d) for d in shown] + [("date line", d) for d in date_lines]
             + [("time", t) for t in times])
    if url and (m := URL_DATE.search(url)):
        found.append(("url", "-".join(f"{int(g):02d}" for g in m.groups() if g)))
    if not found and not vietnamese and (deep := _htmldate(html, url, True)):
        found.append(("htmldate extensive", deep))
    return found


# RDFa prefixes and namespaces (Drupal's "rdfs: http://www.w3.org/2000/01/rdf-schema#"), which
# htmldate's extensive search reads as the 1st of January 2000
W3C_ADDRESS = re.compile(r"https?://(?:www\.)?w3\.org/[^\s\"'<>]*")


def _in_order(found: list[tuple[str, str]], html: str, order: str | None) -> list[tuple[str, str]]:
    """The candidates whose numbers are to be read month first named so (``MONTH_FIRST``): on
    a site whose learnt or given template says "mdy", or, where the site says no order, where
    the page's dates say so (``month_first_by``)."""
    return [(kind + MONTH_FIRST, raw) if kind != "url" and order != "dmy"
            and (order == "mdy" or month_first_by(raw, html)) else (kind, raw) for kind, raw in found]


def _htmldate(html: str, url: str | None, extensive: bool) -> str | None:
    from htmldate import find_date  # trafilatura's own dependency

    if extensive:  # a vocabulary's address in the markup dates the vocabulary, not the page
        html = W3C_ADDRESS.sub("", html)
    try:
        return find_date(html, url=url, original_date=True, extensive_search=extensive)
    except Exception:  # htmldate raises assorted errors on odd pages
        logger.debug("htmldate failed on %s", url)
        return None


def _first(profiles: list[Profile], field_name: str, root):
    """The first profile's answer for a field (the site's selectors, then the platform's)."""
    return _first_with(profiles, field_name, root)[0]


def _first_with(profiles: list[Profile], field_name: str, root):
    """The first profile's answer for a field, and the profile that gave it."""
    for profile in profiles:
        found = getattr(profile, field_name)(root)
        if found is not None:
            return found, profile
    return None, None


def _with_lead(title_el, body, text: str, leads: bool) -> str:
    """The body's text after its lead (``lead.lead_before``), on a Vietnamese page: the sapo is
    the portals' convention. Elsewhere trafilatura's reading competes, and a located body that
    was the wrong block won on a lead that was not its own (a peer page)."""
    if not leads:
        return text
    lead = [line for line in lead_before(title_el, body) if line not in text]
    led = "\n\n".join([*lead, text]) if lead else with_lead_inside(title_el, body, text)
    return led if led != text and is_vietnamese(text) else text  # asked last: it reads the text


def _drop_lines(text: str, site: SiteProfile | None) -> str:
    if site is None or not site.drop_text:
        return text
    kept = [p for p in text.split("\n\n") if not any(r.search(p) for r in site.drop_text)]
    return "\n\n".join(kept)


def _canonical(url: str | None, declared: str) -> str | None:
    if not declared:
        return None
    absolute = joined(url or "", declared)
    if absolute is None:
        return None  # <link rel=canonical href="http://[::1/x">: no address
    if url and host_of(absolute) != host_of(url):
        return None  # a canonical on another host is not trusted
    return canonical_url(absolute) if absolute.startswith("http") else None


BADGE = 25  # characters a heading may hold before the title itself (a date badge, a category)


ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)$")


def _declared(meta: PageMeta, labels: frozenset[str] = frozenset()) -> str:
    """The title the page declares, less the portal's name (and the section a link of the page
    names, ``labels``): its og:title (one that names the site on every page is no title either),
    else its <title>."""
    og_title, site_names = meta.og_title, meta.site_names
    return (og_title_without_portal(og_title, site_names) if og_title and not names_a_site(og_title)
            else "") or page_title_without_portal(meta.title, site_names, labels)


def _title_text(title_el, meta: PageMeta, crumb: str = "", labels: frozenset[str] = frozenset()) -> str:
    og_title, page_title, site_names = meta.og_title, meta.title, meta.site_names
    if title_el is None:
        declared = _declared(meta, labels)
        # nor a <title> that only names the site, where the breadcrumb names the page itself
        return crumb if crumb and (not declared or names_a_site(declared)) else declared
    shown = heading_text(title_el)
    declared = [d for d in (og_title, page_title_without_portal(page_title, site_names, labels)) if d]
    if is_label_text(shown):  # the portal's or the section's name: the post's own title, where declared
        if posts := [d for d in declared if not is_label_text(d)]:
            return posts[0]
    for whole in declared:
        if shown.isupper() and whole.lower() == shown.lower():
            return whole  # the heading set in capitals: the title as its writer typed it
        stem = ELLIPSIS.sub("", shown)
        if stem != shown and len(whole) > len(stem) and fold(whole).startswith(fold(stem)):
            return whole  # the heading cut short ("... nhiệm vụ..."): the whole title declared
    if any(fold(shown) in fold(clean_line(d)) for d in (og_title, page_title) if d):
        return shown  # "Sở TT&TT - Tổng kết năm 2021" whole in <title>: no badge, a title with a dash
    for declared in (og_title, page_title_without_portal(page_title, site_names, labels)):
        # "Jun 17 Das schönste Ende der Welt" for "Das schönste Ende der Welt": the badge goes
        # (a prefix only: a declared title that is cut short loses its end, not its start)
        prefix = len(shown) - len(declared)
        if declared and 0 < prefix <= BADGE and fold(shown).endswith(fold(declared)):
            return declared
    return shown


def extract_page(
    body: bytes, url: str | None = None, content_type: str | None = None,
    fetched_at: datetime | None = None, site: SiteProfile | None = None,
) -> Extraction:
    """Everything the crawl does to one page: extract, then resolve the date."""
    return resolve_date(extract_bytes(body, url, content_type, site), fetched_at)


__all__ = ["Extraction", "extract_bytes", "extract_html", "extract_page", "resolve_date", "fold"]
