"""Thresholds on our labelled sets (see bench/language.py for the full report)."""
import pytest

from bot.language.evaluation import STRUCTURAL, evaluate, load_lines


@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_sets_are_big_enough():
    assert len(load_lines("blaming.txt")) >= 150
    assert len(load_lines("fine.txt")) >= 50
    assert len(load_lines("crisis.txt")) >= 80
    assert len(load_lines("tricky.txt")) >= 150


def test_rewrites_pass_structural_checks(report):
    assert report.all_structural >= 0.95, report.failures
    for k in STRUCTURAL:
        assert report.rewrite_checks[k] >= 0.95, (k, report.failures.get(k))


def test_rewrites_keep_the_situation(report):
    assert report.rewrite_checks["keeps_situation"] >= 0.80, report.failures.get("keeps_situation")


def test_blame_detection(report):
    assert report.blame_precision >= 0.95, report.failures.get("blame_false_positive")
    assert report.blame_recall >= 0.90, report.failures.get("blame_missed")


def test_crisis_screening(report):
    assert report.crisis_recall == 1.0, report.failures.get("crisis_missed")
    assert report.false_alarm_rate <= 0.05, report.failures.get("false_alarm")


def test_crisis_kinds_mostly_right():
    from bot.language import screen
    rows = [ln.split("|", 1) for ln in load_lines("crisis.txt")]
    right = sum(screen(text).kind == kind for kind, text in rows)
    assert right / len(rows) >= 0.9


@pytest.fixture(scope="module")
def heldout():
    from bot.language.evaluation import HELDOUT
    return evaluate(prefix=HELDOUT)


def test_heldout_sets_exist():
    assert len(load_lines("heldout_blaming.txt")) >= 80
    assert len(load_lines("heldout_fine.txt")) >= 30
    assert len(load_lines("heldout_crisis.txt")) >= 40
    assert len(load_lines("heldout_tricky.txt")) >= 60


def test_heldout_detection_and_screening(heldout):
    # the held-out sets were written before a tuning round; after it they guard against regressions
    assert heldout.blame_precision >= 0.95, heldout.failures.get("blame_false_positive")
    assert heldout.blame_recall >= 0.90, heldout.failures.get("blame_missed")
    assert heldout.crisis_recall == 1.0, heldout.failures.get("crisis_missed")
    assert heldout.false_alarm_rate <= 0.05, heldout.failures.get("false_alarm")
    assert heldout.all_structural >= 0.95, heldout.failures


# Blind sets (written without reading the rules), measured before the round that tuned on them:
#   set 3, before round 3: blame R 0.93 P 0.989, crisis recall 86.7%, false alarms 3.3%;
#   set 4, before round 4: blame P 0.966 R 0.764, crisis recall 68.6% (62.9% at crisis level), false alarms 3.6%,
#          keeps the situation 41.7%.
# After tuning these are regression thresholds, not independent estimates (set 5 was kept back for that).
BLIND_SET_FLOORS = {
    "heldout3_": {"precision": 0.98, "recall": 0.98, "at_crisis": 0.98, "false_alarms": 0.02, "structural": 0.95, "keeps": 0.0},
    "heldout4_": {"precision": 0.98, "recall": 0.98, "at_crisis": 0.9, "false_alarms": 0.02, "structural": 0.98, "keeps": 0.42},
    # set 6 as first measured (blind): a floor against regressions, far from the targets on crisis recall
    "heldout6_": {"precision": 0.97, "recall": 0.90, "crisis_recall": 0.73, "at_crisis": 0.55, "false_alarms": 0.034,
                  "structural": 0.98, "keeps": 0.43},
    # set 7, written for round 8 and measured once before any rule saw it: blame P 0.955 R 0.815, crisis recall 63.0%
    # (41.0% at crisis level), false alarms 4.7%, keeps the situation 26.4%
    "heldout7_": {"precision": 0.95, "recall": 0.81, "crisis_recall": 0.63, "at_crisis": 0.41, "false_alarms": 0.047,
                  "structural": 0.98, "keeps": 0.26},
    # set 8 as first measured (blind, by a writer who read nothing here; heads with neighbours, round 9 rules)
    # keeps: 0.47 when first measured (48 of 102 rewrites); round 10's blame rules found 20 more blaming lines, mostly
    # short passive-aggressive ones whose rewrite falls back to a stock situation: 53 of 122, so the share is the floor
    "heldout8_": {"precision": 0.97, "recall": 0.78, "crisis_recall": 0.76, "at_crisis": 0.38, "false_alarms": 0.02,
                  "structural": 0.98, "keeps": 0.43},
    # set 9 as first measured (blind, writer read nothing here; round 11-12 rules, heads not yet trained on everyday_):
    # blame P 0.951 R 0.900, crisis recall 83% (55% at crisis level; rules alone 61%), false alarms 4.0%, structural
    # 100%, keeps the situation 36.8% (43 of 117)
    "heldout9_": {"precision": 0.95, "recall": 0.89, "crisis_recall": 0.82, "at_crisis": 0.54, "false_alarms": 0.041,
                  "structural": 0.98, "keeps": 0.36},
}


@pytest.mark.parametrize("prefix", sorted(BLIND_SET_FLOORS))
def test_blind_set_regression(prefix):
    floor = BLIND_SET_FLOORS[prefix]
    rep = evaluate(prefix=prefix)
    assert rep.blame_precision >= floor["precision"], rep.failures.get("blame_false_positive")
    assert rep.blame_recall >= floor["recall"], rep.failures.get("blame_missed")
    assert rep.crisis_recall >= floor.get("crisis_recall", 1.0), rep.failures.get("crisis_missed")
    assert rep.crisis_at_crisis_level >= floor["at_crisis"]
    assert rep.false_alarm_rate <= floor["false_alarms"], rep.failures.get("false_alarm")
    assert rep.all_structural >= floor["structural"], rep.failures
    assert rep.rewrite_checks["keeps_situation"] >= floor["keeps"], rep.failures.get("keeps_situation")
