"""The "layout combinations" figure: article pages put together from the parts Vietnamese
portals combine, in random combinations no profile and no template knows.

    .venv/bin/python -m tests.gold.layouts [--count 300] [--seed 1] [--misses]

Each page draws, independently: the title's element (h1-h3, a classed div, span or bold
paragraph, a one-cell table, an unclassed bold cell, a centred bold font, ASP.NET's label,
Joomla's heading linking its own page, Joomla 1.5's title row with its print and e-mail
buttons, a heading closed by a "Mới" badge), its ``<title>`` form and an ``og:title`` naming
the portal or none; the date line's form (an en-US stamp, CLDR's "7 thg 8, 2024", a badge of
pieces, a calendar's leaf among them) and element, before or after the title, alone below the
text, as the first line of the text's block or on a line of its own in the title's element;
the reader's tools (font size, print, share) above the text or not; a lead (sapo) in a div, a
bold paragraph or a heading (a deck ``<h2 class="sapo">`` too), or none; one to three
paragraphs in four forms, in a one-cell table or not; an image caption (figure, centred italic
line, CKEditor image table; above the text or after its first paragraph) or none; a
right-aligned signature, NukeViet's labelled author and source lines below the text, the
author among the date line's fields, or none; a breadcrumb, a
section's name, share tools, a related list, a rating widget, a text-to-speech player or a QR
code's line, and a thread of readers' comments, or not, inside the content block or after
it; a sidebar of dated headlines; a div or a table layout. Each page is extracted alone and scored: stored as an article, title, day,
text opening with the lead, every paragraph and caption kept, the signature as author, and no
boilerplate in the text. ``tests/crawler/extraction/test_layout_combinations.py`` pins floors.
The parts are what the probes of stop 34 and later found portals print; the combinations are
the point: a rule that holds for one layout and breaks another shows here. Stop 51's probes
added the publication labels "Đăng lúc" and "Tin đăng:", a day on the counters' line, a title in
an h4, and the section's earlier posts ("Các tin đã đưa:") and the links to the previous and
next posts among the widgets; a post shown above only two others, its headline a link; and a
notice's file on Google Drive. Stop 53's: a section's name of five words and more ("Chương
trình mục tiêu quốc gia xây dựng nông thôn mới"), which reads as no label, and a ``<title>``
that repeats the section's name. Stop 58's: the section and the day in a header row of a table
of their own above the post's block (LacViet's SharePoint news part, as real pages print it),
and a notice of a file in that part (the file's row under "Nhấn vào để xem", the print tool);
its lead in a table's row, a caption in a coloured line under the picture's table, a signature
labelled "Bài, ảnh:", and a repost's closing address of its original (the source, no text).

A second set puts a section's pages together from the same parts: listings in six styles (a
list, rows of a table, blocks, teasers with their leads, links a paragraph each, excerpts cut
short), the newest
post shown in full above the list (its headline a link, or a picture or "Xem tiếp", "[Xem thêm]"
linking it) or not, paged or not, which must be judged listings (a crawl fetches them again);
and short notices (a title, a day above or below, one line or none, a week's timetable of
dated rows or a video's player, a file), which must be stored with their title, day and file,
and nothing of the page around them.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from datetime import datetime

from crawler.extraction import extract_bytes, resolve_date

PORTAL = "Cổng thông tin điện tử huyện Tân Phú"
TITLES = ["Huyện Tân Phú tổ chức Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024",
          "Xã Phú Lợi ra quân làm đường giao thông nông thôn", "Thông báo về việc tuyển dụng viên chức năm 2024",
          "Kế hoạch tổ chức các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước",
          "UBND tỉnh: Đẩy mạnh chuyển đổi số trong cải cách hành chính",
          # an official title past a line's length (150 characters)
          "Hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2024 và kế hoạch "
          "phát triển kinh tế - xã hội giai đoạn 2021 - 2025 trên địa bàn huyện"]
PARAGRAPHS = [
    "Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó tập "
    "trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến về giải pháp tháo gỡ khó khăn trong giải phóng mặt bằng, "
    "giải ngân vốn đầu tư công và cải cách thủ tục hành chính trên địa bàn huyện.",
    "Kết luận hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các cơ quan, đơn vị khẩn trương xây dựng kế hoạch cụ "
    "thể, phân công rõ người, rõ việc, rõ thời gian hoàn thành."]
LONGER = [  # a long article's further paragraphs: enough <p> text that trafilatura reads no <div>'s
    "Theo báo cáo, 6 tháng đầu năm tổng giá trị sản xuất các ngành kinh tế trên địa bàn huyện ước đạt trên "
    "52% kế hoạch năm, thu ngân sách nhà nước đạt 61% dự toán tỉnh giao, tăng 12% so với cùng kỳ.",
    "Công tác an sinh xã hội được quan tâm thực hiện đầy đủ, kịp thời; các chính sách đối với người có công, "
    "hộ nghèo, hộ cận nghèo và đối tượng bảo trợ xã hội được triển khai đúng quy định.",
    "Bên cạnh đó, hội nghị cũng chỉ ra một số hạn chế như tiến độ thực hiện một số công trình trọng điểm còn "
    "chậm, công tác quản lý đất đai, trật tự xây dựng ở một số xã chưa chặt chẽ."]
CAPTION = "Quang cảnh buổi làm việc của đoàn công tác"
# prose a sidebar prints on every page, longer than a short post's text: the district's
# introduction, a quotation of Hồ Chí Minh, the week's notice in a ticker
PROSE_WIDGETS = [
    "<div class='box'><h3>Giới thiệu chung</h3><p>Huyện Tân Phú nằm ở phía Bắc tỉnh Đồng Nai, có diện tích tự nhiên "
    "77.400 ha, dân số khoảng 160.000 người, gồm 17 xã, thị trấn. Huyện có vị trí chiến lược quan trọng về quốc "
    "phòng, an ninh, là cửa ngõ của tỉnh nối với Tây Nguyên; có Vườn quốc gia Cát Tiên là khu dự trữ sinh quyển thế "
    "giới, với nhiều tiềm năng phát triển du lịch sinh thái.</p><a href='/gioi-thieu'>Xem thêm</a></div>",
    "<div class='box'><div class='box-title'>Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</div>"
    "<p><em>“Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”. Cán bộ, công chức phải gần dân, hiểu "
    "dân, học dân và có trách nhiệm với dân; việc gì có lợi cho dân thì hết sức làm, việc gì có hại cho dân thì hết "
    "sức tránh, phải đặt lợi ích của nhân dân lên trên hết, trước hết.</em></p></div>",
    "<div class='thongbao'><marquee>THÔNG BÁO: Ủy ban nhân dân huyện Tân Phú thông báo lịch tiếp công dân định kỳ "
    "của Chủ tịch UBND huyện vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân huyện, số 1 đường 30/4, thị trấn Tân "
    "Phú; công dân có nhu cầu vui lòng liên hệ trước qua số điện thoại 0251.3856 123.</marquee></div>",
    # a box's heading over a picture that links (LacViet's right column: the district's map)
    "<div class='box'><div class='ms-navheader'><span class='linkEmpty'>Bản đồ hành chính</span></div>"
    "<a href='/ban-do/'><img src='/i/bando.png'/></a></div>"]
AUTHORS = ["Minh Tâm", "Nguyễn Văn Hùng - Phòng VH-TT"]
MENU = ("<ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/gioi-thieu'>Giới thiệu</a></li>"
        "<li><a href='/tin-tuc'>Tin tức - Sự kiện</a></li><li><a href='/van-ban'>Văn bản</a></li></ul>")
FOOTER = ("<div class='footer'>Cơ quan chủ quản: UBND huyện Tân Phú. Địa chỉ: Số 1 đường 30/4, thị trấn Tân "
          "Phú. Điện thoại: 0251.3856 123.</div>")
HEADLINES = "".join(f"<li><a href='/tin-tuc/tin-{i}.html'>Tin tức số {i} về hoạt động của huyện trong tuần</a> "
                    f"<span class='date'>({10 + i:02d}/02/2024)</span></li>" for i in range(6))
COMMENT = ("Tôi rất đồng tình với chủ trương này của huyện, mong rằng các cấp chính quyền sẽ sớm triển khai "
           "thực hiện để người dân được hưởng lợi, nhất là bà con vùng sâu vùng xa.")
LEAKS = ("Tin tức số", "In bài", "Đánh giá", "Tin khác", "Cơ quan chủ quản", "TIN TỨC", "Trang chủ", "đồng tình",
         "Nghe audio", "Giọng nữ", "Quét mã", "Các tin đã đưa", "Bài trước", "Bài sau", "Vườn quốc gia",
         "Dễ trăm lần", "tiếp công dân định kỳ", "Bản đồ hành chính", "baodaknong")
# a section's name above the post: a label, or five words and more (which read as no label)
SECTION_NAMES = ["TIN TỨC - SỰ KIỆN", "Tin hoạt động", "THÔNG BÁO", "Tin trong tỉnh", "Tin chuyên ngành",
                 "Tin hoạt động của các xã, thị trấn", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới"]
FIELDS = ("article", "title", "day", "lead", "paragraphs", "caption", "author", "clean")


@dataclass
class Case:
    html: str
    url: str
    title: str
    day: str
    lead: str = ""
    paragraphs: list[str] = field(default_factory=list)
    caption: str = ""
    author: str = ""


def case(rnd: random.Random, n: int) -> Case:
    """One page of random parts (the module's list)."""
    title = f"{rnd.choice(TITLES)} (đợt {n})"
    d, m = rnd.randint(1, 28), rnd.randint(1, 12)
    shown = rnd.choice([f"{d:02d}/{m:02d}/2024", f"Ngày đăng: {d:02d}/{m:02d}/2024 08:{d:02d}", f"Thứ Hai, {d}/{m}/2024",
                        f"Cập nhật lúc: 09:15 {d:02d}/{m:02d}/2024", f"({d:02d}/{m:02d}/2024 10:00)", f"{d:02d}-{m:02d}-2024",
                        f"Thứ Tư - {d:02d}/{m:02d}/2024 15:{d:02d}", f"{d:02d}.{m:02d}.2024",
                        f"thứ tư, {d:02d} {m:02d} 2024 15:43", f"Ngày {d} tháng {m} năm 2024",
                        f"Ngày xuất bản: {d:02d}/{m:02d}/2024", f"{d:02d}/{m:02d}/2024 | Lượt xem: 1.245",
                        f"Đăng lúc {d:02d}/{m:02d}/2024 08:{d:02d}", f"Tin đăng: {d:02d}/{m:02d}/2024",
                        f"Lượt xem: 1.245 | {d:02d}/{m:02d}/2024",
                        f"<time datetime='2024-{m:02d}-{d:02d}T08:30:00+07:00'>{d:02d}/{m:02d}/2024</time>",
                        f"{d:02d}/{m:02d}/2024<br/>08:{d:02d}",  # the time on a line of its own
                        f"{m}/{d}/2024 8:{d:02d}:00 AM",  # ASP.NET's en-US stamp, month first
                        f"{d} thg {m}, 2024",  # CLDR's Vietnamese medium date (ICU, Intl)
                        # a badge of pieces, each its own element
                        f"<span class='d'>{d:02d}</span><span class='m'>Tháng {m}</span><span class='y'>2024</span>",
                        # a calendar's leaf: the day over its month and year
                        f"<span class='day'>{d:02d}</span><span class='month'>Tháng {m:02d}/2024</span>"])
    date_el = rnd.choice([f"<div class='date'>{shown}</div>", f"<p><i>{shown}</i></p>", f"<span class='time'>{shown}</span>",
                          f"<div class='meta'><span class='h5'><i class='fa fa-clock-o'></i>{shown}</span>"
                          "<span class='h5'><i class='fa fa-eye'></i>1.245</span></div>",
                          f"<div class='Ngaydang'>{shown}</div>"])  # VNPT's portals
    lead = (rnd.choice(["", "(Cổng TTĐT) - ", "TTĐT - "]) + f"Sáng ngày {d}/{m}, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ tại các "
            "xã, thị trấn trên địa bàn.") if rnd.random() < 0.5 else ""
    lead_el = rnd.choice([f"<div class='sapo'><b>{lead}</b></div>", f"<p class='lead'><strong>{lead}</strong></p>",
                          f"<h4 class='summary'>{lead}</h4>", f"<h2 class='sapo'>{lead}</h2>",
                          # LacViet's: a bold lead in a table's row of its own
                          f"<table><tr><td><b class='lv_description_mode1 allowMenu'>{lead}</b></td></tr></table>",
                          f"<div class='ArticleHeader'>{lead}</div>"]  # VNPT's portals
                         ) if lead else ""
    paragraphs = PARAGRAPHS[:rnd.randint(1, 3)] + (LONGER if rnd.random() < 0.3 else [])
    caption = CAPTION if rnd.random() < 0.3 else ""
    caption_el = rnd.choice([
        f"<figure><img src='/x.jpg'/><figcaption>{caption}</figcaption></figure>",
        f"<p style='text-align:center'><em>{caption}</em></p>",
        f"<table class='image'><tr><td><img src='/x.jpg'/></td></tr><tr><td class='image_desc'>{caption}</td></tr>"
        "</table>",
        # a centred table of the picture and a coloured line under it (real LacViet posts)
        f"<table align='center'><tbody><tr><td><img src='/x.jpg'/></td></tr><tr><td><p style='text-align:center'>"
        f"<span style='color:#0033ff'>{caption}</span></p></td></tr></tbody></table>"]) if caption else ""
    author = rnd.choice(["", *AUTHORS])
    labelled = bool(author) and rnd.random() < 0.3  # NukeViet's lines below the text, outside it
    in_line = bool(author) and not labelled and rnd.random() < 0.2  # or among the date line's fields
    date_el = date_el.replace(shown, f"{shown} | Tác giả: {author}", 1) if in_line else date_el
    # paragraphs as <p>, as Word pasted them (justified, a styled span), as <div>s, or lines of
    # one block between <br/>s (older portals' editors)
    form = rnd.choice(["<p>{}</p>", "<p style='text-align:justify'><span style='font-size:14px'>{}</span></p>",
                       "<div>{}</div>", "{}<br/><br/>"])
    forms = [form] * len(paragraphs)
    if form.startswith("<p") and rnd.random() < 0.3:  # one of them as a <div>, as editors mix them
        forms[rnd.randrange(len(forms))] = "<div><span>{}</span></div>"
    first = (caption_el + forms[0].format(paragraphs[0]) if rnd.random() < 0.3
             else forms[0].format(paragraphs[0]) + caption_el)
    signed = rnd.choice([f"<p style='text-align:right'><strong>{author}</strong></p>",
                         f"<p style='text-align:right'>Bài, ảnh: {author}</p>"])  # a credit's label
    # a repost closing on its original's address, as district portals print the province's paper's
    original = (f"<p><a href='http://baodaknong.org.vn/tin/{n}.html'>http://baodaknong.org.vn/tin/{n}.html</a></p>"
                if rnd.random() < 0.15 else "")
    body = (first + "".join(f.format(p) for f, p in zip(forms[1:], paragraphs[1:], strict=True))
            + (signed if author and not (labelled or in_line) else "") + original)
    if form.endswith("<br/>"):
        body = f"<div class='content-text'>{body}</div>"
    if lead_el and rnd.random() < 0.3:  # the lead inside the text's block, above its paragraphs
        body, lead_el = lead_el + body, ""
    after = (f"<div class='mb'><p class='h5 text-right'><strong>Tác giả bài viết: </strong>{author}</p>"
             "<p class='h5 text-right'><strong>Nguồn tin: </strong>Văn phòng Huyện ủy</p></div>") if labelled else ""
    # some portals print the date below the text, alone on its line (not NukeViet's with its counters)
    below = "h5" not in date_el and rnd.random() < 0.15
    # and some as the first line of the text's own block, above the paragraphs
    top = not below and not lead_el and "h5" not in date_el and rnd.random() < 0.15
    body = date_el + body if top else body
    title_el = _title_el(rnd, title)
    # or on a line of its own inside the title's element
    inside = (not below and not top and "<" not in shown and "Tác giả" not in date_el
              and "contentheading" not in title_el and rnd.random() < 0.1)
    title_el = title_el.replace(title, f"{title}<br/>{shown}", 1) if inside else title_el
    name = rnd.choice(SECTION_NAMES)
    main = _main(rnd, title_el, "" if below or top or inside else date_el, lead_el, body,
                 after + (date_el if below else ""), name)
    side_heading = rnd.choice(["<div class='h'>Tin mới</div>", "<h2>Tin mới nhất</h2>", "<h3>TIN XEM NHIỀU</h3>"])
    side = f"<div class='side'>{side_heading}<ul>{HEADLINES}</ul>{rnd.choice(['', '', *PROSE_WIDGETS])}</div>"
    head = rnd.choice([PORTAL, f"{title} - {PORTAL}", f"{PORTAL} | {title}", "Chi tiết tin", f"{name} - {PORTAL}"])
    if rnd.random() < 0.5:
        page = (f"<div class='wrap'>{side if rnd.random() < 0.5 else ''}<div class='main'>{main}</div></div>")
    else:
        page = f"<table><tr><td class='l'>{side}</td><td class='c'>{main}</td></tr></table>"
    banner = rnd.choice(["", f"<h1 class='logo'>{PORTAL}</h1>", f"<div class='banner'><h2>{PORTAL}</h2>"
                         "<h3>Tỉnh Đồng Nai</h3></div>"])
    og = rnd.choice(["", f"<meta property='og:title' content='{title} - {PORTAL}'/>"])
    html = f"<html><head><title>{head}</title>{og}</head><body>{banner}{MENU}{page}{FOOTER}</body></html>"
    return Case(html.replace("{url}", f"/tin/{n}"), f"https://tanphu.gov.vn/tin/{n}", title, f"2024-{m:02d}-{d:02d}", lead, paragraphs, caption,
                author)


def _title_el(rnd: random.Random, title: str) -> str:
    return rnd.choice([f"<h1>{title}</h1>", f"<h2>{title}</h2>", f"<h3>{title}</h3>", f"<h4>{title}</h4>",
                       f"<div class='title'>{title}</div>", f"<span class='tieude'>{title}</span>",
                       f"<p class='title'><b>{title}</b></p>",
                       f"<table><tr><td class='title'>{title}</td></tr></table>",
                       f"<table><tr><td><b>{title}</b></td></tr></table>",  # a bold cell, unclassed
                       f"<p align='center'><strong><font size='4'>{title}</font></strong></p>",
                       f"<span id='ctl00_ContentPlaceHolder1_lblTitle'>{title}</span>",  # ASP.NET's label
                       f"<h2 class='contentheading'><a href='{{url}}'>{title}</a></h2>",  # Joomla: a link to itself
                       f"<h1>{title} <span class='new'>Mới</span></h1>",  # a badge of recent posts
                       # Joomla 1.5: the print and e-mail buttons, pictures linking other addresses
                       f"<table class='contentpaneopen'><tr><td class='contentheading'>{title}</td>"
                       "<td class='buttonheading'><a href='/print{url}'><img src='/images/printButton.png' alt='In'/>"
                       "</a></td><td class='buttonheading'><a href='/component/mailto/?link=aHR0cDov'>"
                       "<img src='/images/emailButton.png' alt='E-mail'/></a></td></tr></table>"])


def _main(rnd: random.Random, title_el: str, date_el: str, lead_el: str, body: str, after: str = "",
          name: str = "Tin hoạt động") -> str:
    extras = []
    if rnd.random() < 0.5:
        extras.append("<div class='tools'><a href='#'>In bài</a> | <a href='#'>Gửi email</a> | "
                      "<a href='#'>Về đầu trang</a></div>")
    if rnd.random() < 0.5:
        heading = rnd.choice(["Tin khác", "Các tin khác", "Tin cùng chuyên mục", "Tin liên quan"])
        heading = rnd.choice([f"<div class='t'>{heading}</div>", f"<h3>{heading}</h3>", f"<h2>{heading}</h2>"])
        more = rnd.choice(["", "<a class='more' href='/tin'>Xem thêm »</a>", "<a href='/tin'>[Xem thêm]</a>"])
        extras.append(f"<div class='other'>{heading}<ul>{HEADLINES}</ul>{more}</div>")  # "Xem thêm": the section
    if rnd.random() < 0.3:  # the section's earlier posts, and the previous and next ones, as older templates
        extras.append(rnd.choice([f"<div class='older'><b>Các tin đã đưa:</b><ul>{HEADLINES}</ul></div>",
                                  "<div class='nav'><a href='/tin/7'>« Bài trước: Tin tức số 7 về hoạt động của "
                                  "huyện trong tuần</a> <a href='/tin/8'>Bài sau: Tin tức số 8 về hoạt động của "
                                  "huyện trong tuần »</a></div>"]))
    if rnd.random() < 0.3:
        extras.append(rnd.choice(["<div class='rate'>Đánh giá bài viết: <input type='radio'/>1 <input type='radio'/>2"
                                  "</div>", "<div class='rate'>Đánh giá: <span>★★★★☆</span> (12 lượt)</div>"]))
    if rnd.random() < 0.2:  # a text-to-speech player, or the code to read the page on a phone
        extras.append(rnd.choice(["<div class='audio'><b>Nghe audio</b><select><option>Giọng nữ miền Bắc</option>"
                                  "</select></div>", "<div class='qr'><img src='/qr.png'/><p>Quét mã QR để đọc trên "
                                  "điện thoại</p></div>"]))
    if rnd.random() < 0.25:
        heading = rnd.choice(["Ý kiến bạn đọc", "Bình luận", "Các ý kiến phản hồi"])
        extras.append(f"<div class='box2'><h3>{heading}</h3>" + "".join(
            f"<div class='item'><b>Nguyễn Văn {chr(65 + i)}</b> <i>(1{i}/03/2024)</i><p>{COMMENT}</p></div>"
            for i in range(rnd.randint(2, 8))) + "</div>")
    inside = rnd.random() < 0.4
    crumb = ("<div class='bc'><a href='/'>Trang chủ</a> » <a href='/tin'>Tin tức</a></div>"
             if rnd.random() < 0.5 else "")
    section = rnd.choice([f"<div class='cat'>{name}</div>", f"<h1 class='cat'>{name}</h1>",
                          f"<h2 class='title-cat'><a href='/tin'>{name}</a></h2>", "", ""])
    head = [title_el, date_el] if rnd.random() < 0.7 else [date_el, title_el]
    if date_el and rnd.random() < 0.1:  # LacViet's SharePoint part: the section and the day in a table
        section, head = ("<div class='container_top_mid2'><table><tr class='ms-news-header'><td class='FolderTitle'>"
                         f"{name}</td><td class='Time'>{date_el}</td></tr></table></div>"), [title_el]
    if rnd.random() < 0.2:  # the reader's tools in the head, above the text
        head.append(rnd.choice(["<div class='tools-top'>Cỡ chữ: <a href='#'>A-</a> <a href='#'>A</a> "
                                "<a href='#'>A+</a> | <a href='#'>In bài</a></div>",
                                "<div class='share'>Chia sẻ: <a href='https://facebook.com/sharer'>Facebook</a>"
                                " <a href='https://zalo.me/share'>Zalo</a></div>"]))
    content = f"{body}{''.join(extras) if inside else ''}"
    if rnd.random() < 0.15:  # the text in a one-cell table inside the content block (older editors)
        content = f"<table width='100%'><tr><td>{content}</td></tr></table>"
    content = f"<div class='{rnd.choice(['nd', 'nd', 'ArticleContent'])}'>{content}</div>{after}"
    top = f"{''.join(head)}{lead_el}"
    if lead_el and rnd.random() < 0.3:  # the title, its day and the lead in a head block of their own
        top = f"<div class='head'>{top}</div>"
    return f"{crumb}{section}<div class='detail'>{top}{content}</div>" + (
        "" if inside else "".join(extras))


NOTICE_LINES = ["Chi tiết xem tại văn bản đính kèm./.", "UBND huyện thông báo đến các cơ quan, đơn vị được biết.", ""]
TIMETABLE = "<table class='lich'>" + "".join(
    f"<tr><td>Thứ {d}, {d + 9:02d}/03/2024</td><td>Sáng: Chủ tịch UBND huyện dự họp giao ban tại tỉnh. Chiều: làm "
    f"việc tại trụ sở.</td></tr>" for d in range(2, 7)) + "</table>"
LEAD_OF_ITEM = ("UBND huyện tổ chức hội nghị sơ kết công tác tháng và triển khai nhiệm vụ tháng tới với sự tham dự "
                "của lãnh đạo các xã, thị trấn.")


@dataclass
class Other:
    """A page of a section: a listing (``title`` empty) or a short notice."""
    html: str
    url: str
    title: str = ""
    files: int = 0


def other_case(rnd: random.Random, n: int) -> Other:
    """A section's page in one of six list styles (a list, a table of rows, blocks, teasers with
    their leads, links a paragraph each, excerpts cut short), its newest post shown in full above the list or not, paged or not; or a
    notice: its title, its day, one line or none, a file, in the section's frame."""
    section = rnd.choice(["Tin tức - Sự kiện", "Thông báo", "Tin hoạt động", "TIN TỨC", *SECTION_NAMES[-2:]])
    if rnd.random() < 0.65:
        featured = ""
        if rnd.random() < 0.4:  # its headline a link, or a picture or "Xem tiếp" linking the post
            title, link = rnd.choice(TITLES), "<a href='/tin/bai-99.html'>{}</a>"
            more_words = rnd.choice(["Xem tiếp", "[Xem thêm]", "Xem thêm »", "Chi tiết..."])
            head, more = rnd.choice([(f"<h2>{link.format(title)}</h2>", ""),
                                     (f"<h2>{title}</h2>", link.format(more_words)),
                                     (link.format("<img src='/a.jpg'/>") + f"<h2>{title}</h2>", "")])
            featured = (f"<div class='featured'>{head}<p>12/03/2024</p>"
                        + f"<p>{PARAGRAPHS[0]}</p>" * rnd.randint(1, 3) + f"{more}</div>")
        pager = ("<div class='pager'><a href='?page=1'>1</a> <a href='?page=2'>2</a> <a href='?page=3'>Trang sau</a>"
                 "</div>") if rnd.random() < 0.7 else ""
        few = featured.startswith("<div class='featured'><h2><a") and rnd.random() < 0.3  # two below it
        main = f"<h1>{section}</h1>{featured}{_items(rnd, 2 if few else rnd.randint(5, 12))}{pager}"
        url = rnd.choice([f"https://tanphu.gov.vn/tin-tuc?page={rnd.randint(2, 9)}", "https://tanphu.gov.vn/thong-bao",
                          f"https://tanphu.gov.vn/Pages/danh-sach.aspx?CatID=3&Page={rnd.randint(1, 5)}"])
        return Other(_framed(rnd, section, main), url)
    title = f"Thông báo số {n}/TB-UBND về việc " + rnd.choice(
        ["lịch tiếp công dân tháng 3", "tuyển dụng viên chức năm 2024", "tạm dừng cung cấp điện"])
    line = rnd.choice(NOTICE_LINES)
    # or a week's timetable (a day a row, linking nowhere), or a video's player alone
    shown = rnd.choice([f"<p>{line}</p>"] * 4 + [TIMETABLE, "<p><iframe src='https://www.youtube.com/embed/a1B2'></iframe></p>",
                                                 "<video controls src='/upload/phong-su.mp4'></video>"])
    attached = (rnd.choice([f"<p><a href='/upload/tb-{n}.pdf'>tb-{n}.pdf</a></p>"] * 4  # or its file on Drive
                           + [f"<p><a href='https://drive.google.com/file/d/1Ab{n}/view'>Xem văn bản</a></p>"])
                if rnd.random() < 0.8 or shown == "<p></p>" else "")
    heading = rnd.choice([f"<h1>{title}</h1>", f"<h2>{title}</h2>", f"<div class='title'>{title}</div>"])
    day = "<div class='d'>{}</div>".format(rnd.choice(["Ngày đăng: 05/03/2024", "05/03/2024", "(05.03.2024 16:32)",
                                                       "thứ ba, 05 03 2024 16:32", "05/03/2024 | Lượt xem: 37"]))
    above, below = (day, "") if rnd.random() < 0.7 else ("", day)
    main = (f"<div class='cat'>{section}</div><div class='detail'>{heading}{above}"
            f"<div class='nd'>{shown}{attached}</div>{below}</div>"
            f"<div class='other'><b>Thông báo khác</b><ul>{HEADLINES}</ul></div>")
    if attached and rnd.random() < 0.2:  # LacViet's news part, as real pages print a notice of a file
        main = _lacviet_notice(section, title, day, shown, f"/upload/tb-{n}.pdf")
    return Other(_framed(rnd, section, main), f"https://tanphu.gov.vn/thong-bao/tb-{n}.html", title, int(bool(attached)))


def _lacviet_notice(section: str, title: str, day: str, shown: str, file: str) -> str:
    """A notice in LacViet's SharePoint news part: the section and the day in a table of their own,
    the post's table (title, an empty lead, the text, the file's row under "Nhấn vào để xem"), the
    counter and the print tool, the section's earlier posts with their days."""
    earlier = "".join(f"<li><a href='/thong-bao/tb-{i}'>Thông báo số {i}/TB-UBND về việc lịch tiếp công dân</a>"
                      f" <span class='ShowDate'>(0{i}/02/2024)</span></li>" for i in range(1, 5))
    return ("<div class='container_top_mid2'><table><tr class='ms-news-header'><td class='FolderTitle'>"
            f"{section}</td><td class='Time'>{day}</td></tr></table></div><div id='part1'><table id='tableforprint'>"
            f"<tr><td><p class='Title'>{title}</p></td></tr><tr><td><b class='lv_description_mode1'> </b></td></tr>"
            f"<tr><td><div class='ExternalClass'>{shown}</div></td></tr><tr><td class='td_ct2'><div>Nhấn vào để "
            f"xem <a href='{file}'>: chi tiết<img src='/i/doc.png'/></a></div></td></tr></table><br/>"
            "<span class='css_readCounter'>Số lượt người xem : <b></b></span><span class='css_printandback'>"
            "<a href='javascript: popuponclick()'> Bản in </a></span></div><div id='part2'><table class='tbtinkhac'>"
            f"<tr><td><p class='OtherTitle'>TIN ĐÃ ĐƯA</p></td></tr></table><ul>{earlier}</ul></div>")


def _items(rnd: random.Random, count: int) -> str:
    style, rows = rnd.choice(["ul", "table", "div", "teaser", "p", "excerpt"]), []
    for i in range(count):
        title, day = f"{rnd.choice(TITLES)} (tin {i})", f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/2024"
        link = f"<a href='/tin-tuc/bai-{i}-{rnd.randint(100, 999)}.html'>{title}</a>"
        rows.append({"ul": f"<li>{link} <span>({day})</span></li>", "table": f"<tr><td>{day}</td><td>{link}</td></tr>",
                     "div": f"<div class='row'>{link}<div class='d'>{day}</div></div>",
                     "teaser": f"<div class='item'><img src='/t{i}.jpg'/><h3>{link}</h3><span>{day}</span>"
                               f"<p>Sáng ngày {i + 1}/3, {LEAD_OF_ITEM}</p></div>",
                 "p": f"<p>{link}</p>",  # links alone, a paragraph each
                 # WordPress's archive: headline, day, and the excerpt cut short with a link on
                 "excerpt": f"<article><h2 class='entry-title'>{link}</h2><div class='meta'>{day}</div><p>Sáng "
                            f"ngày {i + 1}/3, {LEAD_OF_ITEM[:90]} […] <a href='/tin-tuc/bai-{i}.html'>Đọc thêm</a></p>"
                            "</article>"}[style])
    return {"ul": "<ul class='list'>{}</ul>", "table": "<table class='list'>{}</table>"}.get(style, "{}").format(
        "".join(rows))


def _framed(rnd: random.Random, section: str, main: str) -> str:
    side_heading = rnd.choice(["<div class='h'>Tin mới</div>", "<h2>Tin mới nhất</h2>", "<h3>TIN XEM NHIỀU</h3>"])
    side = f"<div class='side'>{side_heading}<ul>{HEADLINES}</ul>{rnd.choice(['', '', *PROSE_WIDGETS])}</div>"
    page = (f"<div class='wrap'>{side}<div class='main'>{main}</div></div>" if rnd.random() < 0.5
            else f"<table><tr><td>{side}</td><td>{main}</td></tr></table>")
    return f"<html><head><title>{section} - {PORTAL}</title></head><body>{MENU}{page}{FOOTER}</body></html>"


def score_others(count: int = 300, seed: int = 1) -> tuple[float, float, list[str]]:
    """Shares of listings judged listings and of notices stored with their title, day and file,
    and nothing of the page around them in their text."""
    rnd, right, asked, misses = random.Random(seed), [0, 0], [0, 0], []
    for n in range(count):
        page = other_case(rnd, n)
        got = resolve_date(extract_bytes(page.html.encode(), page.url), datetime(2024, 12, 31))
        notice = bool(page.title)
        ok = (got.is_article and got.title == page.title and (got.published_at or "").startswith("2024-03-05")
              and len(got.attachments) == page.files and not any(leak in got.text for leak in LEAKS)
              ) if notice else got.rejection == "listing"
        asked[notice] += 1
        right[notice] += ok
        if not ok:
            misses.append(f"{n}: {'notice' if notice else 'listing'} read as {got.rejection or 'article'} "
                          f"({got.reason or got.title!r})")
    return right[0] / max(1, asked[0]), right[1] / max(1, asked[1]), misses


@dataclass
class Score:
    pages: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def share(self, name: str) -> float:
        return self.right[name] / self.pages if self.pages else 1.0

    @property
    def all_right(self) -> float:
        return 1 - len(self.misses) / self.pages if self.pages else 1.0


def score(count: int = 300, seed: int = 1) -> Score:
    rnd, result = random.Random(seed), Score()
    for n in range(count):
        page = case(rnd, n)
        got = resolve_date(extract_bytes(page.html.encode(), page.url), datetime(2024, 12, 31))
        text = got.text or ""
        checks = {"article": got.is_article, "title": got.title == page.title,
                  "day": (got.published_at or "")[:10] == page.day,
                  "lead": not page.lead or text.startswith(page.lead),
                  "paragraphs": all(p in text for p in page.paragraphs),
                  "caption": not page.caption or page.caption in text,
                  "author": not page.author or got.author == page.author,
                  "clean": not any(leak in text for leak in LEAKS)}
        result.pages += 1
        for name, ok in checks.items():
            result.right[name] += ok
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            result.misses.append(f"{n}: {', '.join(wrong)} (title {got.title!r}, text {text[:60]!r})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    result = score(args.count, args.seed)
    print(f"layout combinations: {result.pages} pages of random portal parts (seed {args.seed})")
    for name in FIELDS:
        print(f"  {name:11} {result.share(name):.3f}")
    print(f"  {'all right':11} {result.all_right:.3f}")
    for miss in result.misses if args.misses else []:
        print("  ", miss)
    listings, notices, misses = score_others(args.count, args.seed)
    print(f"section pages: {args.count} listings and short notices in the same parts (seed {args.seed})")
    print(f"  {'listings':11} {listings:.3f}  (judged listings, not articles)")
    print(f"  {'notices':11} {notices:.3f}  (stored with their title, day and file, and nothing around them)")
    for miss in misses if args.misses else []:
        print("  ", miss)


if __name__ == "__main__":
    main()
