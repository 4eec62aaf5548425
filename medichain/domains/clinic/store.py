"""Reading and writing `hospital_information`: bundled sample data, importer upserts, the finder."""

import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.core.db.upsert import UpsertCounts, upsert
from medichain.domains.clinic.finder import Facility, HospitalFinder
from medichain.domains.clinic.models import HospitalInformation


def bundled_hospital_rows() -> list[dict[str, Any]]:
    """`hospital_information` rows from medichain/data/hospitals.json (sample data)."""
    raw = json.loads(resources.files("medichain.data").joinpath("hospitals.json").read_text(encoding="utf-8"))
    return [
        {
            "code": item["id"],
            "hospital_name": item["name"]["ko"],
            "name_en": item["name"].get("en", ""),
            "hospital_type": item.get("type", ""),
            "city": item.get("city", ""),
            "district": item.get("district", ""),
            "address": item.get("address", ""),
            "latitude": item["lat"],
            "longitude": item["lng"],
            "phone": item.get("phone", ""),
            "website": item.get("website", ""),
            "departments": item.get("departments", []),
            "operating_hours": item.get("hours", {}),
            "emergency_available": bool(item.get("emergency")),
            "sample": bool(item.get("sample", True)),
            "source": item.get("source", ""),
            "origin": "bundled",
        }
        for item in raw
    ]


async def upsert_hospitals(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> UpsertCounts:
    """Insert or update facilities by code."""
    return await upsert(session, HospitalInformation, ["code"], list(rows))


async def load_finder(session: AsyncSession) -> HospitalFinder:
    """Build the in-memory finder from every facility with coordinates."""
    rows = (
        await session.scalars(
            select(HospitalInformation).where(
                HospitalInformation.latitude.is_not(None), HospitalInformation.longitude.is_not(None)
            )
        )
    ).all()
    return HospitalFinder(
        Facility(
            code=row.code,
            name=row.hospital_name,
            name_en=row.name_en,
            type=row.hospital_type,
            address=row.address,
            phone=row.phone,
            lat=float(row.latitude or 0),
            lng=float(row.longitude or 0),
            departments=frozenset(row.departments or ()),
            hours=row.operating_hours or {},
            emergency=row.emergency_available,
            er_phone=row.er_phone,
            sample=row.sample,
        )
        for row in rows
    )
