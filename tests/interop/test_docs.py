"""docs/interop.md lists every export field."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from google.protobuf.json_format import MessageToDict

from lems_companion.diary.flags import FlagRecord
from lems_companion.diary.io import csv_columns
from lems_companion.diary.schemas import EntryPublic
from lems_companion.interop import codes
from lems_companion.interop.fhir import HOME_TEST_CODES, build_questionnaire, export_bundle
from lems_companion.interop.phenopacket import build_phenopacket
from lems_companion.interop.records import DiaryRecord, Subject
from tests.interop.conftest import DIARY

SUBJECT = Subject(namespace=uuid.uuid4(), user_id=1)
DOC = (Path(__file__).resolve().parents[2] / "docs" / "interop.md").read_text()


def _records() -> list[DiaryRecord]:
    return [
        DiaryRecord(
            EntryPublic.model_validate({**item, "id": n}),
            (
                FlagRecord(
                    n,
                    datetime.fromisoformat(item["recorded_at"]),
                    "choking",
                    "emergency",
                    "choking 2",
                    basis="rule",
                ),
            ),
        )
        for n, item in enumerate(DIARY, start=1)
    ]


def test_every_csv_column_is_documented() -> None:
    for column in csv_columns():
        name = "symptom_<id>" if column.startswith("symptom_") else column
        assert f"`{name}`" in DOC, column


def test_every_fhir_resource_link_id_and_code_system_is_documented() -> None:
    bundle = export_bundle(_records(), subject=SUBJECT)
    for item in bundle["entry"]:
        assert f"`{item['resource']['resourceType']}`" in DOC

    def link_ids(items: list[dict[str, object]]) -> list[str]:
        found = []
        for item in items:
            link = str(item["linkId"])
            found.append("symptom_<id>" if link.startswith("symptom_") else link)
            found += link_ids(item.get("item", []))  # type: ignore[arg-type]
        return found

    for link in link_ids(build_questionnaire()["item"]):
        assert f"`{link}`" in DOC, link
    for key in HOME_TEST_CODES:
        assert f"`{key}`" in DOC, key
    for name, value in vars(codes).items():
        if name.endswith("_SYSTEM") and isinstance(value, str):
            shown = value.removeprefix(codes.APP_SYSTEM_PREFIX + ":")
            assert value in DOC or f"`{shown}`" in DOC, name


def test_every_phenopacket_field_is_documented() -> None:
    packet = MessageToDict(build_phenopacket(_records(), subject=SUBJECT))
    for key, value in packet.items():
        assert f"`{key}" in DOC, key
        if key == "phenotypicFeatures":
            for feature in value:
                for field in feature:
                    assert f"`phenotypicFeatures[].{field}" in DOC, field
