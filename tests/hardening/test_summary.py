"""`scripts/hardening-summary.py`: the table of the reports, and a failing exit when a figure that must be
zero is not, or a report is missing."""

import json
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "hardening-summary.py"
JUNIT = '<testsuites><testsuite tests="{tests}" failures="{failures}" errors="0" skipped="1"/></testsuites>'
FAULTS = {
    "requests_sent": 10,
    "successes": 8,
    "failures": {"503 database_unavailable": 2},
    "faults": [{"name": "mariadb cut and restored"}],
    "faults_injected": 1,
    "messages_lost": 0,
    "duplicated_messages": 0,
    "half_written_turns": 0,
    "unclear_failures": 0,
    "unexpected_5xx": 0,
}
ATTACKS = {"categories": {"idor": {"attempts": 5, "succeeded": 0}}, "attempts": 5, "succeeded": 0}


def _write(folder: Path, faults: dict, attacks: dict, fuzz_failures: int = 0) -> None:
    for suite in ("hardening", "security", "fuzz"):
        failures = fuzz_failures if suite == "fuzz" else 0
        (folder / f"{suite}-junit.xml").write_text(JUNIT.format(tests=4, failures=failures))
    (folder / "hardening-report.json").write_text(json.dumps(faults))
    (folder / "security-report.json").write_text(json.dumps(attacks))


def _summary(folder: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), "--artifacts", str(folder)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_clean_reports_pass(tmp_path: Path) -> None:
    _write(tmp_path, FAULTS, ATTACKS)
    result = _summary(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "faults: requests sent" in result.stdout and "503 database_unavailable 2" in result.stdout
    assert "security: idor" in result.stdout and "5 tried, 0 succeeded" in result.stdout
    assert re.search(r"fuzz: tests passed / failed / skipped +3 / 0 / 1\n", result.stdout)
    assert "!!" not in result.stdout


def test_a_lost_message_a_breach_a_failed_test_or_a_missing_report_fails(tmp_path: Path) -> None:
    for faults, attacks, fuzz_failures in (
        ({**FAULTS, "messages_lost": 1}, ATTACKS, 0),
        (FAULTS, {**ATTACKS, "succeeded": 1}, 0),
        (FAULTS, ATTACKS, 1),
    ):
        _write(tmp_path, faults, attacks, fuzz_failures)
        result = _summary(tmp_path)
        assert result.returncode == 1 and "!!" in result.stdout, result.stdout
    (tmp_path / "security-report.json").unlink()
    _write(tmp_path, FAULTS, ATTACKS)
    (tmp_path / "fuzz-junit.xml").unlink()
    result = _summary(tmp_path)
    assert result.returncode == 1 and "missing report" in result.stdout
