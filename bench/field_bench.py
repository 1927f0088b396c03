"""Field encryption through the model layer versus raw AES-GCM on the same data.

Needs Django set up with a migrated database and master keys (bench/run.py does that).
The field path is what a request pays per sensitive field: building the associated data
from the record's place, finding the client's data key in the request's key scope,
sealing with a fresh nonce, then opening it again through the model attribute.
"""

import os
import time

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PLAINTEXT = "Met at the library; talked about the housing waitlist and next steps." * 3


def measure(*, quick: bool = False) -> dict[str, float]:
    iterations = 5_000 if quick else 50_000
    from confide.clients.models import Client
    from confide.clients.services import do_create_client
    from confide.vault import keyring
    from confide.vault.fields import Sealed

    client = do_create_client(legal_name="Bench Client", acting_user="system:bench")
    field = Client._meta.get_field("legal_name")
    text = PLAINTEXT[:200]

    with keyring.key_scope():
        keyring.client_key(client.pk)  # warm the scope, as the first field of a request does
        start = time.perf_counter()
        for _ in range(iterations):
            client.legal_name = text
            sealed = field.pre_save(client, add=False)
            client.legal_name = Sealed(sealed)  # as loaded from the database
            assert client.legal_name == text
        field_seconds = time.perf_counter() - start

    raw = AESGCM(os.urandom(32))
    aad = b"clients.client|legal_name|" + str(client.pk).encode()
    data = text.encode()
    start = time.perf_counter()
    for _ in range(iterations):
        nonce = os.urandom(12)
        ciphertext = raw.encrypt(nonce, data, aad)
        assert raw.decrypt(nonce, ciphertext, aad).decode() == text
    raw_seconds = time.perf_counter() - start

    return {
        "field_roundtrips_per_s": iterations / field_seconds,
        "raw_aesgcm_roundtrips_per_s": iterations / raw_seconds,
        "field_overhead_ratio_vs_raw": field_seconds / raw_seconds,
    }
