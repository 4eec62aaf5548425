"""The shared runner, on SQLite and MariaDB: a batch the database refuses is retried row by row so only the
bad row is rejected; progress is reported per batch."""

import io

from rich.console import Console
from rich.progress import Progress

from medichain.domains.clinic.models import HospitalInformation
from medichain.importers import facilities
from medichain.importers.base import Op, Raw
from medichain.importers.facilities import HiraHospitals
from medichain.importers.runner import run_import
from medichain.platform import Platform
from tests.importers.helpers import FIXTURES, counts, load, reasons, rows


class NamelessJeju(HiraHospitals):
    """Passes one row that the database refuses (no name), as a schema mismatch would."""

    def convert(self, row: Raw) -> Op:
        op = super().convert(row)
        if op.payload["hospital_name"] == "제주대학교병원":
            op.payload["hospital_name"] = None
        return op


async def test_a_row_the_database_refuses_is_rejected_alone(platform: Platform) -> None:
    summary = await load(platform, NamelessJeju(), facilities.read_hira(FIXTURES / "hira_hospitals.csv"))
    assert counts(summary) == (3, 0, 0, 4)
    assert reasons(summary)["line 5"].startswith("the database refused the row: ")
    names = sorted(row.hospital_name for row in await rows(platform, HospitalInformation))
    assert names == ["서울대학교병원", "연세대학교의과대학세브란스병원", "해운대튼튼내과의원"]


async def test_progress_advances_per_batch(platform: Platform) -> None:
    with Progress(console=Console(file=io.StringIO())) as progress:
        parsed = facilities.read_hira(FIXTURES / "hira_hospitals.csv")
        summary = await run_import(HiraHospitals(), platform, parsed, progress=progress, batch_size=3)
    [task] = progress.tasks
    assert (task.completed, task.total) == (4, 4)
    assert summary.loaded == 4
