"""Words shown to people for drug findings, in Korean and English."""

SEVERITY_LABEL: dict[str, dict[str, str]] = {
    "ko": {
        "contraindicated": "병용 금기",
        "major": "심각한 상호작용",
        "moderate": "주의 필요",
        "minor": "경미한 상호작용",
        "none": "알려진 상호작용 없음",
    },
    "en": {
        "contraindicated": "contraindicated",
        "major": "major interaction",
        "moderate": "use with caution",
        "minor": "minor interaction",
        "none": "no known interaction",
    },
}
