"""Class "same concept in another grammatical form" (issue 11): an activity name is stated by its verb and object
("planned delivery routes" states Route Planning). Examples here are in no corpus and no dev-set sentence."""

import pytest

from skills_catalog.forms import inflections, singular, verb_bases
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


# The derivation is general: any catalog name whose head is a nominalisation takes part, with no list of heads.
def test_verb_bases_undo_the_nominalising_ending():
    assert "sterilize" in verb_bases("sterilization")
    assert "reconcile" in verb_bases("reconciliation")
    assert "qualify" in verb_bases("qualification")
    assert "rotate" in verb_bases("rotation")
    assert "develop" in verb_bases("development")
    assert {"shuck", "plan"} <= verb_bases("shucking") | verb_bases("planning")
    assert "inspect" in verb_bases("inspections")
    assert verb_bases("kitchen") == set() and verb_bases("python") == set()


DERIVED_ROWS = [
    {"name": "Stock Rotation", "category": "Supply Chain & Logistics"},
    {"name": "Lead Qualification", "category": "Sales & CRM"},
    {"name": "Invoice Processing", "category": "Accounting"},
    {"name": "Oyster Shucking", "category": "Hospitality & Food Service"},
    {"name": "Batch Cooking", "category": "Hospitality & Food Service"},
    {"name": "Parent Communication", "category": "Education"},
    {"name": "Sterilization", "category": "Clinical Care"},
    {"name": "Wound Care", "category": "Clinical Care"},
    {"name": "Interpreting", "category": "Languages"},
    {"name": "Scaffolding", "category": "Construction & Trades"},
    {"name": "Lesson Planning", "category": "Education"},
    {"name": "Classroom Management", "category": "Education"},
    {"name": "Depositions", "category": "Legal"},
]


@pytest.fixture(scope="module")
def derived():
    return matcher_from_rows(DERIVED_ROWS)


@pytest.mark.parametrize(
    "line, name",
    [
        ("Rotated dairy stock in the walk-in before service", "Stock Rotation"),  # -ation → -ate, a word between
        ("Qualified 40 inbound leads for two account executives", "Lead Qualification"),  # -ification → -ify
        ("Processed 2,300 invoices in two currencies", "Invoice Processing"),  # a figure's comma is no break
        ("Shucked oysters to order at the raw bar", "Oyster Shucking"),  # -ing → the bare verb
        ("Batch-cooked stocks and sauces for three outlets", "Batch Cooking"),  # the object glued to its verb
    ],
)
def test_a_derived_verb_and_its_object_state_the_activity(derived, line, name):
    assert derived.match_text(line, "experience") == [name]


def test_a_preposition_ends_the_verbs_reach():
    assert derived_names(["Communicated weekly with parents about reading goals"]) == []
    assert derived_names(["Communicated reading goals to parents each week"]) == []


def test_a_one_word_activity_is_stated_by_the_verb_opening_a_bullet_in_the_resumes_field(derived):
    nurse = ["Skills: Wound Care", "• Sterilized surgical trays between cases"]
    assert derived_names(nurse) == ["Wound Care", "Sterilization"]
    # Not in the middle of a clause, nor the verb's everyday sense in another field.
    assert derived_names(["Skills: Wound Care", "• Counted and sterilized trays"]) == ["Wound Care"]
    teacher = ["Skills: Lesson Planning, Classroom Management", "• Scaffolded reading lessons for grade 3"]
    assert derived_names(teacher) == ["Lesson Planning", "Classroom Management"]
    # A general category (a language skill) is no field of its own: a verb alone never states it.
    assert derived_names(["Skills: Wound Care", "• Interpreted cardiac strips on night shifts"]) == ["Wound Care"]
    # A plural one-word name names what was made, not an activity.
    assert derived_names(["• Deposited checks at the bank daily"]) == []


def derived_names(lines):
    return matcher_from_rows(DERIVED_ROWS).match_text("\n".join(lines), "experience")
