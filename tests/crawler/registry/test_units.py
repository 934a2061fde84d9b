"""Administrative units before and after 1 July 2025, from the official lists (vietnamadminunits)."""

from __future__ import annotations

from dataclasses import replace

from crawler.registry import load
from crawler.registry.units import units_of


def test_a_province_merged_in_2025_is_placed_in_the_province_it_is_now_part_of():
    units = units_of("Bắc Kạn")
    assert units.province_code == "06" and units.new_province == "Tỉnh Thái Nguyên" and not units.problem


def test_a_former_district_keeps_its_code_and_finds_its_new_province():
    units = units_of("Nam Định", "Mỹ Lộc")
    assert units.district_code and units.new_province == "Tỉnh Ninh Bình"


def test_a_commune_finds_the_commune_it_was_merged_into():
    units = units_of("Bắc Kạn", "Huyện Chợ Mới", "Xã Yên Đĩnh")
    assert units.new_commune and units.new_commune_code and units.new_province == "Tỉnh Thái Nguyên"


def test_a_name_not_in_the_official_lists_says_so():
    assert "not a province" in units_of("Sông Hậu").problem


def test_what_an_entry_says_itself_wins_over_the_mapping():
    site = load()["namdinh-myloc"]
    assert site.unit_columns()["new_province"] == "Tỉnh Ninh Bình"
    stated = replace(site, new_commune="Xã Mỹ Lộc")
    assert stated.unit_columns()["new_commune"] == "Xã Mỹ Lộc"


def test_every_bundled_site_is_found_in_the_official_lists():
    problems = {key: units_of(s.province, s.district, s.commune).problem for key, s in load().items()}
    assert not {k: p for k, p in problems.items() if p}


def test_the_archives_sites_table_carries_the_units_before_and_after(tmp_path):
    import sqlite3

    from archive.store import Archive
    from archive.web import prepare_archive

    Archive(tmp_path / "a.db").close()
    assert prepare_archive(tmp_path / "a.db", load().values()) is None
    row = sqlite3.connect(tmp_path / "a.db").execute(
        "SELECT province, province_code, district, district_code, new_province, new_province_code FROM sites "
        "WHERE key = 'namdinh-myloc'").fetchone()
    assert row[0] == "Nam Định" and row[1] and row[3] and row[4] == "Tỉnh Ninh Bình" and row[5]


def test_the_reading_room_facets_by_the_province_now(tmp_path):
    import asyncio

    from archive.store import Archive
    from archive.web import make_datasette, prepare_archive

    archive = Archive(tmp_path / "a.db")
    archive.start_crawl("c1", "2026-01-01", [])
    archive.insert_article({"url": "http://backan.gov.vn/1", "site": "backan", "title": "Tin Bắc Kạn",
                            "text": "Dân vận khéo ở Bắc Kạn.", "content_hash": "h1",
                            "fetched_at": "2026-01-01", "crawl_id": "c1", "published_at": "2024-01-01"})
    archive.close()
    prepare_archive(tmp_path / "a.db", load().values())

    async def fetch(address):
        return (await make_datasette(tmp_path / "a.db").client.get(address)).text

    now = "new_province=T%E1%BB%89nh+Th%C3%A1i+Nguy%C3%AAn"  # Tỉnh Thái Nguyên
    text = asyncio.run(fetch("/search?q=dan+van"))
    assert "Province now" in text and now in text
    assert "/article/1" in asyncio.run(fetch(f"/search?q=dan+van&{now}"))


def test_the_article_page_places_the_portal_on_both_maps(tmp_path):
    import asyncio

    from archive.store import Archive
    from archive.web import make_datasette, prepare_archive

    archive = Archive(tmp_path / "a.db")
    archive.start_crawl("c1", "2026-01-01", [])
    archive.insert_article({"url": "http://myloc.gov.vn/1", "site": "namdinh-myloc", "title": "Tin Mỹ Lộc",
                            "text": "Dân vận khéo.", "content_hash": "h1", "fetched_at": "2026-01-01",
                            "crawl_id": "c1", "published_at": "2024-01-01"})
    archive.close()
    prepare_archive(tmp_path / "a.db", load().values())

    async def fetch():
        return (await make_datasette(tmp_path / "a.db").client.get("/article/1")).text

    text = asyncio.run(fetch())
    assert "Mỹ Lộc · Nam Định (district) · since 7/2025: Tỉnh Ninh Bình" in text
