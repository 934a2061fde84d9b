"""Build the extraction gold set (run by hand; the pages and expected.json are committed).

    .venv/bin/python tests/gold/make_gold.py

40 pages in 8 families: the seven portal platforms the profiles know, and an
unknown layout with neutral class names that only generic extraction sees.
Each page puts one article (the demo portals' texts and the seeds' real
paragraphs) into its family's markup with the boilerplate real portals carry:
menus, "Tin mới" and "Xem nhiều nhất" lists with dates, polls, counters, share
widgets, related-news lists, agency footers, inline scripts. Each page shows a
different Vietnamese date form; bodies hold event and decree dates that are
not the publication date. ``expected.json`` is the right answer for each.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crawler.demo.common import encode_cp1258  # noqa: E402
from crawler.demo.content import ARTICLES  # noqa: E402
from tests.gold import families  # noqa: E402

SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "text"
OUT = Path(__file__).parent
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

SEED_TITLES = [
    "Tổng kết 10 năm thực hiện Chỉ thị của Ban Bí thư về công tác dân vận",
    "Phát huy vai trò của Mặt trận trong xây dựng nông thôn mới",
    "Đẩy mạnh phong trào thi đua “Dân vận khéo” trong cơ quan nhà nước",
    "Nâng cao chất lượng tiếp dân và đối thoại với nhân dân",
    "Kết quả thực hiện quy chế dân chủ ở cơ sở năm 2019",
    "Sơ kết công tác dân vận và các ban chỉ đạo 6 tháng đầu năm",
    "Triển khai nhiệm vụ công tác dân vận 6 tháng cuối năm",
    "Hội Nông dân tỉnh giúp hội viên phát triển kinh tế",
    "Tăng cường công tác tuyên truyền trong đồng bào dân tộc thiểu số",
    "Huyện đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng",
    "Ra quân hưởng ứng Tháng hành động vì môi trường",
    "Tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở",
    "Hội thi tuyên truyền viên giỏi cấp huyện năm 2021",
    "Thăm, tặng quà gia đình chính sách nhân dịp Tết",
    "Xây dựng mô hình khu dân cư an toàn về an ninh trật tự",
    "Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa",
]
SEED_AUTHORS = [None, "Minh Thư", "CTV Duy Hải – BTGHU Khánh Vĩnh", None, "Ban Dân vận Huyện ủy", "T.L",
                None, "Hoàng Anh (TTVH-TT)", None, "N.H", None, "Phòng Văn hóa - Thông tin", None, "Thu Hà",
                None, "Quang Minh"]
SEED_SOURCES = [None, None, None, "baobackan.org.vn", None, None, "baovinhphuc.com.vn", None, None, None,
                None, None, "baokhanhhoa.vn", None, None, None]


def seed_articles() -> list[dict]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [" ".join(ln.split()) for ln in path.read_text(encoding="utf-8").splitlines()]
        paragraphs += [ln for ln in lines if len(ln) > 150 and "Lượt" not in ln]
    out = []
    for n, title in enumerate(SEED_TITLES):
        chunk = paragraphs[n * 47 // 16:(n + 1) * 47 // 16] or paragraphs[n:n + 2]
        out.append({"title": title, "paragraphs": chunk, "author": SEED_AUTHORS[n],
                    "source": SEED_SOURCES[n], "caption": None})
    return out


def demo_articles() -> list[dict]:
    return [{"title": a.title, "paragraphs": list(a.paragraphs), "author": a.author, "source": a.source,
             "caption": a.caption} for a in ARTICLES]


# (how the page prints it, the expected published_at); one form per page
def date_forms(moment: datetime, n: int) -> tuple[str, str]:
    d, m, y, wd = moment.day, moment.month, moment.year, WEEKDAYS[moment.weekday()]
    full = moment.strftime("%Y-%m-%dT%H:%M:%S+07:00")
    minute = moment.strftime("%Y-%m-%dT%H:%M:00+07:00")
    day = moment.strftime("%Y-%m-%d")
    hm = moment.strftime("%H:%M")
    h12 = moment.hour % 12 or 12
    ampm_vi = "SA" if moment.hour < 12 else "CH"
    ampm = "AM" if moment.hour < 12 else "PM"
    forms = [
        (f"Ngày {d:02d}/{m:02d}/{y} {moment:%H:%M:%S}", full),
        (f"{wd}, {d}/{m}/{y}", day),
        (f"{d:02d}/{m:02d}/{y} {hm} | Lượt xem {1000 + n * 37}", minute),
        (f"Cập nhật lúc {hm}, ngày {d:02d}/{m:02d}/{y}", minute),
        (f"ngày {d} tháng {m} năm {y}", day),
        (f"{wd.replace('Thứ H', 'Thứ h')}, {d:02d}/{m:02d}/{y} - {hm}", minute),
        (f"{d:02d}-{m:02d}-{y}", day),
        (f"({d}/{m}/{y})", day),
        (f"{d:02d}.{m:02d}.{y}", day),
        (f"{wd}, ngày {d} tháng {m:02d} năm {y}", day),
        (f"Đăng ngày: {d}/{m}/{y}", day),
        (f"{d:02d}/{m:02d}/{y} | {h12:02d}:{moment:%M} {ampm}", minute),
        (f"{wd.lower().capitalize()}, {d}/{m}/{y}, {hm} (GMT+7)", minute),
        (f"{d:02d}/{m:02d}/{y} {h12:02d}:{moment:%M} {ampm_vi}", minute),
        (f"Ngày đăng: {d:02d}/{m:02d}/{y}", day),
        (f"Cập nhật: {d}/{m}/{y} {moment.hour}:{moment:%M} {ampm_vi}", minute),
        (f"{wd}, {d:02d}/{m:02d}/{y} | {hm}", minute),
        (f"Ngày xuất bản: {d:02d}/{m:02d}/{y}", day),
        (f"{hm} {d:02d}/{m:02d}/{y}", minute),
        (f"Thời gian đăng: {d:02d}/{m:02d}/{y} {hm}", minute),
    ]
    return forms[n % len(forms)]


def main() -> None:
    pool = demo_articles() + seed_articles()
    expected = {}
    for old in OUT.glob("pages/*.html"):
        old.unlink()
    (OUT / "pages").mkdir(exist_ok=True)
    n = 0
    for family in families.FAMILIES:
        for k in range(5):
            article = pool[n]
            moment = datetime(2016 + n % 9, 1 + (n * 5) % 12, 1 + (n * 7) % 28, (7 + n * 3) % 24, (n * 13) % 60,
                              (n * 29) % 60)
            shown, value = date_forms(moment, n)
            others = [a["title"] for a in pool[n + 1:] + pool[:n]]
            page = family.render(article, shown, value, k, others)
            name = f"{family.name}_{k}"
            data = page.html.encode("utf-8") if not page.cp1258 else encode_cp1258(page.html)
            (OUT / "pages" / f"{name}.html").write_bytes(data)
            expected[name] = {
                "family": family.name, "url": page.url, "title": page.title or article["title"],
                "published_at": page.published_at or value, "date_shown": shown,
                "author": article["author"], "source": article["source"],
                "text": page.text, "boilerplate": page.boilerplate,
                "content_type": "text/html; charset=windows-1258" if page.cp1258 else "text/html",
            }
            leaked = [b for b in page.boilerplate if b in page.text]
            assert not leaked, f"{name}: the article itself holds {leaked}"
            n += 1
    (OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    print(f"{len(expected)} pages in {len(families.FAMILIES)} families written to {OUT}")


if __name__ == "__main__":
    main()
