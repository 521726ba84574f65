"""Bullets that open with what the person did, across professions, in the past tense and in the base form
(imperative bullets), against openers that state a duty, a qualification or a noun."""

import pytest

from analyses.pipeline.wording import starts_with_action_verb

from .test_checks import GOOD_RESUME, codes, padded, parsed_from

ACTION_OPENERS = [
    # base form (imperative or present-tense bullets)
    "Run weekly safety audits across 3 sites",  # construction
    "Enforce food-safety rules on a 12-cook line",  # culinary
    "Develop lesson plans for 28 pupils",  # teaching
    "Manage a ledger of 400 vendor accounts",  # accounting
    "Triage 30 patients a shift in the ED",  # nursing
    "Dispatch 40 trucks a day from two depots",  # logistics
    "Prospect and close mid-market accounts",  # sales
    "Onboard 15 new hires a quarter",  # HR
    "Organise the quarterly stock count",  # British spelling of a listed verb
    # past tense: any regular verb by its shape, irregular ones from the closed class
    "Enforced lockout-tagout on 6 production lines",
    "Ran the pass on Friday service",
    "Welded 2 km of carbon-steel pipe",
    "Plated 200 covers a night",
    "Charted vitals for 6 post-op patients",
    "Oversaw 3 site crews",
    "Taught algebra to 120 students",
    "Reconciled 12 bank accounts each month",
    # gerunds of listed verbs, doubled consonant included
    "Running the weekend brunch service",
]
NOT_ACTION_OPENERS = [
    "Responsible for the payroll of 200 staff",
    "Helped the head chef with ordering",
    "Worked on 3 renovation projects",
    "Certified in Basic Life Support",
    "Trained in CPR and first aid",
    "Experienced charge nurse on a surgical ward",
    "Skilled in Excel and SAP",
    "Team of 5 nurses on nights",
    "Experience in commercial kitchens",
    "Customer service for 300 accounts",
    "Member of the safety committee",
    "Point of contact for 12 suppliers",
    "Red Cross volunteer since 2015",
]


@pytest.mark.parametrize("text", ACTION_OPENERS)
def test_action_openers_are_recognised(text):
    assert starts_with_action_verb(text)


@pytest.mark.parametrize("text", NOT_ACTION_OPENERS)
def test_duties_qualifications_and_nouns_are_not_action_openers(text):
    assert not starts_with_action_verb(text)


def test_imperative_bullets_of_several_professions_raise_no_weak_openings_finding():
    lines = padded([*GOOD_RESUME[:6], *(f"- {text}" for text in ACTION_OPENERS[:8]), *GOOD_RESUME[11:]])
    assert "weak_bullet_openings" not in codes(parsed_from(lines))
