"""A city's CI, ready to copy: its pipelines run the content gate (`make gerbang`), keep the
caches, publish the audit report, deploy from the default branch and rebuild every day."""

import re
import subprocess

import pytest

from warta import ROOT

PIPELINES = sorted((ROOT / "deploy" / "ci").glob("*.yml"))


def test_there_is_a_pipeline_for_gitlab_and_for_github():
    assert [p.name for p in PIPELINES] == ["github-actions.yml", "gitlab-ci.yml"]


@pytest.mark.parametrize("pipeline", PIPELINES, ids=lambda p: p.name)
def test_pipeline_runs_the_content_gate_not_wartas_own_suite(pipeline):
    text = pipeline.read_text(encoding="utf-8")
    steps = (re.sub(r"^(-\s*)?(run:\s*)?", "", line.strip()) for line in text.splitlines())
    commands = [step for step in steps if step.startswith("make ")]
    assert "make gerbang" in commands
    assert not any(command.startswith("make test") for command in commands)
    assert any(command.startswith("make rsync_upload") for command in commands)


@pytest.mark.parametrize("pipeline", PIPELINES, ids=lambda p: p.name)
def test_pipeline_keeps_the_caches_and_publishes_the_report(pipeline):
    text = pipeline.read_text(encoding="utf-8")
    assert ".cache/audit" in text and ".cache/pelican" in text
    assert "audit-report/" in text


def test_github_pipeline_rebuilds_daily_and_deploys_only_from_the_default_branch():
    text = (ROOT / "deploy" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
    assert re.search(r"schedule:\n\s+- cron: \"\d+ \d+ \* \* \*\"", text)
    assert "default_branch" in text


def test_gitlab_pipeline_deploys_only_from_the_default_branch():
    text = (ROOT / "deploy" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in text


@pytest.mark.build
def test_the_content_gate_builds_then_audits_every_page():
    run = subprocess.run(["make", "-n", "gerbang"], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    lines = run.stdout.splitlines()
    build = next(i for i, line in enumerate(lines) if "-m warta build" in line)
    audit = next(i for i, line in enumerate(lines) if "-m warta audit" in line)
    assert build < audit
    assert "--pages-only" not in lines[audit]  # the whole gate: variants, browser checks, validity
