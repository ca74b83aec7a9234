"""How much the semantic second opinion adds on text it was not trained on.

For each held-out collection in turn, the heads are trained on every other collection, then the collection
is screened and analysed twice: rules alone, and rules with the heads. Prints recall, false alarms and
precision for both, and the messages the heads changed. Run: python bench/semantic.py [--show]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.language import heads, train_heads  # noqa: E402
from bot.language.analysis import analyse  # noqa: E402
from bot.language.evaluation import load_lines  # noqa: E402
from bot.language.safety import screen  # noqa: E402

HELD_OUT = ["heldout_", "heldout2_", "heldout3_", "heldout4_", "heldout5_", "heldout6_", "heldout7_", "heldout8_", "heldout9_"]


def _use(path: Path) -> None:
    heads.HEADS_FILE = path
    heads._heads.cache_clear()


def _figures(prefix: str) -> dict:
    crisis = [ln.split("|", 1)[1] for ln in load_lines(f"{prefix}crisis.txt", missing_ok=True)]
    tricky = load_lines(f"{prefix}tricky.txt", missing_ok=True)
    blaming = load_lines(f"{prefix}blaming.txt", missing_ok=True)
    fine = load_lines(f"{prefix}fine.txt", missing_ok=True)
    hit = [s for s in crisis if screen(s).level != "none"]
    fa = [s for s in tricky if screen(s).level != "none"]
    tp = [s for s in blaming if analyse(s).blaming]
    fp = [s for s in fine if analyse(s).blaming]
    return {"crisis": crisis, "tricky": tricky, "hit": set(hit), "fa": set(fa), "n_blaming": len(blaming),
            "tp": set(tp), "fp": set(fp)}


def _line(name: str, f: dict) -> str:
    out = f"  {name:<12}"
    if f["crisis"]:
        out += f" crisis recall {len(f['hit']) / len(f['crisis']):6.1%}   false alarms {len(f['fa']) / max(1, len(f['tricky'])):5.1%}"
    if f["n_blaming"]:
        prec = len(f["tp"]) / max(1, len(f["tp"]) + len(f["fp"]))
        out += f"   blame recall {len(f['tp']) / f['n_blaming']:.3f} precision {prec:.3f}"
    return out


def _timing() -> str:
    """screen() per message, rules alone and with the model, on lines it has not embedded yet."""
    from bot.language import embedding

    lines = [ln.split("|", 1)[-1] for pre in HELD_OUT for name in ("crisis", "tricky")
             for ln in load_lines(f"{pre}{name}.txt", missing_ok=True)]
    out = []
    for label, value in (("rules alone", "false"), ("with the model", "true")):
        os.environ["SEMANTIC"] = value
        embedding._embed.cache_clear()
        t = time.perf_counter()
        for s in lines:
            screen(s)
        out.append(f"{label} {(time.perf_counter() - t) / max(1, len(lines)) * 1000:.2f} ms")
    del os.environ["SEMANTIC"]
    return f"screen() per new message over {len(lines)} lines: " + ", ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list the messages the heads changed")
    args = ap.parse_args()
    present = train_heads.collections()
    original = heads.HEADS_FILE
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for prefix in [p for p in HELD_OUT if p in present]:
            train = [p for p in present if p != prefix]
            path = Path(tmp) / f"heads_{prefix}.json"
            train_heads.write(train_heads.fit(train_heads.load(train)), path)
            _use(Path(tmp) / "none.json")
            rules = _figures(prefix)
            _use(path)
            both = _figures(prefix)
            print(f"=== {prefix.rstrip('_')} (heads trained without it) ===")
            print(_line("rules", rules))
            print(_line("with heads", both))
            if args.show:
                for label, key in (("crisis found", "hit"), ("new false alarm", "fa"), ("blame found", "tp"), ("new false blame", "fp")):
                    for s in sorted(both[key] - rules[key]):
                        print(f"    + {label}: {s}")
    _use(original)
    print(_timing())
    print(f"({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
