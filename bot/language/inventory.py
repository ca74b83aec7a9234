"""Loading of the language data files (our own inventories, markers and resources)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=None)
def feelings_by_group() -> dict[str, dict[str, list[str]]]:
    data = load("feelings")
    return {g: {i: list(ws) for i, ws in data[g].items()} for g in ("met", "unmet")}


@lru_cache(maxsize=None)
def feeling_inventory() -> frozenset[str]:
    return frozenset(w for g in feelings_by_group().values() for ws in g.values() for w in ws)


@lru_cache(maxsize=None)
def unmet_feelings() -> frozenset[str]:
    return frozenset(w for ws in feelings_by_group()["unmet"].values() for w in ws)


@lru_cache(maxsize=None)
def met_feelings() -> frozenset[str]:
    return frozenset(w for ws in feelings_by_group()["met"].values() for w in ws)


@lru_cache(maxsize=None)
def feeling_synonyms() -> dict[str, str]:
    return dict(load("feelings").get("synonyms") or {})


@lru_cache(maxsize=None)
def need_inventory() -> frozenset[str]:
    return frozenset(w for ws in load("needs")["needs"].values() for w in ws)


@lru_cache(maxsize=None)
def need_synonyms() -> dict[str, str]:
    return dict(load("needs").get("synonyms") or {})


@lru_cache(maxsize=None)
def faux_map() -> dict[str, dict[str, list[str]]]:
    return dict(load("faux"))


@lru_cache(maxsize=None)
def blame() -> dict[str, Any]:
    return load("blame")


@lru_cache(maxsize=None)
def topics() -> dict[str, Any]:
    return load("topics")


@lru_cache(maxsize=None)
def safety() -> dict[str, Any]:
    return load("safety")


@lru_cache(maxsize=None)
def resources() -> dict[str, Any]:
    return load("resources")
