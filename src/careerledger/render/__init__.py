"""Render: problems (problems.py), reports (report.py) and evaluations
(evaluation.py) as text for people and as data for programs.

The names of the formats live here, apart from the renderers, so that the
CLI can offer them as choices without importing any renderer at start-up.
Each renderer module checks that its registry matches.
"""

PROBLEM_FORMATS = ("text", "json", "github")
REPORT_FORMATS = ("text", "json", "csv", "markdown")
EVALUATION_FORMATS = ("text", "json")
JSON_VERSION = 1  # of every JSON output (docs/json.md)
