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
