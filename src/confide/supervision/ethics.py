"""The ethics consultation log and the practice-guideline summary it refers to.

Free text is de-identified before it is saved (the engine's pattern and name detectors, and
when a packet is linked, everything known about its client) and encrypted with the
organisation key. The person recording is told how many identifiers were replaced.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import User
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.deid import KnownIdentifiers, Pseudonymizer, apply_spans
from confide.supervision.access import is_clinical, packets_for_user
from confide.supervision.models import EthicsConsultation, Packet
from confide.supervision.redaction import identifiers_in, known_identifiers_for

TEXT_FIELDS = ("question", "options", "decision", "rationale")


class Topic(models.TextChoices):
    DUAL_RELATIONSHIPS = "dual_relationships", _("Dual relationships")
    BOUNDARIES = "boundaries", _("Boundaries")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality and its limits")
    MANDATED_REPORTING = "mandated_reporting", _("Mandated reporting")
    GIFTS = "gifts", _("Gifts")
    SELF_DISCLOSURE = "self_disclosure", _("Self-disclosure")
    SOCIAL_MEDIA = "social_media", _("Social media")
    OTHER = "other", _("Other")


class Value(models.TextChoices):
    MUTUALITY = "mutuality", _("Mutuality")
    SELF_DETERMINATION = "self_determination", _("Self-determination")
    HOPE = "hope", _("Recovery-oriented hope")
    HONESTY = "honesty", _("Honesty and transparency")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality")
    CULTURAL_HUMILITY = "cultural_humility", _("Cultural humility")
    BOUNDARIES = "boundaries", _("Clear, caring boundaries")
    NON_HARM = "non_harm", _("Do no harm")


# Our own short summary of the values peer-support practice guidelines share.
GUIDELINES: dict[str, object] = {
    Value.MUTUALITY: _(
        "We relate as equals who have both lived through hard things. Support flows both "
        "ways in spirit, but the relationship exists for the person we support, not for us."
    ),
    Value.SELF_DETERMINATION: _(
        "People choose their own path to recovery. We offer options and information, and we "
        "respect choices we would not make ourselves."
    ),
    Value.HOPE: _(
        "We believe recovery is possible for everyone and show it through our own story, "
        "without promising outcomes or pushing one way of recovering."
    ),
    Value.HONESTY: _(
        "We say what we can and cannot do, what we write down, and who might see it. We "
        "own our mistakes."
    ),
    Value.CONFIDENTIALITY: _(
        "What people tell us stays private except where the law or a risk of serious harm "
        "requires otherwise, and we explain those limits before they matter."
    ),
    Value.CULTURAL_HUMILITY: _(
        "We stay curious about each person's culture, identity and experience, notice our "
        "own assumptions, and let the person be the expert on their life."
    ),
    Value.BOUNDARIES: _(
        "Warmth and closeness have limits that keep both people safe: no romantic, financial "
        "or business ties, care with gifts, favours, social media and shared circles."
    ),
    Value.NON_HARM: _(
        "Before acting we ask who could be hurt, including the person, their family, our "
        "colleagues and ourselves, and we ask for help when we are unsure."
    ),
}


@dataclass(frozen=True)
class Replacements:
    """What de-identification replaced, by kind (counts only: the texts are gone)."""

    by_label: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_label.values())


def deidentify(
    texts: dict[str, str], known: KnownIdentifiers | None, keep: Iterable[str] = ()
) -> tuple[dict[str, str], Replacements]:
    """Replace identifiers in every text with one set of pseudonyms. Phrases in ``keep``
    (a packet's own pseudonym) are left alone."""
    pseudonyms = Pseudonymizer(client_label="the client", region=settings.CONFIDE_REGION)
    counts: Counter[str] = Counter()
    out = {}
    for name, text in texts.items():
        kept = [(m, m + len(k)) for k in keep if k for m in _all(text, k)]
        spans = [
            s
            for s in identifiers_in(text, known)
            if not any(a <= s.start and s.end <= b for a, b in kept)
        ]
        out[name], _ = apply_spans(text, spans, pseudonyms=pseudonyms)
        counts.update(s.label for s in spans)
    return out, Replacements(dict(counts))


def _all(text: str, phrase: str) -> list[int]:
    found, start = [], text.find(phrase)
    while start != -1:
        found.append(start)
        start = text.find(phrase, start + 1)
    return found


def do_record_ethics_consultation(
    *,
    acting_user: User,
    topics: list[str],
    values: list[str],
    consulted: Iterable[User],
    packet: Packet | None,
    question: str,
    options: str,
    decision: str,
    rationale: str,
) -> tuple[EthicsConsultation, Replacements]:
    """Record an ethics consultation, its free text de-identified first.

    The caller has checked ``acting_user`` may open ``packet`` (when one is given).
    """
    topics = sorted({Topic(t).value for t in topics})
    values = sorted({Value(v).value for v in values})
    if not topics:
        raise ValueError(_("Choose at least one topic."))
    known = known_identifiers_for(packet.client) if packet is not None else None
    keep = (packet.pseudonym,) if packet is not None else ()
    texts, replaced = deidentify(
        {"question": question, "options": options, "decision": decision, "rationale": rationale},
        known,
        keep,
    )
    with transaction.atomic():
        entry = EthicsConsultation.objects.create(
            recorded_by=acting_user,
            packet=packet,
            topics=topics,
            values=values,
            replaced=replaced.total,
            **{name: texts[name].strip() or None for name in TEXT_FIELDS},
        )
        entry.consulted.set(list(consulted))
        record_event(
            Action.ETHICS_RECORDED,
            actor=acting_user,
            resource_type="ethics",
            resource_id=str(entry.pk),
            client_id=str(packet.client_id) if packet is not None else "",
            purpose="supervision",
            details={"topics": topics, "replaced": replaced.total, "packet": packet is not None},
        )
    return entry, replaced


def ethics_for_user(user: User) -> QuerySet[EthicsConsultation]:
    """Entries this user may read: recorded by them, naming them as consulted, or linked
    to a packet they may open."""
    if not is_clinical(user):
        return EthicsConsultation.objects.none()
    packets = packets_for_user(user).filter(status=Packet.Status.SHARED).values("pk")
    ids = EthicsConsultation.objects.filter(
        Q(recorded_by=user) | Q(consulted=user) | Q(packet__in=packets)
    ).values("pk")
    return EthicsConsultation.objects.filter(pk__in=ids)
