"""Stated versus inferred (issue 11): a phrase that implies a skill without stating it ("card walls" for Kanban) is
reported apart, with its evidence, and never in the skills lists, the summary or the role coverage."""

from analyses.pipeline.analyse import analyse
from skills_catalog.engine import Line
from skills_catalog.matcher import matcher_from_rows
from tests import pdfs

MATCHER = matcher_from_rows(
    [
        {"name": "Kanban", "aliases": ["kanban boards"], "implied_by": ["card walls", "work-in-progress limits"]},
        {"name": "Forklift Operation", "aliases": ["forklift"], "implied_by": ["pallet moves"]},
        {"name": "Python"},
    ]
)


def test_an_implying_phrase_is_inferred_not_stated():
    assert MATCHER.match_text("Kept the card walls tidy for the depot team") == []
    matched = MATCHER.match([_line("Kept the card walls tidy for the depot team")])
    assert list(matched.inferred) == ["Kanban"]
    assert matched.inferred["Kanban"].evidence[0]["text"] == "card walls"


def test_a_skill_stated_anywhere_is_not_also_inferred():
    matched = MATCHER.match([_line("Set work-in-progress limits on the board"), _line("Tools: Kanban, Python")])
    assert matched.names() == ["Kanban", "Python"]
    assert matched.inferred == {}


def test_hyphen_variants_of_an_implying_phrase_are_inferred_too():
    matched = MATCHER.match([_line("Introduced work in progress limits")])
    assert list(matched.inferred) == ["Kanban"]


def test_the_report_keeps_inferred_skills_out_of_the_lists_and_the_summary():
    pdf = pdfs.make_pdf([["Experience", "Logged 300 pallet moves a shift", "Wrote Python scripts for the yard"]])
    report = analyse(pdf, MATCHER)
    assert report.technical_skills == ["Python"]
    assert [item["name"] for item in report.details["inferred_skills"]] == ["Forklift Operation"]
    assert report.details["inferred_skills"][0]["evidence"][0]["text"] == "pallet moves"
    assert "Forklift" not in report.summary_text


def _line(text):
    return Line(page=1, text=text, section="experience")
