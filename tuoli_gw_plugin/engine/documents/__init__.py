"""The documents the engine writes: the supervision report and its reduction annex, the permit
decision document, the batch screening report."""
