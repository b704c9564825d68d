"""Permit decisions: the facts of one decision per application and Theis interference."""
