"""HIRA hospitals and E-Gen emergency rooms into `hospital_information`, on SQLite and MariaDB."""

from pathlib import Path

import pytest

from medichain.domains.clinic.models import HospitalInformation
from medichain.importers import facilities
from medichain.importers.facilities import EgenEmergencyRooms, HiraHospitals, facility_code
from medichain.platform import Platform
from tests.importers.helpers import FIXTURES, counts, load, reasons, rows


async def test_hira_csv_loads_valid_rows_and_rejects_the_rest(platform: Platform) -> None:
    summary = await load(platform, HiraHospitals(), facilities.read_hira(FIXTURES / "hira_hospitals.csv"))
    assert (summary.format, summary.encoding) == ("CSV", "UTF-8")
    assert counts(summary) == (4, 0, 0, 3)
    assert reasons(summary) == {
        "line 6": "missing field YPos",
        "line 7": "invalid coordinate: YPos 0 is outside Korea (latitude 33–39.5)",
        "line 8": "missing field yadmNm",
    }
    stored = {row.hospital_name: row for row in await rows(platform, HospitalInformation, origin="hira")}
    assert sorted(stored) == [
        "서울대학교병원",
        "연세대학교의과대학세브란스병원",
        "제주대학교병원",
        "해운대튼튼내과의원",
    ]
    snuh = stored["서울대학교병원"]
    assert (snuh.hospital_type, snuh.city, snuh.district) == ("상급종합병원", "서울", "종로구")
    assert (snuh.phone, snuh.website, snuh.sample, snuh.emergency_available) == (
        "02-2072-2114",
        "http://www.snuh.org",
        False,
        False,
    )
    assert snuh.latitude == pytest.approx(37.5795427, abs=1e-6)
    assert snuh.longitude == pytest.approx(126.9990305, abs=1e-6)
    assert snuh.code.startswith("hira-JDQ4")
    assert snuh.source.startswith("건강보험심사평가원 병원정보서비스 (ykiho JDQ4")

    again = await load(platform, HiraHospitals(), facilities.read_hira(FIXTURES / "hira_hospitals.csv"))
    assert counts(again) == (0, 0, 4, 3)


async def test_egen_xml_loads_emergency_rooms(platform: Platform) -> None:
    summary = await load(
        platform, EgenEmergencyRooms(), facilities.read_egen(FIXTURES / "egen_emergency_rooms.xml")
    )
    assert counts(summary) == (3, 0, 0, 2)
    assert reasons(summary) == {
        "item 4": "invalid coordinate: wgs84Lat 0 is outside Korea (latitude 33–39.5)",
        "item 5": "invalid hvidate '2024-06-12 14:30' (expected YYYYMMDDHHMMSS)",
    }
    [severance] = await rows(platform, HospitalInformation, code="egen-A1100017")
    assert (severance.hospital_name, severance.er_phone, severance.er_beds, severance.er_updated) == (
        "연세대학교의과대학세브란스병원",
        "02-2228-2460",
        -3,
        "20240612142907",
    )
    assert (severance.emergency_available, severance.sample, severance.origin) == (True, False, "egen")
    assert (severance.city, severance.district, severance.phone) == ("서울특별시", "서대문구", "1599-1004")
    assert severance.hospital_type == "권역응급의료센터"

    again = await load(
        platform, EgenEmergencyRooms(), facilities.read_egen(FIXTURES / "egen_emergency_rooms.xml")
    )
    assert counts(again) == (0, 0, 3, 2)


async def test_egen_bed_feed_updates_beds_and_keeps_the_address(platform: Platform, tmp_path: Path) -> None:
    await load(platform, EgenEmergencyRooms(), facilities.read_egen(FIXTURES / "egen_emergency_rooms.xml"))
    update = tmp_path / "beds.xml"
    update.write_text(
        "<response><header><resultCode>00</resultCode></header><body><items><item>"
        "<dutyName>서울대학교병원</dutyName><dutyTel3>02-2072-2473</dutyTel3><hpid>A1100010</hpid>"
        "<hvec>-2</hvec><hvidate>20240612150102</hvidate>"
        "<wgs84Lat>37.5795427</wgs84Lat><wgs84Lon>126.9990305</wgs84Lon>"
        "</item><item><dutyName>병상오류</dutyName><hpid>A1</hpid><hvec>많음</hvec>"
        "<wgs84Lat>37.5</wgs84Lat><wgs84Lon>127.0</wgs84Lon></item></items></body></response>",
        encoding="utf-8",
    )
    summary = await load(platform, EgenEmergencyRooms(), facilities.read_egen(update))
    assert (summary.loaded, summary.updated, summary.rejected) == (0, 1, 1)
    assert reasons(summary) == {"item 2": "invalid hvec '많음' (expected a whole number)"}
    [snuh] = await rows(platform, HospitalInformation, code="egen-A1100010")
    assert (snuh.er_beds, snuh.er_updated) == (-2, "20240612150102")
    assert snuh.address == "서울특별시 종로구 대학로 101 (연건동)"


def test_native_ids_are_kept_whole() -> None:
    assert facility_code("egen", "A1100010") == "egen-A1100010"
    long_id = "JDQ4MTYyMiM1MSMkMSMkMCMkODkkMzgxMzUxIzExIyQxIyQzIyQ3OSQ0NjEwMDIjNjEjJDEjJDgjJDgz"
    assert facility_code("hira", long_id) == f"hira-{long_id}"
