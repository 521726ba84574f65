"""The catalog audit (issue 11): every alias of the shipped catalog states its skill. Aliases of a risky shape
(an activity phrase, the object of an activity, a common phrase standing for a product) need a person's verdict in
skills_catalog/data/alias_review.json; phrases that only imply a skill live in its `implied_by` list."""

from skills_catalog.audit import alias_risk, reviewed_synonyms, risky_aliases
from skills_catalog.files import read_default_catalog
from skills_catalog.matcher import matcher_from_rows


def test_every_risky_alias_of_the_shipped_catalog_has_a_reviewed_verdict():
    skills, _ = read_default_catalog()
    unreviewed = [item for item in risky_aliases(skills) if item[:2] not in reviewed_synonyms()]
    assert unreviewed == [], "move these to implied_by, or record them in data/alias_review.json after review"


def test_no_phrase_is_both_an_alias_and_an_implying_phrase():
    skills, _ = read_default_catalog()
    aliases = {alias.lower() for row in skills for alias in row.get("aliases") or ()}
    names = {row["name"].lower() for row in skills}
    implied = {phrase.lower() for row in skills for phrase in row.get("implied_by") or ()}
    assert implied & (aliases | names) == set()


def test_the_issue_examples_of_implied_skills_are_implying_phrases_not_aliases():
    skills, _ = read_default_catalog()
    rows = {row["name"]: row for row in skills}
    for name, phrase in [
        ("RFID", "barcode scanning"),
        ("Scrum", "stand-ups"),
        ("Project Risk Management", "risk register"),
        ("Knowledge Base Management", "knowledge base"),
        ("Lead Qualification", "lead scoring"),
        ("Database Migration", "schema migrations"),
    ]:
        assert phrase not in rows[name]["aliases"]
        assert phrase in rows[name]["implied_by"]


# The rule's classes, on examples that are in no catalog file and no corpus.
def test_an_activity_phrase_that_shares_no_word_with_the_name_is_risky():
    assert alias_risk("Fleet Telematics", "truck tracking") == "activity_phrase"
    assert alias_risk("Oenology", "wine tasting") == "activity_phrase"


def test_the_object_of_an_activity_is_risky():
    assert alias_risk("Greenhouse Gas Reporting", "greenhouse gas") == "object_of_activity"
    assert alias_risk("Tenant Screening Management", "tenant screening") == "object_of_activity"


def test_the_calls_drawings_or_reports_a_job_handles_are_risky():
    assert alias_risk("Client Needs Assessment", "intake calls") == "work_item"
    assert alias_risk("Staff Supervision", "direct reports") == "work_item"
    assert alias_risk("Drafting", "shop drawings") == "work_item"
    assert alias_risk("Sales Calls", "outbound sales call") is None  # shares its words with the name: a spelling


def test_a_common_phrase_standing_for_a_product_is_risky():
    assert alias_risk("HoloLens", "mixed reality headsets") == "concept_for_product"


def test_spellings_abbreviations_expansions_and_names_are_not_risky():
    assert alias_risk("Fleet Telematics", "fleet-telematics") is None  # a spelling
    assert alias_risk("BIM", "building information modelling") is None  # the acronym spelled out
    assert alias_risk("Oenology", "Wine Science") is None  # a capitalised alias is a name, judged by people
    assert alias_risk("Greenhouse Gas Reporting", "GHG reporting") is None


# Class "common English word": one-word forms that are everyday words need context or a person's verdict.
def _frequency():
    from wordfreq import zipf_frequency

    return lambda word: zipf_frequency(word, "en")


def test_every_common_english_word_of_the_shipped_catalog_is_flagged_or_reviewed():
    from skills_catalog.audit import common_word_forms, reviewed_common_words

    skills, _ = read_default_catalog()
    unreviewed = [item for item in common_word_forms(skills, _frequency()) if item not in reviewed_common_words()]
    assert unreviewed == [], "flag the skill ambiguous, move the alias to implied_by, or record a reviewed verdict"


def test_every_mixed_case_name_that_is_an_everyday_word_in_lower_case_has_a_case_verdict():
    from skills_catalog.audit import case_verdicts, mixed_case_common_words

    skills, _ = read_default_catalog()
    exact, any_case = case_verdicts()
    assert not exact & any_case
    assert "SAFe" in mixed_case_common_words(skills, _frequency())  # the class exists in the shipped catalog
    missing = [form for form in mixed_case_common_words(skills, _frequency()) if form not in exact | any_case]
    assert missing == [], "record each in alias_review.json: exact_case (another word in lower case) or any_case"


def test_an_exact_case_name_counts_only_as_written():
    matcher = matcher_from_rows([{"name": "SAFe", "aliases": ["Scaled Agile Framework"]}, {"name": "LaTeX"}])
    assert matcher.match_text("Followed safe work practices; latex-free gloves") == []
    assert matcher.match_text("Coached teams on SAFe; papers typeset in LaTeX") == ["SAFe", "LaTeX"]
    assert matcher.match_text("Latex allergy noted. Resume typeset in LATEX") == ["LaTeX"]  # its logo, extracted
    assert matcher.match_text("Adopted the scaled agile framework") == ["SAFe"]  # its other names in any case


def test_the_common_word_rule_on_examples_of_no_catalog():
    from skills_catalog.audit import common_word_risk

    frequency = _frequency()
    assert common_word_risk({"name": "Kiln Control", "aliases": ["Pyrometry"]}, "Pyrometry", frequency) is None  # rare
    assert common_word_risk({"name": "Harbor CI"}, "Harbor", frequency) == "common_word"  # a product, an everyday word
    assert common_word_risk({"name": "Harbor CI", "ambiguous": True}, "Harbor", frequency) is None  # needs context
    assert common_word_risk({"name": "Glazing"}, "Glazing", frequency) is None  # its own name, a field
    assert common_word_risk({"name": "Garden Design"}, "garden", frequency) is None  # lower-case: list items only
    assert common_word_risk({"name": "Sunrise Rostering"}, "Sunrise", frequency) == "common_word"


def test_no_skill_is_the_plural_of_another():
    """Class "plural duplicate": "Motor Controls" beside "Motor Control" split one concept in two (a role asked for
    the one the resume did not state). The matcher reads a multi-word name's plural as the name itself."""
    from skills_catalog.text import plural_of_name

    skills, _ = read_default_catalog()
    names = {row["name"].lower(): row["name"] for row in skills}
    doubles = [(row["name"], names[plural.lower()]) for row in skills if (plural := plural_of_name(row["name"]))
               and plural.lower() in names]  # fmt: skip
    assert doubles == [], "make the plural an alias of the singular, or drop it"
