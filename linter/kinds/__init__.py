"""Rule kinds, one module each; `registry` holds the table a rule file's `kind:` names.

The package imports none of them itself: a run that reads every result from the cache needs the
kinds' shared records (`base`) but must not pay for compiling their patterns.
"""
