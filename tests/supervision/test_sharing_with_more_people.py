"""A shared packet shared with more people: offered to its author only, with the same
choices as the first share minus those who have it already; the content stays frozen."""

import json
import re

import pytest

from confide.audit.models import AuditEvent
from confide.supervision import services
from confide.supervision.models import PacketShare
from tests.helpers import make_staff, sign_in


@pytest.fixture
def rene(db):
    return make_staff("rene", "supervisor")


@pytest.fixture
def shared_packet(worker, supervisor, draft_packet):
    services.do_share_packet(draft_packet, acting_user=worker, supervisor=supervisor)
    return draft_packet


def _frozen(packet):
    packet.refresh_from_db()
    sections = [
        (s.kind, s.redacted_text, s.redacted_spans, s.draft_text) for s in packet.sections.all()
    ]
    return packet.status, packet.shared_at, sections


def _offered(page: str, field: str) -> set[str]:
    select = re.search(rf'<select name="{field}".*?</select>', page, re.DOTALL)
    assert select, field
    return set(re.findall(r'<option value="([^"]+)"', select.group(0)))


def test_the_author_shares_with_another_supervisor_who_can_then_open_it(
    worker, rene, shared_packet
):
    frozen = _frozen(shared_packet)
    dana = sign_in(worker)
    page = dana.get(f"/consultations/{shared_packet.pk}/").content.decode()
    assert "Share with more people" in page
    assert f'action="/consultations/{shared_packet.pk}/share/"' in page

    response = dana.post(
        f"/consultations/{shared_packet.pk}/share/", {"supervisor": str(rene.pk)}, follow=True
    )
    assert response.redirect_chain == [(f"/consultations/{shared_packet.pk}/", 302)]
    assert "Shared with them too. The packet is unchanged." in response.content.decode()
    assert _frozen(shared_packet) == frozen
    assert shared_packet.shares.filter(supervisor=rene, shared_by=worker).exists()

    shares = AuditEvent.objects.filter(action="packet.shared").order_by("seq")
    assert [json.loads(e.details)["frozen"] for e in shares] == [True, False]
    assert json.loads(shares.last().details)["recipient"] == str(rene.pk)

    rene_client = sign_in(rene)
    assert shared_packet.pseudonym in rene_client.get("/consultations/").content.decode()
    page = rene_client.get(f"/consultations/{shared_packet.pk}/").content.decode()
    assert "wants to give me concert tickets" in page
    assert "Share with more people" not in page  # a recipient does not pass it on


def test_a_peer_group_can_be_added_too(worker, colleague, privacy_officer, shared_packet):
    group = services.do_save_peer_group(
        acting_user=privacy_officer, name="Tuesday case conference", members=[colleague]
    )
    frozen = _frozen(shared_packet)
    sign_in(worker).post(f"/consultations/{shared_packet.pk}/share/", {"group": str(group.pk)})
    assert _frozen(shared_packet) == frozen
    assert sign_in(colleague).get(f"/consultations/{shared_packet.pk}/").status_code == 200


def test_those_who_have_it_already_are_not_offered(
    worker, supervisor, rene, colleague, privacy_officer, shared_packet
):
    tuesday = services.do_save_peer_group(
        acting_user=privacy_officer, name="Tuesday case conference", members=[colleague]
    )
    thursday = services.do_save_peer_group(
        acting_user=privacy_officer, name="Thursday circle", members=[colleague, rene]
    )
    services.do_share_packet(shared_packet, acting_user=worker, group=tuesday)
    dana = sign_in(worker)
    page = dana.get(f"/consultations/{shared_packet.pk}/").content.decode()
    assert _offered(page, "supervisor") == {str(rene.pk)}
    assert _offered(page, "group") == {str(thursday.pk)}

    services.do_share_packet(shared_packet, acting_user=worker, supervisor=rene)
    services.do_share_packet(shared_packet, acting_user=worker, group=thursday)
    page = dana.get(f"/consultations/{shared_packet.pk}/").content.decode()
    assert "It is already shared with every supervisor and peer group." in page
    assert f'action="/consultations/{shared_packet.pk}/share/"' not in page


def test_sharing_again_with_someone_who_has_it_is_refused(
    worker, supervisor, colleague, privacy_officer, shared_packet
):
    response = sign_in(worker).post(
        f"/consultations/{shared_packet.pk}/share/", {"supervisor": str(supervisor.pk)}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The packet is already shared with them." in page
    assert "Consultation: " in page  # the packet's page, with the form and its error
    assert PacketShare.objects.count() == 1
    with pytest.raises(services.PacketError, match="already shared with them"):
        services.do_share_packet(shared_packet, acting_user=worker, supervisor=supervisor)
    group = services.do_save_peer_group(
        acting_user=privacy_officer, name="Tuesday case conference", members=[colleague]
    )
    services.do_share_packet(shared_packet, acting_user=worker, group=group)
    with pytest.raises(services.PacketError, match="already shared with them"):
        services.do_share_packet(shared_packet, acting_user=worker, group=group)
    assert PacketShare.objects.count() == 2


def test_sharing_with_someone_who_is_not_a_supervisor_is_refused_on_the_packet_page(
    worker, colleague, shared_packet
):
    frozen = _frozen(shared_packet)
    response = sign_in(worker).post(
        f"/consultations/{shared_packet.pk}/share/", {"supervisor": str(colleague.pk)}
    )
    assert response.status_code == 400
    assert "Packets can be shared only with a supervisor." in response.content.decode()
    assert PacketShare.objects.count() == 1 and _frozen(shared_packet) == frozen


def test_only_the_author_may_share_with_more_people(
    worker, supervisor, rene, colleague, privacy_officer, auditor, shared_packet
):
    group = services.do_save_peer_group(
        acting_user=privacy_officer, name="Tuesday case conference", members=[colleague]
    )
    services.do_share_packet(shared_packet, acting_user=worker, group=group)
    # The supervisor and the group member are recipients; the auditor is no one here.
    for user in (supervisor, colleague, auditor):
        client = sign_in(user)
        if user is not auditor:
            page = client.get(f"/consultations/{shared_packet.pk}/").content.decode()
            assert "Share with more people" not in page
        response = client.post(
            f"/consultations/{shared_packet.pk}/share/", {"supervisor": str(rene.pk)}
        )
        assert response.status_code == 404
        assert shared_packet.pseudonym.encode() not in response.content
        denied = AuditEvent.objects.filter(
            action="packet.access", outcome="denied", actor_id=str(user.pk)
        )
        assert json.loads(denied.get().details)["action"] == "share"
    assert not shared_packet.shares.filter(supervisor=rene).exists()
    assert sign_in(rene).get(f"/consultations/{shared_packet.pk}/").status_code == 404
