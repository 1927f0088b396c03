from confide.supervision.models import Packet


def test_the_demo_has_one_packet_from_dana_to_lee_about_the_concert_tickets(db):
    from confide.demodata import seed_demo

    seed_demo(client_count=8)
    seed_demo(client_count=8)
    packet = Packet.objects.get()
    assert packet.status == "shared" and packet.author.username == "dana"
    assert packet.shares.get().supervisor.username == "lee"
    text = " ".join(s.redacted_text for s in packet.sections.all())
    assert "tickets" in text and "Ramona" not in text and "Lucía" not in text
    assert packet.messages.count() == 1
