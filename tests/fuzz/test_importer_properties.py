"""Properties of the importers: the readers take any file without crashing (a file they cannot read at all
is an `InputError`), every importer converts any row or rejects it with a reason, every row read is either
planned or rejected, and rows written to a file, imported and read back from the database are what the file
held (on SQLite, and on MariaDB + Redis)."""

import csv
import io
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from medichain.domains.clinic.models import HospitalInformation
from medichain.importers import documents, facilities, mfds_drugs, mfds_dur
from medichain.importers.base import Importer, InputError, Invalid, Location, Raw, Rejection
from medichain.importers.readers import decode, read_csv, read_json, read_xml
from medichain.importers.runner import plan, run_import
from medichain.importers.summary import Summary
from medichain.platform import Platform
from tests.fuzz.conftest import examples
from tests.importers.conftest import platform, started  # noqa: F401 - fixtures of this module

TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=80)
"""Any text a UTF-8 file can hold, but NUL (a file with NUL bytes is refused whole, as binary)."""
NUMBERISH = st.one_of(
    TEXT,
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
    st.sampled_from(["37.56", "126.97", "1e3", "nan", "-inf", "20240612143000", "Y", "N", "삭제", "정상"]),
)
FIELDS = sorted(
    {
        *facilities.HIRA_COLUMNS,
        *("hpid", "dutyName", "wgs84Lat", "wgs84Lon", "hvec", "hvidate", *facilities.EGEN_OPTIONAL),
        *("itemSeq", "itemName", "efcyQesitm", "entpName", "useMethodQesitm", "seQesitm"),
        *("INGR_KOR_NAME", "INGR_ENG_NAME", "MIXTURE_INGR_KOR_NAME", "MIXTURE_INGR_ENG_NAME"),
        *("DEL_YN", "PROHBT_CONTENT", "NOTIFICATION_DATE"),
        *("id", "title", "text", "domain", "lang", "source"),
    }
)
rows = st.dictionaries(st.one_of(st.sampled_from(FIELDS), TEXT), NUMBERISH, max_size=12)


def _importers() -> list[Importer]:
    docs = documents.Documents()
    docs.domains = ["clinic", "drug", "emergency", "general"]  # what `prepare` reads from the platform
    return [
        facilities.HiraHospitals(),
        facilities.EgenEmergencyRooms(),
        mfds_drugs.EasyDrugs(),
        mfds_dur.DurContraindications(),
        docs,
    ]


IMPORTERS = _importers()


@examples(1.0)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_refused_as_binary(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except InputError as exc:
        assert b"\x00" in data and str(exc)
        return
    assert encoding in ("UTF-8", "CP949") and isinstance(text, str)


@examples(1.0)
@given(st.binary(max_size=400), st.sampled_from(["csv", "json", "xml"]))
def test_readers_take_any_file(tmp_path: Path, data: bytes, fmt: str) -> None:
    """Random bytes as each format: an `InputError` for the whole file, or rows and rejections."""
    path = tmp_path / f"input.{fmt}"
    path.write_bytes(data)
    try:
        if fmt == "csv":
            parsed = read_csv(path, required=())
        else:
            parsed = read_json(path) if fmt == "json" else read_xml(path)
    except InputError as exc:
        assert str(exc)
        return
    for row in parsed.rows:
        assert isinstance(row, Raw | Rejection)
        if isinstance(row, Rejection):
            assert row.reason
        else:
            assert all(isinstance(v, str) for v in row.fields.values())


@examples(2.0)
@given(st.sampled_from(IMPORTERS), rows)
def test_every_importer_converts_a_row_or_says_why_not(importer: Importer, fields: dict[str, str]) -> None:
    row = Raw(Location("line", 2), fields)
    try:
        op = importer.convert(row)
    except Invalid as exc:
        assert str(exc).strip()
        return
    assert op.location == row.location and op.key is not None


@examples(1.0)
@given(st.sampled_from(IMPORTERS), st.lists(st.one_of(rows, st.just(None)), max_size=20))
def test_every_row_is_planned_or_rejected(importer: Importer, items: list[dict[str, str] | None]) -> None:
    """`None` stands for a row the reader could not read (rejected before conversion)."""
    read: list[Raw | Rejection] = [
        Rejection(Location("line", n), "unreadable") if item is None else Raw(Location("line", n), item)
        for n, item in enumerate(items, start=2)
    ]
    summary = Summary(importer.kind, "fuzz", "CSV")
    ops = plan(importer, read, summary)
    assert len(ops) + summary.duplicates + summary.rejected == len(read)
    assert all(r.reason for r in summary.rejections)
    planned = {op.location.number for op in ops}
    rejected = {r.location.number for r in summary.rejections}
    assert planned.isdisjoint(rejected)


# --- round trips through the database


facility = st.fixed_dictionaries(
    {
        "name": TEXT,
        "phone": TEXT,
        "lat": st.one_of(st.floats(33.0, 39.5), NUMBERISH),
        "lng": st.one_of(st.floats(124.0, 132.0), NUMBERISH),
    }
)


def _csv_lines(records: list[list[str]]) -> tuple[str, list[int]]:
    """CSV text and the line each record starts on (line breaks as the reader counts them)."""
    out = io.StringIO()
    writer = csv.writer(out)
    starts = []
    for record in records:
        starts.append(len(re.findall(r"\r\n|\r|\n", out.getvalue())) + 1)
        writer.writerow(record)
    return out.getvalue(), starts


def _egen_xml(items: list[dict[str, str]]) -> str:
    root = ET.Element("response")
    body = ET.SubElement(ET.SubElement(root, "body"), "items")
    for fields in items:
        item = ET.SubElement(body, "item")
        for name, value in fields.items():
            ET.SubElement(item, name).text = value
    return ET.tostring(root, encoding="unicode")


_NOT_IN_XML = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, even escaped."""


def _as_read(value: object, fmt: str) -> str:
    """A value as the reader gives it back: XML parsers turn every line break into `\n`."""
    text = str(value)
    return text.replace("\r\n", "\n").replace("\r", "\n") if fmt == "xml" else text


def _readable(spec: dict, fmt: str) -> bool:
    """Whether the file can hold the row's values as they are: U+FFFD reads as an undecodable byte, and
    XML refuses control characters."""
    values = "".join(str(v) for v in spec.values())
    return "\ufffd" not in values and not (fmt == "xml" and _NOT_IN_XML.search(values))


def _expected(spec: dict[str, str | float], fmt: str) -> tuple[str, str, float, float] | None:
    """What a facility row should store, or None when the importer must reject it."""
    name, phone = _as_read(spec["name"], fmt).strip(), _as_read(spec["phone"], fmt).strip()
    try:
        lat, lng = float(str(spec["lat"]).strip()), float(str(spec["lng"]).strip())
    except ValueError:
        return None
    inside = 33.0 <= lat <= 39.5 and 124.0 <= lng <= 132.0
    return (name, phone, lat, lng) if name and inside and len(name) <= 255 and len(phone) <= 40 else None


async def _stored(platform: Platform, prefix: str) -> dict[str, HospitalInformation]:  # noqa: F811
    query = select(HospitalInformation).where(HospitalInformation.code.startswith(prefix))
    async with platform.dbs.global_sessions() as session:
        return {row.code: row for row in (await session.scalars(query)).all()}


def _check_round_trip(
    fmt: str, specs: list[dict], codes: list[str], locations: list[str], stored: dict, summary: Summary
) -> None:
    """Each row is stored as it was in the file, or rejected with a reason; a valid and readable row is
    stored."""
    rejected = {str(r.location): r.reason for r in summary.rejections}
    for spec, code, location in zip(specs, codes, locations, strict=True):
        expected = _expected(spec, fmt)
        if expected is not None and _readable(spec, fmt):
            assert code in stored, (spec, rejected.get(location))
        if code in stored:
            row = stored[code]
            assert expected is not None, (spec, row.hospital_name)
            name, phone, lat, lng = expected
            assert (row.hospital_name, row.phone) == (name, phone)
            assert (row.latitude, row.longitude) == pytest.approx((lat, lng), abs=1e-9)
        else:
            assert rejected.get(location), (spec, "neither stored nor rejected with a reason")


@examples(0.3)
@given(st.lists(facility, min_size=1, max_size=8))
async def test_hira_rows_round_trip(
    platform: Platform,  # noqa: F811
    tmp_path: Path,
    specs: list[dict],
) -> None:
    prefix = uuid.uuid4().hex[:8]
    codes = [f"{prefix}{n}" for n in range(len(specs))]
    records = [
        [code, str(s["name"]), str(s["lng"]), str(s["lat"]), str(s["phone"])]
        for code, s in zip(codes, specs, strict=True)
    ]
    text, starts = _csv_lines([["ykiho", "yadmNm", "XPos", "YPos", "telno"], *records])
    path = tmp_path / f"{prefix}.csv"
    path.write_bytes(text.encode())
    summary = await run_import(facilities.HiraHospitals(), platform, facilities.read_hira(path), batch_size=3)
    stored = await _stored(platform, "hira-" + prefix)
    locations = [f"line {n}" for n in starts[1:]]
    _check_round_trip("csv", specs, [f"hira-{c}" for c in codes], locations, stored, summary)


@examples(0.3)
@given(st.lists(facility, min_size=1, max_size=8))
async def test_egen_items_round_trip(
    platform: Platform,  # noqa: F811
    tmp_path: Path,
    specs: list[dict],
) -> None:
    """XML escapes markup characters; characters XML cannot hold at all make their item a rejection."""
    prefix = uuid.uuid4().hex[:8]
    codes = [f"{prefix}{n}" for n in range(len(specs))]
    items = [
        {"hpid": c, "dutyName": str(s["name"]), "wgs84Lat": str(s["lat"]), "wgs84Lon": str(s["lng"])}
        | {"dutyTel1": str(s["phone"])}
        for c, s in zip(codes, specs, strict=True)
    ]
    path = tmp_path / f"{prefix}.xml"
    path.write_text(_egen_xml(items), encoding="utf-8")
    summary = await run_import(
        facilities.EgenEmergencyRooms(), platform, facilities.read_egen(path), batch_size=3
    )
    stored = await _stored(platform, "egen-" + prefix)
    locations = [f"item {n}" for n in range(1, len(specs) + 1)]
    _check_round_trip("xml", specs, [f"egen-{c}" for c in codes], locations, stored, summary)
