"""MFDS e약은요 into `drug_information`, on SQLite and MariaDB: JSON and XML, clean text, ingredients from the
item name, idempotent re-import, updates, rejected items, and links to known interactions."""

import json
from pathlib import Path

from medichain.domains.drug.models import DrugInformation
from medichain.domains.drug.store import bundled_interactions, load_catalog, upsert_interactions
from medichain.importers import mfds_drugs
from medichain.importers.mfds_drugs import EasyDrugs
from medichain.platform import Platform
from tests.importers.helpers import FIXTURES, counts, load, reasons, rows


async def test_json_and_xml_load_clean_records_and_reimport_unchanged(platform: Platform) -> None:
    first = await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.json"))
    assert counts(first) == (3, 0, 0, 0)
    assert (first.format, first.encoding) == ("JSON", "UTF-8")
    xml = await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.xml"))
    assert counts(xml) == (2, 0, 0, 0)

    again = await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.json"))
    assert counts(again) == (0, 0, 3, 0)
    assert counts(await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.xml"))) == (
        0,
        0,
        2,
        0,
    )

    [tylenol] = await rows(platform, DrugInformation, drug_code="mfds-202106092")
    assert (tylenol.drug_name, tylenol.generic_name, tylenol.strength) == (
        "타이레놀정500밀리그람(아세트아미노펜)",
        "아세트아미노펜",
        "500밀리그람",
    )
    assert (tylenol.prescription_required, tylenol.origin) == (False, "mfds-easy")
    assert tylenol.source == "식품의약품안전처 e약은요 (itemSeq 202106092)"
    assert tylenol.manufacturer == "한국존슨앤드존슨판매(유)"
    record = tylenol.record
    assert record["name"] == {"ko": "타이레놀정500밀리그람(아세트아미노펜)", "en": ""}
    assert record["aliases"] == ["타이레놀정500밀리그람", "타이레놀", "아세트아미노펜"]
    assert record["dosage_form"] == {"ko": "정제", "en": ""}
    assert record["usage"]["ko"] == (
        "만 12세 이상 소아 및 성인은 1회 1~2정씩 1일 3~4회 (4~6시간 마다) 필요시 복용합니다.\n"
        "1일 최대 4그램 (8정)을 초과하여 복용하지 않습니다."
    )
    assert record["contraindications"]["ko"][:2] == [
        "매일 세 잔 이상 정기적으로 술을 마시는 사람이 이 약이나 다른 해열진통제를 복용해야 할 경우 반드시 "
        "의사 또는 약사와 상의해야 합니다.",
        "이러한 사람이 이 약을 복용하면 간손상이 유발될 수 있습니다.",
    ]
    assert record["contraindications"]["ko"][-1] == "정해진 용법과 용량을 잘 지키십시오."
    assert record["storage"]["ko"] == "실온에서 보관하십시오.\n어린이의 손이 닿지 않는 곳에 보관하십시오."
    assert record["side_effects"]["ko"][0].startswith("쇽 증상(호흡곤란")
    assert record["interactions"]["ko"] == "다른 해열진통제, 감기약, 진정제와 함께 복용하지 마십시오."

    for row in await rows(platform, DrugInformation):
        text = json.dumps(row.record, ensure_ascii=False)
        assert not any(markup in text for markup in ("<p>", "<br", "&nbsp;", "&lt;", "\\r")), row.drug_code


async def test_xml_with_escaped_html_and_cdata(platform: Platform) -> None:
    await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.xml"))
    [easy_n] = await rows(platform, DrugInformation, drug_code="mfds-201309423")
    assert easy_n.indications.startswith("이 약은 두통, 치통")
    assert easy_n.record["ingredients"] == [{"ko": "이부프로펜", "en": ""}]
    assert easy_n.record["aliases"] == ["이지엔6애니연질캡슐", "이지엔6애니", "이부프로펜"]
    [children] = await rows(platform, DrugInformation, drug_code="mfds-201105216")
    assert children.record["usage"]["ko"] == "체중 또는 연령에 따라 4~6시간 간격으로 1일 5회까지 복용합니다."
    assert children.record["contraindications"]["ko"] == [
        "이 약에 과민증 환자는 복용하지 마십시오.",
        "3개월 미만의 영아는 복용하기 전에 의사 또는 약사와 상의하십시오.",
    ]


async def test_a_changed_item_is_updated(platform: Platform, tmp_path: Path) -> None:
    await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.json"))
    document = json.loads((FIXTURES / "mfds_easy_drugs.json").read_text(encoding="utf-8"))
    document["body"]["items"][1]["depositMethodQesitm"] = "<p>30℃ 이하에서 보관하십시오.</p>"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert counts(await load(platform, EasyDrugs(), mfds_drugs.read(changed))) == (0, 1, 2, 0)
    [brufen] = await rows(platform, DrugInformation, drug_code="mfds-197900293")
    assert brufen.storage_conditions == "30℃ 이하에서 보관하십시오."


async def test_bad_items_are_rejected_and_the_rest_load(platform: Platform) -> None:
    summary = await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs_errors.xml"))
    assert counts(summary) == (2, 0, 0, 4)
    assert reasons(summary) == {
        "item 2": "missing field itemSeq",
        "item 3": "malformed XML at line 22: not well-formed (invalid token)",
        "item 4": "invalid itemSeq '19850A12' (expected digits)",
        "item 5": "missing field efcyQesitm",
    }
    codes = sorted(row.drug_code for row in await rows(platform, DrugInformation))
    assert codes == ["mfds-199600432", "mfds-200400586"]
    [penzal] = await rows(platform, DrugInformation, drug_code="mfds-200400586")
    assert [i["ko"] for i in penzal.record["ingredients"]] == ["아세트아미노펜", "카페인무수물", "에텐자미드"]
    assert penzal.strength == ""


async def test_bare_json_array(platform: Platform, tmp_path: Path) -> None:
    items = json.loads((FIXTURES / "mfds_easy_drugs.json").read_text(encoding="utf-8"))["body"]["items"]
    bare = tmp_path / "items.json"
    bare.write_text(json.dumps(items[:2], ensure_ascii=False), encoding="utf-8")
    assert counts(await load(platform, EasyDrugs(), mfds_drugs.read(bare))) == (2, 0, 0, 0)


async def test_known_english_ingredient_names_link_products_to_interactions(platform: Platform) -> None:
    async with platform.dbs.global_sessions.begin() as session:
        await upsert_interactions(session, bundled_interactions(), "bundled")
    await load(platform, EasyDrugs(), mfds_drugs.read(FIXTURES / "mfds_easy_drugs.json"))
    async with platform.dbs.global_sessions() as session:
        catalog = await load_catalog(session)
    tylenol = catalog.entity("mfds-202106092")
    assert tylenol is not None
    assert [(i.key, i.ko) for i in tylenol.ingredients] == [("acetaminophen", "아세트아미노펜")]
    warfarin = catalog.entity("ingredient:warfarin")
    assert warfarin is not None
    [finding] = catalog.check([tylenol, warfarin], "ko")
    assert finding.severity == "moderate"
