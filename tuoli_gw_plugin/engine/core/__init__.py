"""What every domain of the engine stands on: errors, the message catalogue, the rules file and its schema,
the working CRS, reading values from attribute columns, atomic output files, the chunk thread pool."""
