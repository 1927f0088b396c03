"""Throughput of confide.crypto against the raw primitive.

Run: ``.venv/bin/python bench/crypto_bench.py [iterations]``. The main bench
runner imports :func:`measure`. Each figure is operations per second over a
fixed number of iterations, timed with ``time.perf_counter``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from confide.crypto import BlindIndexer, DataKey, MasterKeys, associated_data

DEFAULT_ITERATIONS = 50_000
PLAINTEXT = bytes(range(200))  # a typical short note field
PLACE = associated_data(
    model="notes.Note",
    field="body",
    row_id="0b9e6f2a-4c1d-4e8b-9a51-3f1c2d7e8a90",
    client_id="7c2f9d14-5b3e-4a6c-8d21-9e0f1a2b3c4d",
)


def _rate(operation: Callable[[], object], iterations: int) -> float:
    for _ in range(min(1_000, iterations)):  # warm caches and allocators
        operation()
    start = time.perf_counter()
    for _ in range(iterations):
        operation()
    return iterations / (time.perf_counter() - start)


def measure(iterations: int = DEFAULT_ITERATIONS) -> dict[str, float]:
    """Operations per second for each path, plus the wrapper's share of raw speed.

    Keys: ``raw_aesgcm_seal_open_per_s`` (AESGCM directly, random nonce, same
    plaintext and associated data), ``datakey_seal_open_per_s``,
    ``datakey_to_raw_ratio`` (1.0 means no overhead), ``masterkeys_unwrap_per_s``
    and ``blind_index_compute_per_s`` (a name field, normalisation included).
    """
    raw_key = os.urandom(32)
    raw = AESGCM(raw_key)

    def raw_round_trip() -> bytes:
        nonce = os.urandom(12)
        return raw.decrypt(nonce, raw.encrypt(nonce, PLAINTEXT, PLACE), PLACE)

    dek = DataKey.generate()

    def wrapped_round_trip() -> bytes:
        return dek.open(dek.seal(PLAINTEXT, associated_data=PLACE), associated_data=PLACE)

    ring = MasterKeys.generate()
    wrapped = ring.wrap(dek, associated_data=PLACE)

    def unwrap() -> DataKey:
        return ring.unwrap(wrapped, associated_data=PLACE)

    indexer = BlindIndexer(DataKey.generate())

    def blind_index() -> bytes:
        return indexer.compute("clients.Client.name", "José  García-López", kind="name")

    raw_rate = _rate(raw_round_trip, iterations)
    datakey_rate = _rate(wrapped_round_trip, iterations)
    return {
        "raw_aesgcm_seal_open_per_s": raw_rate,
        "datakey_seal_open_per_s": datakey_rate,
        "datakey_to_raw_ratio": datakey_rate / raw_rate,
        "masterkeys_unwrap_per_s": _rate(unwrap, iterations),
        "blind_index_compute_per_s": _rate(blind_index, iterations),
    }


def main() -> None:
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    print(f"confide.crypto benchmark, {iterations} iterations, 200-byte plaintext")
    for name, value in measure(iterations).items():
        print(f"{name:32} {value:12,.2f}" if "ratio" in name else f"{name:32} {value:12,.0f}")


if __name__ == "__main__":
    main()
