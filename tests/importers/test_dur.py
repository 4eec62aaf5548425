"""MFDS DUR 병용금기 into `drug_interaction`, on SQLite and MariaDB: a CP949 CSV, duplicate and reversed
pairs, withdrawn pairs removed (and never inserted), JSON, rejected rows."""

from pathlib import Path

from medichain.domains.drug.models import DrugInteraction
from medichain.domains.drug.store import bundled_interactions, upsert_interactions
from medichain.importers import mfds_dur
from medichain.importers.mfds_dur import DurContraindications
from medichain.platform import Platform
from tests.importers.helpers import FIXTURES, counts, load, reasons, rows


async def pairs(platform: Platform) -> dict[tuple[str, str], str]:
    return {(r.ingredient_a, r.ingredient_b): r.origin for r in await rows(platform, DrugInteraction)}


async def test_cp949_csv_loads_pairs_once_and_reimports_unchanged(platform: Platform) -> None:
    summary = await load(platform, DurContraindications(), mfds_dur.read(FIXTURES / "mfds_dur_cp949.csv"))
    assert (summary.format, summary.encoding) == ("CSV", "CP949")
    # line 3 repeats line 2 reversed; line 5 is withdrawn and was never stored
    assert counts(summary) == (4, 0, 2, 2)
    assert summary.duplicates == 1
    assert reasons(summary) == {
        "line 8": "missing field MIXTURE_INGR_KOR_NAME",
        "line 9": "invalid NOTIFICATION_DATE '2008.13' (expected YYYYMMDD)",
    }
    assert sorted(await pairs(platform)) == [
        ("clarithromycin", "pimozide"),
        ("itraconazole", "lovastatin"),
        ("itraconazole", "triazolam"),
        ("ketoconazole", "simvastatin"),
    ]
    [pair] = await rows(platform, DrugInteraction, ingredient_a="clarithromycin")
    assert pair.severity == "contraindicated"
    assert pair.source == "MFDS DUR 병용금기 (고시일 2008-11-28)"
    assert pair.record["a"] == {"ko": "클라리스로마이신", "en": "Clarithromycin"}
    assert pair.record["effect"] == {"ko": "QT 간격 연장\n심실성 부정맥(Torsades de pointes) 위험", "en": ""}
    assert pair.record["management"]["ko"]

    again = await load(platform, DurContraindications(), mfds_dur.read(FIXTURES / "mfds_dur_cp949.csv"))
    assert counts(again) == (0, 0, 6, 2)


async def test_withdrawn_pairs_are_removed_and_new_ones_added(platform: Platform) -> None:
    await load(platform, DurContraindications(), mfds_dur.read(FIXTURES / "mfds_dur_cp949.csv"))
    summary = await load(platform, DurContraindications(), mfds_dur.read(FIXTURES / "mfds_dur.json"))
    # itraconazole + lovastatin withdrawn (removed), warfarin + miconazole new,
    # ketoconazole + simvastatin as before
    assert counts(summary) == (1, 1, 1, 0)
    stored = await pairs(platform)
    assert ("itraconazole", "lovastatin") not in stored
    assert ("miconazole", "warfarin sodium") in stored

    again = await load(platform, DurContraindications(), mfds_dur.read(FIXTURES / "mfds_dur.json"))
    assert counts(again) == (0, 0, 3, 0)
    assert ("itraconazole", "lovastatin") not in await pairs(platform)


async def test_withdrawal_keeps_hand_written_pairs_and_an_active_row_wins(
    platform: Platform, tmp_path: Path
) -> None:
    async with platform.dbs.global_sessions.begin() as session:
        await upsert_interactions(
            session, [r for r in bundled_interactions() if r["b"]["en"] == "triazolam"], "bundled"
        )
    csv = tmp_path / "dur.csv"
    csv.write_text(
        "INGR_KOR_NAME,INGR_ENG_NAME,MIXTURE_INGR_KOR_NAME,MIXTURE_INGR_ENG_NAME,PROHBT_CONTENT,NOTIFICATION_DATE,DEL_YN\n"
        "이트라코나졸,Itraconazole,트리아졸람,Triazolam,진정작용 증가,20081128,Y\n"
        "케토코나졸,Ketoconazole,심바스타틴,Simvastatin,,20081128,삭제\n"
        "심바스타틴,Simvastatin,케토코나졸,Ketoconazole,,20081128,N\n"
        "케토코나졸,Ketoconazole,로바스타틴,Lovastatin,,20081128,X\n",
        encoding="utf-8",
    )
    summary = await load(platform, DurContraindications(), mfds_dur.read(csv))
    assert counts(summary) == (1, 0, 2, 1)
    assert reasons(summary) == {"line 5": "invalid DEL_YN 'X' (expected Y/N or 삭제/정상)"}
    stored = await pairs(platform)
    assert stored[("itraconazole", "triazolam")] == "bundled"
    assert stored[("ketoconazole", "simvastatin")] == "mfds-dur"
    [pair] = await rows(platform, DrugInteraction, ingredient_a="ketoconazole")
    assert pair.record["effect"]["ko"] == "식품의약품안전처가 병용금기로 고시한 성분 조합입니다."
