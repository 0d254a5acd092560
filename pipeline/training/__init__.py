"""Training: loaded lazily by ``lingflow train``, never by the runtime (tests/test_layout.py checks)."""
