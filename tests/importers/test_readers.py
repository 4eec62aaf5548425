"""Shared readers and text clean-up: encoding detection, CSV line numbers, API JSON and XML shapes,
salvaging malformed XML, HTML stripping, item-name parsing."""

from pathlib import Path

import pytest

from medichain.importers.base import InputError, Raw, Rejection
from medichain.importers.mfds_drugs import ingredient_names, split_name
from medichain.importers.readers import choose_format, decode, read_csv, read_json, read_xml
from medichain.importers.text import clean_html, sentences, slug
from tests.importers.helpers import FIXTURES


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def good(rows: list[Raw | Rejection]) -> list[Raw]:
    return [r for r in rows if isinstance(r, Raw)]


# --- encodings


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("병용금기".encode(), "UTF-8"),
        (b"\xef\xbb\xbf" + "병용금기".encode(), "UTF-8"),
        ("병용금기".encode("cp949"), "CP949"),
        ("병용금기".encode("euc-kr"), "CP949"),
    ],
)
def test_decode_detects_utf8_bom_and_cp949(data: bytes, expected: str) -> None:
    assert decode(data) == ("병용금기", expected)


def test_cp949_csv_fixture_is_detected_and_read() -> None:
    parsed = read_csv(FIXTURES / "mfds_dur_cp949.csv", required=("INGR_KOR_NAME",))
    assert (parsed.format, parsed.encoding) == ("CSV", "CP949")
    first = good(parsed.rows)[0]
    assert first.get("INGR_KOR_NAME") == "케토코나졸"
    assert first.get("DEL_YN") == "정상"


def test_bad_bytes_reject_only_their_row(tmp_path: Path) -> None:
    data = (
        "name,addr\n서울의원,서울특별시 종로구\n".encode()
        + b"bad,\xff\xfe\n"
        + "부산의원,부산광역시\n".encode()
    )
    parsed = read_csv(write(tmp_path, "h.csv", data), required=("name",))
    assert parsed.encoding == "UTF-8"
    assert [r.get("name") for r in good(parsed.rows)] == ["서울의원", "부산의원"]
    [rejected] = [r for r in parsed.rows if isinstance(r, Rejection)]
    assert (str(rejected.location), rejected.reason) == (
        "line 3",
        "not valid UTF-8 text (undecodable bytes in field addr)",
    )


def test_binary_and_missing_files_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary content"):
        read_csv(write(tmp_path, "x.csv", b"\x00\x01\x02PK"), required=())
    with pytest.raises(InputError, match=r"cannot read .*missing\.csv"):
        read_csv(tmp_path / "missing.csv", required=())


# --- CSV


def test_csv_line_numbers_follow_quoted_newlines_and_skip_blank_lines(tmp_path: Path) -> None:
    text = 'a,b\n1,"two\nlines"\n\n3,x\n4,y,z\n5,w,\n'
    parsed = read_csv(write(tmp_path, "t.csv", text), required=("a", "b"))
    assert [(str(r.location), r.get("a")) for r in good(parsed.rows)] == [
        ("line 2", "1"),
        ("line 5", "3"),
        ("line 7", "5"),
    ]
    assert [(str(r.location), r.reason) for r in parsed.rows if isinstance(r, Rejection)] == [
        ("line 6", "3 fields but the header has 2")
    ]


def test_csv_without_required_columns_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing column.*XPos, YPos"):
        read_csv(write(tmp_path, "h.csv", "ykiho,yadmNm\n1,a\n"), required=("ykiho", "XPos", "YPos"))
    with pytest.raises(InputError, match="empty file"):
        read_csv(write(tmp_path, "e.csv", ""), required=())


def test_csv_header_aliases(tmp_path: Path) -> None:
    path = write(tmp_path, "h.csv", "암호화요양기호,요양기관명,좌표(X),좌표(Y)\nJDQ,서울의원,127.0,37.5\n")
    parsed = read_csv(
        path, required=("ykiho", "XPos"), aliases={"암호화요양기호": "ykiho", "좌표(X)": "XPos"}
    )
    assert good(parsed.rows)[0].get("XPos") == "127.0"


# --- JSON


@pytest.mark.parametrize(
    "document",
    [
        '[{"itemSeq": "1"}, {"itemSeq": 2}]',
        '{"header": {"resultCode": "00"}, "body": {"items": [{"itemSeq": "1"}, {"itemSeq": 2}]}}',
        '{"response": {"body": {"items": {"item": [{"itemSeq": "1"}, {"itemSeq": 2}]}}}}',
        '{"body": {"items": [{"item": {"itemSeq": "1"}}, {"item": {"itemSeq": 2}}]}}',
    ],
)
def test_json_accepts_api_responses_and_bare_arrays(tmp_path: Path, document: str) -> None:
    parsed = read_json(write(tmp_path, "d.json", document))
    assert [(str(r.location), r.get("itemSeq")) for r in good(parsed.rows)] == [
        ("item 1", "1"),
        ("item 2", "2"),
    ]


def test_json_empty_result_and_item_errors(tmp_path: Path) -> None:
    assert read_json(write(tmp_path, "e.json", '{"body": {"items": "", "totalCount": 0}}')).rows == []
    parsed = read_json(write(tmp_path, "m.json", '[{"a": null}, 3]'))
    assert good(parsed.rows)[0].get("a") == ""
    assert parsed.rows[1] == Rejection(parsed.rows[1].location, "not a JSON object")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"body": {"items": [', "malformed JSON at line 1, column 21"),
        (
            '{"header": {"resultCode": "30", "resultMsg": "SERVICE KEY IS NOT REGISTERED ERROR."}}',
            "resultCode 30",
        ),
        ('{"data": []}', 'no "body.items"'),
        ('"text"', "expected a JSON array"),
    ],
)
def test_unusable_json_is_unreadable(tmp_path: Path, document: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_json(write(tmp_path, "d.json", document))


# --- XML


def test_xml_items_keep_nested_markup_for_cleaning(tmp_path: Path) -> None:
    xml = (
        "<response><body><items><item>"
        "<a>x<p>y</p>z</a><b>&lt;p&gt;q&lt;/p&gt;</b>"
        "</item></items></body></response>"
    )
    [row] = read_xml(write(tmp_path, "n.xml", xml)).rows
    assert isinstance(row, Raw)
    assert (row.get("a"), row.get("b")) == ("x<p>y</p>z", "<p>q</p>")


def test_malformed_xml_rejects_only_the_broken_item() -> None:
    parsed = read_xml(FIXTURES / "mfds_easy_drugs_errors.xml")
    assert len(parsed.rows) == 6
    rejected = [r for r in parsed.rows if isinstance(r, Rejection)]
    assert [(str(r.location), r.reason) for r in rejected] == [
        ("item 3", "malformed XML at line 22: not well-formed (invalid token)")
    ]


def test_truncated_xml_keeps_complete_items_and_reports_the_end(tmp_path: Path) -> None:
    text = (FIXTURES / "egen_emergency_rooms.xml").read_text(encoding="utf-8")
    cut = text[: text.index("<item>", text.index("</item>"))]
    parsed = read_xml(write(tmp_path, "cut.xml", cut))
    assert [str(r.location) for r in good(parsed.rows)] == ["item 1"]
    [rejected] = [r for r in parsed.rows if isinstance(r, Rejection)]
    assert rejected.reason.startswith(f"malformed XML at line {cut.count(chr(10)) + 1}: no element found")


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("this is not xml", "malformed XML at line 1, column 0"),
        (
            "<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>"
            "<returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>"
            "<returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>",
            "SERVICE_KEY_IS_NOT_REGISTERED_ERROR",
        ),
        (
            "<response><header><resultCode>22</resultCode><resultMsg>LIMITED NUMBER OF SERVICE REQUESTS"
            "</resultMsg></header></response>",
            "resultCode 22",
        ),
        ("<html><body>502 Bad Gateway</body></html>", "no <items> element"),
    ],
)
def test_unusable_xml_is_unreadable(tmp_path: Path, xml: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_xml(write(tmp_path, "x.xml", xml))


# --- formats


def test_format_from_option_or_extension() -> None:
    assert choose_format(Path("a.JSON"), None, ("json", "xml")) == "json"
    assert choose_format(Path("a.txt"), "xml", ("json", "xml")) == "xml"
    with pytest.raises(InputError, match=r"unknown format '\.csv': expected \.json or \.xml"):
        choose_format(Path("a.csv"), None, ("json", "xml"))
    with pytest.raises(InputError, match="no file extension"):
        choose_format(Path("drugs"), None, ("json",))


# --- text


def test_clean_html_strips_tags_and_entities() -> None:
    html = (
        "<p>1일 최대 4그램&nbsp;(8정)을 넘기지 마십시오.</p><p>R&amp;D&#40;연구&#41;<br/>두 번째 줄</p>&#xd;"
    )
    assert clean_html(html) == "1일 최대 4그램 (8정)을 넘기지 마십시오.\nR&D(연구)\n두 번째 줄"
    assert clean_html("체온 < 38도, 38도 > 체온") == "체온 < 38도, 38도 > 체온"


def test_sentences_split_at_sentence_ends_only() -> None:
    text = "복용을 중지하십시오. 의사와 상의하십시오.\n1. 실온 보관 2.5 mg 이하"
    assert sentences(text) == ["복용을 중지하십시오.", "의사와 상의하십시오.", "1. 실온 보관 2.5 mg 이하"]


def test_slug_keeps_korean() -> None:
    assert slug("저체온증_대처법") == "저체온증-대처법"
    assert slug("Travel Vaccines (2024)") == "travel-vaccines-2024"


@pytest.mark.parametrize(
    ("item_name", "ingredients", "parts"),
    [
        ("타이레놀정500밀리그람(아세트아미노펜)", ["아세트아미노펜"], ("타이레놀", "정제", "500밀리그람")),
        (
            "어린이타이레놀산160밀리그램(아세트아미노펜)",
            ["아세트아미노펜"],
            ("어린이타이레놀", "산제", "160밀리그램"),
        ),
        ("이지엔6애니연질캡슐(이부프로펜)", ["이부프로펜"], ("이지엔6애니", "연질캡슐제", "")),
        (
            "펜잘큐정(아세트아미노펜,카페인무수물,에텐자미드)",
            ["아세트아미노펜", "카페인무수물", "에텐자미드"],
            ("펜잘큐", "정제", ""),
        ),
        ("게보린정(수출명:GEWORIN)", [], ("게보린", "정제", "")),
        ("판콜에이내복액", [], ("판콜에이", "내복액제", "")),
    ],
)
def test_item_name_parsing(item_name: str, ingredients: list[str], parts: tuple[str, str, str]) -> None:
    assert ingredient_names(item_name) == ingredients
    assert split_name(item_name) == parts
