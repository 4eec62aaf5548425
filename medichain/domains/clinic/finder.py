"""Hospitals near a point: a grid index as spatial prefilter, haversine distances, filters, open-now."""

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from medichain.domains.template import GeoPoint, HospitalHit

KST = ZoneInfo("Asia/Seoul")
EARTH_RADIUS_KM = 6371.0088
_CELL_DEG = 0.05  # about 5.5 km north-south
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Facility:
    """A facility held in memory for search."""

    code: str
    name: str
    name_en: str
    type: str
    address: str
    phone: str
    lat: float
    lng: float
    departments: frozenset[str]
    hours: dict[str, str | None] = field(default_factory=dict)
    emergency: bool = False
    er_phone: str = ""
    sample: bool = False

    def open_at(self, moment: datetime) -> bool | None:
        """Whether outpatient hours include `moment` (KST); None when hours are unknown."""
        if not self.hours:
            return None
        local = moment.astimezone(KST)
        span = self.hours.get(_DAYS[local.weekday()])
        if not span:
            return False
        start, _, end = span.partition("-")
        now = local.strftime("%H:%M")
        return start <= now < end if start <= end else now >= start or now < end


def haversine_km(a: GeoPoint, lat: float, lng: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lng - a.lng)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _cell(lat: float, lng: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor(lng / _CELL_DEG)


class HospitalFinder:
    """Facilities bucketed in grid cells; a query scans only the cells its radius touches."""

    def __init__(self, facilities: Iterable[Facility]) -> None:
        self.facilities = list(facilities)
        self._grid: dict[tuple[int, int], list[Facility]] = defaultdict(list)
        for facility in self.facilities:
            self._grid[_cell(facility.lat, facility.lng)].append(facility)

    def near(
        self,
        point: GeoPoint,
        *,
        radius_km: float = 5.0,
        departments: Iterable[str] = (),
        emergency: bool | None = None,
        open_now: bool | None = None,
        limit: int = 20,
        now: datetime | None = None,
    ) -> list[HospitalHit]:
        """Facilities within `radius_km`, nearest first, filtered by department, ER and opening hours."""
        wanted = frozenset(departments)
        moment = now or datetime.now(KST)
        lat_cells = math.ceil(radius_km / 111.0 / _CELL_DEG)
        lng_cells = math.ceil(radius_km / (111.0 * max(0.1, math.cos(math.radians(point.lat)))) / _CELL_DEG)
        row, col = _cell(point.lat, point.lng)
        hits: list[HospitalHit] = []
        for r in range(row - lat_cells, row + lat_cells + 1):
            for c in range(col - lng_cells, col + lng_cells + 1):
                for facility in self._grid.get((r, c), ()):
                    if wanted and not wanted & facility.departments:
                        continue
                    if emergency is not None and facility.emergency != emergency:
                        continue
                    is_open = facility.open_at(moment)
                    if open_now and not (is_open or (emergency and facility.emergency)):
                        continue
                    distance = haversine_km(point, facility.lat, facility.lng)
                    if distance <= radius_km:
                        hits.append(_hit(facility, distance, is_open))
        hits.sort(key=lambda h: h.distance_km)
        return hits[:limit]


def _hit(facility: Facility, distance: float, is_open: bool | None) -> HospitalHit:
    return HospitalHit(
        name=facility.name,
        address=facility.address,
        phone=facility.er_phone if facility.emergency and facility.er_phone else facility.phone,
        distance_km=round(distance, 2),
        emergency=facility.emergency,
        type=facility.type,
        open_now=is_open,
        departments=tuple(sorted(facility.departments)),
        lat=facility.lat,
        lng=facility.lng,
        sample=facility.sample,
    )
