"""Issue 11's context rules, class by class, on examples that are in no corpus and no dev-set file."""

from skills_catalog.matcher import matcher_from_rows

MATCHER = matcher_from_rows(
    [
        {"name": "Go", "aliases": ["Golang"], "ambiguous": True},
        {"name": "R", "ambiguous": True},
        {"name": "Rust", "ambiguous": True},
        {"name": "Chef", "ambiguous": True},
        {"name": "Puppet", "ambiguous": True},
        {"name": "Vite", "ambiguous": True},
        {"name": "Mocha", "ambiguous": True},
        {"name": "Hugo", "ambiguous": True},
        {"name": "Python"},
        {"name": "Kotlin"},
        {"name": "Ansible"},
        {"name": "DevOps"},
        {"name": "Analytics", "ambiguous": True},
        {"name": "Compliance", "ambiguous": True},
        {"name": "Quality Control"},
        {"name": "Site Safety"},
        {"name": "Cost Estimating"},
        {"name": "Tableau"},
    ]
)


def found(text, section="experience"):
    return MATCHER.match_text(text, section)


# Class "ambiguous name in technical prose": grammar makes it a tool.
def test_a_name_after_a_making_verb_and_in_is_a_tool():
    assert found("Ported the tile renderer, written in Rust, to the kiosk") == ["Rust"]
    assert found("Survival curves were fitted in R for the trial") == ["R"]
    assert found("Prototyped the scheduler in Go") == ["Go"]


def test_a_name_before_a_software_artefact_is_a_tool():
    assert found("Maintained a Vite plugin for the docs site") == ["Vite"]
    assert found("Owned the Rust backend behind the kiosks") == ["Rust"]


def test_both_ends_of_a_swap_are_tools():
    assert found("Replaced Chef with Ansible across 40 hosts") == ["Chef", "Ansible"]
    assert found("Migrated the suite from Mocha to Vite") == ["Mocha", "Vite"]


def test_a_name_after_with_is_a_tool_even_when_to_follows():
    assert found("Added contract tests with Mocha to the gateway") == ["Mocha"]


def test_the_same_names_as_ordinary_words_stay_out():
    assert found("Known as a go-getter who will go the extra mile") == []
    assert found("Took some R&R after the launch") == []
    assert found("Promoted to head chef at a harbour bistro") == []
    assert found("A puppet show for the school fair") == []


# Class "slash list".
def test_a_run_of_slashes_is_a_list_of_items():
    assert found("Quality Control/Site Safety/Cost Estimating", "skills") == [
        "Quality Control",
        "Site Safety",
        "Cost Estimating",
    ]


# Class "title/employer line".
def test_names_on_a_dated_job_line_are_a_title_and_an_employer():
    assert found("Buyer, Kotlin Street Outfitters (2016 - 2019)") == []
    assert found("Analyst at Tableau Mill Bakery | 2012-2015") == []
    assert found("Wrote Kotlin services for the clinic booking app") == ["Kotlin"]


# Class "category label".
def test_a_category_label_names_a_group_not_a_skill():
    assert found("Analytics & Reporting: Tableau, Python", "skills") == ["Tableau", "Python"]
    assert found("COMPLIANCE: Site Safety", "skills") == ["Site Safety"]
    assert found("DevOps: Ansible, Chef", "skills") == ["DevOps", "Ansible", "Chef"]  # a single name still counts


# Class "place".
def test_a_name_that_starts_a_place_with_its_region_code_is_a_place():
    assert found("Raised in Hugo Springs, CO and now in Denver") == []
    assert found("Python Flats, SK") == []


# Class "person".
def test_a_referee_line_and_an_author_are_people():
    assert found("Hugo Marchetti, Clinical Supervisor") == []
    assert found("Reading thrillers by Hugo Lindqvist") == []
    assert MATCHER.match_text("Hugo Marchetti, Site Lead, 555 0101", "references") == []


def test_a_category_label_after_a_bullet_is_still_a_label():
    assert found("• Analytics & Reporting: Tableau, Python", "skills") == ["Tableau", "Python"]


def test_a_name_that_starts_an_award_circle_or_club_is_an_institution():
    assert found("Inducted into the Kotlin Circle for top sellers, 2021") == []


SITES = matcher_from_rows([{"name": "LinkedIn", "ambiguous": True}, {"name": "Salesforce"}])


def test_a_social_site_counts_in_prose_but_not_as_a_link_label():
    assert SITES.match_text("Sourced candidates from LinkedIn every week", "experience") == ["LinkedIn"]
    assert SITES.match_text("LinkedIn: /in/jane-doe", "contact") == []
    assert SITES.match_text("LinkedIn", "contact") == []


QUALITIES = matcher_from_rows(
    [
        {"name": "Patience", "kind": "soft", "aliases": ["patient"], "ambiguous": True},
        {"name": "Reliability", "kind": "soft", "aliases": ["reliable"], "ambiguous": True},
    ]
)


def test_a_quality_in_a_short_clause_of_its_own_is_a_claim():
    assert QUALITIES.match_text("Hospice aide for six years. Patient and reliable.", "experience") == [
        "Patience",
        "Reliability",
    ]


def test_a_quality_inside_a_sentence_or_a_title_is_narration():
    assert QUALITIES.match_text("Kept every patient record reliable across two wards.", "experience") == []
    assert QUALITIES.match_text("Platform Reliability Lead", "experience") == []


PARTS = matcher_from_rows(
    [
        {"name": "Monitoring", "ambiguous": True},
        {"name": "Oracle Database", "aliases": ["Oracle"], "ambiguous": True},
        {"name": "Python"},
        {"name": "Kafka", "ambiguous": True},
        {"name": "CAD"},
        {"name": "Revit"},
    ]
)


def test_a_flagged_word_inside_a_title_case_list_item_the_catalog_does_not_know_is_not_a_skill():
    assert PARTS.match_text("Fleet Monitoring, Python, Kafka", "skills") == ["Python", "Kafka"]
    assert PARTS.match_text("Oracle Fusion Payroll, Python", "skills") == ["Python"]
    assert PARTS.match_text("Monitoring, Oracle, Python", "skills") == ["Monitoring", "Oracle Database", "Python"]


def test_a_name_followed_by_a_landform_starts_a_place():
    assert PARTS.match_text("Weekend walks along the Kafka Ridge trail", "experience") == []
    assert PARTS.match_text("Clerk, Python Hollow Feed Store", "experience") == []


def test_a_label_of_several_words_in_capitals_is_a_category():
    assert PARTS.match_text("CAD SUITES: Revit", "skills") == ["Revit"]
    assert PARTS.match_text("CAD: Revit", "skills") == ["CAD", "Revit"]


def test_a_flagged_vendor_before_a_product_in_a_list_item_is_not_a_skill_itself():
    vendors = matcher_from_rows(
        [{"name": "Oracle Database", "aliases": ["Oracle"], "ambiguous": True}, {"name": "Fleet Telematics"}]
    )
    assert vendors.match_text("Oracle Fleet Telematics, Python", "skills") == ["Fleet Telematics"]


def test_the_parts_of_a_suite_in_brackets_are_list_items():
    suite = matcher_from_rows(
        [{"name": "Microsoft Office"}, {"name": "Microsoft Word", "aliases": ["Word"], "ambiguous": True}]
    )
    assert suite.match_text("Microsoft Office (Word, Access)", "experience") == ["Microsoft Office", "Microsoft Word"]
