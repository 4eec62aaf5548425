"""Reading and writing the drug tables: bundled data, importer upserts, and the in-memory catalog."""

import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from medichain.core.db.upsert import UpsertCounts, upsert
from medichain.domains.drug.catalog import Drug, DrugCatalog, Ingredient, Interaction, ingredient_key
from medichain.domains.drug.models import DrugInformation, DrugInteraction

SEVERITIES = ("contraindicated", "major", "moderate", "minor")


def _ko(value: Any) -> str:
    """The Korean side of a bilingual field, lists joined."""
    text = (value or {}).get("ko", "") if isinstance(value, dict) else value or ""
    return ", ".join(text) if isinstance(text, list) else str(text)


def drug_row(record: dict[str, Any], origin: str) -> dict[str, Any]:
    """A `drug_information` row from a bilingual drug record (the bundled schema)."""
    ingredients = record.get("ingredients", [])
    return {
        "drug_code": record["id"],
        "drug_name": record["name"].get("ko") or record["name"].get("en", ""),
        "drug_name_en": record["name"].get("en", ""),
        "generic_name": ", ".join(i.get("ko") or i.get("en", "") for i in ingredients)[:255],
        "category": _ko(record.get("category"))[:100],
        "manufacturer": (record.get("manufacturer") or "")[:255],
        "dosage_form": _ko(record.get("dosage_form"))[:100],
        "strength": ", ".join(i.get("strength", "") for i in ingredients if i.get("strength"))[:100],
        "indications": _ko(record.get("indications")),
        "contraindications": _ko(record.get("contraindications")),
        "side_effects": _ko(record.get("side_effects")),
        "drug_interactions": _ko(record.get("interactions")),
        "storage_conditions": _ko(record.get("storage")),
        "prescription_required": bool(record.get("prescription_required", True)),
        "record": record,
        "source": (record.get("source") or "")[:500],
        "origin": origin,
    }


def interaction_row(record: dict[str, Any], origin: str) -> dict[str, Any]:
    """A `drug_interaction` row; the pair is stored in sorted order."""
    a = ingredient_key(record["a"].get("en", ""), record["a"].get("ko", ""))
    b = ingredient_key(record["b"].get("en", ""), record["b"].get("ko", ""))
    if a > b:
        a, b = b, a
    return {
        "ingredient_a": a[:120],
        "ingredient_b": b[:120],
        "severity": record["severity"],
        "record": record,
        "source": (record.get("source") or "")[:500],
        "origin": origin,
    }


async def upsert_drugs(session: AsyncSession, records: Iterable[dict[str, Any]], origin: str) -> UpsertCounts:
    """Insert or update drugs by code."""
    return await upsert(session, DrugInformation, ["drug_code"], [drug_row(r, origin) for r in records])


async def upsert_interactions(
    session: AsyncSession, records: Iterable[dict[str, Any]], origin: str
) -> UpsertCounts:
    """Insert or update interactions by ingredient pair."""
    rows = [interaction_row(r, origin) for r in records]
    return await upsert(session, DrugInteraction, ["ingredient_a", "ingredient_b"], rows)


def bundled_drugs() -> list[dict[str, Any]]:
    """Every bundled drug record (medichain/data/drugs/*.json)."""
    folder = resources.files("medichain.data").joinpath("drugs")
    records: list[dict[str, Any]] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            records += json.loads(item.read_text(encoding="utf-8"))
    return records


def bundled_interactions() -> list[dict[str, Any]]:
    """Every bundled interaction pair (medichain/data/interactions.json)."""
    return json.loads(
        resources.files("medichain.data").joinpath("interactions.json").read_text(encoding="utf-8")
    )


async def load_catalog(session: AsyncSession) -> DrugCatalog:
    """Build the in-memory catalog from the tables."""
    drugs = [
        Drug(
            row.drug_code,
            row.record,
            tuple(
                Ingredient(ingredient_key(i.get("en", ""), i.get("ko", "")), i.get("ko", ""), i.get("en", ""))
                for i in row.record.get("ingredients", [])
            ),
        )
        for row in (await session.scalars(select(DrugInformation))).all()
    ]
    interactions = [
        Interaction(row.ingredient_a, row.ingredient_b, row.severity, row.record)
        for row in (await session.scalars(select(DrugInteraction))).all()
    ]
    return DrugCatalog(drugs, interactions)
