"""Hostile tests of ``confide.crypto`` (pure: no Django, no database).

If ``confide`` is not installed in the venv, fall back to the ``src`` folder.
This lives here rather than in a conftest so that it also works under
``--noconftest`` and ``-p no:django``.
"""

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("confide") is None:  # pragma: no cover - depends on the venv
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
