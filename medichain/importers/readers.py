"""Shared readers: encoding detection, CSV, API-style JSON and XML (data.go.kr responses), each giving raw
rows with their line or item numbers. Problems with the whole file raise `InputError`; problems with
one row become a `Rejection` for that row."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from medichain.importers.base import InputError, Location, Parsed, Raw, Rejection

_ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp949", "CP949"))
"""Tried in order; CP949 also reads EUC-KR, the usual encoding of public-data CSV downloads."""
_LOST = "\ufffd"
_API_OK = frozenset({"00", "0", "0000"})
_XML_ITEM = re.compile(r"<item\b[^>]*>.*?</item\s*>", re.S)


def choose_format(path: Path, given: str | None, accepted: Sequence[str]) -> str:
    """The format named by `--format`, else by the file extension; unknown ones raise `InputError`."""
    fmt = (given or path.suffix.removeprefix(".")).lower()
    if fmt not in accepted:
        expected = " or ".join(f".{a}" for a in accepted)
        named = f"'.{fmt}'" if fmt else "(no file extension)"
        raise InputError(f"unknown format {named}: expected {expected} (or pass --format)")
    return fmt


def read_text(path: Path) -> tuple[str, str]:
    """A file's text and detected encoding ("UTF-8" or "CP949"); undecodable bytes become U+FFFD."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return decode(data)


def decode(data: bytes) -> tuple[str, str]:
    """Decode as UTF-8 (BOM or not), else CP949; when neither is clean, the one losing fewer characters."""
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes): not a UTF-8 or CP949 text file")
    for codec, label in _ENCODINGS:
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    decoded = [(data.decode(codec, "replace"), label) for codec, label in _ENCODINGS]
    return min(decoded, key=lambda pair: pair[0].count(_LOST))


def raw_row(location: Location, fields: Mapping[str, str], encoding: str) -> Raw | Rejection:
    """A raw row, or its rejection when some field held bytes that the file's encoding cannot decode."""
    for name, value in fields.items():
        if _LOST in value:
            return Rejection(location, f"not valid {encoding} text (undecodable bytes in field {name})")
    return Raw(location, fields)


def read_csv(path: Path, required: Sequence[str], aliases: Mapping[str, str] | None = None) -> Parsed:
    """CSV rows numbered by the line they start on (the header is line 1); `aliases` renames columns."""
    text, encoding = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file: no header row") from None
    except csv.Error as exc:
        raise InputError(f"malformed CSV at line 1: {exc}") from exc
    names = [(aliases or {}).get(name.strip(), name.strip()) for name in header]
    missing = [name for name in required if name not in names]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)} in the header (found: {', '.join(names)})")
    rows: list[Raw | Rejection] = []
    start = reader.line_num + 1
    while True:
        location = Location("line", start)
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append(Rejection(location, f"malformed CSV: {exc}; the rest of the file was not read"))
            break
        start = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if any(cell.strip() for cell in cells[len(names) :]):
            rows.append(Rejection(location, f"{len(cells)} fields but the header has {len(names)}"))
            continue
        rows.append(raw_row(location, dict(zip(names, cells, strict=False)), encoding))
    return Parsed(str(path), "CSV", encoding, rows)


def read_json(path: Path) -> Parsed:
    """Items of an API response (`{"header", "body": {"items": [...]}}`) or of a bare JSON array."""
    text, encoding = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    rows: list[Raw | Rejection] = []
    for number, item in enumerate(_json_items(document), start=1):
        location = Location("item", number)
        if isinstance(item, dict) and set(item) == {"item"} and isinstance(item["item"], dict):
            item = item["item"]
        if isinstance(item, dict):
            rows.append(raw_row(location, {str(k): json_text(v) for k, v in item.items()}, encoding))
        else:
            rows.append(Rejection(location, "not a JSON object"))
    return Parsed(str(path), "JSON", encoding, rows)


def json_text(value: Any) -> str:
    """A JSON value as field text (null is empty; numbers keep their shortest form)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _json_items(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise InputError("expected a JSON array of items or an API response object")
    response = document.get("response", document)
    header = response.get("header") if isinstance(response, dict) else None
    if isinstance(header, dict):
        _check_result(str(header.get("resultCode", "00")), str(header.get("resultMsg", "")))
    body = response.get("body") if isinstance(response, dict) else None
    if not isinstance(body, dict) or "items" not in body:
        raise InputError('no "body.items" in the JSON: expected an API response or a bare array of items')
    items = body["items"]
    if isinstance(items, dict):
        items = items.get("item", [])
    if isinstance(items, dict):
        items = [items]
    if items in (None, ""):
        items = []
    if not isinstance(items, list):
        raise InputError('"body.items" is not a list of items')
    return items


def _check_result(code: str, message: str) -> None:
    if code.strip() not in _API_OK:
        raise InputError(f"the API response reports an error: resultCode {code} ({message or 'no message'})")


def read_xml(path: Path) -> Parsed:
    """`<item>` elements of an API response, numbered from 1.

    A malformed document is salvaged item by item: each `<item>` that parses on its own is kept, each
    one that does not is rejected with the line of the error, and an error outside the items (e.g. a
    truncated file) is reported at its line. A file without any `<item>` to salvage raises `InputError`.
    """
    text, encoding = read_text(path)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return Parsed(str(path), "XML", encoding, _salvage(text, exc, encoding))
    _check_xml_result(root)
    if root.find(".//items") is None and root.find(".//item") is None:
        raise InputError("no <items> element: expected <response><body><items><item>…</item></items>")
    items = enumerate(root.iter("item"), start=1)
    rows = [raw_row(Location("item", number), _fields(item), encoding) for number, item in items]
    return Parsed(str(path), "XML", encoding, rows)


def _check_xml_result(root: ET.Element) -> None:
    if root.tag == "OpenAPI_ServiceResponse":
        reason = root.findtext(".//returnAuthMsg") or root.findtext(".//errMsg") or "service error"
        code = root.findtext(".//returnReasonCode")
        raise InputError(f"the API response reports an error: {reason} (returnReasonCode {code})")
    code = root.findtext("header/resultCode")
    if code is not None:
        _check_result(code, root.findtext("header/resultMsg") or "")


def _fields(item: ET.Element) -> dict[str, str]:
    """Child elements as text; markup nested inside a field is kept for the HTML clean-up."""
    return {
        child.tag: (child.text or "") + "".join(ET.tostring(part, encoding="unicode") for part in child)
        for child in item
    }


def _salvage(text: str, error: ET.ParseError, encoding: str) -> list[Raw | Rejection]:
    spans = list(_XML_ITEM.finditer(text))
    if not spans:
        line, column = error.position
        raise InputError(f"malformed XML at line {line}, column {column}: {_reason(error)}")
    rows: list[Raw | Rejection] = []
    for number, match in enumerate(spans, start=1):
        location = Location("item", number)
        try:
            item = ET.fromstring(match.group())
        except ET.ParseError as exc:
            line = text.count("\n", 0, match.start()) + exc.position[0]
            rows.append(Rejection(location, f"malformed XML at line {line}: {_reason(exc)}"))
        else:
            rows.append(raw_row(location, _fields(item), encoding))
    skeleton = _XML_ITEM.sub(lambda m: "<item/>" + "\n" * m.group().count("\n"), text)
    try:
        _check_xml_result(ET.fromstring(skeleton))
    except ET.ParseError as exc:
        line = exc.position[0]
        reason = f"malformed XML at line {line}: {_reason(exc)} (outside the items; is the file truncated?)"
        rows.append(Rejection(Location("line", line), reason))
    return rows


def _reason(error: ET.ParseError) -> str:
    """The parser's message without its position (reported separately)."""
    return str(error).split(": line ")[0]
