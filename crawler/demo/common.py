"""Pieces shared by the demo portals: pages, boilerplate blocks, helpers.

The boilerplate is deliberately heavy and wears neutral class names (``box``,
``c1``, ``blk``), as on the portals that defeat generic extractors.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html import escape

from crawler.demo.content import DemoArticle


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None  # for redirects
    headers: tuple[tuple[str, str], ...] = ()  # more headers (Content-Disposition)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def encode_cp1258(text: str) -> bytes:
    """Encode as windows-1258 portals do: base letters plus combining tone marks."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            tones = "".join(c for c in parts if c in _TONES)
            out.append((base + tones).encode("cp1258", errors="xmlcharrefreplace"))
    return b"".join(out)


def html_page(text: str, charset: str = "utf-8", header_charset: str | None = None) -> Page:
    declared = header_charset or charset
    body = encode_cp1258(text) if charset == "cp1258" else text.encode(charset)
    return Page(body, f"text/html; charset={declared}")


def e(text: str) -> str:
    return escape(text, quote=True)


def ddmmyyyy(article: DemoArticle) -> str:
    value = article.published_at or "2019-01-01"
    return f"{value[8:10]}/{value[5:7]}/{value[:4]}"


def sort_newest(articles: list[DemoArticle]) -> list[DemoArticle]:
    return sorted(articles, key=lambda a: (a.published_at or "0000", a.id), reverse=True)


def paragraphs_html(article: DemoArticle, indent: str = "", image: str = "") -> str:
    """The article body as a portal's rich-text field renders it."""
    html = []
    for i, para in enumerate(article.paragraphs):
        html.append(f"<p>{indent}{e(para)}</p>")
        if i == 0 and article.caption:
            html.append(
                f'<p style="text-align:center"><img src="{image}" alt="" width="500"></p>'
                f'<p style="text-align:center"><em>{e(article.caption)}</em></p>'
            )
    if article.source:
        html.append(f'<p style="text-align:right">({e(article.source)})</p>')
    if article.author:
        html.append(f'<p style="text-align:right"><strong>{e(article.author)}</strong></p>')
    return "\n".join(html)


def link_list(heading: str, items: list[tuple[str, str, str]], cls: str = "box") -> str:
    """A sidebar block: heading plus (href, title, date) rows."""
    rows = "".join(
        f'<li><a href="{e(href)}">{e(title)}</a> <span class="dt">({date})</span></li>'
        for href, title, date in items
    )
    return f'<div class="{cls}"><div class="hd">{e(heading)}</div><ul>{rows}</ul></div>'


POLL = """<div class="box"><div class="hd">Thăm dò ý kiến</div>
<p>Bạn đánh giá như thế nào về cổng thông tin này?</p>
<form action="#"><label><input type="radio" name="p"> Rất hữu ích</label><br>
<label><input type="radio" name="p"> Hữu ích</label><br>
<label><input type="radio" name="p"> Bình thường</label><br>
<input type="button" value="Gửi bình chọn"> <input type="button" value="Xem kết quả"></form></div>"""

COUNTER = """<div class="box"><div class="hd">Lượt truy cập</div>
<p>Đang truy cập: 127</p><p>Hôm nay: 3.482</p><p>Số lượt truy cập : 16.575.804</p></div>"""

WEB_LINKS = """<div class="box"><div class="hd">Liên kết web</div><ul>
<li><a href="https://chinhphu.vn">Cổng TTĐT Chính phủ</a></li>
<li><a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></li>
<li><a href="https://quochoi.vn">Quốc hội</a></li>
<li><a href="https://mic.gov.vn">Bộ Thông tin và Truyền thông</a></li>
<li><a href="https://baochinhphu.vn">Báo Điện tử Chính phủ</a></li></ul></div>"""

SHARE = """<div class="tools"><a href="{print_href}">In bài viết</a> | <a href="#">Gửi cho bạn bè</a>
| <a href="#">Phản hồi</a> | <a href="#">Chia sẻ Facebook</a> | <a href="#">Zalo</a></div>"""

VIDEO_TITLES = (
    "Những chiến sỹ áo trắng trên tuyến đầu chống dịch Covid-19",
    "Hướng dẫn sử dụng thuốc cho F0 điều trị tại nhà",
    "Trạm y tế lưu động: Giảm áp lực điều trị tập trung",
    "Diện mạo nông thôn mới ở Mỹ Thành",
    "Đảm bảo an toàn cho học sinh khi đi học trong trạng thái bình thường mới",
    "Phát huy hiệu quả dịch vụ công trực tuyến",
    "Linh hoạt ứng phó khi F0 trong cộng đồng gia tăng",
    "Tăng độ bao phủ vaccine phòng Covid-19",
    "Vươn lên sau vấp ngã",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Văn hóa còn thì dân tộc còn",
    "Sông Hậu 30 năm xây dựng và phát triển",
)

# Strings that must never reach an article's text.
BOILERPLATE_STRINGS = (
    "Tin mới", "Xem nhiều nhất", "Liên kết web", "Thăm dò ý kiến", "Lượt truy cập",
    "Số lượt truy cập", "Gửi bình chọn", "Cơ quan chủ quản", "Người chịu trách nhiệm",
    "Designed by", "Gửi cho bạn bè", "Phản hồi", "In bài viết", "Các tin khác",
    "Tin liên quan", "Trang chủ", "Thư viện video", "Liên kết banner", "Điện thoại:",
    "Bản quyền", "Đăng nhập",
)
