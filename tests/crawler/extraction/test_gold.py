"""The extraction gate: floors on the gold set, every profile on its own pages, site selectors.

``make eval`` prints the figures these floors pin (``tests/gold/evaluate.py``).
"""

from __future__ import annotations

import pytest
from gold.evaluate import GOLD, evaluate, gold

from crawler.extraction import extract_html, extract_page
from crawler.profiles import PROFILES, SiteProfile, detect
from crawler.profiles.site import SelectorError, compile_selector

FLOORS = {"f1": 0.97, "title": 0.98, "date": 0.99}
CASES = gold()


@pytest.fixture(scope="module")
def scores():
    return evaluate("govarchive"), evaluate("trafilatura")


def test_gold_set_is_big_and_varied_enough():
    families = {c["family"] for c in CASES.values()}
    assert len(CASES) >= 36 and len(families) >= 7
    assert len({c["date_shown"] for c in CASES.values()}) == len(CASES)  # a date form on each page


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor_overall(scores, measure):
    assert scores[0]["overall"].row()[measure] >= FLOORS[measure], scores[0]["overall"].misses


def test_no_boilerplate_leaks(scores):
    assert scores[0]["overall"].leaked == 0, scores[0]["overall"].misses


@pytest.mark.parametrize("family", sorted({c["family"] for c in CASES.values()}))
def test_each_family_keeps_the_body_floor(scores, family):
    assert scores[0][family].row()["f1"] >= FLOORS["f1"], scores[0][family].misses


@pytest.mark.parametrize("measure", ["f1", "title", "date"])
def test_better_than_plain_trafilatura(scores, measure):
    ours, plain = scores[0]["overall"].row(), scores[1]["overall"].row()
    assert ours[measure] > plain[measure] or ours[measure] == 1.0 == plain[measure]


def test_fewer_leaks_than_plain_trafilatura(scores):
    assert scores[0]["overall"].leaked < scores[1]["overall"].leaked


# every profile on its own pages (Fundus-style: one test over the whole registry) -----------------
@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_profile_is_detected_on_its_pages_and_only_there(profile):
    from lxml import html

    for name, case in CASES.items():
        body = (GOLD / "pages" / f"{name}.html").read_bytes().decode("utf-8", "replace")
        found = detect(html.document_fromstring(body), case["url"])
        if case["family"] == profile.name:
            assert found is profile, name
        else:
            assert found is not profile, name


def test_unknown_layout_matches_no_profile():
    unknown = [n for n, c in CASES.items() if c["family"] == "unknown"]
    for name in unknown:
        r = extract_page((GOLD / "pages" / f"{name}.html").read_bytes(), CASES[name]["url"])
        assert r.platform == "unknown" and r.is_article


# a site's own selectors -------------------------------------------------------------------------------
ODD_PAGE = """<html><head><title>UBND xã</title></head><body><div class="menu">Trang chủ</div>
<div class="tieu-de-x">Xã tổ chức Hội nghị tổng kết phong trào thi đua năm 2024</div>
<div class="ngay-x">Ngày 03/01/2025</div><div class="box"><div class="nd-x">{body}</div>
<div class="ads">Quảng cáo: Mua bán nhà đất giá tốt liên hệ ngay</div></div>
<div class="side"><p>Tin mới</p><p>{side}</p></div></body></html>"""
PARA = ("Sáng ngày 02/01/2025, UBND xã tổ chức Hội nghị tổng kết phong trào thi đua năm 2024 và "
        "phát động phong trào thi đua năm 2025, với sự tham dự của đại diện các ban, ngành, đoàn thể. ")


def odd_page() -> str:
    return ODD_PAGE.format(body=f"<p>{PARA * 3}</p><p>Nguồn ảnh: Đài truyền thanh xã</p>",
                           side=PARA * 8)  # a sidebar longer than the article fools the generic finder


def test_site_selectors_beat_generic_extraction():
    assert extract_html(odd_page(), "https://xa.gov.vn/tin/1").text.count("Sáng ngày") > 3  # generic fails
    site = SiteProfile({"body": "div.nd-x", "title": ".tieu-de-x", "date": ".ngay-x"})
    r = extract_html(odd_page(), "https://xa.gov.vn/tin/1", site)
    assert r.title == "Xã tổ chức Hội nghị tổng kết phong trào thi đua năm 2024"
    assert r.text.startswith("Sáng ngày 02/01/2025") and "Tin mới" not in r.text
    assert ("profile", "Ngày 03/01/2025") in r.date_candidates


def test_site_drop_text_removes_lines():
    site = SiteProfile({"body": "div.nd-x", "drop_text": ["^Nguồn ảnh:"]})
    assert "Nguồn ảnh" not in extract_html(odd_page(), "https://xa.gov.vn/tin/1", site).text


def test_site_xpath_selector_and_drop():
    site = SiteProfile({"body": "//div[@class='box']", "drop": ".ads"})
    r = extract_html(odd_page(), "https://xa.gov.vn/tin/1", site)
    assert "Quảng cáo" not in r.text and "Sáng ngày" in r.text


def test_bad_selector_is_a_clear_error():
    with pytest.raises(SelectorError):
        compile_selector("div[[")
