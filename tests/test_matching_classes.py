"""Issue 11, h17match: matching classes found on the templated set's tune half. Every example is written for this
file (in no corpus, dev-set or templated resume); each test names the class it guards and was seen failing with the
rule taken out."""

from skills_catalog.engine import Line
from skills_catalog.matcher import matcher_from_rows

SOFT_ROWS = [
    {
        "name": "Friendliness",
        "kind": "soft",
        "category": "Communication",
        "aliases": ["friendly", "warm"],
        "ambiguous": True,
    },
    {
        "name": "Attention to Detail",
        "kind": "soft",
        "category": "Personal Effectiveness",
        "aliases": ["thorough"],
        "ambiguous": True,
    },
    {
        "name": "Resilience",
        "kind": "soft",
        "category": "Personal Effectiveness",
        "aliases": ["persistent"],
        "ambiguous": True,
    },
    {"name": "Payroll", "category": "Accounting"},
]


def soft_found(lines):
    """`lines` are (section, text); the names found, in order."""
    matcher = matcher_from_rows(SOFT_ROWS)
    return matcher.match(Line(page=1, text=text, section=section) for section, text in lines).names()


# Class "summary without a heading": the profile paragraph under the name, printed with no heading, is a summary.
def test_a_prose_paragraph_above_the_first_heading_is_a_summary():
    resume = [
        ("", "Dana Whitlock"),
        ("", "Payroll Specialist"),
        ("", "Payroll specialist for a chain of eleven clinics across two states, patient"),
        ("", "and thorough with every run, warm with new hires, and persistent on"),
        ("", "late timesheets."),
        ("", "dana.w@example.org · (555) 010-4477"),
        ("experience", "Experience"),
        ("experience", "Ran weekly payroll for 400 staff"),
    ]
    assert soft_found(resume) == ["Payroll", "Attention to Detail", "Friendliness", "Resilience"]


def test_the_body_of_a_resume_with_no_headings_is_no_summary():
    # With no heading found at all there is no top block to tell apart: narration stays narration.
    resume = [
        ("", "Dana Whitlock"),
        ("", "Payroll specialist for a chain of eleven clinics across two states, patient"),
        ("", "Answered payroll questions, friendly with every clinic manager and thorough each week"),
    ]
    assert "Friendliness" not in soft_found(resume)


QUALITY_ROWS = [
    {"name": "Problem Solving", "kind": "soft", "category": "Thinking"},
    {"name": "Conflict Resolution", "kind": "soft", "category": "Communication"},
    {"name": "Communication", "kind": "soft", "category": "Communication", "ambiguous": True},
    {"name": "Coordination", "kind": "soft", "category": "Personal Effectiveness", "ambiguous": True},
    {"name": "Planning", "kind": "soft", "category": "Personal Effectiveness", "ambiguous": True},
    {"name": "Mentoring", "kind": "soft", "category": "Leadership"},
]


def quality_found(line):
    return matcher_from_rows(QUALITY_ROWS).match_text(line, "experience")


# Class "a stated quality in another grammatical form": a soft skill's verb and object state it in narration too.
def test_a_soft_skill_stated_by_its_verb_counts_in_narration():
    assert quality_found("Took night calls; I solve problems before the morning crew arrives") == ["Problem Solving"]
    assert quality_found("• Resolved conflicts between the two shift leads") == ["Conflict Resolution"]
    assert quality_found("• Mentored four apprentices through their first year") == ["Mentoring"]
    # A generic quality's verb says how the writer works only with a manner adverb.
    assert quality_found("• Communicated clearly with families at discharge") == ["Communication"]


def test_a_generic_qualitys_verb_alone_is_an_activity():
    assert quality_found("• Coordinated tows with the shop and the insurer") == []
    assert quality_found("• Planned weekly menus for the care home") == []
    assert quality_found("• Replaced the communication bus on two trucks") == []


WRAP_ROWS = [
    {"name": "Warehouse Management", "category": "Supply Chain & Logistics"},
    {"name": "Warehouse Management Systems", "category": "Supply Chain & Logistics", "aliases": ["WMS"]},
    {"name": "Forklift Operation", "category": "Supply Chain & Logistics", "aliases": ["forklift"]},
]


def wrapped(*lines):
    matcher = matcher_from_rows(WRAP_ROWS)
    return matcher.match(Line(page=1, text=text, section="skills") for text in lines).names()


# Class "name wrapped across two lines": the longer name the two lines make is stated once, not its first part too.
def test_a_name_wrapped_across_two_lines_counts_once():
    assert wrapped("Forklift, Warehouse management", "systems; pallet jacks") == [
        "Forklift Operation",
        "Warehouse Management Systems",
    ]
    # Stated on its own elsewhere, the shorter name stays.
    assert wrapped("Warehouse management; Forklift, Warehouse management", "systems; pallet jacks") == [
        "Warehouse Management",
        "Forklift Operation",
        "Warehouse Management Systems",
    ]


# Class "credential title": a broad or job-title name before a credential noun is the credential's subject.
def test_a_job_title_named_in_a_credential_is_no_skill():
    matcher = matcher_from_rows(
        [
            {"name": "Paralegal", "category": "Legal", "ambiguous": True},
            {"name": "Legal Research", "category": "Legal"},
            {"name": "Welding", "category": "Construction & Trades"},
        ]
    )
    assert matcher.match_text("Paralegal Certificate, Lakeshore Community College, 2018", "education") == []
    assert matcher.match_text("Paralegal Certificate (ABA-approved): legal research and drafting", "education") == [
        "Legal Research"
    ]
    # A named technique before the credential is still the skill it certifies.
    assert matcher.match_text("Welding Certificate, Lakeshore Technical Institute, 2016", "education") == ["Welding"]
    # In a skills list the flagged name is claimed.
    assert matcher.match_text("Skills: Paralegal, Legal Research", "skills") == ["Paralegal", "Legal Research"]


# Class "product written as a word": a capitalised one-word alias of a skill with another name is a product's name;
# all lower case in prose it is the everyday word.
def test_a_product_alias_in_lower_case_prose_is_the_everyday_word():
    matcher = matcher_from_rows(
        [
            {"name": "Google Cloud Platform", "category": "Cloud Platforms", "aliases": ["Dataflow", "GCP"]},
            {"name": "Node.js", "category": "Web Development", "aliases": ["Node"]},
        ]
    )
    assert matcher.match_text("• Drew the dataflow between billing and the ledger", "experience") == []
    assert matcher.match_text("• Cut memory per node by a third", "experience") == []
    assert matcher.match_text("• Streamed events with Dataflow into the warehouse", "experience") == [
        "Google Cloud Platform"
    ]
    assert matcher.match_text("Cloud: dataflow, pubsub", "skills") == ["Google Cloud Platform"]


# Class "gerund before its object": "Teaching Others", "Sourcing Candidates" are stated by the verb and the object.
def test_a_gerund_name_is_stated_by_its_verb_and_object():
    matcher = matcher_from_rows(
        [
            {"name": "Teaching Others", "kind": "soft", "category": "Thinking"},
            {"name": "Sourcing Candidates", "category": "Human Resources"},
        ]
    )
    assert matcher.match_text("• Wrote the runbooks and teach others to use them", "experience") == ["Teaching Others"]
    assert matcher.match_text("• Sourced candidates for two hospitals", "experience") == ["Sourcing Candidates"]
    assert matcher.match_text("• Sourced parts from candidates we vetted", "experience") == []


# Class "quality of the writer named by an agent noun": in a summary, "a calm writer of …" describes the person.
def test_a_quality_before_an_agent_noun_in_a_summary_describes_the_writer():
    matcher = matcher_from_rows(
        [{"name": "Calm Demeanor", "kind": "soft", "category": "Thinking", "aliases": ["calm"], "ambiguous": True}]
    )
    summary = "Platform engineer for eight years, and a calm writer of incident reviews."
    assert matcher.match_text(summary, "summary") == ["Calm Demeanor"]
    # Elsewhere it is narration about someone or something else.
    assert matcher.match_text("• Hired a calm dispatcher for the night desk", "experience") == []


# Class "British spelling": the catalog's American names in British/Commonwealth spelling, generated at compile time.
def test_a_british_spelling_states_the_american_name():
    matcher = matcher_from_rows(
        [
            {"name": "Behavioral Therapy", "category": "Clinical Care", "aliases": ["cognitive behavioral therapy"]},
            {"name": "Medication Counseling", "category": "Clinical Care"},
            {"name": "Anesthesia", "category": "Clinical Care"},
            {"name": "Organizational Design", "category": "Human Resources"},
            {"name": "Financial Modeling", "category": "Finance"},
            {"name": "Distribution Center Operations", "category": "Logistics"},
            {"name": "Program Evaluation", "category": "Project Management"},
            {"name": "Metadata Cataloging", "category": "Library Science"},
        ]
    )
    found = matcher.match_text(
        "• Ran group cognitive behavioural therapy sessions for teens\n"
        "• Gave medication counselling at the hospital pharmacy\n"
        "• Assisted in anaesthesia for day-case surgery\n"
        "• Led organisational design for the new distribution centre operations team\n"
        "• Built financial modelling templates for programme evaluation and metadata cataloguing",
        "experience",
    )
    assert found == [
        "Behavioral Therapy",
        "Medication Counseling",
        "Anesthesia",
        "Organizational Design",
        "Distribution Center Operations",
        "Financial Modeling",
        "Program Evaluation",
        "Metadata Cataloging",
    ]


def test_a_british_spelling_that_is_another_entry_keeps_its_meaning():
    matcher = matcher_from_rows(
        [
            {"name": "Labor Law", "category": "Legal"},
            {"name": "Labour Party Campaigning", "category": "Politics", "aliases": ["labour law"]},
            {"name": "Laboratory Safety", "category": "Healthcare"},
        ]
    )
    assert matcher.match_text("• Advised unions on labour law", "experience") == ["Labour Party Campaigning"]
    # The patterns touch whole catalog words only: "laboratory" keeps its spelling.
    assert matcher.match_text("• Trained staff in labouratory safety", "experience") == []


# Class "name wrapped across two lines": the evidence quotes the whole phrase, both lines of it.
def test_the_evidence_of_a_wrapped_name_holds_the_whole_phrase():
    matcher = matcher_from_rows(
        [
            {"name": "Inventory Control Systems", "category": "Logistics"},
            {"name": "Deep Learning", "category": "Data Science"},
        ]
    )
    result = matcher.match(
        [
            Line(page=1, text="• Moved two depots onto new inventory control  ", section="experience"),
            Line(page=1, text="   systems within a quarter", section="experience"),
            Line(page=1, text="Languages, Deep", section="skills"),
            Line(page=1, text="Learning, Statistics", section="skills"),
        ]
    )
    evidence = {name: hit.evidence[0] for name, hit in result.hits.items()}
    assert evidence["Inventory Control Systems"]["text"] == "inventory control systems"
    assert evidence["Inventory Control Systems"]["context"] == (
        "• Moved two depots onto new inventory control systems within a quarter"
    )
    assert evidence["Deep Learning"]["context"] == "Languages, Deep Learning, Statistics"


# Class "coordinated modifiers": single modifiers joined by and/or/&/comma/slash share the head after the last one.
def test_coordinated_modifiers_share_their_head():
    matcher = matcher_from_rows(
        [
            {"name": "Oxy-Fuel Cutting", "category": "Construction & Trades", "aliases": ["gas cutting"]},
            {"name": "Plasma Cutting", "category": "Construction & Trades"},
            {"name": "Waterjet Cutting", "category": "Construction & Trades", "aliases": ["water jet cutting"]},
            {"name": "Brand Strategy", "category": "Marketing"},
            {"name": "Pricing Strategy", "category": "Marketing"},
            {"name": "Carpentry", "category": "Construction & Trades", "aliases": ["finish carpentry"]},
        ]
    )
    assert matcher.match_text("• Ran gas and plasma cutting on the shop floor", "experience") == [
        "Oxy-Fuel Cutting",
        "Plasma Cutting",
    ]
    assert matcher.match_text("• Set brand, launch or pricing strategy", "experience") == [
        "Brand Strategy",
        "Pricing Strategy",
    ]
    assert set(matcher.match_text("• Gas/plasma cutting of plate", "experience")) == {
        "Plasma Cutting",
        "Oxy-Fuel Cutting",
    }
    # Only a coordinate that names an entry with the head counts; a noun phrase before "and" is no modifier.
    assert matcher.match_text("• Rough and finish carpentry", "experience") == ["Carpentry"]
    assert matcher.match_text("• Set launch or pricing strategy", "experience") == ["Pricing Strategy"]
    assert matcher.match_text("• Welded frames and plasma cutting", "experience") == ["Plasma Cutting"]
    # Without "and"/"or" a comma or a spaced slash separates phrases, not modifiers.
    assert matcher.match_text("• Topics: job costing, plasma cutting", "experience") == ["Plasma Cutting"]
    assert matcher.match_text("• Shop assistant: gas, plasma cutting", "experience") == ["Plasma Cutting"]
    assert matcher.match_text("• Gas / plasma cutting", "experience") == ["Plasma Cutting"]
    result = matcher.match([Line(page=1, text="• Ran gas and plasma cutting daily", section="experience")])
    evidence = result.hits["Oxy-Fuel Cutting"].evidence[0]
    assert (evidence["text"], evidence["context"]) == ("gas cutting", "• Ran gas and plasma cutting daily")
    # A word that ends another name is that name's: "Pricing Strategy, Plasma Cutting" names no "strategy cutting".
    matcher = matcher_from_rows(
        [
            {"name": "Food Hygiene", "category": "Food Service"},
            {"name": "Stock Control", "category": "Logistics"},
            {"name": "Quality Control", "category": "Manufacturing", "aliases": ["hygiene control"]},
        ]
    )
    assert matcher.match_text("• Food Hygiene, Stock Control", "experience") == ["Food Hygiene", "Stock Control"]


# Class "everyday word beside a skill": a flagged name in lower case (or capitalised by its place) is vouched for only
# by a neighbour that is a skill itself, not by an acronym the catalog knows written as a plain word.
def test_a_flagged_name_among_everyday_words_is_the_word():
    matcher = matcher_from_rows(
        [
            {"name": "Windows", "category": "Operating Systems", "ambiguous": True},
            {"name": "Requirements Management", "category": "Systems Engineering", "aliases": ["DOORS"]},
            {"name": "Linux", "category": "Operating Systems"},
            {"name": "macOS", "category": "Operating Systems"},
        ]
    )
    assert matcher.match_text("• Swapped doors, windows, and siding on rentals", "experience") == []
    assert matcher.match_text("• Windows and doors sealed before winter", "experience") == []
    # Beside a real skill the flagged name is still the product, in lower case too.
    assert matcher.match_text("• windows, linux, macos", "experience") == ["Windows", "Linux", "macOS"]
    assert matcher.match_text("• Windows and Linux fleets", "experience") == ["Windows", "Linux"]
    assert "Windows" in matcher.match_text("• DOORS and Windows", "experience")


# Class "name wrapped across two lines": the wrapped name is judged in both lines, where its claim word may be.
def test_a_wrapped_name_is_judged_with_the_line_it_starts_on():
    matcher = matcher_from_rows(SOFT_ROWS + [{"name": "Stress Management", "kind": "soft", "category": "Personal"}])
    lines = [
        Line(page=1, text="• Kept a crew of nine on schedule through excellent stress", section="experience"),
        Line(page=1, text="management and payroll", section="experience"),
    ]
    result = matcher.match(lines)
    assert result.names() == ["Stress Management", "Payroll"]
    assert result.hits["Stress Management"].evidence[0]["context"].endswith("excellent stress management and payroll")
    # Narration on the first line claims nothing, wrapped or not.
    lines[0] = Line(page=1, text="• Ran a workshop on stress", section="experience")
    assert matcher.match(lines).names() == ["Payroll"]


def test_british_spelling_patterns_touch_only_their_words():
    from skills_catalog.text import british_word

    changed = {"optimizing": "optimising", "paralyzed": "paralysed", "flavors": "flavours", "fibers": "fibres"}
    changed |= {"leveled": "levelled", "jeweler": "jeweller", "hemoglobin": "haemoglobin", "licenses": "licences"}
    for american, british in changed.items():
        assert british_word(american) == british
    # Another word's spelling or no British form at all: left alone.
    for word in ["filing", "tiling", "scaling", "compiler", "feeling", "resize", "seized", "laboratory", "meter"]:
        assert british_word(word) == word


# Class "British spelling" in another grammatical form: the verb and its object spelled the British way.
def test_a_british_verb_and_object_state_the_activity():
    matcher = matcher_from_rows(
        [
            {"name": "Ticket Prioritization", "category": "IT Support"},
            {"name": "Color Matching", "category": "Construction & Trades"},
        ]
    )
    assert matcher.match_text("• Prioritised incoming tickets for two desks", "experience") == ["Ticket Prioritization"]
    assert matcher.match_text("• Matched colours for touch-ups on site", "experience") == ["Color Matching"]


# Class "coordinated modifiers", mirrored: a shared modifier before coordinated single heads.
def test_a_shared_modifier_names_each_head():
    matcher = matcher_from_rows(
        [
            {"name": "Wound Assessment", "category": "Clinical Care"},
            {"name": "Wound Dressing", "category": "Clinical Care"},
        ]
    )
    assert matcher.match_text("• Led wound assessment and dressing on the ward", "experience") == [
        "Wound Assessment",
        "Wound Dressing",
    ]
    assert matcher.match_text("• Wound assessment or dressing", "experience") == ["Wound Assessment", "Wound Dressing"]
    # A head that goes on is another noun phrase: "dressing trolleys" are no Wound Dressing.
    assert matcher.match_text("• Wound assessment and dressing trolleys", "experience") == ["Wound Assessment"]
