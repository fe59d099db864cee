"""The pre-commit integrations, used as a person would: a temporary career
repository, a good and a bad ledger, and real `git commit` / `pre-commit` runs.
All of them are slow (real processes, a pre-commit environment): `-m "not slow"`
skips them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

PROJECT = ROOT
BIN = Path(sys.executable).parent
GOOD = '2024-01-15 note "Started keeping a career ledger"\n'
BAD = '2024-01-15 rol "Senior PM" at "Acme"\n  track: core\n  phase: impact\n'


def run(args, cwd, env=None):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture
def career_repo(tmp_path):
    repo = tmp_path / "career"
    repo.mkdir()
    for args in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "config", "user.email", "jane@example.org"],
        ["git", "config", "user.name", "Jane Doe"],
        ["git", "config", "commit.gpgsign", "false"],
    ):
        assert run(args, repo).returncode == 0
    return repo


def hook_env(tmp_path):
    # The installed careerledger first on PATH; pre-commit's cache inside tmp_path.
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }


def test_plain_git_hook_blocks_a_broken_ledger(career_repo, tmp_path):
    hook = career_repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(PROJECT / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    env = hook_env(tmp_path)

    (career_repo / "career.career").write_text(BAD)
    run(["git", "add", "career.career"], career_repo)
    blocked = run(["git", "commit", "-q", "-m", "bad"], career_repo, env)
    assert blocked.returncode != 0
    assert "career.career:1:12: E104 unknown keyword 'rol'" in blocked.stdout + blocked.stderr

    (career_repo / "career.career").write_text(GOOD)
    run(["git", "add", "career.career"], career_repo)
    passed = run(["git", "commit", "-q", "-m", "good"], career_repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_plain_git_hook_checks_an_included_file_within_its_root(career_repo, tmp_path):
    hook = career_repo / ".git" / "hooks" / "pre-commit"
    shutil.copy(PROJECT / "hooks" / "pre-commit", hook)
    hook.chmod(0o755)
    env = hook_env(tmp_path)
    # Alone, 2024.career's leave has no role to end (E404); within its root it is right.
    (career_repo / "career.career").write_text(
        '2023-01-02 role "PM" at "Acme"\n  track: core\n  phase: learning\ninclude "2024.career"\n'
    )
    (career_repo / "2024.career").write_text('2024-06-01 leave "PM"\n')
    run(["git", "config", "careerledger.root", "career.career"], career_repo)
    run(["git", "add", "."], career_repo)
    result = run(["git", "commit", "-q", "-m", "year"], career_repo, env)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not (BIN / "pre-commit").exists(), reason="pre-commit is installed by the test extra")
def test_pre_commit_framework_try_repo(career_repo, tmp_path):
    env = hook_env(tmp_path)
    pre_commit = str(BIN / "pre-commit")
    (career_repo / "good.career").write_text(GOOD)
    (career_repo / "bad.career").write_text(BAD)
    (career_repo / "notes.txt").write_text("not a ledger\n")
    run(["git", "add", "."], career_repo)

    good = run([pre_commit, "try-repo", str(PROJECT), "careerledger-check", "--files", "good.career"],
               career_repo, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "careerledger check" in good.stdout
    assert "Passed" in good.stdout

    bad = run([pre_commit, "try-repo", str(PROJECT), "careerledger-check", "--files", "bad.career"],
              career_repo, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "bad.career:1:12: E104 unknown keyword 'rol'" in bad.stdout

    # The hook's `files: \.career$` leaves other files alone.
    other = run([pre_commit, "try-repo", str(PROJECT), "careerledger-check", "--files", "notes.txt"],
                career_repo, env)
    assert other.returncode == 0
    assert "no files to check" in other.stdout.lower()


@pytest.mark.skipif(not (BIN / "pre-commit").exists(), reason="pre-commit is installed by the test extra")
def test_pre_commit_framework_blocks_a_commit_as_a_user_would_see_it(career_repo, tmp_path):
    # The user's .pre-commit-config.yaml names this repository at its current
    # commit, `pre-commit install` sets up the git hook, and `git commit` runs it.
    rev = run(["git", "rev-parse", "HEAD"], PROJECT).stdout.strip()
    if not rev:
        pytest.skip("the project is not a git checkout with a commit")
    env = hook_env(tmp_path)
    pre_commit = str(BIN / "pre-commit")
    (career_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {PROJECT}\n    rev: {rev}\n    hooks:\n      - id: careerledger-check\n"
    )
    assert run([pre_commit, "install"], career_repo, env).returncode == 0

    (career_repo / "career.career").write_text(BAD)
    run(["git", "add", "."], career_repo)
    blocked = run(["git", "commit", "-q", "-m", "broken"], career_repo, env)
    assert blocked.returncode != 0
    assert "career.career:1:12: E104 unknown keyword 'rol'" in blocked.stdout + blocked.stderr
    assert run(["git", "rev-parse", "--verify", "-q", "HEAD"], career_repo).returncode != 0  # nothing committed

    (career_repo / "career.career").write_text(GOOD)
    run(["git", "add", "."], career_repo)
    passed = run(["git", "commit", "-q", "-m", "good"], career_repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert run(["git", "log", "--oneline"], career_repo).stdout.count("\n") == 1


@pytest.mark.skipif(not (BIN / "pre-commit").exists(), reason="pre-commit is installed by the test extra")
def test_the_readme_s_pre_commit_snippet_works_and_shows_the_warnings(career_repo, tmp_path):
    # The snippet exactly as the README shows it, with only the repository's address
    # replaced by a local clone of this project at the tag the snippet names.
    import re

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"add to `\.pre-commit-config\.yaml`:\n\n```yaml\n(.*?)```", readme, re.S)
    assert snippet, "the README shows a .pre-commit-config.yaml snippet"
    config = snippet[1]
    rev = re.search(r"rev: (v\S+)", config)[1]
    from careerledger import __version__

    assert rev == f"v{__version__}", "the snippet names the release the package is"
    assert f"## [{__version__}]" in (PROJECT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "verbose: true" in config  # else pre-commit hides a passing hook's warnings

    clone = tmp_path / "careerledger"
    assert run(["git", "clone", "-q", str(PROJECT), str(clone)], tmp_path).returncode == 0
    if run(["git", "rev-parse", "-q", "--verify", f"refs/tags/{rev}"], clone).returncode != 0:
        # a checkout without the release tag (a CI clone of a branch): tag its HEAD here
        assert run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "tag", rev], clone).returncode == 0
    url = re.search(r"repo: (\S+)", config)[1]
    (career_repo / ".pre-commit-config.yaml").write_text(config.replace(url, str(clone)))
    # a ledger with no error and one warning: roles but no north star
    (career_repo / "career.career").write_text('2024-01-15 role "PM" at "Acme"\n  track: core\n  phase: learning\n')
    run(["git", "add", "."], career_repo)
    env = hook_env(tmp_path)
    result = run([str(BIN / "pre-commit"), "run", "--all-files"], career_repo, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W210 north-star-missing" in result.stdout
