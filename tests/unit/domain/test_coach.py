"""The script coach: numbers, syllables, pace, the estimate, the word budget and the checklist."""

from __future__ import annotations

import json
import threading

import pytest

from app.domain import speech
from app.domain.coach import (
    DEFAULT_NUMBER_SLOWDOWN,
    DEFAULT_SYLLABLES_PER_SECOND,
    Profile,
    Rules,
    Severity,
    SpeakingRate,
    analyse,
    find_numbers,
    learn_rate,
    parse_rules,
    warm_up,
    word_budget,
)
from app.domain.prose import sentence_spans
from app.domain.script import ScriptKind
from app.domain.starters import fill_in_details
from app.resources import coach_rules as shipped_rules
from app.resources import resource_path

ALEX = Profile("Alex Rivera", "555-201-7788", "US")
GOOD = (
    "Hi Jordan, this is Alex Rivera at 555-201-7788, calling for your advice on supply chain "
    "planning. We worked together at Northfield Foods. Could we find 15 minutes next week? "
    "Again, Alex Rivera, 555-201-7788. Thanks, Jordan."
)


@pytest.fixture(scope="module")
def coach_rules() -> Rules:
    return shipped_rules()


# --- phone numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "digits"),
    [
        ("555-201-7788", "5552017788"),
        ("555.201.7788", "5552017788"),
        ("(555) 201-7788", "5552017788"),
        ("+1 555 201 7788", "15552017788"),
        ("five five five, two oh one, seven seven eight eight", "5552017788"),
    ],
)
def test_find_numbers_reads_each_way_of_writing_the_number(written: str, digits: str) -> None:
    text = f"Call me at {written}. Thanks!"
    [mention] = find_numbers(text, "US")
    assert text[mention.start : mention.end] == written
    assert mention.digits == digits
    assert mention.e164 == "+15552017788"


def test_find_numbers_keeps_555_numbers_that_the_default_leniency_drops() -> None:
    assert [m.e164 for m in find_numbers("at 555-201-7788 or 212-555-0100")] == [
        "+15552017788",
        "+12125550100",
    ]


def test_find_numbers_ignores_ordinary_figures() -> None:
    text = "Eight years, 30 percent, $400,000 a year, 15 minutes, one two three four."
    assert find_numbers(text) == []


def test_find_numbers_reads_local_numbers_in_the_given_region() -> None:
    [mention] = find_numbers("Ring me on 020 7946 0018.", "gb")
    assert mention.e164 == "+442079460018"


# --- syllables and numbers as spoken -------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "syllables"),
    [
        ("operations", 4),
        ("Rivera", 3),
        ("I'd", 1),
        ("HR", 2),
        ("15", 2),  # fif-teen
        ("30%", 4),  # thir-ty per-cent
        ("$400,000", 7),  # four hun-dred thou-sand dol-lars
        ("2024", 5),  # twen-ty twen-ty-four
        ("1905", 4),  # nine-teen oh five
        ("3.5", 3),  # three point five
    ],
)
def test_words_and_numbers_are_counted_as_spoken(token: str, syllables: int) -> None:
    assert speech.word_syllables(token) == syllables


def test_words_missing_from_the_dictionary_are_estimated() -> None:
    import syllables

    assert speech.word_syllables("Brevityish") == syllables.estimate("brevityish") > 0


def test_a_phone_number_is_read_digit_by_digit_with_oh_for_zero() -> None:
    # five five five two oh one seven seven eight eight: "seven" has two syllables
    assert speech.digit_syllables("5552017788") == 12


def test_warm_up_is_idempotent_and_safe_from_many_threads() -> None:
    threads = [threading.Thread(target=warm_up) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    warm_up()
    assert speech.is_warm()


# --- sentences --------------------------------------------------------------------------


def test_sentences_end_at_stops_and_line_breaks_but_not_inside_numbers() -> None:
    text = "Hi Dr. Patel, it's Alex at 555.201.7788! Call me?\nThanks  "
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Hi Dr. Patel, it's Alex at 555.201.7788!",
        "Call me?",
        "Thanks",
    ]


# --- rules ------------------------------------------------------------------------------


def test_parse_rules_reads_phrases_comments_and_limits() -> None:
    rules = parse_rules(
        {
            "fillers": "# hedges\nJust\n  kind   of  # a hedge\n\njust\n",
            "job_asks": "are you hiring\n",
            "objective_cues": "I’d value your\n",
            "limits": "long_sentence_words = 20  # words\n",
            "unknown_future_list": "ignored\n",
        }
    )
    assert rules == Rules(
        fillers=("just", "kind of"),
        job_asks=("are you hiring",),
        objective_cues=("i'd value your",),
        long_sentence_words=20,
    )


def test_parse_rules_refuses_a_malformed_limit() -> None:
    with pytest.raises(ValueError, match="limits"):
        parse_rules({"limits": "long_sentence_words 20"})


def test_the_shipped_word_lists_parse(coach_rules: Rules) -> None:
    assert "just" in coach_rules.fillers
    assert "are you hiring" in coach_rules.job_asks
    assert "15 minutes" in coach_rules.objective_cues
    assert coach_rules.long_sentence_words == 25


# --- pace and the estimate ----------------------------------------------------------------


def test_the_default_pace_says_so() -> None:
    rate = learn_rate([])
    assert rate == SpeakingRate(DEFAULT_SYLLABLES_PER_SECOND, takes=0)
    assert rate.description == (
        "a typical pace (3.75 syllables a second) until you've finished a few takes"
    )


def test_learn_rate_is_the_median_over_completed_takes() -> None:
    text = "Thanks for your time today, Jordan."
    syllables = analyse(text).syllables  # 8
    takes = [(text, syllables / 3.0), (text, syllables / 4.0), (text, syllables / 2.0)]
    rate = learn_rate([*takes, (text, 0.0), ("", 2.0)])
    assert rate.takes == 3  # a zero-length take and an empty text are no evidence
    assert rate.syllables_per_second == pytest.approx(3.0)
    assert rate.description == "your pace over 3 takes (3 syllables a second)"


def test_learn_rate_needs_a_few_takes() -> None:
    assert learn_rate([("Thanks for your time.", 2.0)] * 2).takes == 0


def test_learn_rate_counts_the_number_zone_as_the_estimate_does() -> None:
    text = "Call 555-201-7788."  # 1 + 12 digit syllables, read at half pace
    rate = learn_rate([(text, 5.0)] * 3)
    assert rate.syllables_per_second == pytest.approx((1 + 12 * 2) / 5.0)
    report = analyse(text, rate=rate)
    assert report.estimated_seconds == pytest.approx(5.0)


def test_the_estimate_reads_the_number_zone_slower() -> None:
    text = "Call me at 555-201-7788."
    normal = analyse(text, number_slowdown=1.0)
    slow = analyse(text, number_slowdown=DEFAULT_NUMBER_SLOWDOWN)
    assert normal.syllables == slow.syllables == 3 + 12
    assert normal.estimated_seconds == pytest.approx(15 / 3.75)
    assert slow.estimated_seconds == pytest.approx((3 + 24) / 3.75)


def test_the_word_budget_uses_the_pace_and_the_texts_own_words() -> None:
    report = analyse("Thanks for your time.", target_s=10.0)  # 4 words, 4 syllables
    words_per_second = 3.75 / 1.0  # one syllable a word in this text
    assert report.words_left == round((10.0 - 4 / 3.75) * words_per_second)
    empty = analyse("", target_s=10.0)
    assert empty.words_left == round(10.0 * 3.75 / 1.5)
    assert empty.estimated_seconds == 0.0


def test_word_budget_reads_as_words_left_or_over() -> None:
    assert word_budget(14) == "14 words left"
    assert word_budget(1) == "1 word left"
    assert word_budget(0) == "0 words left"
    assert word_budget(-9) == "9 words over"


def test_too_long_says_by_how_much_and_highlights_the_overflow(coach_rules: Rules) -> None:
    report = analyse(GOOD, target_s=20.0, profile=ALEX, rules=coach_rules)
    [finding] = [f for f in report.findings if f.id == "too_long"]
    assert finding.severity is Severity.ERROR
    over_s = report.estimated_seconds - 20.0
    assert f"{over_s:.0f} s ({-report.words_left} words)" in finding.message
    assert finding.end == len(GOOD)
    assert 0 < finding.start < finding.end


# --- the checklist ------------------------------------------------------------------------


def test_a_voicemail_has_ten_checks_and_a_pitch_seven(coach_rules: Rules) -> None:
    voicemail = analyse(GOOD, profile=ALEX, rules=coach_rules)
    pitch = analyse(GOOD, kind=ScriptKind.ELEVATOR_PITCH, profile=ALEX, rules=coach_rules)
    assert voicemail.score == voicemail.max_score == 10
    assert [c.id for c in voicemail.checks] == [
        "length", "name", "objective", "number_early", "number_twice", "close",
        "no_job_ask", "plain_words", "short_sentences", "no_repetition",
    ]  # fmt: skip
    assert voicemail.checks[0].title == "Fits in 30 s"
    assert pitch.max_score == 7
    assert not {"number_early", "number_twice", "close"} & {c.id for c in pitch.checks}


def test_a_missing_number_fails_every_number_check(coach_rules: Rules) -> None:
    report = analyse("Hi, this is Alex Rivera, calling for your advice.", rules=coach_rules)
    failed = {check.id for check in report.checks if not check.passed}
    assert failed == {"number_early", "number_twice", "close"}
    assert report.score == 7


def test_pitches_and_conversations_get_no_number_findings(coach_rules: Rules) -> None:
    text = "I'm Alex Rivera. I'd value your advice on logistics."
    for kind in (ScriptKind.ELEVATOR_PITCH, ScriptKind.CONVERSATION):
        assert analyse(text, kind=kind, rules=coach_rules).findings == ()


def test_severities_follow_the_documented_table(coach_rules: Rules) -> None:
    text = "Um, are you hiring? Call 555-201-7788."
    severities = {f.id: f.severity for f in analyse(text, rules=coach_rules).findings}
    assert severities["name_missing"] is Severity.ERROR
    assert severities["job_ask"] is Severity.ERROR
    assert severities["filler"] is Severity.TIP
    assert severities["number_once"] is Severity.WARNING
    # The job ask states why they call (wrongly): the missing objective needs another script.
    no_ask = analyse("Hi. Lovely weather. Call 555-201-7788.", rules=coach_rules).findings
    assert {f.id: f.severity for f in no_ask}["objective_late"] is Severity.WARNING


def test_the_number_said_twice_is_not_a_repetition(coach_rules: Rules) -> None:
    text = "Call me at 555-201-7788 today. Again, call me at 555-201-7788 today."
    assert "repetition" not in {f.id for f in analyse(text, rules=coach_rules).findings}


def test_a_repeated_phrase_is_highlighted_where_it_comes_again(coach_rules: Rules) -> None:
    text = "I love supply chain planning. Supply chain planning is my field."
    [finding] = [f for f in analyse(text, rules=coach_rules).findings if f.id == "repetition"]
    assert text[finding.start : finding.end] == "Supply chain planning"


def test_findings_are_in_text_order_and_serialise(coach_rules: Rules) -> None:
    report = analyse("Um, are you hiring? Just call me.", rules=coach_rules)
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)
    data = json.loads(json.dumps(report.to_json()))
    assert set(data) == {"words", "estimated_seconds", "score", "max_score", "findings"}
    assert data["words"] == 7


def test_the_shipped_starters_get_a_full_score_filled_in_for_the_persona(
    coach_rules: Rules,
) -> None:
    starters = json.loads(resource_path("data", "starter_scripts.json").read_text("utf-8"))
    for profile in (ALEX, None):  # without a profile the coach finds the name it is given
        for starter in starters:
            report = analyse(
                fill_in_details(starter["text"], ALEX),
                kind=ScriptKind(starter["kind"]),
                target_s=starter["target_s"],
                profile=profile,
                rules=coach_rules,
            )
            assert report.findings == (), (starter["name"], report.findings)
            assert report.score == report.max_score


def test_each_check_names_the_findings_it_covers(coach_rules: Rules) -> None:
    report = analyse("Um, are you hiring? Call 555-201-7788.", rules=coach_rules)
    fired = {finding.id for finding in report.findings}
    for check in report.checks:
        assert check.passed == fired.isdisjoint(check.finding_ids), check.id
    by_id = {check.id: check for check in report.checks}
    assert by_id["name"].finding_ids == ("name_missing", "name_late")
    assert not by_id["no_job_ask"].passed and not by_id["plain_words"].passed


def test_a_pace_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        analyse("Hi.", rate=SpeakingRate(0.0, takes=3))
