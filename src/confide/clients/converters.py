from confide.clients.models import CODE_PATTERN


class ClientCodeConverter:
    """``<code:code>`` in URL patterns: only well-formed client codes reach a view."""

    regex = CODE_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
