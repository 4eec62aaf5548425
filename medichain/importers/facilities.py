"""Healthcare facilities into `hospital_information`: HIRA 병원정보서비스 (CSV) and NEMC E-Gen emergency
rooms (XML). Both need coordinates inside Korea."""

import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from medichain.core.db.upsert import UpsertCounts
from medichain.domains.clinic.models import HospitalInformation
from medichain.domains.clinic.store import upsert_hospitals
from medichain.importers.base import Importer, Invalid, Op, Parsed, Raw, check_lengths
from medichain.importers.readers import choose_format, read_csv, read_xml

LATITUDE = (33.0, 39.5)
LONGITUDE = (124.0, 132.0)
HIRA_COLUMNS = ("ykiho", "yadmNm", "XPos", "YPos")
HIRA_ALIASES = {
    "암호화요양기호": "ykiho",
    "요양기관명": "yadmNm",
    "종별코드명": "clCdNm",
    "시도코드명": "sidoCdNm",
    "시군구코드명": "sgguCdNm",
    "주소": "addr",
    "전화번호": "telno",
    "병원홈페이지": "hospUrl",
    "좌표(X)": "XPos",
    "좌표(Y)": "YPos",
}
"""Korean headers of the downloadable HIRA file, mapped to the API's field names."""
EGEN_OPTIONAL = {
    "dutyAddr": "address",
    "dutyTel1": "phone",
    "dutyTel3": "er_phone",
    "dutyEmclsName": "hospital_type",
}
"""E-Gen fields that only some of its operations return: written when present, left alone when absent."""


def read_hira(path: Path, fmt: str | None = None) -> Parsed:
    """Read a HIRA 병원정보서비스 CSV (API field names or the download's Korean headers)."""
    choose_format(path, fmt, ("csv",))
    return read_csv(path, required=HIRA_COLUMNS, aliases=HIRA_ALIASES)


def read_egen(path: Path, fmt: str | None = None) -> Parsed:
    """Read an E-Gen XML response."""
    choose_format(path, fmt, ("xml",))
    return read_xml(path)


def coordinate(row: Raw, field: str, bounds: tuple[float, float], axis: str) -> float:
    """A coordinate that parses as a finite number inside Korea's bounding box."""
    text = row.required(field)
    try:
        value = float(text)
    except ValueError:
        raise Invalid(f"invalid coordinate: {field} {text!r} is not a number") from None
    low, high = bounds
    if not (math.isfinite(value) and low <= value <= high):
        raise Invalid(f"invalid coordinate: {field} {text} is outside Korea ({axis} {low:g}–{high:g})")
    return value


def facility_code(prefix: str, native: str) -> str:
    """`prefix-native` (HIRA's encrypted ykiho is about 80 characters; the code column holds 128)."""
    return f"{prefix}-{native}"


class _Facilities(Importer):
    """Writes `hospital_information` rows, validated against the column sizes."""

    kind = "hospitals"

    async def write(self, session: AsyncSession, ops: Sequence[Op]) -> UpsertCounts:
        """Upsert the facility rows by code."""
        return await upsert_hospitals(session, [op.payload for op in ops])

    @staticmethod
    def _op(row: Raw, values: dict[str, Any]) -> Op:
        check_lengths(HospitalInformation, values)
        return Op(row.location, values["code"], values)


class HiraHospitals(_Facilities):
    """HIRA 병원정보서비스: every hospital, clinic and pharmacy with its location."""

    def convert(self, row: Raw) -> Op:
        """A HIRA row (XPos = longitude, YPos = latitude)."""
        ykiho = row.required("ykiho")
        values = {
            "code": facility_code("hira", ykiho),
            "hospital_name": row.required("yadmNm"),
            "hospital_type": row.get("clCdNm"),
            "city": row.get("sidoCdNm"),
            "district": row.get("sgguCdNm"),
            "address": row.get("addr"),
            "latitude": coordinate(row, "YPos", LATITUDE, "latitude"),
            "longitude": coordinate(row, "XPos", LONGITUDE, "longitude"),
            "phone": row.get("telno"),
            "website": row.get("hospUrl"),
            "sample": False,
            "source": f"건강보험심사평가원 병원정보서비스 (ykiho {ykiho})",
            "origin": "hira",
        }
        return self._op(row, values)


class EgenEmergencyRooms(_Facilities):
    """E-Gen emergency rooms with their available beds (`hvec`, negative when overcrowded)."""

    kind = "emergency-rooms"

    def convert(self, row: Raw) -> Op:
        """An E-Gen item; `hvidate` (YYYYMMDDHHMMSS) is when the bed count was reported."""
        hpid = row.required("hpid")
        values: dict[str, Any] = {
            "code": facility_code("egen", hpid),
            "hospital_name": row.required("dutyName"),
            "latitude": coordinate(row, "wgs84Lat", LATITUDE, "latitude"),
            "longitude": coordinate(row, "wgs84Lon", LONGITUDE, "longitude"),
            "emergency_available": True,
            "sample": False,
            "source": f"국립중앙의료원 E-Gen 응급의료포털 (hpid {hpid})",
            "origin": "egen",
        }
        values |= {column: row.get(field) for field, column in EGEN_OPTIONAL.items() if row.get(field)}
        if row.get("dutyAddr"):
            city, _, rest = row.get("dutyAddr").partition(" ")
            values |= {"city": city, "district": rest.split(" ", 1)[0]}
        if row.get("hvec"):
            values["er_beds"] = _integer(row, "hvec")
        if row.get("hvidate"):
            values["er_updated"] = _timestamp(row, "hvidate")
        return self._op(row, values)


def _integer(row: Raw, field: str) -> int:
    text = row.get(field)
    try:
        return int(text)
    except ValueError:
        raise Invalid(f"invalid {field} {text!r} (expected a whole number)") from None


def _timestamp(row: Raw, field: str) -> str:
    text = row.get(field)
    try:
        if len(text) != 14 or not text.isdigit():
            raise ValueError(text)
        datetime.strptime(text, "%Y%m%d%H%M%S")
    except ValueError:
        raise Invalid(f"invalid {field} {text!r} (expected YYYYMMDDHHMMSS)") from None
    return text
