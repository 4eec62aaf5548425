"""MFDS e약은요 (의약품개요정보, DrbEasyDrugInfoService) items, as API JSON or XML, into drug records of the
bundled schema (Korean only: the official text has no English)."""

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from medichain.core.db.upsert import UpsertCounts
from medichain.domains.drug.models import DrugInformation
from medichain.domains.drug.store import drug_row, load_catalog, upsert_drugs
from medichain.importers.base import Importer, Invalid, Op, Parsed, Raw, check_lengths
from medichain.importers.readers import choose_format, read_json, read_xml
from medichain.importers.text import clean_html, sentences

if TYPE_CHECKING:
    from medichain.platform import Platform

ORIGIN = "mfds-easy"
FORMATS = ("json", "xml")

_PARENTHESISED = re.compile(r"\(([^()]*)\)")
_NOT_INGREDIENTS = (":", "수출", "수입", "군납", "병원용")
"""Parenthesised notes in item names that are not ingredients, e.g. "(수출명: …)"."""
_INGREDIENT_SEPARATORS = re.compile(r"\s*[,·/+]\s*")
_STRENGTH = re.compile(
    r"(\d[\d.,/]*\s*(?:밀리그람|밀리그램|마이크로그람|마이크로그램|그람|그램|밀리리터|mg|mcg|µg|g|ml|iu|단위|%))+\s*$",
    re.IGNORECASE,
)
_FORMS = (
    ("필름코팅정", "필름코팅정"), ("서방정", "서방정"), ("장용정", "장용정"), ("츄어블정", "츄어블정"),
    ("발포정", "발포정"), ("정", "정제"), ("연질캡슐", "연질캡슐제"), ("경질캡슐", "경질캡슐제"),
    ("캡슐", "캡슐제"), ("건조시럽", "건조시럽제"), ("시럽", "시럽제"), ("현탁액", "현탁액"),
    ("내복액", "내복액제"), ("점안액", "점안제"), ("액", "액제"), ("과립", "과립제"), ("세립", "세립제"),
    ("산", "산제"),
    ("연고", "연고제"), ("크림", "크림제"), ("겔", "겔제"), ("로션", "로션제"), ("패취", "첩부제"),
    ("패치", "첩부제"), ("카타플라스마", "첩부제"), ("플라스타", "첩부제"), ("좌제", "좌제"),
)  # fmt: skip
"""Dosage-form suffixes of item names (longest first within a family) and the form they denote."""


def read(path: Path, fmt: str | None = None) -> Parsed:
    """Read an e약은요 JSON or XML file (format from `fmt`, else the extension)."""
    return read_json(path) if choose_format(path, fmt, FORMATS) == "json" else read_xml(path)


def ingredient_names(item_name: str) -> list[str]:
    """Ingredients named in the item name's last parenthesised group ("…(아세트아미노펜)"), if any."""
    for group in reversed(_PARENTHESISED.findall(item_name)):
        if group.strip() and not any(marker in group for marker in _NOT_INGREDIENTS):
            return [name for name in _INGREDIENT_SEPARATORS.split(group.strip()) if name]
    return []


def split_name(item_name: str) -> tuple[str, str, str]:
    """(base name, dosage form, strength) of an item name: "타이레놀정500밀리그람(아세트아미노펜)" gives
    ("타이레놀", "정제", "500밀리그람"); parts not found are empty."""
    name = _PARENTHESISED.sub("", item_name).strip()
    strength_match = _STRENGTH.search(name)
    strength = strength_match.group().strip() if strength_match else ""
    name = name[: strength_match.start()].strip() if strength_match else name
    for suffix, form in _FORMS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name.removesuffix(suffix).strip(), form, strength
    return name, "", strength


class EasyDrugs(Importer):
    """e약은요 items (OTC products) upserted by `mfds-<itemSeq>`."""

    kind = "drugs"

    def __init__(self) -> None:
        self.english: dict[str, str] = {}

    async def prepare(self, platform: "Platform") -> None:
        """Learn the English names of ingredients already known (bundled or DUR data), so that an
        imported product's ingredients share their keys and the interaction checks find them."""
        async with platform.dbs.global_sessions() as session:
            catalog = await load_catalog(session)
        self.english = {i.ko: i.en for i in catalog.ingredients.values() if i.ko and i.en}

    def convert(self, row: Raw) -> Op:
        """An e약은요 item as a bilingual drug record: the "en" text sides stay empty (the label is Korean
        only); ingredients get the English names `prepare` learned."""
        seq = row.required("itemSeq")
        if not seq.isdigit():
            raise Invalid(f"invalid itemSeq {seq!r} (expected digits)")
        name = clean_html(row.required("itemName"))
        indications = self._text(row, "efcyQesitm", required=True)
        base, form, strength = split_name(name)
        ingredients = ingredient_names(name)
        strength_of = {"strength": strength} if strength and len(ingredients) == 1 else {}
        record: dict[str, Any] = {
            "id": f"mfds-{seq}",
            "name": {"ko": name, "en": ""},
            "ingredients": [{"ko": ko, "en": self.english.get(ko, ""), **strength_of} for ko in ingredients],
            "aliases": _unique([_PARENTHESISED.sub("", name).strip(), base, *ingredients], exclude=name),
            "dosage_form": {"ko": form, "en": ""},
            "manufacturer": clean_html(row.get("entpName")),
            "prescription_required": False,
            "indications": {"ko": indications, "en": ""},
            "usage": {"ko": self._text(row, "useMethodQesitm"), "en": ""},
            "contraindications": {
                "ko": sentences(self._text(row, "atpnWarnQesitm")) + sentences(self._text(row, "atpnQesitm")),
                "en": [],
            },
            "interactions": {"ko": self._text(row, "intrcQesitm"), "en": ""},
            "side_effects": {"ko": sentences(self._text(row, "seQesitm")), "en": []},
            "storage": {"ko": self._text(row, "depositMethodQesitm"), "en": ""},
            "source": f"식품의약품안전처 e약은요 (itemSeq {seq})",
        }
        check_lengths(DrugInformation, drug_row(record, ORIGIN))
        return Op(row.location, record["id"], record)

    async def write(self, session: AsyncSession, ops: Sequence[Op]) -> UpsertCounts:
        """Upsert the drug records."""
        return await upsert_drugs(session, [op.payload for op in ops], ORIGIN)

    @staticmethod
    def _text(row: Raw, field: str, *, required: bool = False) -> str:
        text = clean_html(row.get(field))
        if required and not text:
            raise Invalid(f"missing field {field}")
        return text


def _unique(names: list[str], exclude: str) -> list[str]:
    """Non-empty names in order, without repeats or `exclude`."""
    return [name for name in dict.fromkeys(names) if name and name != exclude]
