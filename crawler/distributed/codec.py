"""Stream entries: what a worker sends and the ingest reads.

An entry has three fields: ``v`` (the format, 1), ``kind`` (``page``,
``document`` or ``op``) and ``data`` (JSON). Pages go after extraction without
their bytes (the WARC record has them, and a 50 MB PDF does not belong in
Redis): the text, the fields the extract stage filled, the date candidates and
the MinHash signature. Documents go after reading, with their record. An
operation is a write to the archive by name with its arguments (see
``remote``). Anything else is :class:`Malformed`.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

import numpy as np

from crawler.runtime.items import DocumentItem, PageItem

VERSION = "1"
ITEM_KINDS = {"page": PageItem, "document": DocumentItem}


class Malformed(ValueError):
    """A stream entry the ingest cannot use."""


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return {"u64": base64.b64encode(value.astype("<u8").tobytes()).decode()}
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode()}
    return value


def encode_item(item: PageItem | DocumentItem) -> dict[str, str]:
    kind = "page" if isinstance(item, PageItem) else "document"
    data = {f.name: _plain(getattr(item, f.name)) for f in dataclasses.fields(item) if f.name != "body"}
    return {"v": VERSION, "kind": kind, "data": json.dumps(data, ensure_ascii=False)}


def encode_op(name: str, **args: Any) -> dict[str, str]:
    return {"v": VERSION, "kind": "op", "op": name, "data": json.dumps(args, ensure_ascii=False)}


def decode(fields: dict) -> tuple[str, Any]:
    """``("page"|"document", item)`` or ``("op", (name, args))``; :class:`Malformed` otherwise."""
    fields = {_text(k): _text(v) for k, v in fields.items()}
    if fields.get("v") != VERSION:
        raise Malformed(f"unknown format {fields.get('v')!r}")
    kind = fields.get("kind")
    try:
        data = json.loads(fields.get("data", ""))
    except ValueError as exc:
        raise Malformed(f"data is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise Malformed("data is not an object")
    if kind == "op":
        if not fields.get("op"):
            raise Malformed("an operation without a name")
        return "op", (fields["op"], data)
    if kind not in ITEM_KINDS:
        raise Malformed(f"unknown kind {kind!r}")
    return kind, _item(ITEM_KINDS[kind], data)


def _item(cls: type, data: dict):
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise Malformed(f"unknown fields {sorted(unknown)}")
    for key, value in data.items():
        if isinstance(value, dict) and set(value) == {"u64"}:
            data[key] = np.frombuffer(base64.b64decode(value["u64"]), dtype="<u8").astype(np.uint64)
        elif isinstance(value, dict) and set(value) == {"b64"}:
            data[key] = base64.b64decode(value["b64"])
    if "date_candidates" in data:
        data["date_candidates"] = [tuple(c) for c in data["date_candidates"]]
    try:
        item = cls(**data)
    except TypeError as exc:
        raise Malformed(str(exc)) from None
    if not isinstance(item.url, str) or not item.url or not isinstance(item.crawl_id, str):
        raise Malformed("an item without url or crawl_id")
    return item


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
