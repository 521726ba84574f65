"""Class "same concept in another grammatical form" (issue 11): an activity name is stated by its verb and object
("planned delivery routes" states Route Planning). Examples here are in no corpus and no dev-set sentence."""

import pytest

from skills_catalog.forms import inflections, singular
from skills_catalog.matcher import matcher_from_rows

ROWS = [
    {"name": "Route Planning", "kind": "technical"},
    {"name": "Shift Scheduling", "kind": "technical"},
    {"name": "Soil Monitoring", "kind": "technical"},
    {"name": "Claim Processing", "kind": "technical", "ambiguous": True},
]


@pytest.fixture(scope="module")
def matcher():
    return matcher_from_rows(ROWS)


@pytest.mark.parametrize(
    "line, name",
    [
        ("Planned delivery routes across four counties", "Route Planning"),
        ("Scheduled nurse shifts for two wards", "Shift Scheduling"),
        ("Took calls and scheduled weekend shifts", "Shift Scheduling"),
        ("• Plans routes for 30 drivers", "Route Planning"),
    ],
)
def test_a_verb_and_its_object_state_the_activity(matcher, line, name):
    assert matcher.match_text(line) == [name]


@pytest.mark.parametrize(
    "line",
    [
        "Monitored soil moisture probes in the orchard",  # the object is "probes": soil does not end the phrase
        "The route plan was reviewed weekly",  # "plan" is a noun here: it does not open the clause
        "Planned the budget; routes stayed with the regional team",  # the object is past a clause break
        "Processed claims for a regional insurer",  # a flagged (ambiguous) name never takes part
        "Planned a long weekend of hiking, then routes",  # the object is in another clause
    ],
)
def test_other_grammar_states_nothing(matcher, line):
    assert matcher.match_text(line) == []


def test_inflections_and_singulars():
    assert {"plans", "planned", "planning"} <= inflections("plan")
    assert {"reconciled", "reconciling", "reconciles"} <= inflections("reconcile")
    assert singular("deliveries") == "delivery" and singular("batches") == "batch" and singular("glass") == "glass"


def test_a_product_name_as_object_is_not_made_plural():
    matcher = matcher_from_rows([{"name": "GraphQL Testing", "kind": "technical"}])
    assert matcher.match_text("Tested GraphQL for the mobile team") == ["GraphQL Testing"]
    assert matcher.match_text("Tested graphqls for the mobile team") == []
