"""A writer process killed with SIGKILL loses no acknowledged transaction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bot.store import TinyStore

REPO = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys
from bot.store import TinyStore
store = TinyStore(sys.argv[1], compact_min_bytes=30_000, compact_ratio=1)
i = len(store.keys("acks"))
while True:
    with store.transaction():
        store.put("acks", f"{i:08d}", {"i": i, "pad": "x" * 300})
        store.put("state", "last", {"i": i})
    print(i, flush=True)  # acknowledged only once committed
    i += 1
"""


def test_kill_9_keeps_every_acknowledged_transaction(tmp_path):
    d = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    acked: list[int] = []
    for round_ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(d)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
        )
        assert proc.stdout is not None
        target = 150 + 97 * round_  # kill at different points, also during compactions
        seen = 0
        deadline = time.monotonic() + 30
        while seen < target and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            acked.append(int(line))
            seen += 1
        os.kill(proc.pid, signal.SIGKILL)
        rest, err = proc.communicate(timeout=30)
        acked += [int(x) for x in rest.split()]
        assert seen == target, err
        with TinyStore(d) as store:
            keys = store.keys("acks")
            present = {int(k) for k in keys}
            missing = set(acked) - present
            assert not missing, f"round {round_}: acknowledged but lost: {sorted(missing)[:10]}"
            # all or nothing per transaction, in order: no gaps, state matches
            assert present == set(range(len(keys)))
            assert store.get("state", "last") == {"i": len(keys) - 1}
            assert all(store.get("acks", k)["pad"] == "x" * 300 for k in keys[-5:])
