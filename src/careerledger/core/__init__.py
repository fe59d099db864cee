"""Core: the data every stage shares: entries, the schema, dates, options and
the catalogues of problems. It imports nothing from the other stages."""
