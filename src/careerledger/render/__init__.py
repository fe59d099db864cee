"""Render: problems (problems.py), reports (report.py) and evaluations
(evaluation.py) as text for people and as data for programs.

The names of the formats live here, apart from the renderers, so that the
CLI can offer them as choices without importing any renderer at start-up.
Each renderer module checks that its registry matches.
"""

PROBLEM_FORMATS = ("text", "concise", "json", "github")
REPORT_FORMATS = ("text", "json", "csv", "markdown", "html")
# what `--format` also takes, and what `-o FILE`'s extension picks when --format is not given
FORMAT_ALIASES = {"txt": "text", "md": "markdown"}
FORMAT_EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".json": "json", ".csv": "csv",
                     ".html": "html", ".htm": "html"}
EVALUATION_FORMATS = ("text", "json")
JSON_VERSION = 2  # of every JSON output (docs/json.md): its history is there, under Versions
