"""MFDS DUR 병용금기 (ingredient pairs that must not be combined), as CSV or API JSON, into interaction
records of severity "contraindicated". Withdrawn pairs (DEL_YN "Y"/"삭제") are removed, never inserted."""

import re
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.core.db.upsert import UpsertCounts
from medichain.domains.drug.models import DrugInteraction
from medichain.domains.drug.store import interaction_row, upsert_interactions
from medichain.importers.base import Importer, Invalid, Op, Parsed, Raw
from medichain.importers.readers import choose_format, read_csv, read_json
from medichain.importers.text import clean_html

ORIGIN = "mfds-dur"
FORMATS = ("csv", "json")
_ACTIVE = frozenset({"", "N", "정상"})
_WITHDRAWN = frozenset({"Y", "삭제"})
_DATE = re.compile(r"(\d{4})[-./]?(\d{2})[-./]?(\d{2})")
_MANAGEMENT = {
    "ko": "두 성분을 함께 복용하지 마세요. 이미 함께 처방받았거나 복용 중이라면 의사·약사와 바로 상담하세요.",
    "en": "Do not take these two ingredients together. If you were prescribed both or already take both, "
    "talk to your doctor or pharmacist straight away.",
}
_NO_CONTENT = "식품의약품안전처가 병용금기로 고시한 성분 조합입니다."
"""Effect text when PROHBT_CONTENT is empty: what the row itself states."""


def read(path: Path, fmt: str | None = None) -> Parsed:
    """Read a DUR 병용금기 CSV (any of UTF-8, UTF-8 with BOM, CP949) or JSON file."""
    if choose_format(path, fmt, FORMATS) == "json":
        return read_json(path)
    return read_csv(path, required=("INGR_KOR_NAME", "MIXTURE_INGR_KOR_NAME"))


class DurContraindications(Importer):
    """병용금기 pairs keyed like `drug_interaction` (sorted lower-case English, else Korean, names)."""

    kind = "interactions"

    def convert(self, row: Raw) -> Op:
        """A pair as an interaction record, or the removal of a withdrawn pair."""
        flag = row.get("DEL_YN").upper()
        if flag not in _ACTIVE | _WITHDRAWN:
            raise Invalid(f"invalid DEL_YN {flag!r} (expected Y/N or 삭제/정상)")
        record = {
            "a": _ingredient(row, ""),
            "b": _ingredient(row, "MIXTURE_"),
            "severity": "contraindicated",
            "mechanism": {"ko": "", "en": ""},
            "effect": {"ko": clean_html(row.get("PROHBT_CONTENT")) or _NO_CONTENT, "en": ""},
            "management": dict(_MANAGEMENT),
            "source": _source(row),
        }
        stored = interaction_row(record, ORIGIN)
        key = (stored["ingredient_a"], stored["ingredient_b"])
        if key[0] == key[1]:
            raise Invalid(f"both sides are the same ingredient ({key[0]})")
        return Op(row.location, key, record, remove=flag in _WITHDRAWN)

    async def write(self, session: AsyncSession, ops: Sequence[Op]) -> UpsertCounts:
        """Upsert active pairs; delete withdrawn ones that a DUR import stored (absent ones are unchanged)."""
        counts = await upsert_interactions(session, [op.payload for op in ops if not op.remove], ORIGIN)
        withdrawn = [op.key for op in ops if op.remove]
        if withdrawn:
            removed = await remove_interactions(session, withdrawn)
            counts.add(UpsertCounts(updated=removed, unchanged=len(withdrawn) - removed))
        return counts


async def remove_interactions(session: AsyncSession, pairs: Sequence[tuple[str, str]]) -> int:
    """Delete the DUR-imported interactions of these (sorted) ingredient pairs; returns how many went.

    Pairs stored by other origins (the bundled, hand-written ones) are kept: withdrawing a
    contraindication does not mean the drugs stop interacting.
    """
    result = await session.execute(
        delete(DrugInteraction).where(
            tuple_(DrugInteraction.ingredient_a, DrugInteraction.ingredient_b).in_(list(pairs)),
            DrugInteraction.origin == ORIGIN,
        )
    )
    return result.rowcount or 0  # type: ignore[attr-defined]


def _ingredient(row: Raw, prefix: str) -> dict[str, str]:
    names = {"ko": row.get(f"{prefix}INGR_KOR_NAME"), "en": row.get(f"{prefix}INGR_ENG_NAME")}
    if not names["ko"] and not names["en"]:
        raise Invalid(f"missing field {prefix}INGR_KOR_NAME")
    return names


def _source(row: Raw) -> str:
    """The citation, with the notification date when the row has one."""
    value = row.get("NOTIFICATION_DATE")
    if not value:
        return "MFDS DUR 병용금기"
    match = _DATE.fullmatch(value)
    if not match:
        raise Invalid(f"invalid NOTIFICATION_DATE {value!r} (expected YYYYMMDD)")
    return f"MFDS DUR 병용금기 (고시일 {'-'.join(match.groups())})"
