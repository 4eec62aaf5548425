"""The concept lexicon: every clinical idea the engine can recognise, in Korean and English."""

from medichain.triage.lexicon import (
    abdomen,
    breathing,
    circulation,
    general,
    injury,
    mental,
    modifiers,
    neuro,
    people,
    toxic,
)
from medichain.triage.lexicon.base import Concept

CONCEPTS: tuple[Concept, ...] = (
    *circulation.CONCEPTS,
    *breathing.CONCEPTS,
    *neuro.CONCEPTS,
    *toxic.CONCEPTS,
    *mental.CONCEPTS,
    *injury.CONCEPTS,
    *abdomen.CONCEPTS,
    *people.CONCEPTS,
    *modifiers.CONCEPTS,
    *general.CONCEPTS,
)

__all__ = ["CONCEPTS", "Concept"]
