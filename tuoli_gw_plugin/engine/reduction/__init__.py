"""The reduction plan: how each over-extracted township reaches balance, year by year."""
