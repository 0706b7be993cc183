"""Delivery of a made brief: mail (`email.py` builds the message, `smtp.py` sends it) and the
daily runs with their archive (`daily.py`, `store.py`, `archive.py`).

Nothing here is imported by `briefing --help`; the CLI imports it inside its commands.
"""
