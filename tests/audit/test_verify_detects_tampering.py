"""`confide audit verify` exits 1 and names the first bad event for every kind of tampering.

Each test tampers with the table the way an attacker with database access would (raw SQL,
no ORM), so it fails if the protection it is about is removed.
"""

from confide.audit.chain import HASHED_COLUMNS
from confide.audit.checkpoints import public_key_b64
from confide.audit.models import AuditEvent
from confide.audit.verify import verify_log
from tests.audit.helpers import (
    TEST_ACTOR,
    execute,
    insert_row,
    record,
    rehash_everything,
    shift_up_from,
    stored_row,
    well_formed,
)


def test_an_untouched_chain_verifies(signed_chain, audit_verify):
    verdict = audit_verify()
    assert verdict.code == 0, verdict.err
    assert f"OK: {signed_chain} events verified, 4 signed checkpoints match" in verdict.out


def test_an_empty_log_verifies(db, audit_verify):
    verdict = audit_verify()
    assert verdict.code == 0, verdict.err
    assert "OK: 0 events verified" in verdict.out


def test_a_modified_column_names_that_event(signed_chain, audit_verify):
    execute("UPDATE audit_auditevent SET purpose = %s WHERE seq = 7", ["billing"])
    assert audit_verify().names_first_bad_event(7)


def test_a_modified_time_names_that_event(signed_chain, audit_verify):
    execute("UPDATE audit_auditevent SET at_us = at_us - 3600000000 WHERE seq = 12")
    assert audit_verify().names_first_bad_event(12)


def test_a_denial_rewritten_as_allowed_names_that_event(db, audit_verify):
    record(3)
    execute("UPDATE audit_auditevent SET outcome = %s WHERE seq = 2", ["denied"])
    assert audit_verify().names_first_bad_event(2)


def test_a_modified_stored_hash_names_that_event(signed_chain, audit_verify):
    execute("UPDATE audit_auditevent SET hash = %s WHERE seq = 3", ["f" * 64])
    assert audit_verify().names_first_bad_event(3)


def test_an_event_rehashed_after_editing_breaks_the_next_link(signed_chain, audit_verify):
    # The forger fixes the edited event's own hash; the next event still points at the old one.
    forged = well_formed({**stored_row(7), "purpose": "billing"})
    execute(
        "UPDATE audit_auditevent SET purpose = %s, hash = %s WHERE seq = 7",
        [forged["purpose"], forged["hash"]],
    )
    assert audit_verify().names_first_bad_event(8)


def test_text_moved_across_a_column_boundary_names_that_event(signed_chain, audit_verify):
    # resource_type "client" and resource_id "c4" become "client<US>c4" and "": the old hash
    # would need the separator to be part of a column, which the encoding refuses.
    row = stored_row(5)
    moved = f"{row['resource_type']}\x1f{row['resource_id']}"
    execute(
        "UPDATE audit_auditevent SET resource_type = %s, resource_id = %s WHERE seq = 5",
        [moved, ""],
    )
    assert audit_verify().names_first_bad_event(5)


def test_a_deleted_event_is_named_as_missing(signed_chain, audit_verify):
    execute("DELETE FROM audit_auditevent WHERE seq = 9")
    verdict = audit_verify()
    assert verdict.names_first_bad_event(9)
    assert "missing" in verdict.err


def test_a_deleted_first_event_is_named_as_missing(signed_chain, audit_verify):
    execute("DELETE FROM audit_auditevent WHERE seq = 1")
    assert audit_verify().names_first_bad_event(1)


def test_a_crudely_inserted_event_is_named(signed_chain, audit_verify):
    shift_up_from(8)
    insert_row({**stored_row(7), "seq": 8, "actor_id": "99"})  # keeps event 7's hash: wrong
    assert audit_verify().names_first_bad_event(8)


def test_a_carefully_forged_inserted_event_breaks_the_link_after_it(signed_chain, audit_verify):
    # The forged event is internally perfect (right number, link and hash), so the first
    # event that can be shown bad is the real one after it: its number moved and its link
    # points past the forgery.
    shift_up_from(8)
    event_7 = stored_row(7)
    forged = well_formed({**event_7, "seq": 8, "actor_id": "99", "prev_hash": event_7["hash"]})
    insert_row(forged)
    assert audit_verify().names_first_bad_event(9)


def test_an_event_inserted_with_the_right_link_but_a_skipped_number_is_named(
    signed_chain, audit_verify
):
    last = stored_row(signed_chain)
    forged = well_formed({**last, "seq": signed_chain + 2, "prev_hash": last["hash"]})
    insert_row(forged)
    verdict = audit_verify()
    assert verdict.names_first_bad_event(signed_chain + 1)
    assert "missing" in verdict.err


def test_events_renumbered_to_close_a_gap_are_named(signed_chain, audit_verify):
    execute("DELETE FROM audit_auditevent WHERE seq = 9")
    execute("UPDATE audit_auditevent SET seq = seq - 1 WHERE seq > 9")
    # Event 10 now sits at 9: its stored number no longer matches its hash.
    assert audit_verify().names_first_bad_event(9)


def test_a_truncated_tail_is_named_from_the_first_missing_event(signed_chain, audit_verify):
    execute("DELETE FROM audit_auditevent WHERE seq >= 18")
    verdict = audit_verify()
    assert verdict.names_first_bad_event(18)
    assert f"signed up to {signed_chain}" in verdict.err


def test_a_fully_deleted_log_is_named_from_event_one(signed_chain, audit_verify):
    execute("DELETE FROM audit_auditevent")
    assert audit_verify().names_first_bad_event(1)


def test_a_consistently_rewritten_table_is_caught_by_the_signed_checkpoints(
    signed_chain, audit_verify, tmp_path
):
    execute("UPDATE audit_auditevent SET outcome = %s WHERE seq = 7", ["denied"])
    rehash_everything()
    # The rewritten chain is internally sound: without the checkpoints it would pass ...
    unsigned = verify_log(checkpoint_file=tmp_path / "none.jsonl", public_key=public_key_b64())
    assert unsigned.events == signed_chain
    # ... but the first checkpoint after the edit (at 10) signed a different head.
    verdict = audit_verify()
    assert verdict.names_first_bad_event(10)
    assert "signed checkpoint" in verdict.err


def test_a_rewritten_table_is_caught_at_the_first_checkpoint_after_the_edit(
    signed_chain, audit_verify
):
    execute("UPDATE audit_auditevent SET actor_id = %s WHERE seq = 16", ["42"])
    rehash_everything()
    assert audit_verify().names_first_bad_event(20)


def test_a_rewritten_chain_with_events_appended_beyond_it_still_fails(signed_chain, audit_verify):
    execute("UPDATE audit_auditevent SET actor_id = %s WHERE seq = 2", [TEST_ACTOR + "x"])
    rehash_everything()
    record(3)  # new, honest events on top of the forged chain
    assert audit_verify().names_first_bad_event(5)


def test_the_hashed_columns_are_every_column_but_the_hash():
    # A column left out of the hash could be edited without trace.
    stored = {field.column for field in AuditEvent._meta.concrete_fields}
    assert set(HASHED_COLUMNS) == stored - {"hash"}
