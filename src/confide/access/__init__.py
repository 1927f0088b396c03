"""The one access decision point: who may do what, and on whose data.

Staff-level permissions are named values granted per role (anything not granted is
denied). Decisions about a client's data (care team, consent, sensitivity,
break-glass) build on these.
"""
