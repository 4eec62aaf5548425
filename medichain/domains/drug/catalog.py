"""The in-memory drug catalog: name resolution (brand, ingredient, Korean, English, misspellings),
search, detail, and interaction checks over every pair of the drugs a person mentions."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from medichain.core.text import Language
from medichain.domains.template import InteractionFinding
from medichain.knowledge.names import Mention, NameResolver, name_key

SEVERITY_ORDER = {"contraindicated": 0, "major": 1, "moderate": 2, "minor": 3, "none": 4}
INGREDIENT_PREFIX = "ingredient:"


@dataclass(frozen=True, slots=True)
class Ingredient:
    """An active ingredient; `key` is the lower-case English name (Korean when no English is known)."""

    key: str
    ko: str
    en: str


@dataclass(frozen=True)
class Drug:
    """A medicine as stored in `drug_information.record` (bilingual)."""

    code: str
    record: dict[str, Any]
    ingredients: tuple[Ingredient, ...]

    def name(self, lang: Language) -> str:
        """Product name in a language (falls back to the other one)."""
        names = self.record.get("name", {})
        return names.get(lang) or names.get("ko") or names.get("en") or self.code

    def text(self, field_name: str, lang: Language) -> str | list[str]:
        """A bilingual field in a language (empty when missing)."""
        value = self.record.get(field_name) or {}
        return value.get(lang) or value.get("ko" if lang == "en" else "en") or ""


@dataclass(frozen=True)
class Interaction:
    """A known interaction between two ingredient keys (`a` < `b`)."""

    a: str
    b: str
    severity: str
    record: dict[str, Any]

    def text(self, field_name: str, lang: Language) -> str:
        """A bilingual field of the interaction record."""
        value = self.record.get(field_name) or {}
        return value.get(lang) or value.get("ko") or ""


@dataclass(frozen=True)
class Resolved:
    """A name resolved to a product or a bare ingredient."""

    query: str
    entity_id: str
    label: str
    score: float
    ingredients: tuple[Ingredient, ...] = field(default=())
    label_en: str = ""

    def name(self, lang: Language) -> str:
        """The display name in a language."""
        return (self.label_en or self.label) if lang == "en" else self.label

    @property
    def is_product(self) -> bool:
        """True for a product, False for a bare ingredient."""
        return not self.entity_id.startswith(INGREDIENT_PREFIX)


def ingredient_key(en: str, ko: str) -> str:
    """The matching key of an ingredient."""
    return (en or ko).strip().lower()


class DrugCatalog:
    """Drugs and interactions held in memory for sub-millisecond lookups."""

    def __init__(self, drugs: Iterable[Drug], interactions: Iterable[Interaction]) -> None:
        self.drugs: dict[str, Drug] = {drug.code: drug for drug in drugs}
        self.interactions: dict[tuple[str, str], Interaction] = {(i.a, i.b): i for i in interactions}
        self.ingredients: dict[str, Ingredient] = {}
        self._ingredient_names: dict[str, set[str]] = {}
        for drug in self.drugs.values():
            for ingredient in drug.ingredients:
                self._add_ingredient(ingredient)
        for interaction in self.interactions.values():
            for side in ("a", "b"):
                names = interaction.record.get(side) or {}
                ko, en = names.get("ko", ""), names.get("en", "")
                self._add_ingredient(Ingredient(ingredient_key(en, ko), ko, en))
        self._resolver = NameResolver(self._names())

    def _add_ingredient(self, ingredient: Ingredient) -> None:
        known = self.ingredients.get(ingredient.key)
        if known is None or (ingredient.ko and (not known.ko or len(ingredient.ko) < len(known.ko))):
            self.ingredients[ingredient.key] = Ingredient(
                ingredient.key, ingredient.ko, ingredient.en or known.en if known else ingredient.en
            )
        names = self._ingredient_names.setdefault(ingredient.key, set())
        names.update(n for n in (ingredient.ko, ingredient.en) if n)

    def _names(self) -> list[tuple[str, list[str]]]:
        """Resolver entries; an alias shared by products with different ingredients is ambiguous and dropped."""
        owners: dict[str, set[tuple[str, ...]]] = {}
        for drug in self.drugs.values():
            composition = tuple(sorted(i.key for i in drug.ingredients))
            for alias in drug.record.get("aliases", []):
                owners.setdefault(name_key(alias), set()).add(composition)
        entries: list[tuple[str, list[str]]] = []
        for drug in self.drugs.values():
            names = [n for n in self._product_names(drug)[:2] if n]
            names += [a for a in drug.record.get("aliases", []) if len(owners.get(name_key(a), ())) == 1]
            entries.append((drug.code, names))
        for key, names in self._ingredient_names.items():
            entries.append((INGREDIENT_PREFIX + key, sorted(names)))
        return entries

    # --- lookups

    def get(self, code: str) -> Drug | None:
        """A drug by code."""
        return self.drugs.get(code)

    def resolve(self, name: str, limit: int = 5) -> list[Resolved]:
        """Best matches for a typed name, products before bare ingredients at equal score."""
        return [
            self._resolved(name, entity_id, score)
            for entity_id, score, _ in self._resolver.resolve(name, limit)
        ]

    def lookup(self, name_or_id: str, min_score: float = 80.0) -> Resolved | None:
        """One name (or drug id, or remembered entity id) resolved to its best match, if good enough."""
        known = self.entity(name_or_id)
        if known is not None:
            return known
        matches = self.resolve(name_or_id, limit=1)
        return matches[0] if matches and matches[0].score >= min_score else None

    def entity(self, entity_id: str) -> Resolved | None:
        """A product code or `ingredient:<key>` id as a resolved item (None when unknown)."""
        if entity_id in self.drugs or (
            entity_id.startswith(INGREDIENT_PREFIX)
            and entity_id.removeprefix(INGREDIENT_PREFIX) in self.ingredients
        ):
            return self._resolved(entity_id, entity_id, 100.0)
        return None

    def search(self, query: str, limit: int = 10) -> list[Drug]:
        """Products matching a name (autocomplete): exact and prefix matches first, then fuzzy ones."""
        key = name_key(query)
        if not key:
            return []
        prefix = [
            drug
            for drug in self.drugs.values()
            if any(name_key(n).startswith(key) for n in self._product_names(drug))
        ]
        seen = {drug.code for drug in prefix}
        for resolved in self.resolve(query, limit=limit * 2):
            codes = [resolved.entity_id] if resolved.is_product else self._products_with(resolved.entity_id)
            for code in codes:
                if code not in seen:
                    seen.add(code)
                    prefix.append(self.drugs[code])
        return prefix[:limit]

    def mentions(self, text: str) -> list[Resolved]:
        """Every drug or ingredient named in a free sentence, in order of appearance.

        Where a product and an ingredient claim the same words, the ingredient wins when the words are its
        own name ("이부프로펜"), the product otherwise ("부루펜").
        """
        by_span: dict[tuple[int, int], list[Mention]] = {}
        for mention in self._resolver.find_mentions(text):
            by_span.setdefault(mention.span, []).append(mention)
        found: list[Resolved] = []
        for span in sorted(by_span):
            chosen = self._preferred(by_span[span], text[span[0] : span[1]])
            if all(r.entity_id != chosen.entity_id for r in found):
                found.append(self._resolved(chosen.matched_name, chosen.entity_id, chosen.score))
        return found

    def _preferred(self, candidates: list[Mention], words: str) -> Mention:
        key = name_key(words)
        for mention in candidates:
            if mention.entity_id.startswith(INGREDIENT_PREFIX) and any(
                name_key(n) == key
                for n in self._ingredient_names.get(mention.entity_id[len(INGREDIENT_PREFIX) :], ())
            ):
                return mention
        products = [m for m in candidates if not m.entity_id.startswith(INGREDIENT_PREFIX)]
        return max(products or candidates, key=lambda m: m.score)

    def check(self, items: Sequence[Resolved], lang: Language) -> list[InteractionFinding]:
        """Every pair of the given drugs: known interactions and duplicated ingredients, worst first.

        Pairs with nothing known are reported with severity "none", so the person sees what was checked.
        """
        findings: list[InteractionFinding] = []
        for first, second in combinations(items, 2):
            pair_findings = self._pair(first, second, lang)
            findings += pair_findings or [
                InteractionFinding(
                    drugs=(first.name(lang), second.name(lang)),
                    severity="none",
                    summary=_NONE_KNOWN[lang],
                )
            ]
        return sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))

    # --- helpers

    def _pair(self, first: Resolved, second: Resolved, lang: Language) -> list[InteractionFinding]:
        findings = []
        for a in first.ingredients:
            for b in second.ingredients:
                if a.key == b.key and first.is_product and second.is_product:
                    findings.append(
                        InteractionFinding(
                            drugs=(first.name(lang), second.name(lang)),
                            severity="moderate",
                            summary=_DUPLICATE[lang].format(name=a.ko if lang == "ko" else a.en),
                            management=_DUPLICATE_ACTION[lang],
                            ingredients=(a.key, b.key),
                        )
                    )
                    continue
                if a.key == b.key:
                    continue
                known = self.interactions.get((a.key, b.key) if a.key < b.key else (b.key, a.key))
                if known:
                    findings.append(
                        InteractionFinding(
                            drugs=(first.name(lang), second.name(lang)),
                            severity=known.severity,
                            summary=known.text("effect", lang) or known.text("mechanism", lang),
                            management=known.text("management", lang),
                            ingredients=(a.key, b.key),
                            source=str(known.record.get("source", "")),
                        )
                    )
        return findings

    def _resolved(self, query: str, entity_id: str, score: float) -> Resolved:
        if entity_id.startswith(INGREDIENT_PREFIX):
            ingredient = self.ingredients[entity_id.removeprefix(INGREDIENT_PREFIX)]
            return Resolved(
                query, entity_id, ingredient.ko or ingredient.en, score, (ingredient,), ingredient.en
            )
        drug = self.drugs[entity_id]
        return Resolved(query, entity_id, drug.name("ko"), score, drug.ingredients, drug.name("en"))

    def _products_with(self, ingredient_entity: str) -> list[str]:
        key = ingredient_entity.removeprefix(INGREDIENT_PREFIX)
        return [code for code, drug in self.drugs.items() if any(i.key == key for i in drug.ingredients)]

    @staticmethod
    def _product_names(drug: Drug) -> list[str]:
        names = drug.record.get("name", {})
        return [names.get("ko", ""), names.get("en", ""), *drug.record.get("aliases", [])]


_NONE_KNOWN: dict[str, str] = {
    "ko": "이 조합에 대해 알려진 상호작용 정보가 데이터에 없습니다. 없다는 뜻은 아니므로 함께 복용하기 전 약사와 상담하세요.",
    "en": "No known interaction for this pair in our data. That is not proof of safety: ask a pharmacist first.",
}
_DUPLICATE: dict[str, str] = {
    "ko": "두 약에 같은 성분({name})이 들어 있어 함께 먹으면 하루 최대량을 넘기기 쉽습니다.",
    "en": "Both contain the same ingredient ({name}); taking them together can exceed the daily maximum.",
}
_DUPLICATE_ACTION: dict[str, str] = {
    "ko": "같은 성분의 약을 겹쳐 복용하지 말고, 어떤 약을 먹을지 약사와 상담하세요.",
    "en": "Do not double up on the same ingredient; ask a pharmacist which one to take.",
}
