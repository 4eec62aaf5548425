"""Routing labels: the domains, plus the out-of-scope outcome."""

OUT_OF_SCOPE = "out_of_scope"
"""Not a health question: the pipeline answers with a polite refusal."""
