from __future__ import annotations

import pytest
from store_testlib import BACKENDS, make_store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = make_store(request.param, tmp_path / "data")
    yield s
    s.close()
