"""VNPT- and Viettel-built table layouts of district portals: nested tables, neutral class
names, the title in a span or bold cell above the body. Markers are the vendor's footer
line; the selectors are few, so the generic finders do most of the work."""

from crawler.profiles.base import Profile, xpath

VENDOR = "contains(., 'VNPT')"  # "Designed by VNPT ...", "Thiết kế bởi VNPT ..."


class VnptTable(Profile):
    name = "vnpt"
    MARKERS = xpath(f"boolean(//table//td[not(.//td)][{VENDOR}])")
    TITLE = xpath("//td/span[@class='t' or @class='title' or @class='tieude']")
