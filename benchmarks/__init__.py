"""Performance benchmark of draftlint (issue 7): `python benchmarks/run.py [--quick]`."""
