"""Researchers' access: search with folding and filters, collapse, export, stats."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest
from click.testing import CliRunner

from archive.store import Archive
from crawler.cli import cli

ARTICLES = [  # (site, published_at, title, text, cluster with)
    ("vinhlong", "2018-03-14T08:59:47+07:00", "Tổng kết “Dân vận khéo” năm 2018",
     "Tỉnh Vĩnh Long tổng kết phong trào Dân vận khéo. Đồng Tháp cử đoàn dự.", None),
    ("namdinh-myloc", "2019-07-05", "Huyện Mỹ Lộc sơ kết dân vận",
     "Phong trào dân vận khéo ở huyện Mỹ Lộc đạt nhiều kết quả.", None),
    ("backan", "2024-07-23", "Bắc Kạn: dân vận khéo trong xây dựng nông thôn mới",
     "Bài đăng lại về phong trào dân vận khéo của tỉnh Bắc Kạn.", None),
    ("vinhphuc-songlo", "2024-07-24", "Bắc Kạn: dân vận khéo trong xây dựng nông thôn mới",
     "Bài đăng lại về phong trào dân vận khéo của tỉnh Bắc Kạn, bản chép.", 3),
    ("khanhhoa-khanhvinh", "2021-11-02T23:58:00+07:00", "Khánh Vĩnh: dan van kheo",
     "Bài viết không dấu về dan van kheo ở Khánh Vĩnh.", None),
    ("khanhhoa-khanhvinh", None, "Thông báo lịch tiếp dân", "Lịch tiếp công dân tháng này của huyện.", None),
]


def write_articles(path) -> None:
    """An archive at ``path`` holding ``ARTICLES`` (also used by test_serve.py)."""
    archive = Archive(path)
    archive.start_crawl("c1", "2026-01-01", [])
    for n, (site, published, title, text, near) in enumerate(ARTICLES, 1):
        archive.insert_article({"url": f"http://{site}.gov.vn/{n}", "site": site, "title": title,
                                "text": text, "content_hash": f"h{n}", "fetched_at": "2026-01-01",
                                "crawl_id": "c1", "published_at": published}, near=near)
    archive.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.db"
    write_articles(path)
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def titles(db: str, *args: str) -> list[str]:
    code, out = run("search", *args, "--db", db, "--format", "json", "--limit", "50")
    assert code == 0, out
    return [row["title"] for row in json.loads(out)]


# folding -----------------------------------------------------------------------------------------
def test_query_without_diacritics_finds_accented_text(db):
    assert len(titles(db, "dan van kheo")) == 5


def test_d_with_stroke_is_folded(db):
    assert titles(db, "dong thap") == ["Tổng kết “Dân vận khéo” năm 2018"]


def test_nfd_query_is_the_same_as_nfc(db):
    assert titles(db, unicodedata.normalize("NFD", "Đồng Tháp")) == titles(db, "Đồng Tháp")


def test_accented_query_ranks_exact_matches_first(db):
    found = titles(db, "dân vận khéo")
    assert found[-1] == "Khánh Vĩnh: dan van kheo"  # matched only without accents: last


def test_phrase_boolean_and_prefix(db):
    assert titles(db, '"nong thon moi"') and len(titles(db, '"nong thon moi"')) == 2
    assert titles(db, "dan NOT kheo") == ["Thông báo lịch tiếp dân"]  # "tiếp dân", "công dân"
    assert len(titles(db, "Tháp OR tiếp")) == 2
    assert titles(db, "tiep*") == ["Thông báo lịch tiếp dân"]


@pytest.mark.parametrize("query", ['"dan van', "dan AND", "OR", "(dan", "kheo NOT"])
def test_malformed_query_is_one_line(db, query):
    code, out = run("search", query, "--db", db)
    assert code == 1 and "Traceback" not in out and len(out.strip().splitlines()) == 1


# filters -----------------------------------------------------------------------------------------
def test_site_filter(db):
    assert titles(db, "dan van", "--site", "namdinh-myloc") == ["Huyện Mỹ Lộc sơ kết dân vận"]


def test_province_filter_with_or_without_diacritics(db):
    plain = titles(db, "dan van", "--province", "Vinh Long")
    assert plain == titles(db, "dan van", "--province", "Vĩnh Long") == ["Tổng kết “Dân vận khéo” năm 2018"]


def test_level_filter(db):
    assert set(titles(db, "dan van kheo", "--level", "province")) == {
        "Tổng kết “Dân vận khéo” năm 2018", "Bắc Kạn: dân vận khéo trong xây dựng nông thôn mới"}


def test_period_filter_includes_the_whole_last_day(db):
    found = titles(db, "dan van kheo", "--from", "2019", "--to", "2024-07-23")
    assert len(found) == 3 and "Tổng kết “Dân vận khéo” năm 2018" not in found


def test_bad_date_is_one_line(db):
    code, out = run("search", "dan", "--db", db, "--from", "2019-13")
    assert code == 1 and "--from" in out and "Traceback" not in out


def test_sort_by_date_is_newest_first(db):
    found = titles(db, "dan van kheo", "--sort", "date")
    assert found[0].startswith("Bắc Kạn") and found[-1].startswith("Tổng kết")


def test_collapse_shows_one_row_per_story_with_its_portals(db):
    code, out = run("search", "bac kan", "--db", db, "--format", "json", "--collapse")
    rows = json.loads(out)
    assert len(rows) == 1 and rows[0]["portals"] == 2


def test_table_shows_the_snippet_highlighted(db):
    code, out = run("search", "dong thap", "--db", db)
    assert "[Đồng]" in out and "[Tháp]" in out


# export ------------------------------------------------------------------------------------------
def test_export_jsonl_has_every_article(db):
    code, out = run("export", "--db", db)
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(rows) == len(ARTICLES) and rows[0]["title"] and "warc_file" in rows[0]


def test_export_csv_with_bom_and_filters(db, tmp_path):
    out = tmp_path / "x.csv"
    code, _ = run("export", "--db", db, "--format", "csv", "--bom", "--out", str(out), "--from", "2024")
    raw = out.read_bytes()
    assert code == 0 and raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["site"] for r in rows] == ["backan", "vinhphuc-songlo"]


def test_export_with_query(db):
    code, out = run("export", "--db", db, "--query", "dong thap")
    assert code == 0 and out.count('"url"') == 1


def test_export_to_missing_folder_is_one_line(db, tmp_path):
    code, out = run("export", "--db", db, "--out", str(tmp_path / "no" / "x.jsonl"))
    assert code == 1 and "Traceback" not in out


# stats -------------------------------------------------------------------------------------------
def test_stats_by_year(db):
    code, out = run("stats", "--db", db, "--by", "year")
    lines = dict(line.split() for line in out.splitlines()[2:])  # under the header and its rule
    assert lines == {"2018": "1", "2019": "1", "2021": "1", "2024": "2", "undated": "1"}


def test_stats_grouped_by_level(db):
    code, out = run("stats", "--db", db, "--by", "year", "--group", "level")
    assert out.split()[1:3] == ["district", "province"]
    assert "2024" in out


def test_stats_plot(db, tmp_path):
    pytest.importorskip("matplotlib")
    code, out = run("stats", "--db", db, "--plot", str(tmp_path / "t.png"))
    assert code == 0 and (tmp_path / "t.png").stat().st_size > 1000


# common queries (more matches than archive.search_plans.COMMON): bounded plans --------------------------
@pytest.fixture
def common(monkeypatch):
    """Make every query with 2+ matches "common", so the small archive takes the bounded plans."""
    import archive.search_plans

    monkeypatch.setattr(archive.search_plans, "COMMON", 2)


def search_rows(db: str, query: str, **kwargs) -> list[dict]:
    from archive.filters import Filters
    from archive.search import search
    from archive.store import open_database

    filters = Filters(**kwargs.pop("filters", {}))
    return search(open_database(db, create=False), query, 50, filters=filters, **kwargs)


def test_common_query_ranks_phrase_in_title_first_newest_first(db, common):
    found = [r["title"] for r in search_rows(db, "dan van kheo")]
    assert found[:4] == ["Bắc Kạn: dân vận khéo trong xây dựng nông thôn mới",
                         "Bắc Kạn: dân vận khéo trong xây dựng nông thôn mới",
                         "Khánh Vĩnh: dan van kheo", "Tổng kết “Dân vận khéo” năm 2018"]
    assert found[4] == "Huyện Mỹ Lộc sơ kết dân vận"  # the phrase only in its text


def test_common_query_finds_what_the_bm25_plan_finds(db, common):
    common_ids = {r["id"] for r in search_rows(db, "dan van")}
    import archive.search_plans

    archive.search_plans.COMMON = 10_000
    assert {r["id"] for r in search_rows(db, "dan van")} == common_ids


def test_common_query_keeps_snippets_and_filters(db, common):
    rows = search_rows(db, "dan van", filters={"site": "backan"})
    assert [r["site"] for r in rows] == ["backan"] and "[dân]" in rows[0]["snippet"]


def test_common_query_with_broad_filters_keeps_them(db, common):
    rows = search_rows(db, "dan van", filters={"date_from": "2019-01-01", "date_to": "2024-07-23"})
    assert sorted(r["published_at"][:10] for r in rows) == ["2019-07-05", "2021-11-02", "2024-07-23"]


def test_common_query_sorted_by_date_is_newest_first(db, common):
    rows = search_rows(db, "huyen", sort="date")
    undated_last = ["Huyện Mỹ Lộc sơ kết dân vận", "Thông báo lịch tiếp dân"]
    assert [r["title"] for r in rows] == undated_last


def test_common_query_with_operators_is_newest_first(db, common):
    rows = search_rows(db, "dan AND kheo NOT khanh")
    dates = [r["published_at"] for r in rows]
    assert dates == sorted(dates, reverse=True) and len(rows) == 4


FILTERS = {
    "period": {"date_from": "2015-01-01", "date_to": "2024-12-31"},
    "sites": {"sites": ("backan", "khanhhoa-khanhvinh", "namdinh-myloc", "vinhlong")},
    "sites and period": {"sites": ("khanhhoa-khanhvinh", "namdinh-myloc", "vinhlong"), "date_from": "2019"},
    "a site among sites": {"site": "khanhhoa-khanhvinh", "sites": ("backan", "khanhhoa-khanhvinh")},
}


@pytest.mark.parametrize("merge_sites", [100, 0], ids=["sites-merged", "date-index"])
@pytest.mark.parametrize("case", FILTERS)
def test_passing_articles_are_walked_in_the_order_sql_sorts_them(db, monkeypatch, case, merge_sites):
    import archive.filtered_walk
    from archive.filters import Filters
    from archive.store import open_database

    monkeypatch.setattr(archive.filtered_walk, "MERGE_SITES", merge_sites)
    filters = Filters(**FILTERS[case])
    archive_db = open_database(db, create=False)
    clause, params = filters.where("a")
    reference = [r[0] for r in archive_db.execute(
        f"SELECT a.id FROM articles a WHERE {clause} ORDER BY a.published_at DESC, a.id DESC", params)]
    assert len(reference) >= 2
    assert list(archive.filtered_walk.newest_passing(archive_db, filters)) == reference


PLANS = {"lookups": {"SCAN_US": 1e9},
         "every-match-read": {"SCAN_US": 0.0},
         "more-matches-than-predicted": {"SCAN_US": 0.0, "OVER_READ": 0}}


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("case", FILTERS)
def test_filtered_date_sort_gives_the_newest_matches_in_every_plan(db, monkeypatch, case, plan):
    """The rows of the plan that sorts every match, whichever way the passing articles are
    checked (a first batch of one, so that the plan can change after it)."""
    import archive.search_plans as plans

    reference = [r["id"] for r in search_rows(db, "dan", sort="date", filters=FILTERS[case])]
    monkeypatch.setattr(plans, "COMMON", 2)
    monkeypatch.setattr(plans, "PROBE_BATCH", 1)
    monkeypatch.setattr(plans, "SLACK", 0.01)  # a first batch of one article
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(plans, name, value)
    assert len(reference) >= 2
    assert [r["id"] for r in search_rows(db, "dan", sort="date", filters=FILTERS[case])] == reference


# every filter is a value, never SQL --------------------------------------------------------------
INJECTIONS = ["x' OR '1'='1", "vinhlong' --", "\" OR 1=1 --", "vinhlong'; DROP TABLE articles; --"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_stats_counts_nothing_for_a_site_spelled_as_sql(db, value):
    code, out = run("stats", "--db", db, "--site", value)
    assert (code, out.split()) == (0, ["month", "-------"])


@pytest.mark.parametrize("value", INJECTIONS)
def test_search_finds_nothing_for_a_site_spelled_as_sql(db, value):
    code, out = run("search", "dân vận", "--db", db, "--site", value, "--format", "json")
    assert (code, json.loads(out)) == (0, [])


@pytest.mark.parametrize("value", INJECTIONS)
def test_export_writes_nothing_for_a_site_spelled_as_sql(db, value):
    code, out = run("export", "--db", db, "--site", value, "--format", "jsonl")
    assert (code, out) == (0, "0 articles exported\n")  # CliRunner mixes stderr in


@pytest.mark.parametrize("value", INJECTIONS)
def test_reextract_reads_nothing_for_a_site_spelled_as_sql(db, value):
    code, out = run("reextract", "--db", db, "--site", value, "--dry-run")
    assert code == 0 and "0 articles" in out, out
    assert "2018" in run("stats", "--db", db)[1]  # the archive is whole


def test_the_plot_has_every_month_between_the_first_and_the_last():
    from datetime import date

    from crawler.cli.research import every_period

    months = every_period(["2019-09", "2020-02", "2019-11"], "month")
    assert months == [date(2019, 9, 1), date(2019, 10, 1), date(2019, 11, 1), date(2019, 12, 1),
                      date(2020, 1, 1), date(2020, 2, 1)]
    assert every_period(["2018", "2020"], "year") == [date(2018, 1, 1), date(2019, 1, 1), date(2020, 1, 1)]
    assert every_period([], "month") == []


def test_province_as_it_is_now_takes_in_the_provinces_merged_into_it(db):
    """Since 1 July 2025 Bắc Kạn is part of Thái Nguyên and Nam Định of Ninh Bình."""
    assert titles(db, "dan van", "--province", "Thai Nguyen") == [
        "Bắc Kạn: dân vận khéo trong xây dựng nông thôn mới"]
    assert titles(db, "dan van", "--province", "Tỉnh Ninh Bình") == ["Huyện Mỹ Lộc sơ kết dân vận"]


def test_a_former_district_filters_its_portals(db):
    assert titles(db, "dan van", "--district", "My Loc") == ["Huyện Mỹ Lộc sơ kết dân vận"]
    code, out = run("search", "dan van", "--district", "Nowhere", "--db", db)
    assert code == 1 and "no registry site" in out


def test_stats_group_by_the_province_a_site_is_in_now(db):
    code, out = run("stats", "--db", db, "--by", "year", "--group", "new_province")
    assert code == 0, out
    assert "Tỉnh Thái Nguyên" in out and "Tỉnh Phú Thọ" in out and "Tỉnh Ninh Bình" in out
