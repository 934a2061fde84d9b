"""Canonical URLs and link classification.

One article is often reachable under several addresses: with tracking
parameters, a session id, a printer-friendly switch, ``www.``, ``https``, a
trailing slash or ``default.aspx``. Two forms:

- :func:`canonical_url`, the address to fetch and store: parameters that never
  identify content are dropped, but host and path stay as the portal gave them
  (some portals answer only on ``www.``, some 404 without ``default.aspx``);
- :func:`url_key`, the identity the spider deduplicates on: also without the
  scheme, ``www.``, trailing slash and default document.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
import socket
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that never identify content.
_DROP_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|zarsrc|_ga|mc_cid|mc_eid"
    r"|sessionid|phpsessid|jsessionid|aspsessionid\w*|replytocom|amp)$",
    re.IGNORECASE,
)
# Printer-friendly and view-mode switches: the page they show is the article.
_PRINT_PARAMS = re.compile(r"^(print|printer|printable|in|inbai|isprint|printmode)$", re.I)
_PRINT_VALUES = {"print", "printer", "in", "inbai", "component"}
_VIEW_PARAMS = re.compile(r"^(view|layout|format|tmpl|mode|output|type)$", re.I)
_JSESSION = re.compile(r";jsessionid=[^/?#]*", re.I)
# ASP.NET's cookieless session (and forms ticket, anonymous id, AutoDetect's X(1)) in the path:
# ``/(S(lit3py55t21z5v55vlm25s55))/x.aspx``. The server gives each visit its own, and the page is
# the same under any: it is not the address.
_ASPNET_SESSION = re.compile(r"/\((?:[ASFX]\([A-Za-z0-9_-]*\))+\)(?=/)")
# the page path before Liferay's /-/ is where the article is shown, not which article it is
_LIFERAY_CONTENT = re.compile(r"^.*?/-/(?:asset_publisher/[^/]+/)?((?:content|view_content|view)/[^/]+)$")
_LIFERAY_STATE = re.compile(r"^(?:p_p_\w+|p_r_p_\w+|_\w+_(?:redirect|backURL)|redirect|inheritRedirect)$",
                            re.I)
_DEFAULT_DOC = re.compile(r"/(?:default|index)\.(?:aspx?|html?|php|jsp)$", re.I)

BINARY_EXTENSIONS = frozenset(
    """pdf doc docx xls xlsx ppt pptx odt ods odp rtf zip rar 7z gz tgz bz2 xz tar
    jpg jpeg png gif bmp tif tiff webp svg ico mp3 mp4 avi mov wmv flv mkv webm wav
    ogg m4a exe msi apk iso dmg bin css js json xml txt csv""".split()
)
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "ftp:", "skype:", "zalo:")


def canonical_url(url: str) -> str:
    """Return the canonical form of ``url``.

    >>> canonical_url("HTTP://www.Example.gov.vn/tin/a.html?utm_source=fb&id=3#top")
    'http://www.example.gov.vn/tin/a.html?id=3'
    >>> canonical_url("http://example.gov.vn/Pages/a.aspx?ItemID=5&print=true")
    'http://example.gov.vn/Pages/a.aspx?ItemID=5'
    >>> canonical_url("http://x.gov.vn/(S(lit3py55t21z5v55vlm25s55))/TinTuc.aspx?id=7")
    'http://x.gov.vn/TinTuc.aspx?id=7'
    """
    url = _JSESSION.sub("", url.strip())
    if "/(" in url:
        url = _ASPNET_SESSION.sub("", url)
    return _canonical(url)


def kept_address(url: str) -> str:
    """The address the archive keeps for a fetched ``url``: without an ASP.NET cookieless session
    in its path, which the server gives each visit anew (``url`` itself otherwise)."""
    return canonical_url(url) if "/(" in url else url


def fetch_address(url: str) -> str:
    """The canonical form of ``url`` to fetch: an ASP.NET cookieless session in its path kept.
    Without it the server answers each request with a redirect to a session of its own."""
    return _canonical(_JSESSION.sub("", url.strip()))


def _canonical(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    netloc = host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, True) if _keep_param(k, v)])
    rebuilt = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


def url_key(url: str) -> str:
    """Identity of a page: canonical URL without scheme, ``www.``, trailing slash, default document.

    >>> url_key("https://www.x.gov.vn/Pages/default.aspx") == url_key("http://x.gov.vn/Pages/")
    True

    Liferay shows one article under every page that places an asset publisher: its key is the
    article's own part of the path, and the portlet's rendering state (``p_p_*``, ``redirect``)
    is not part of it.

    >>> url_key("http://x.gov.vn/web/a/-/asset_publisher/Ab1/content/tin-moi?p_p_id=x&redirect=/y")
    'x.gov.vn/-/content/tin-moi'
    """
    parts = urlsplit(canonical_url(url))
    path = _DEFAULT_DOC.sub("/", parts.path).rstrip("/") or "/"
    query = parts.query
    if "/-/" in path or "p_p_" in query:
        path = _LIFERAY_CONTENT.sub(r"/-/\1", path)
        query = urlencode([(k, v) for k, v in parse_qsl(query, True) if not _LIFERAY_STATE.match(k)])
    key = parts.netloc.removeprefix("www.") + path
    return f"{key}?{query}" if query else key


def _keep_param(key: str, value: str) -> bool:
    if _DROP_PARAMS.match(key) or _PRINT_PARAMS.match(key):
        return False
    return not (_VIEW_PARAMS.match(key) and value.lower() in _PRINT_VALUES)


def host_of(url: str) -> str:
    """Host (and non-default port) without ``www.``: the unit a crawl stays on."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host if parts.port in (None, 80, 443) else f"{host}:{parts.port}"


def is_binary(url: str) -> bool:
    """True for links to documents, images, media and archives (not articles)."""
    ext = posixpath.splitext(_path(url))[1].lower().lstrip(".")
    return ext in BINARY_EXTENSIONS


def slug(url: str) -> str:
    """The address's last path segment, unquoted, without its extension: portals make it from
    the title ("hoi-nghi-tong-ket" of ``/tin/hoi-nghi-tong-ket.html``)."""
    return unquote(_path(url).rstrip("/").rsplit("/", 1)[-1]).rsplit(".", 1)[0]


def joined(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``; None for an href that is no address at all
    ("http://[::1/x": urljoin raises on it)."""
    try:
        return urljoin(base, slashed(href))
    except ValueError:
        return None


def slashed(href: str) -> str:
    """``href`` with the backslashes of its address part as slashes, as a browser reads a web
    address (``..\\tin\\bai-1.htm``, written on Windows by older portals' editors); its query
    and fragment keep theirs."""
    if "\\" not in href:
        return href
    cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    return href[:cut].replace("\\", "/") + href[cut:]


def page_base(page_url: str, base_href: str | None) -> str:
    """The address a page's relative links resolve against: its ``<base href>``'s path and
    query, on the page's own scheme and host; the page's address when it declares none.

    A browser resolves every relative link (and a script's request) against the base, so a
    page at ``/tin-tuc/bai-1.html`` declaring ``<base href="/">`` (Angular, Joomla, IBM's portal)
    links ``tin-tuc/bai-2.html`` at the root, not under ``/tin-tuc/``. The host a base names is
    not followed: portals name the host they were built on (``www.``, ``http`` before
    ``https``, a domain before a merger), while the crawl keeps to the host it fetched.
    """
    href = (base_href or "").strip()
    if not href or href.startswith(("#", "javascript:", "data:", "mailto:")):
        return page_url
    resolved = joined(page_url, href)
    try:
        base, page = urlsplit(resolved or ""), urlsplit(page_url)
    except ValueError:  # a bracketed host that is no IPv6 address
        return page_url
    if base.scheme not in ("http", "https"):
        return page_url
    return urlunsplit((page.scheme, page.netloc, base.path or "/", base.query, ""))


def declared_base(root, url: str) -> str:
    """The address the page's relative links resolve against (:func:`page_base`): its first
    ``<base href>``, or ``url``. ``root``: lxml's tree, of lxml.html or parsel."""
    base = next((el for el in root.iter("base") if el.get("href")), None)
    return url if base is None else page_base(url, base.get("href"))


def _path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:  # a bracketed host that is no IPv6 address
        return ""


# a folder's own page: the site's home ("/", "/trang-chu", Liferay's "/web/guest/home") or a
# section's index ("/tin-tuc/index.html"); not where the query or the path names an item
# (DotNetNuke's "/tabid/71/ArticleID/1234/Default.aspx", "default.aspx?id=")
_INDEX_PAGE = re.compile(r"^(?:default|index|home|trang-?chu)(?:\.[a-z]{2,5})?$", re.I)


def is_index_page(url: str) -> bool:
    """Whether the address is a folder's own page (the site's home, a section's index), no item's."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    folder, _, name = parts.path.rstrip("/").rpartition("/")
    return not parts.query and not any(c.isdigit() for c in folder) \
        and (not name or bool(_INDEX_PAGE.match(name)))


DOCUMENT_EXTENSIONS = frozenset("pdf doc docx xls xlsx ppt pptx odt ods odp rtf zip rar 7z".split())
# Download handlers of Vietnamese portals: DownloadFile.aspx?id=, /documents/…/download, ?download
# DotNetNuke's file links (LinkClick.aspx?fileticket=; its ?link= goes to a page), and handlers
# named for a file or given its id (ViewFile.aspx?id=, FileHandler.ashx?fileid=); not every .ashx:
# a listing's "load more" answers from one (LoadMore.ashx)
_DOWNLOAD = re.compile(r"download|/documents/|get_?file|attachment|tai-?ve|dinh-?kem"
                       r"|linkclick\.aspx\?(?:[^#]*&)?fileticket=|(?:view|show|open)_?file|file_?handler"
                       r"|[?&](?:file_?id|id_?file)=", re.I)


# a file kept under the site's uploads folder by its id, with no extension (``/uploads/files/12``):
# what the editor uploaded, served by the id; a page's address never lies under that folder
_UPLOADED = re.compile(r"/(?:uploads?|userfiles)/(?:[^/?#]+/)*[^/.?#]+$", re.I)


def is_document(url: str) -> bool:
    """True for a link to a document a notice attaches (by extension, download handler, or an
    extensionless file under the uploads folder)."""
    path = _path(url)
    ext = posixpath.splitext(path)[1].lower().lstrip(".")
    return ext in DOCUMENT_EXTENSIONS or bool(_DOWNLOAD.search(url.split("#", 1)[0])) \
        or (not ext and bool(_UPLOADED.search(path)))


# a file kept on a hosting service and shown by its viewer (commune sites link their notices'
# files there): a post's attachment, though a crawl cannot fetch the file behind the viewer
_HOSTED_FILE = re.compile(r"^https?://(?:(?:drive|docs)\.google\.com/(?:file|document|spreadsheets|presentation)/d/"
                          r"|drive\.google\.com/(?:open|uc)\?(?:[^#]*&)?id="
                          r"|onedrive\.live\.com/|1drv\.ms/|(?:www\.)?dropbox\.com/s(?:cl/fi)?/)", re.I)


def is_hosted_file(url: str) -> bool:
    """True for a link to a file on Google Drive or Docs, OneDrive or Dropbox (its viewer)."""
    return bool(_HOSTED_FILE.match(url))


# a viewer page shows a document given in its query ("viewer.html?file=/Uploads/a.pdf",
# Google's "gview?url=", Office's "embed.aspx?src=")
_VIEWER_PARAMS = ("file", "url", "src", "doc", "document", "path", "filepath", "pdf")


def embedded_document(src: str, base: str) -> str | None:
    """The document an ``<iframe>``, ``<embed>`` or ``<object>`` shows: its source when that is a
    document, or the document a viewer page is given in its query; None for anything else
    (a map, a video)."""
    src = (src or "").strip()
    if not src or not is_followable(src):
        return None
    url = joined(base, src)
    if not url or not url.startswith(("http://", "https://")):
        return None
    for name, value in parse_qsl(urlsplit(url).query):
        if name.lower() in _VIEWER_PARAMS and (shown := joined(url, value.strip())) and is_document(shown) \
                and shown.startswith(("http://", "https://")):
            return shown
    return url if is_document(url) else None


def is_followable(href: str) -> bool:
    """False for ``mailto:``, ``javascript:``, bare fragments and the like."""
    href = href.strip().lower()
    return bool(href) and not href.startswith("#") and not href.startswith(_SKIP_SCHEMES)


# Cloud metadata services answer on link-local and a few other fixed addresses and names; a
# crawl that reached one (a start URL, a link, a redirect) would archive credentials.
METADATA_HOSTS = frozenset({"metadata", "metadata.google.internal", "metadata.goog", "instance-data",
                            "instance-data.ec2.internal", "metadata.azure.com"})
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "100.100.100.200", "fd00:ec2::254", "192.0.0.192"))


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host name spells, in any form a resolver takes (2130706433, 0x7f.1, ::1)."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def never_crawled(host: str | None) -> str:
    """Why a host is never fetched whatever the settings ('' when it may be): link-local,
    unspecified, multicast and cloud metadata addresses. Loopback and private ranges are for
    the registry's policy to allow (tests and the demo serve on 127.0.0.1)."""
    name = (host or "").rstrip(".").lower()
    if name in METADATA_HOSTS:
        return f"{name} is a cloud metadata host"
    address = ip_literal(name)
    if address is None:
        return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return f"{address} is a cloud metadata address"
    if address.is_loopback:
        return ""
    if address.is_link_local:
        return f"{address} is a link-local address (cloud metadata services answer there)"
    if address.is_unspecified or address.is_multicast or address.is_reserved:
        return f"{address} is an unspecified, multicast or reserved address"
    return ""
