from confide.accounts.devices import AuthenticatorDevice
from tests.helpers import PASSWORD, code_for


def sign_in_through_the_browser(page, user) -> None:
    page.goto("/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Code from your authenticator app").fill(
        code_for(AuthenticatorDevice.objects.get(user=user, confirmed=True))
    )
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
