"""Syntax: the text of one file -> entries and directives, with located problems.

lines.py drives the generated LALR parser line by line, entry.py builds one
entry against the schema, values.py turns one token into a value and
tokens.py splits a line.
"""
