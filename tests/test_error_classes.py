"""Issue 11, round three: classes of error seen on resumes nobody here had seen. Every example is written for this
file (in no corpus and no dev-set file); each test names the class it guards."""

import pytest

from skills_catalog.engine import Line
from skills_catalog.matcher import matcher_from_rows

from .catalog_files import run_data_migration

MATCHER = matcher_from_rows(
    [
        {"name": "Emergency Medical Services", "category": "Clinical Care", "aliases": ["EMS", "EMT"]},
        {"name": "Basic Life Support", "category": "Clinical Care", "aliases": ["BLS"]},
        {"name": "Battery Management Systems", "category": "Electrical & Electronics Engineering", "aliases": ["BMS"]},
        {"name": "Conduit Bending", "category": "Construction & Trades"},
        {"name": "Lesson Planning", "category": "Education"},
        {"name": "Programmable Logic Controllers", "category": "Controls & Automation", "aliases": ["PLC"]},
        {"name": "Amazon Web Services", "category": "Cloud Platforms", "aliases": ["AWS"]},
        {"name": "Terraform", "category": "Infrastructure as Code & Config Management"},
        {"name": "Microsoft Excel", "category": "Office & Administrative", "aliases": ["Excel"]},
        {"name": "Figma", "category": "Design Tools"},
        {"name": "Salesforce", "category": "Sales & CRM"},
        {"name": "Sed", "category": "Operating Systems"},
        {"name": "Customer Service", "kind": "soft", "category": "Communication"},
        {"name": "Motor Control", "category": "Controls & Automation"},
        {"name": "Heat Exchanger", "category": "Mechanical Engineering"},
        {"name": "Blueprint Reading", "category": "Mechanical Engineering"},
        {"name": "Electrical Wiring", "category": "Electrical & Electronics Engineering"},
        {"name": "Safety Inspection", "category": "Occupational Safety", "aliases": ["site walk"]},
        {"name": "Power BI", "category": "Data Analysis & BI"},
        {"name": "Networking", "category": "Networking", "ambiguous": True},
        {"name": "Monitoring", "category": "Monitoring & Observability", "ambiguous": True},
        {"name": "Troubleshooting", "category": "IT Support", "ambiguous": True},
        {"name": "Design", "category": "UX & Visual Design", "ambiguous": True},
    ]
)


def found(lines, section="experience"):
    return MATCHER.match_text("\n".join(lines), section)


# Class "cross-domain acronym": an acronym met only in prose is read in the resume's own field.
def test_an_acronym_in_prose_from_another_field_is_not_a_skill():
    electrician = ["Ran EMT conduit through the warehouse ceiling", "Handled conduit bending for the new wing"]
    assert found(electrician) == ["Conduit Bending"]
    teacher = ["Taught the BMS reading program to grade 6", "Wrote lesson planning guides for new staff"]
    assert found(teacher) == ["Lesson Planning"]


def test_an_acronym_in_prose_counts_with_support_from_its_own_field():
    paramedic = ["Worked as an EMT on night rotations", "Renewed basic life support every two years"]
    assert found(paramedic) == ["Emergency Medical Services", "Basic Life Support"]
    # Fields are broader than one category: a PLC in a resume about conduit is controls work on a site.
    assert found(["Programmed the PLC that feeds the sorter", "Did conduit bending daily"]) == [
        "Programmable Logic Controllers",
        "Conduit Bending",
    ]
    assert found(["Moved the reports to AWS last spring", "Wrote Terraform for the VPCs"]) == [
        "Amazon Web Services",
        "Terraform",
    ]


def test_an_acronym_in_a_list_or_next_to_its_expansion_always_counts():
    assert found(["EMT, BLS, Triage"], section="skills") == ["Emergency Medical Services", "Basic Life Support"]
    assert found(["Skills: EMT, Excel"]) == ["Emergency Medical Services", "Microsoft Excel"]
    assert found(["Emergency medical services volunteer", "Rode with the EMT crew"]) == ["Emergency Medical Services"]


def test_a_field_is_contradicted_only_by_skills_the_resume_states():
    assert found(["Ran EMT conduit to every panel"]) == ["Emergency Medical Services"]  # nothing to read it by
    with_general = ["Ran EMT conduit to every panel", "Used Excel for take-offs"]  # Excel fits every field
    assert found(with_general) == ["Emergency Medical Services", "Microsoft Excel"]


# Class "employer line": a job's header in its common shapes names a title, an employer and a place.
def test_a_header_with_months_in_its_date_range_names_no_skill():
    assert found(["Buyer | Figma | Austin, TX\tJan 2019 – Mar 2022"]) == []
    assert found(["Salesforce\tSept. 2017 - Present"]) == []
    assert found(["Figma, Product Analyst 05/2018 – 06/2021"]) == []


def test_a_name_before_a_place_with_its_region_code_is_an_employer():
    lines = ["Figma • Portland, OR", "Salesforce | Des Moines, IA", "Account Lead, Salesforce - Boise, ID"]
    lines += ["Account Lead, Salesforce, Fargo, North Dakota", "Figma, Halifax, Nova Scotia (2016 - 2018)"]
    for line in lines:
        assert found([line], section="projects") == [], line
    # A sentence that mentions a place still states its tools; so does a skills list.
    assert found(["Rebuilt the Figma library for a clinic in Boise, ID"]) == ["Figma"]
    assert found(["Figma | Boise, ID"], section="skills") == ["Figma"]


# Class "placeholder text": template filler claims nothing; the item a template puts before it still counts.
def test_placeholder_text_yields_no_skill():
    assert found(["Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor"]) == []
    assert found(["Customer Service Lorem ipsum dolor sit amet, consectetur elit"], section="skills") == [
        "Customer Service"
    ]
    assert found(["Graduated magna cum laude; wrote sed one-liners in Bash"]) == ["Sed"]  # one Latin word: not filler


# Class "plural of a multi-word name": the plural of a thing's name is the thing; an activity's plural is its product.
def test_the_plural_of_a_multi_word_name_states_it():
    assert found(["Wired motor controls for two conveyor lines"]) == ["Motor Control"]
    assert found(["Retubed heat exchangers during the shutdown"]) == ["Heat Exchanger"]


def test_no_plural_for_activities_aliases_or_product_spellings():
    assert found(["Filed the safety inspections with the county"]) == []
    assert found(["Led site walks with the client"]) == []
    assert found(["Shared Power BIs with the board"]) == []


SOFT = matcher_from_rows(
    [
        {"name": "Time Management", "kind": "soft", "aliases": ["time-management"]},
        {"name": "Customer Service", "kind": "soft"},
        {"name": "Conflict Resolution", "kind": "soft"},
        {"name": "Communication", "kind": "soft", "ambiguous": True, "aliases": ["communication skills"]},
        {"name": "Organization", "kind": "soft", "ambiguous": True, "aliases": ["organized", "organizational skills"]},
        {
            "name": "Attention to Detail",
            "kind": "soft",
            "ambiguous": True,
            "aliases": ["meticulous", "detail-oriented"],
        },
        {"name": "Calm Demeanor", "kind": "soft", "ambiguous": True, "aliases": ["calm"]},
        {"name": "Leadership", "kind": "soft", "aliases": ["leadership skills"]},
        {"name": "Written Communication", "kind": "soft", "aliases": ["writing skills"]},
        {"name": "Supervision", "kind": "soft", "ambiguous": True, "aliases": ["supervisor"]},
        {"name": "Friendliness", "kind": "soft", "ambiguous": True, "aliases": ["friendly"]},
        {"name": "Payroll"},
    ]
)


def soft(text, section="experience"):
    return SOFT.match_text(text, section)


# Class "soft skill stated as a claim": a claim word or a trailing "skills" covers its whole coordination.
def test_a_claim_word_covers_every_quality_it_opens():
    assert soft("Skilled in time management and customer service") == ["Time Management", "Customer Service"]
    assert soft("Adept at conflict resolution with subcontractors") == ["Conflict Resolution"]
    assert soft("Strong communication and time management, plus payroll") == [
        "Communication",
        "Time Management",
        "Payroll",
    ]


def test_skills_distributes_over_its_coordination():
    assert soft("Brought conflict resolution and time management skills to the store") == [
        "Conflict Resolution",
        "Time Management",
    ]
    assert soft("Excellent organizational, communication and time management skills") == [
        "Organization",
        "Communication",
        "Time Management",
    ]


def test_a_quality_in_a_short_clause_of_its_own_is_stated():
    assert soft("Payroll clerk for 6 years. Meticulous; dependable.") == ["Payroll", "Attention to Detail"]


def test_narration_and_modifiers_are_not_claims():
    assert soft("Handled conflict resolution tickets for the platform team") == []
    assert soft("Organized the spring fundraiser for the clinic") == []
    assert soft("Calm leadership skills on busy shifts") == ["Leadership"]  # "calm" qualifies the leadership


# Class "skills of others": what a teacher or trainer builds in learners is theirs, not the writer's.
def test_skills_taught_to_others_are_not_claimed():
    assert soft("Tutored a pupil in developing her writing skills") == []
    assert soft("Trained new cashiers in customer service") == []
    assert soft("Coaching teenagers relies on my strong communication skills") == ["Communication"]


# Class "broad field claimed by an introducer": a competence phrase claims each short item of its coordination;
# the same words as a verb or inside a longer phrase stay prose.
def test_an_introducer_claims_broad_fields_in_lower_case():
    assert found(["Specialties in networking, monitoring and troubleshooting."]) == [
        "Networking",
        "Monitoring",
        "Troubleshooting",
    ]
    assert found(["Ten years of experience in troubleshooting"]) == ["Troubleshooting"]


def test_generic_words_in_prose_are_not_claims():
    assert found(["Monitoring patient vitals every two hours"]) == []
    assert found(["Experience in monitoring patient vitals"]) == []  # the item does not end its segment
    assert found(["Designed the layout; did networking with alumni"]) == []
    assert found(["Expertise in wound care. Then food, networking."]) == []  # another sentence


# Class "soft skill shown by an activity": leading a team or presenting shows a quality without stating it; the
# shipped catalog reports it as inferred, and states it only where the resume claims it.
def test_leading_or_presenting_in_prose_is_inferred_not_a_soft_skill():
    from skills_catalog.files import read_default_catalog

    skills, _ = read_default_catalog()
    shipped = matcher_from_rows(skills)
    matched = shipped.match_text("Led a team of 8 nurses on nights; presented to the board each quarter")
    assert "Leadership" not in matched and "Presentation Skills" not in matched
    inferred = shipped.match(
        [Line(1, "Led a team of 8 nurses on nights; presented to the board each quarter", "experience")]
    ).inferred
    assert "Leadership" in inferred
    assert "Leadership" in shipped.match_text("Proven leadership of night-shift teams")


# Class "plural of an acronym": "PLCs" is the PLC; an acronym's plural obeys the same field check.
def test_the_plural_of_an_acronym_states_it():
    assert found(["Programmed PLCs for the sorter line", "Did conduit bending daily"]) == [
        "Programmable Logic Controllers",
        "Conduit Bending",
    ]
    assert found(["Skills: PLC's, BMSs"]) == ["Programmable Logic Controllers", "Battery Management Systems"]
    assert found(["Restocked EMTs' kits", "Did conduit bending daily"]) == ["Conduit Bending"]
    assert found(["Checked BMSs daily", "Wrote lesson planning guides"]) == ["Lesson Planning"]


FIELDS = matcher_from_rows(
    [
        {"name": "Accounting", "ambiguous": True},
        {"name": "Secondary Education"},
        {"name": "Supply Chain Management"},
        {"name": "Python"},
    ]
)


# Class "field of study": a degree line names what was studied, also after a label or after the degree's kind.
def test_a_field_of_study_after_a_label_or_the_degree_kind_is_not_a_skill():
    for line in (
        "Major: Accounting, GPA 3.6",
        "Concentration: Supply Chain Management",
        "Bachelor of Arts, Secondary Education; GPA 3.4",
    ):
        assert FIELDS.match_text(line, "education") == [], line
    assert FIELDS.match_text("Bachelor of Science, Accounting; capstone in Python", "education") == ["Python"]


def test_a_few_skills_of_a_field_do_not_make_it_the_resumes_field():
    electrician = [
        "Ran EMT conduit to every panel",
        "Conduit bending, electrical wiring, blueprint reading, motor control and heat exchanger installs",
        "Certified in basic life support",
    ]
    assert "Emergency Medical Services" not in found(electrician)
    assert "Emergency Medical Services" in found(["Worked as an EMT", "Basic life support, conduit bending"])


LISTS = matcher_from_rows(
    [
        {"name": "Triage"},
        {"name": "Wound Care"},
        {"name": "Patient Education"},
        {"name": "Pallet Building"},
        {"name": "Load Planning"},
        {"name": "Case Management", "ambiguous": True},
        {"name": "Discharge Planning"},
        {"name": "A/B Testing"},
        {"name": "Software Testing", "aliases": ["testing"]},
    ]
)


def listed(*lines):
    return LISTS.match([Line(1, line, "skills") for line in lines]).names()


# Class "slash list wrapped in a narrow column": a name broken at a line end or glued to a slash still counts.
def test_a_wrapped_slash_list_keeps_its_names():
    assert listed("• Triage/Wound Care/", "Patient Education") == ["Triage", "Wound Care", "Patient Education"]
    assert listed("• Triage/Pallet", "Building/Load Planning") == ["Triage", "Pallet Building", "Load Planning"]
    assert listed("• Discharge Planning/Case", "Management") == ["Discharge Planning", "Case Management"]
    assert listed("Pallet Building/Load Planning, Triage") == ["Pallet Building", "Load Planning", "Triage"]
    assert listed("• Triage, A/B", "Testing") == ["Triage", "A/B Testing"]
    assert listed("• Triage/Case Management/", "Wound Care") == ["Triage", "Case Management", "Wound Care"]


# Class "quality in a summary": a quality word standing for a longer name counts where the writer describes
# themselves; the same word in a job's bullet is narration.
def test_a_quality_word_in_a_summary_is_a_claim():
    text = "Payroll clerk for six years, meticulous with month-end close and quick with new systems"
    assert soft(text, section="summary") == ["Payroll", "Attention to Detail"]
    assert soft(text, section="experience") == ["Payroll"]
    assert soft("Fast with invoices and friendly with vendors", section="summary") == ["Friendliness"]
    assert soft("Warehouse Supervisor with 10 years of experience", section="summary") == []  # a job title


QUALITIES = matcher_from_rows(
    [
        {"name": "Attention to Detail", "kind": "soft", "ambiguous": True, "aliases": ["accurate", "thorough"]},
        {"name": "Friendliness", "kind": "soft", "ambiguous": True, "aliases": ["warm", "friendly"]},
        {"name": "Integrity", "kind": "soft", "ambiguous": True, "aliases": ["honest"]},
        {"name": "Cleanliness", "kind": "soft", "ambiguous": True, "aliases": ["clean", "tidy"]},
        {"name": "Resilience", "kind": "soft", "ambiguous": True, "aliases": ["persistent"]},
        {"name": "Reliability", "kind": "soft", "ambiguous": True, "aliases": ["dependable", "reliable"]},
        {"name": "Patience", "kind": "soft", "ambiguous": True, "aliases": ["patient"]},
        {"name": "Calm Demeanor", "kind": "soft", "ambiguous": True, "aliases": ["calm"]},
        {"name": "Problem Solving", "kind": "soft", "aliases": ["problem solver"]},
        {"name": "Leadership", "kind": "soft", "aliases": ["leadership skills"]},
        {"name": "Supervision", "kind": "soft", "ambiguous": True, "aliases": ["supervisor"]},
        {"name": "Collaboration", "kind": "soft", "ambiguous": True, "aliases": ["collaborated"]},
        {"name": "Negotiation", "kind": "soft", "ambiguous": True, "aliases": ["negotiator"]},
    ]
)


def qualities(text, section="summary"):
    return QUALITIES.match_text(text, section)


# Class "quality stated as an adjective": a one-word quality states a soft skill where it describes the person:
# alone in its item, before a preposition, or before the person's title, also first in its clause ("Warm with …").
def test_a_quality_describing_the_person_is_stated():
    bookkeeper = "Bookkeeper for nine years. Accurate with reconciliations, warm with clients, persistent on arrears."
    assert qualities(bookkeeper) == ["Attention to Detail", "Friendliness", "Resilience"]
    assert qualities("Plumber of twelve years. Honest with customers and tidy in their kitchens.") == [
        "Integrity",
        "Cleanliness",
    ]
    assert qualities("Care assistant: calm, patient and dependable") == ["Calm Demeanor", "Patience", "Reliability"]
    assert qualities("Buyer for a grocery chain. Patient negotiator.") == ["Patience", "Negotiation"]
    assert qualities("Reliable problem solver and a thorough technician") == [
        "Reliability",
        "Problem Solving",
        "Attention to Detail",
    ]


def test_a_quality_cut_from_its_noun_by_a_line_wrap_still_counts():
    wrapped = [Line(1, "Dispatcher for six years. Reliable problem", "summary"), Line(1, "solver.", "summary")]
    assert QUALITIES.match(wrapped).names() == ["Reliability", "Problem Solving"]


# The same words qualifying a thing, or after a determiner, are narration, wherever they stand.
def test_a_quality_stated_of_a_thing_is_narration():
    assert qualities("Produced accurate invoices and clean reports with a fast turnaround") == []
    assert qualities("Kept the stockroom clean: audited bins weekly") == []
    # In a summary an agent noun names the writer ("A patient reviewer of pull requests" states Patience, as the
    # templated labels have it, h17match); in a job's bullet it is about someone else.
    assert qualities("Hired a patient reviewer for pull requests", section="experience") == []
    assert qualities("Moved patient records to the new system") == []
    assert qualities("Calm leadership skills on night shifts") == ["Leadership"]  # "calm" qualifies the leadership
    assert qualities("Supervisor with ten years on night shifts") == []  # a title, not a quality
    assert qualities("Collaborated with plant managers on audits") == []  # a verb opening the sentence
    assert qualities("Fond of writing clean, testable code") == []  # inside a phrase about the work
    assert qualities("Accurate to the cent on payroll runs") == []  # "accurate to" measures a thing
    assert qualities("Honest with homeowners, tidy in their homes", section="experience") == []  # a job's bullet


def test_customer_focused_states_customer_focus_in_the_shipped_catalog():
    from skills_catalog.files import read_default_catalog

    skills, _ = read_default_catalog()
    shipped = matcher_from_rows(skills)
    assert shipped.match_text("Customer-focused, calm on the busiest days.", "summary") == [
        "Customer Focus",
        "Calm Demeanor",
    ]
    assert "Attention to Detail" not in shipped.match_text("Sent accurate invoices to 40 clients", "summary")


EMPLOYERS = matcher_from_rows(
    [{"name": "Catering"}, {"name": "Excavation", "aliases": ["Excavating"]}, {"name": "Reporting"}]
)


# Class "employer line": an experience line opening with a short Title Case name the catalog does not know as a
# whole names an employer; a coordination of skills ("… and Reporting") or a sentence is not one.
def test_a_skill_word_inside_an_employers_name_is_not_a_skill():
    for line in ("Harbor Light Catering", "Red Mesa Excavating, Crew Lead", "• Blue Fjord Catering | 2019 - 2021"):
        assert EMPLOYERS.match_text(line, "experience") == [], line
    assert EMPLOYERS.match_text("Budget Tracking and Reporting", "experience") == ["Reporting"]
    assert EMPLOYERS.match_text("Ran catering for 300 guests", "experience") == ["Catering"]
    assert EMPLOYERS.match_text("Harbor Light Catering", "skills") == ["Catering"]


@pytest.mark.django_db
def test_the_migration_hands_customer_focused_of_an_earlier_load_to_customer_focus():

    from skills_catalog.files import read_default_catalog
    from skills_catalog.loading import load_catalog
    from skills_catalog.models import Skill, SkillAlias

    service = Skill.objects.create(name="Customer Service", kind="soft")
    SkillAlias.objects.create(skill=service, alias="customer-focused")
    SkillAlias.objects.create(skill=service, alias="serving customers")  # a synonym of Customer Service: stays
    run_data_migration("0006_customer_focus_aliases", "remove_moved_aliases")
    skills, roles = read_default_catalog()
    load_catalog(skills, roles)
    assert SkillAlias.objects.get(alias="customer-focused").skill.name == "Customer Focus"
    assert SkillAlias.objects.get(alias="serving customers").skill == service
