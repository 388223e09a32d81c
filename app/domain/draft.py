"""The "new voicemail" helper: a first draft that already passes every check.

It follows the anatomy the coach checks: greeting, name and number, and the ask in the first
sentence (split in two when that is too long for one breath); how you know them next; one
line that makes the ask easy to say yes to; then the name and number again, and thanks. If
the draft would run over the target (long names or a long topic), the optional middle line
is dropped first, then the connection.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.coach import Profile, Report, Rules, SpeakingRate, analyse
from app.domain.script import ScriptKind


class Ask(StrEnum):
    """What the caller wants from the contact."""

    ADVICE = "advice"
    INTRODUCTION = "introduction"
    FIFTEEN_MINUTES = "fifteen_minutes"

    @property
    def label(self) -> str:
        return {
            Ask.ADVICE: "Advice",
            Ask.INTRODUCTION: "An introduction",
            Ask.FIFTEEN_MINUTES: "15 minutes of their time",
        }[self]


_OPENING = {
    Ask.ADVICE: "calling for your advice on {topic}",
    Ask.INTRODUCTION: "hoping you could introduce me to someone in {topic}",
    Ask.FIFTEEN_MINUTES: "hoping to ask for 15 minutes of your advice on {topic}",
}
_MIDDLE = {
    Ask.ADVICE: "Could we find 15 minutes next week?",
    Ask.INTRODUCTION: "Who would you suggest I talk to?",
    Ask.FIFTEEN_MINUTES: "Any time next week would suit me.",
}


def draft_voicemail(
    profile: Profile,
    contact: str,
    connection: str,
    ask: Ask,
    topic: str,
    *,
    target_s: float = 30.0,
    rules: Rules | None = None,
    rate: SpeakingRate | None = None,
) -> str:
    """A voicemail to ``contact`` asking for ``ask`` about ``topic``.

    ``connection`` is how you know them or who referred you, as a clause ("Jordan Brooks
    suggested I call", "we worked together at Northfield Foods"); it may be empty. The
    profile must have a name and a phone number: without them no voicemail can pass.
    """
    name, phone = " ".join(profile.name.split()), profile.phone.strip()
    if not name or not phone:
        raise ValueError("a voicemail draft needs your name and phone number")
    contact, topic = " ".join(contact.split()), " ".join(topic.split()).rstrip(".!?")
    greeting = (
        f"Hi {contact}, this is {name} at {phone}"
        if contact
        else (f"Hi, this is {name} at {phone}")
    )
    purpose = _OPENING[ask].format(topic=topic)
    openings = [[f"{greeting}, {purpose}."], [f"{greeting}.", f"I'm {purpose}."]]
    closing = [f"Again, {name}, {phone}.", f"Thanks, {contact}." if contact else "Thank you."]
    connections = [_sentence(connection)] if connection.strip() else []
    middles = [[*connections, _MIDDLE[ask]], connections, []]
    for middle in middles:
        for opening in openings:  # one sentence, or two when it would be too long for a breath
            text = " ".join([*opening, *middle, *closing])
            report = _check(text, profile, target_s, rules, rate)
            if report.score == report.max_score:
                return text
    return text  # too long whatever we drop: the coach will say so


def _sentence(clause: str) -> str:
    clause = " ".join(clause.split()).rstrip(".!?,;")
    return clause[:1].upper() + clause[1:] + "."


def _check(
    text: str, profile: Profile, target_s: float, rules: Rules | None, rate: SpeakingRate | None
) -> Report:
    return analyse(
        text,
        kind=ScriptKind.VOICEMAIL,
        target_s=target_s,
        profile=profile,
        rules=rules,
        rate=rate,
    )
