"""Asking for a job, found by meaning rather than by a fixed phrase.

A clause asks for a job when a request form (``Rules.job_requests``: "could you", "do you
have", "is there", ...) is followed by what a job ask asks for (``Rules.job_nouns``: a job,
an opening, a role, a hiring manager, "anything open", "taking on"), or when it hands off the
caller's résumé ("pass my CV along", "forward my résumé"), or says one of the fixed phrases
(``Rules.job_asks``: "are you hiring", "hire me"). It does not when the clause is negated
before it ("this isn't a request for a position", "rather than asking for a role") or when
the request is only about the topic ("could you tell me what the role involves", "your
advice on how people find roles"). A clause ends at ; : or a dash, and at "but".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from app.domain.anatomy import Hit, Text
from app.domain.prose import find_phrases
from app.domain.word_lists import Rules

_CLAUSE_END_RE = re.compile(r"[;:—–]|\bbut\b", re.IGNORECASE)
_NEGATION_RE = re.compile(r"\b(?:not|never|no longer|rather than|instead of)\b|n't\b", re.I)
# Words between the request and the job noun that make it a question about the topic, or
# make the noun describe a person ("introduce me to someone in data roles").
_TOPIC_RE = re.compile(
    r"\b(?:advice|advise|perspective|insights?|thoughts|views?|tips|guidance|feedback|"
    r"opinion|what|which|how|why|understand|learn|involves?|like to hear|about|someone|"
    r"somebody|anyone|people|person|colleagues?|friends?)\b",
    re.IGNORECASE,
)
_HANDOFF_RE = re.compile(
    r"\b(?:pass|hand|forward|send|give|get|put|submit|share)\s+(?:(?:it\s+)?along\s+|on\s+)?"
    r"my\s+(?:r[ée]sum[ée]s?|cv|portfolio|application)\b",
    re.IGNORECASE,
)
# A job noun that is someone's own ("your new role", "my position at Acme") is not asked for.
_POSSESSED_RE = re.compile(
    r"\b(?:your|his|her|their|my|our|its)\s+"
    r"(?:(?:new|current|old|previous|last|first|own|present|former)\s+)?$",
    re.IGNORECASE,
)
_WITHIN_CHARS = 80  # a request and its job noun are in one breath, not a paragraph apart


def job_ask_hits(doc: Text, rules: Rules) -> list[Hit]:
    text = doc.text
    asks = find_phrases(text, rules.job_asks) + [m.span() for m in _HANDOFF_RE.finditer(text)]
    found = _Spans(sorted(asks))
    requests = _Spans(find_phrases(text, rules.job_requests))
    nouns = _Spans(find_phrases(text, rules.job_nouns))
    hits = []
    for start, end in _clauses(doc):
        span = _ask_in(text, start, end, found.within(start, end), requests, nouns)
        if span is not None:
            hits.append(_hit(doc, *span))
    return hits


class _Spans:
    """Spans in text order, looked up by the clause they start in."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [span for span in self.spans[first:last] if span[1] <= end]


def _clauses(doc: Text) -> Iterator[tuple[int, int]]:
    for start, end in doc.sentences:
        for match in _CLAUSE_END_RE.finditer(doc.text, start, end):
            yield start, match.start()
            start = match.end()
        yield start, end


def _ask_in(
    text: str,
    start: int,
    end: int,
    found: list[tuple[int, int]],
    requests: _Spans,
    nouns: _Spans,
) -> tuple[int, int] | None:
    """The span of the first job ask in ``text[start:end]``, or None."""
    clause_nouns = [
        noun
        for noun in nouns.within(start, end)
        if not _POSSESSED_RE.search(text, max(noun[0] - 30, start), noun[0])
    ]
    for request_start, request_end in requests.within(start, end):
        noun = next((n for n in clause_nouns if n[0] >= request_end), None)
        if noun is None or noun[0] - request_end > _WITHIN_CHARS:
            continue
        if not _TOPIC_RE.search(text, request_end, noun[0]):
            found.append((request_start, noun[1]))
    for ask_start, ask_end in sorted(found):
        if not _NEGATION_RE.search(text[start:ask_end]):
            return ask_start, ask_end
    return None


def _hit(doc: Text, start: int, end: int) -> Hit:
    return Hit(
        "job_ask",
        start,
        end,
        f'"{doc.text[start:end]}" asks for a job, which puts them on the spot and usually '
        "ends the conversation.",
        "Ask for their advice, their insight or an introduction instead.",
    )
