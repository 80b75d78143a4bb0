"""Shared language tools: sentences, lexicons, numbers, units, hedges, negation, evidence."""
