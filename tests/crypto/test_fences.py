"""Mechanical fences: crypto stays pure, and only crypto touches cryptography.hazmat."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import confide.crypto

pytestmark = pytest.mark.pure

CRYPTO_DIR = Path(confide.crypto.__file__).resolve().parent
SOURCE_ROOT = CRYPTO_DIR.parent


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_crypto_package_imports_nothing_from_django():
    offenders = [
        f"{path.name}: {name}"
        for path in sorted(CRYPTO_DIR.rglob("*.py"))
        for name in imported_modules(path)
        if name == "django" or name.startswith("django.")
    ]
    assert offenders == []


def test_importing_the_crypto_package_does_not_load_django():
    code = "import sys, confide.crypto; print('django' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(SOURCE_ROOT.parent)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "False"


def test_only_the_crypto_package_imports_cryptography_hazmat():
    offenders = [
        f"{path.relative_to(SOURCE_ROOT)}: {name}"
        for path in sorted(SOURCE_ROOT.rglob("*.py"))
        if CRYPTO_DIR not in path.resolve().parents
        for name in imported_modules(path)
        if name.startswith("cryptography.hazmat")
    ]
    assert offenders == []
