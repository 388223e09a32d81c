"""The script coach: what makes a networking voicemail work, checked while the user writes.

CONTRACT (shared by the people building the coach, the editor panel and the prompter): the
names and fields of the classes and functions here are fixed. Pure domain code: no Qt, no
SQLite. Word lists come in as a ``Rules`` value parsed from the text files in
``data/coach/`` by ``parse_rules`` (the caller reads the files).

Severities — what a finding costs the call:

* ``error``: the voicemail fails outright — ``too_long`` (they stop listening),
  ``name_missing`` (they don't know who called), ``number_missing`` (they can't call back),
  ``job_ask`` (it puts them on the spot; the usual answer is silence).
* ``warning``: the rest of the anatomy — ``name_late``, ``objective_late``, ``number_once``,
  ``number_not_early``, ``number_not_at_end``, ``no_callback_close``, ``long_sentence``,
  ``repetition``.
* ``tip``: polish — ``filler``.

"First two sentences" and "last two sentences" are the opening and the closing; "the first
half" is by position in the text. Why you're calling is judged by when it comes at the
caller's pace and by what stands before it (``objective``), not by sentence count.
``no_callback_close`` fires when the closing lacks the
caller's name; a closing without the number is ``number_not_at_end``. Either fails the "Name
and number at the end" check. The call-back number is the profile's; without one, the number
said most often (the first, on a tie). Long sentences count a phone number as one word.

The number and call-back checks apply to voicemails only; an elevator pitch or a live
conversation is checked for length, name, objective, job asks, fillers, long sentences and
repetition. ``analyse`` loads the pronouncing dictionary on first use; call ``warm_up()``
from a worker thread beforehand to keep that (about 0.15 s) off the GUI thread.

Pace: ``DEFAULT_SYLLABLES_PER_SECOND`` until ``learn_rate`` has ``MIN_TAKES_FOR_PACE``
completed takes. The spoken length is syllables ÷ pace, the phone numbers' syllables counted
``number_slowdown`` times (the teleprompter's number zone scrolls that much slower).
Under the target, ``Report.words_left`` = round((target − estimate) × words a second), where
words a second = pace ÷ the text's mean syllables per ordinary word (outside number zones; 1.5
when empty). Over it, ``-words_left`` is the words from where the text passes the target to
the end. ``Report.words`` and both budgets count a phone number, however written, as one word.

Helpers live beside this module: ``phone`` (``find_numbers``, ``NumberMention``, re-exported
here), ``speech`` (syllables, numbers as spoken), ``prose`` (sentences, phrases, names),
``anatomy``, ``objective``, ``job_ask``, ``fillers`` and ``repetition`` (the checks),
``word_lists`` (``Rules``, ``parse_rules``: re-exported here), ``report`` (``Report``,
``Finding``, ``Check``, ``Severity``, ``SpeakingRate``, ``word_budget``: re-exported here),
``draft`` (the "new voicemail" helper).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from app.domain import anatomy, speech
from app.domain.anatomy import Hit
from app.domain.fillers import filler_hits
from app.domain.job_ask import job_ask_hits
from app.domain.objective import objective_hits, spoken_seconds_at
from app.domain.phone import DEFAULT_REGION, NumberMention, find_numbers
from app.domain.prose import find_phrases, normalise, sentence_spans
from app.domain.repetition import repetition_hits
from app.domain.report import Check, Finding, Report, Severity, SpeakingRate, word_budget
from app.domain.script import ScriptKind, word_spans
from app.domain.speech import Timing, measure
from app.domain.word_lists import DEFAULT_LONG_SENTENCE_WORDS, Rules, parse_rules

__all__ = [
    "DEFAULT_LONG_SENTENCE_WORDS",
    "DEFAULT_NUMBER_SLOWDOWN",
    "DEFAULT_SYLLABLES_PER_SECOND",
    "Check",
    "Finding",
    "NumberMention",
    "Profile",
    "Report",
    "Rules",
    "Severity",
    "SpeakingRate",
    "analyse",
    "find_numbers",
    "learn_rate",
    "parse_rules",
    "warm_up",
    "word_budget",
]

DEFAULT_NUMBER_SLOWDOWN = 2.0  # the number zone is read at half pace
# 150 words a minute is the usual figure for clear, unhurried speech (broadcast and
# presentation guides put conversational English at 140–160 wpm), and English prose averages
# about 1.5 syllables a word: 150 / 60 × 1.5 = 3.75 syllables a second.
DEFAULT_SYLLABLES_PER_SECOND = 3.75
MIN_TAKES_FOR_PACE = 3  # one or two takes may be a stumble; the median of three is a pace


@dataclass(frozen=True, slots=True)
class Profile:
    """Who is calling: used to find the caller's own name and number in the script."""

    name: str = ""
    phone: str = ""
    region: str = "US"  # ISO 3166 two-letter code, for reading phone numbers


DEFAULT_RATE = SpeakingRate(DEFAULT_SYLLABLES_PER_SECOND, takes=0)

_SEVERITY = {
    "too_long": Severity.ERROR,
    "name_missing": Severity.ERROR,
    "number_missing": Severity.ERROR,
    "job_ask": Severity.ERROR,
    "filler": Severity.TIP,
}  # everything else is a warning

_VOICEMAIL_ONLY = frozenset({"number_early", "number_twice", "close"})
# The checklist: (id, title, the finding ids that fail it). "{target}" is the target in s.
_CHECKS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("length", "Fits in {target} s", ("too_long",)),
    ("name", "Your name early", ("name_missing", "name_late")),
    ("objective", "Why you're calling, up front", ("objective_late",)),
    ("number_early", "Your number early", ("number_missing", "number_not_early")),
    ("number_twice", "Your number twice", ("number_missing", "number_once")),
    (
        "close",
        "Name and number at the end",
        ("number_missing", "number_not_at_end", "no_callback_close"),
    ),
    ("no_job_ask", "Asks for advice, not a job", ("job_ask",)),
    ("plain_words", "No filler words", ("filler",)),
    ("short_sentences", "Sentences you can say in one breath", ("long_sentence",)),
    ("no_repetition", "Nothing said twice", ("repetition",)),
)


def warm_up(region: str = DEFAULT_REGION) -> None:
    """Load what the first analysis needs: the pronouncing dictionary, the phone metadata.

    Idempotent and thread-safe: the UI calls it from a worker thread after the first paint,
    so that the first check while typing does not stall; ``analyse`` calls it itself.
    """
    speech.warm_up()
    find_numbers("555-201-7788", region)  # imports phonenumbers and the region's metadata


def learn_rate(
    samples: Iterable[tuple[str, float]],
    *,
    region: str = DEFAULT_REGION,
    number_slowdown: float = DEFAULT_NUMBER_SLOWDOWN,
) -> SpeakingRate:
    """The median syllables per second over (revision text, duration_s) of completed takes.

    Each take's syllables are counted as ``analyse`` counts them (number zones weighted), so
    the learned pace and the estimate agree. Fewer than ``MIN_TAKES_FOR_PACE`` usable takes
    give the default pace. A revision rehearsed many times is measured once.
    """
    paced_by_text: dict[str, float] = {}
    paces = []
    for text, duration_s in samples:
        paced = paced_by_text.get(text)
        if paced is None:
            clean = normalise(text)
            paced = measure(clean, find_numbers(clean, region), number_slowdown).paced_syllables
            paced_by_text[text] = paced
        if duration_s > 0 and paced > 0:
            paces.append(paced / duration_s)
    if len(paces) < MIN_TAKES_FOR_PACE:
        return DEFAULT_RATE
    return SpeakingRate(statistics.median(paces), takes=len(paces))


def analyse(
    text: str,
    *,
    kind: ScriptKind = ScriptKind.VOICEMAIL,
    target_s: float = 30.0,
    profile: Profile | None = None,
    rules: Rules | None = None,
    rate: SpeakingRate | None = None,
    number_slowdown: float = DEFAULT_NUMBER_SLOWDOWN,
) -> Report:
    """Check ``text`` and estimate its spoken length."""
    rate = rate or DEFAULT_RATE
    if rate.syllables_per_second <= 0 or number_slowdown <= 0:
        raise ValueError("the pace and the number slowdown must be positive")
    speech.warm_up()
    profile = profile or Profile()
    rules = rules or Rules()
    clean = normalise(text)
    numbers = tuple(find_numbers(clean, profile.region))
    timing = measure(clean, numbers, number_slowdown, target_s * rate.syllables_per_second)
    estimate_s = timing.paced_syllables / rate.syllables_per_second
    name, name_spans = anatomy.caller_name(clean, profile.name)
    word_starts = [start for start, _ in word_spans(clean)]
    doc = anatomy.Text(clean, sentence_spans(clean), numbers, name, name_spans, word_starts)
    words_left = _words_left(doc, timing, estimate_s, target_s, rate)
    hits: list[Hit] = []
    if timing.overflow_at is not None and estimate_s > target_s:
        over = _Overflow(timing.overflow_at, estimate_s, target_s, -words_left, rate.takes > 0)
        hits.append(_too_long(doc, over))
    seconds_at = partial(spoken_seconds_at, clean, numbers, number_slowdown, rate)
    hits += _anatomy_hits(doc, kind, profile, rules, _Timeline(seconds_at, target_s))
    findings = tuple(sorted((_finding(hit) for hit in hits), key=lambda f: (f.start, f.end)))
    return Report(
        words=anatomy.sentence_words(doc, 0, len(clean)),
        syllables=timing.syllables,
        estimated_seconds=estimate_s,
        target_s=target_s,
        rate=rate,
        words_left=words_left,
        findings=findings,
        checks=_checklist(kind, target_s, {f.id for f in findings}),
        numbers=numbers,
    )


@dataclass(frozen=True, slots=True)
class _Timeline:
    seconds_at: Callable[[int], float]  # spoken time to an offset, at the caller's pace
    target_s: float


def _anatomy_hits(
    doc: anatomy.Text, kind: ScriptKind, profile: Profile, rules: Rules, timeline: _Timeline
) -> list[Hit]:
    """Every check but the length: name, objective, number, close, job ask, style."""
    hits = anatomy.name_hits(doc)
    job_asks = job_ask_hits(doc, rules)
    asks = find_phrases(doc.text, rules.objective_cues) + [(h.start, h.end) for h in job_asks]
    hits += objective_hits(
        doc, sorted(asks), timeline.seconds_at, timeline.target_s, rules.connection_cues
    )
    if kind == ScriptKind.VOICEMAIL:
        mentions = anatomy.callback_numbers(doc, profile.phone, profile.region)
        hits += anatomy.number_hits(doc, mentions, profile.phone)
        hits += anatomy.close_hits(doc, mentions)
    hits += job_asks
    hits += filler_hits(doc, rules.fillers)
    hits += anatomy.long_sentence_hits(doc, rules.long_sentence_words)
    return hits + repetition_hits(doc)


def _words_left(
    doc: anatomy.Text, timing: Timing, estimate_s: float, target_s: float, rate: SpeakingRate
) -> int:
    """Ordinary words that still fit; over the target, minus the words past it.

    What is over is counted in the text itself (the highlighted overflow, a phone number
    as one word), so a script is never more words over than it has; what is left is the
    time left in words of the text's own length.
    """
    if timing.overflow_at is not None and estimate_s > target_s:
        return -max(anatomy.words_from(doc, timing.overflow_at), 1)
    words_per_second = rate.syllables_per_second / timing.syllables_per_word
    return max(round((target_s - estimate_s) * words_per_second), 0)


@dataclass(frozen=True, slots=True)
class _Overflow:
    at: int  # where the text passes the target
    estimate_s: float
    target_s: float
    words_over: int
    own_pace: bool


def _too_long(doc: anatomy.Text, over: _Overflow) -> Hit:
    over_s = over.estimate_s - over.target_s
    seconds = f"{over_s:.0f}" if over_s >= 1 else f"{over_s:.1f}"
    count = max(over.words_over, 1)
    words = f"{count} word{'s' * (count != 1)}"
    pace = "your pace" if over.own_pace else "a typical pace"
    return Hit(
        "too_long",
        over.at,
        len(doc.text.rstrip()),
        f"At {pace} this takes about {over.estimate_s:.0f} s, {seconds} s ({words}) over your "
        f"{over.target_s:g} s target.",
        f"Cut about {words}: the highlighted part comes after {over.target_s:g} s.",
    )


def _finding(hit: Hit) -> Finding:
    severity = _SEVERITY.get(hit.id, Severity.WARNING)
    return Finding(hit.id, severity, hit.message, hit.fix, hit.start, hit.end)


def _checklist(kind: ScriptKind, target_s: float, fired: set[str]) -> tuple[Check, ...]:
    return tuple(
        Check(check_id, title.format(target=f"{target_s:g}"), fired.isdisjoint(ids), ids)
        for check_id, title, ids in _CHECKS
        if kind == ScriptKind.VOICEMAIL or check_id not in _VOICEMAIL_ONLY
    )
