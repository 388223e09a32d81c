"""How often the script coach is right: precision and recall per finding id on the held-out set.

Run from anywhere: ``python benchmarks/bench_coach_accuracy.py [--misses]``. The set
(``tests/fixtures/coach_heldout/scripts.toml``) holds scripts written to measure the coach,
never to tune it. A finding counts once per script: a true positive when the script expects it
and the coach raises it, a false positive when only the coach does, a false negative when only
the script does. ``--misses`` also lists each script the coach gets wrong.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.resources import coach_rules
from tests.helpers.coach_heldout import fired_ids, load_heldout, overall, score


def main(argv: list[str]) -> int:
    scripts = load_heldout()
    rules = coach_rules()
    fired = partial(fired_ids, rules=rules)
    scores = score(scripts, fired)
    for id_, figures in scores.items():
        print(
            f"coach_accuracy_{id_}: precision {figures.precision:.2f}, recall "
            f"{figures.recall:.2f} (tp {figures.true_positives}, fp {figures.false_positives}, "
            f"fn {figures.false_negatives})"
        )
    total = overall(scores)
    exact = sum(fired(script) == script.expect for script in scripts)
    print(f"coach_accuracy_precision: {total.precision:.3f}")
    print(f"coach_accuracy_recall: {total.recall:.3f}")
    print(f"coach_accuracy_exact_scripts: {exact} of {len(scripts)}")
    if "--misses" in argv:
        for script in scripts:
            got = fired(script)
            if got != script.expect:
                extra, missed = sorted(got - script.expect), sorted(script.expect - got)
                print(f"# miss: {script.name}: extra {extra}, missed {missed}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
