"""The summary of `make test-hardening`: the figures of the fault run, the security suite and the fuzzing
run, read from their reports in `test-artifacts/` (JSON reports and the JUnit XML of each pytest run).

Exits 1 when a report is missing or a figure that must be zero is not: messages lost, duplicated or
half-written, unclear failures, unexpected 5xx, attacks that succeeded, failed tests.
"""

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

SUITES = ("hardening", "security", "fuzz")
"""The pytest runs of the target, each writing `<suite>-junit.xml`."""


def _json(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _junit(path: Path) -> dict[str, int] | None:
    """Tests run, failed (failures and errors) and skipped, summed over the test suites of a JUnit file."""
    if not path.is_file():
        return None
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    count = {
        key: sum(int(s.get(key, 0)) for s in suites) for key in ("tests", "failures", "errors", "skipped")
    }
    return {
        "tests": count["tests"],
        "failed": count["failures"] + count["errors"],
        "skipped": count["skipped"],
    }


def rows(artifacts: Path) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """(figure, value, whether it is as it must be) for the table, and what is missing."""
    table: list[tuple[str, str, bool]] = []
    missing: list[str] = []
    for suite in SUITES:
        run = _junit(artifacts / f"{suite}-junit.xml")
        if run is None:
            missing.append(f"{suite}-junit.xml")
            continue
        passed = run["tests"] - run["failed"] - run["skipped"]
        table.append(
            (
                f"{suite}: tests passed / failed / skipped",
                f"{passed} / {run['failed']} / {run['skipped']}",
                run["failed"] == 0,
            )
        )

    faults = _json(artifacts / "hardening-report.json")
    if faults is None:
        missing.append("hardening-report.json")
    else:
        table += [
            ("faults: requests sent", str(faults["requests_sent"]), True),
            (
                "faults: answered / failed",
                f"{faults['successes']} / {faults['requests_sent'] - faults['successes']}",
                True,
            ),
            (
                "faults: failures by kind",
                ", ".join(f"{k} {v}" for k, v in faults["failures"].items()) or "none",
                True,
            ),
            (
                "faults: faults injected",
                f"{faults['faults_injected']} ({', '.join(f['name'] for f in faults['faults'])})",
                True,
            ),
        ]
        for key in (
            "messages_lost",
            "duplicated_messages",
            "half_written_turns",
            "unclear_failures",
            "unexpected_5xx",
        ):
            table.append((f"faults: {key.replace('_', ' ')}", str(faults[key]), faults[key] == 0))

    attacks = _json(artifacts / "security-report.json")
    if attacks is None:
        missing.append("security-report.json")
    else:
        for name, category in attacks["categories"].items():
            table.append(
                (
                    f"security: {name}",
                    f"{category['attempts']} tried, {category['succeeded']} succeeded",
                    category["succeeded"] == 0,
                )
            )
        table.append(
            (
                "security: attacks tried / succeeded",
                f"{attacks['attempts']} / {attacks['succeeded']}",
                attacks["succeeded"] == 0,
            )
        )
    return table, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--artifacts", type=Path, default=Path("test-artifacts"), help="where the reports are"
    )
    args = parser.parse_args()
    table, missing = rows(args.artifacts)
    width = max((len(figure) for figure, _, _ in table), default=0)
    print("Hardening summary")
    for figure, value, good in table:
        print(f"  {'  ' if good else '!!'} {figure.ljust(width)}  {value}")
    for name in missing:
        print(f"  !! missing report: {args.artifacts / name}")
    return 0 if not missing and all(good for _, _, good in table) else 1


if __name__ == "__main__":
    sys.exit(main())
