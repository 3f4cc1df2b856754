"""The JSON Schemas (draft 2020-12) of every event on every topic: the contract.

`validator(name)` gives a compiled validator for one schema, with the shared
definitions resolved locally (no network). Names: article.raw, article.enriched,
figure, claim, deadletter.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

HERE = Path(__file__).parent
VERSION = 1
NAMES = ("article.raw", "article.enriched", "figure", "claim", "deadletter")
BASE = "https://khabar.dev/schemas/"


def schema_path(name: str, version: int = VERSION) -> Path:
    return HERE / f"{name}.v{version}.json"


@cache
def load(name: str, version: int = VERSION) -> dict:
    return json.loads(schema_path(name, version).read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(HERE.glob("*.v*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str, version: int = VERSION) -> Draft202012Validator:
    schema = load(name, version)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def header_value(name: str, version: int = VERSION) -> bytes:
    """The `khabar-schema` header of an event: which schema its payload follows."""
    return f"khabar.{name}/{version}".encode()
