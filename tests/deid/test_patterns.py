"""Pattern recognisers, with check digits valid and invalid."""

from confide.deid import find_identifiers
from confide.deid.patterns import luhn_ok, npi_ok, ssn_ok


def found(text: str) -> dict[str, tuple[str, str]]:
    """Surface text -> (label, detail) of each span."""
    return {text[s.start : s.end]: (s.label, s.detail) for s in find_identifiers(text)}


def test_luhn_accepts_a_valid_card_number_and_rejects_a_changed_digit():
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")


def test_npi_check_uses_the_80840_prefix():
    assert npi_ok("1245319599")
    assert not npi_ok("1245319598")
    assert not npi_ok("3245319599")


def test_ssn_rules_reject_area_000_666_and_900s_and_zero_groups():
    assert ssn_ok("219", "09", "9998")
    for area, group, serial in [
        ("000", "12", "3456"),
        ("666", "12", "3456"),
        ("912", "12", "3456"),
    ]:
        assert not ssn_ok(area, group, serial)
    assert not ssn_ok("219", "00", "3456")
    assert not ssn_ok("219", "09", "0000")


def test_it_labels_a_valid_npi_as_an_id_and_a_failing_one_as_a_phone():
    assert found("NPI 1245319599 on form")["1245319599"] == ("ID", "npi")
    assert found("call 2245319598 now")["2245319598"][0] == "PHONE"


def test_it_still_redacts_an_ssn_that_breaks_the_rules():
    assert found("SSN 123-45-6789.")["123-45-6789"] == ("ID", "ssn")
    assert found("SSN 900-45-6789.")["900-45-6789"] == ("ID", "ssn-shaped")


def test_it_tells_card_numbers_by_luhn_but_redacts_both():
    assert found("card 4111 1111 1111 1111 ok")["4111 1111 1111 1111"] == ("ID", "card")
    label, detail = found("card 4111 1111 1111 1112 ok")["4111 1111 1111 1112"]
    assert label == "ID"
    assert detail != "card"


def test_it_finds_phone_numbers_in_many_formats():
    for phone in [
        "(614) 555-0192",
        "614-555-0192",
        "614.555.0192",
        "6145550192",
        "+1 614 555 0192",
        "1-800-555-0147",
        "555-0192",
    ]:
        assert found(f"call {phone} today").get(phone, ("",))[0] == "PHONE", phone


def test_it_finds_emails_urls_handles_and_ip_addresses():
    text = "mail jo.b@x.org, see www.site.org/a and https://a.b/c, IG @lil_mami_pr from 10.0.0.12"
    spans = found(text)
    assert spans["jo.b@x.org"][0] == "EMAIL"
    assert spans["www.site.org/a"][0] == "URL"
    assert spans["https://a.b/c"][0] == "URL"
    assert spans["@lil_mami_pr"][0] == "URL"
    assert spans["10.0.0.12"][0] == "IP"


def test_it_finds_dates_in_many_formats():
    for date in [
        "3/14/2024",
        "03-14-24",
        "2024-03-14",
        "March 14th, 2024",
        "14 March 2024",
        "Mar. 14",
        "8.14.23",
        "Oct 2025",
        "10/2",
    ]:
        assert found(f"seen {date} here").get(date, ("",))[0] == "DATE", date


def test_it_does_not_take_a_half_tablet_for_a_date():
    assert "1/2" not in found("take 1/2 tab at night")


def test_it_finds_ages_in_several_phrasings():
    assert found("a 93 y/o widow")["93"][0] == "AGE"
    assert found("Age: 45, male")["45"][0] == "AGE"
    assert found("she turned 90 last week")["90"][0] == "AGE"
    assert found("He is a 52 year old man")["52"][0] == "AGE"


def test_it_finds_street_addresses_po_boxes_and_zip_codes():
    spans = found("Lives at 1187 Old Mill Rd, Apt 2C, Lancaster, PA 17601. Mail to PO Box 1142.")
    assert spans["1187 Old Mill Rd, Apt 2C"][0] == "ADDRESS"
    assert spans["17601"][0] == "ZIP"
    assert spans["PO Box 1142"][0] == "ADDRESS"


def test_it_finds_cued_ids_and_mixed_letter_digit_codes():
    spans = found("Medicaid # OH4471920, MRN: A0029381, bed B-214, last 4 of SSN 4417.")
    for ident in ["OH4471920", "A0029381", "B-214", "4417"]:
        assert spans[ident][0] == "ID", ident


def test_it_leaves_doses_and_times_alone():
    assert found("Suboxone 8mg twice a day at 9am for 2 weeks") == {}
