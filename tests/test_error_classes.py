"""Issue 11, round three: classes of error seen on resumes nobody here had seen. Every example is written for this
file (in no corpus and no dev-set file); each test names the class it guards."""

from skills_catalog.matcher import matcher_from_rows

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
