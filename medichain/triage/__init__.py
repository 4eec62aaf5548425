"""KTAS emergency triage: deterministic rules over Korean and English free text.

>>> engine = TriageEngine()
>>> engine.assess("가슴이 쥐어짜듯 아프고 식은땀이 나요").level
2
"""

from medichain.triage.engine import TriageEngine
from medichain.triage.guidance import Guidance
from medichain.triage.models import Match, TriageContext, TriageResult

__all__ = ["Guidance", "Match", "TriageContext", "TriageEngine", "TriageResult"]
