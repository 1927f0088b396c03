"""What the dashboard says about supervision: pseudonyms and counts, never a client."""

from django.db.models import OuterRef, Subquery

from confide.accounts.models import User
from confide.supervision.access import is_clinical, packets_shared_with, packets_written_by
from confide.supervision.models import Packet, PacketMessage


def supervision_summary(user: User) -> dict[str, object] | None:
    """Packets shared with the user, and packets they wrote whose last message is someone
    else's (a reply waiting for them). None for roles that do not take part."""
    if not is_clinical(user):
        return None
    last_author = Subquery(
        PacketMessage.objects.filter(packet=OuterRef("pk"))
        .order_by("-created_at")
        .values("author_id")[:1]
    )
    replies = (
        packets_written_by(user)
        .filter(status=Packet.Status.SHARED)
        .annotate(last_author=last_author)
        .filter(last_author__isnull=False)
        .exclude(last_author=user.pk)
    )
    shared = packets_shared_with(user).annotate(last_author=last_author).order_by("-shared_at")
    return {
        "shared": list(shared[:5]),
        "shared_count": shared.count(),
        "replies": list(replies.order_by("-shared_at")[:5]),
    }
