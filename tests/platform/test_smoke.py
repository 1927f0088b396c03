from tests.helpers import https_client, sign_in


def test_a_signed_in_worker_sees_the_dashboard(worker):
    client = sign_in(worker)
    response = client.get("/")
    assert response.status_code == 200
    assert b"Dashboard" in response.content


def test_an_anonymous_visitor_is_sent_to_sign_in(db):
    response = https_client().get("/")
    assert response.status_code == 302
    assert response.url.startswith("/login/")
