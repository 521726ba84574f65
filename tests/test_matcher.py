"""The matcher, class of error by class of error, on a small catalog built in memory (no database), plus the
catalog version that makes each process rebuild it."""

import pytest

from skills_catalog.engine import Line
from skills_catalog.matcher import compile_catalog, get_matcher, matcher_from_rows
from skills_catalog.models import Skill, SkillAlias, current_catalog_version
from skills_catalog.text import join_broken_word

ROWS = [
    {"name": "Python", "aliases": ["Python3"]},
    {"name": "JavaScript", "aliases": ["JS", "ECMAScript"]},
    {"name": "Node.js", "aliases": ["NodeJS", "Node"]},
    {"name": "React", "aliases": ["ReactJS", "React.js"], "ambiguous": True},
    {"name": "Kubernetes", "aliases": ["k8s"]},
    {"name": "PostgreSQL", "aliases": ["Postgres"]},
    {"name": "Go", "aliases": ["Golang"], "ambiguous": True},
    {"name": "R", "ambiguous": True},
    {"name": "C", "ambiguous": True},
    {"name": "C++", "aliases": ["cpp"]},
    {"name": "C#", "aliases": ["CSharp"]},
    {"name": ".NET", "aliases": ["dotnet"]},
    {"name": "CI/CD", "aliases": ["CICD", "Continuous Integration"]},
    {"name": "Swift", "ambiguous": True},
    {"name": "Rust", "ambiguous": True},
    {"name": "Spring", "aliases": ["Spring Framework"], "ambiguous": True},
    {"name": "Express", "aliases": ["Express.js"], "ambiguous": True},
    {"name": "Excel", "aliases": ["MS Excel", "Microsoft Excel"], "ambiguous": True},
    {"name": "Access", "aliases": ["Microsoft Access"], "ambiguous": True},
    {"name": "Chef", "ambiguous": True},
    {"name": "Make", "aliases": ["GNU Make", "Makefile"], "ambiguous": True},
    {"name": "Terraform"},
    {"name": "Docker"},
    {"name": "AWS", "aliases": ["Amazon Web Services", "EC2"]},
    {"name": "Red Hat Enterprise Linux", "aliases": ["RHEL", "Red Hat"]},
    {"name": "Oracle Database", "aliases": ["Oracle"]},
    {"name": "GitHub"},
    {"name": "Experimental Design", "aliases": ["DOE"]},
    {"name": "MEAN Stack", "aliases": ["MEAN"]},
    {"name": "Machine Learning", "aliases": ["ML"]},
    {"name": "Software Development"},
    {"name": "Software Engineering", "aliases": ["Software Engineer"]},
    {"name": "Front-End Development"},
    {"name": "JavaScript Testing"},
    {"name": "GlassFish"},
    {"name": "Banking"},
    {"name": "Leadership", "kind": "soft", "aliases": ["led a team of"]},
    {"name": "Palo Alto Networks", "aliases": ["Palo Alto"]},
    {"name": "Technical Support", "aliases": ["support"]},
    {"name": "Research"},
]
MATCHER = matcher_from_rows(ROWS)


def found(text, section=""):
    return MATCHER.match_text(text, section)


def found_in(lines, section=""):
    return MATCHER.match([Line(page=1, text=text, section=section) for text in lines]).names()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Built it with ReactJS", "React"),
        ("Built it with React.js", "React"),
        ("Ran k8s clusters", "Kubernetes"),
        ("Ran K8S clusters", "Kubernetes"),
        ("Tuned Postgres queries", "PostgreSQL"),
        ("Services written in Golang", "Go"),
        ("Wrote JS daily", "JavaScript"),
        ("Wrote NodeJS services", "Node.js"),
        ("Reports in MS Excel", "Excel"),
        ("Reports in Microsoft Excel", "Excel"),
        ("Set up Continuous Integration", "CI/CD"),
        ("Deployed on Amazon Web Services", "AWS"),
    ],
)
def test_each_alias_form_is_reported_by_its_canonical_name(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["python", "PYTHON", "Python", "pYthon"],
)
def test_case_does_not_matter_for_plain_names(text):
    assert found(f"Scripts in {text} and more") == ["Python"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C++, C#, .NET", ["C++", "C#", ".NET"]),
        ("Built pipelines (CI/CD) on Jenkins", ["CI/CD"]),
        ("APIs in Node.js and Express.js", ["Node.js", "Express"]),
        ("Languages: C, C++ and C#", ["C", "C++", "C#"]),
        ("Migrated the .NET services", [".NET"]),
        ("Stack: Python/Docker/Terraform", ["Python", "Docker", "Terraform"]),
    ],
)
def test_symbols_survive_tokenising(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Owned the platform roadmap", "Terraform"),
        ("Led our go-to-market strategy", "Go"),
        ("Learned to react to incidents quickly", "React"),
        ("Worked in the Nodes team", "Node.js"),
        ("Improved cpps and dockers", "C++"),
        ("Went to Cargo meetings", "Go"),
    ],
)
def test_word_boundaries_are_respected(text, not_expected):
    assert not_expected not in found(text)


def test_a_name_hyphenated_across_two_lines_is_joined():
    assert found_in(["Operated large Kuber-", "netes clusters"]) == ["Kubernetes"]
    assert found_in(["Deployed Kuber-\nnetes clusters"]) == ["Kubernetes"]


def test_a_soft_hyphen_at_a_line_end_joins_the_word():
    assert found_in(["Deployed Terra\u00ad", "form modules"]) == ["Terraform"]


def test_a_real_hyphenated_word_is_not_glued_to_the_next_line():
    assert join_broken_word("Co-", "Invented a framework") == ("Co-", "Invented a framework")
    assert join_broken_word("Software Develop-", "ment, Consulting") == ("Software Development", ", Consulting")
    assert found_in(["Led the Front-", "End Development guild"]) == ["Front-End Development"]


def test_a_multi_word_name_wrapped_onto_the_next_line_is_found():
    assert found_in(["Strong background in Machine", "Learning and statistics"]) == ["Machine Learning"]
    assert found_in(["Skills in Software", "Development"]) == ["Software Development"]


def test_wrapped_lines_ending_a_sentence_are_not_bridged():
    assert "Machine Learning" not in found_in(["Built a Machine.", "Learning was fun"])


def test_hyphen_and_space_variants_of_a_name_match():
    assert found("Front End Development and frontend development") == ["Front-End Development"]


def test_word_processor_double_hyphens_and_ligatures_are_normalised():
    assert found("Front-\u00ad\u2010End Development") == ["Front-End Development"]
    assert found("Ran Glass\ufb01sh servers") == ["GlassFish"]


# Ambiguous names: each in a use that is a skill, and a use that is not.
@pytest.mark.parametrize(
    ("lines", "section"),
    [
        (["Python, Go, Docker"], ""),
        (["Languages: Go"], ""),
        (["Go"], "skills"),
        (["Backend services written in Python and Go"], "experience"),
        (["Python and R for statistics"], "experience"),
        (["Tools Used: C"], "projects"),
        (["C • C++ • Python"], ""),
        (["Apps in Swift and Python"], "experience"),
        (["Rust, C++, Python"], ""),
        (["Spring, Docker, Terraform"], ""),
        (["APIs with Node.js and Express"], "experience"),
        (["React, JavaScript, Node.js"], ""),
        (["Microsoft Excel, Microsoft Access"], ""),
        (["Excel"], "skills"),
        (["Configuration with Chef and Terraform"], "experience"),
        (["Automated provisioning with Chef"], "experience"),
        (["Build scripts in Make"], "experience"),
    ],
)
def test_ambiguous_names_count_where_the_context_shows_a_skill(lines, section):
    names = found_in(lines, section)
    ambiguous = {row["name"] for row in ROWS if row.get("ambiguous")}
    assert ambiguous & set(names), names


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("We go to great lengths for customers", "experience"),
        ("Ready to Go live", "summary"),
        ("Grade: C", "education"),
        ("Plan B and plan C failed", "experience"),
        ("R", "experience"),
        ("Swift response to customer requests", "experience"),
        ("Removed rust from old machines", "experience"),
        ("Spring 2014", "education"),
        ("Spring 2023, Python, Docker", ""),
        ("Took the Express train downtown", "experience"),
        ("React to incidents within minutes", "experience"),
        ("I excel in Linux systems", "summary"),
        ("I Excel in stakeholder management", "summary"),
        ("Gave customers access to reports", "experience"),
        ("Head Chef at a busy restaurant", "experience"),
        ("Make sure releases ship on time", "experience"),
        ("Helped to make decisions", "experience"),
    ],
)
def test_ambiguous_names_in_ordinary_prose_are_not_skills(text, section):
    ambiguous = {row["name"] for row in ROWS if row.get("ambiguous")}
    assert not ambiguous & set(found(text, section))


@pytest.mark.parametrize(
    ("lines", "section"),
    [
        (["Red Hat", "DevOps Engineer", "Denver, Colorado"], "experience"),
        (["Oracle • Redwood City, CA"], "experience"),
        (["GitHub: https://github.com/someone"], ""),
        (["Github:// someone"], "education"),
        (["Jan 2013 - May 2013 | Palo Alto, CA"], "experience"),
    ],
)
def test_employers_link_labels_and_places_are_not_skills(lines, section):
    assert found_in(lines, section) == []


def test_a_product_named_in_a_skills_list_still_counts():
    assert found_in(["Oracle, PostgreSQL, Red Hat"], "skills") == [
        "Oracle Database",
        "PostgreSQL",
        "Red Hat Enterprise Linux",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Doe", []),  # "DOE" is an acronym; "Doe" a surname
        ("improving mean time to recovery", []),
        ("Experiments planned with DOE", ["Experimental Design"]),
        ("Built a MEAN app", ["MEAN Stack"]),
        ("Skills: ml, python", ["Machine Learning", "Python"]),
    ],
)
def test_acronyms_count_in_capitals_or_as_a_list_item(text, expected):
    assert found(text) == expected


def test_one_plain_word_standing_for_a_longer_name_counts_only_in_a_list():
    assert found("Provided support to 300 users", "experience") == []
    assert found("Skills: support, Python", "") == ["Technical Support", "Python"]


def test_a_heading_in_capitals_is_not_a_skill():
    assert found("RESEARCH", "experience") == []
    assert found("Research, Python", "skills") == ["Research", "Python"]


def test_job_titles_in_aliases_are_not_skills():
    assert found("Senior Software Engineer") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wrote Jaiascript widgets", ["JavaScript"]),
        ("Baking cupcakes", []),  # short words are not typo-matched: "Baking" is not "Banking"
        ("Tested javascripts", []),  # lower case and an inflection, not a typo
    ],
)
def test_typos_of_long_names_only(text, expected):
    assert found(text) == expected


def test_ocr_l_for_i_in_an_acronym_is_read_as_i():
    assert found("Built Cl/CD pipelines") == ["CI/CD"]


def test_words_run_together_by_a_lost_space_still_show_their_names():
    assert found("Provisionedinfrastructure toolslikeTerraform, Docker") == ["Terraform", "Docker"]


def test_icon_glyphs_are_not_text():
    assert found("\uf0e0 Python \uf095") == ["Python"]


def test_evidence_keeps_page_matched_text_and_context():
    result = MATCHER.match([Line(page=2, text="Operated k8s clusters on AWS", section="experience")])
    evidence = result.hits["Kubernetes"].evidence
    assert evidence == [{"page": 2, "text": "k8s", "context": "Operated k8s clusters on AWS"}]
    assert result.names("technical") == ["Kubernetes", "AWS"]


def test_evidence_from_a_long_line_is_cut_at_word_boundaries():
    before = "Worked across the organisation with product managers, designers and analysts to move "
    after = " clusters into a single region, saving forty thousand dollars a year in compute and support"
    line = before + "k8s" + after
    context = MATCHER.match([Line(page=1, text=line, section="experience")]).hits["Kubernetes"].evidence[0]["context"]
    assert "k8s" in context and len(context) < len(line)
    words = line.split()
    assert context.split()[0] in words and context.split()[-1] in words  # no word cut in half at either end


def test_soft_skills_are_found_by_their_phrases():
    result = MATCHER.match([Line(page=1, text="Led a team of five engineers", section="experience")])
    assert result.names("soft") == ["Leadership"]
    assert result.names("technical") == []


def test_inactive_rows_are_left_out():
    matcher = matcher_from_rows([{"name": "Docker", "active": False}, {"name": "Terraform"}])
    assert matcher.match_text("Docker and Terraform") == ["Terraform"]


# The compiled matcher follows the catalog version.
def test_get_matcher_rebuilds_when_the_catalog_version_changes(small_catalog):
    first = get_matcher()
    assert get_matcher() is first
    assert first.version == current_catalog_version()
    assert first.match_text("Ran kube") == []

    SkillAlias.objects.create(skill=small_catalog["Kubernetes"], alias="kube")
    second = get_matcher()
    assert second is not first
    assert second.version == current_catalog_version() > first.version
    assert second.match_text("Ran kube") == ["Kubernetes"]


def test_every_kind_of_edit_bumps_the_version(small_catalog):
    versions = [current_catalog_version()]
    skill = Skill.objects.create(name="Pulumi")
    versions.append(current_catalog_version())
    skill.ambiguous = True
    skill.save()
    versions.append(current_catalog_version())
    alias = SkillAlias.objects.create(skill=skill, alias="pulumi-cli")
    versions.append(current_catalog_version())
    alias.delete()
    versions.append(current_catalog_version())
    skill.delete()
    versions.append(current_catalog_version())
    assert versions == sorted(set(versions))


def test_compile_catalog_leaves_out_inactive_skills_and_their_aliases(small_catalog):
    Skill.objects.filter(name="Kubernetes").update(active=False)
    matcher = compile_catalog()
    assert matcher.match_text("k8s, Kubernetes, Docker") == ["Docker"]
    assert "Kubernetes" not in matcher.skills_by_name


# Broad fields and generic nouns (flagged ambiguous) versus specific techniques, degree lines, hobbies, soft words.
BREADTH = matcher_from_rows(
    [
        {"name": "Marketing", "aliases": ["marketing campaigns"], "ambiguous": True},
        {"name": "Budgeting", "aliases": ["budget"], "ambiguous": True},
        {"name": "Forecasting", "aliases": ["forecasts"], "ambiguous": True},
        {"name": "Cloud Computing", "aliases": ["cloud platforms"], "ambiguous": True},
        {"name": "Information Technology", "ambiguous": True},
        {"name": "Supply Chain Management"},
        {"name": "Load Balancing", "aliases": ["load balancer"]},
        {"name": "Payroll"},
        {"name": "Linux"},
        {"name": "MATLAB"},
        {"name": "Baking"},
        {"name": "pandas", "ambiguous": True},
        {"name": "Poetry", "ambiguous": True},
        {"name": "Software Engineering", "ambiguous": True},
        {"name": "Attention to Detail", "kind": "soft", "aliases": ["detail-oriented"], "ambiguous": True},
    ]
)


def breadth(text, section=""):
    return BREADTH.match_text(text, section)


@pytest.mark.parametrize(
    "text",
    [
        "Built an internal app to run batch campaigns for marketing",
        "Manage a $1.1 million annual office budget",
        "I excel in Linux systems and cloud platforms",
        "Create budget forecasts for clients",
    ],
)
def test_it_ignores_a_broad_field_mentioned_in_passing(text):
    assert not {"Marketing", "Budgeting", "Forecasting", "Cloud Computing"} & set(breadth(text))


def test_it_still_counts_a_specific_technique_in_prose():
    assert breadth("Configured the load balancer in front of the API") == ["Load Balancing"]


def test_it_counts_lower_case_concepts_in_a_list_with_a_clear_skill_or_a_skills_section():
    assert breadth("budgeting, forecasting, payroll") == ["Budgeting", "Forecasting", "Payroll"]
    assert breadth("marketing", section="skills") == ["Marketing"]
    assert breadth("Marketing, Budgeting") == ["Marketing", "Budgeting"]  # written as names, in a list


def test_it_does_not_take_a_list_of_common_words_for_tools():
    assert breadth("poetry, music, and art") == []
    assert breadth("pandas, numpy and Linux") == ["pandas", "Linux"]  # a tool whose own name is lower case


@pytest.mark.parametrize(
    "text",
    [
        "Master of Science in Information Technology",
        "Bachelor's in supply chain management",
        "M.S. in Supply Chain Management, 2019",
        "B.S., Information Technology",
    ],
)
def test_it_takes_no_field_of_study_from_a_degree_line(text):
    assert breadth(text, section="education") == []


def test_it_still_takes_a_tool_from_a_degree_line_and_fields_elsewhere():
    assert breadth("M.S. in Supply Chain Management; thesis simulations in MATLAB", section="education") == ["MATLAB"]
    assert breadth("Supply Chain Management, Payroll", section="skills") == ["Supply Chain Management", "Payroll"]


def test_it_takes_nothing_from_hobbies_and_interests():
    assert breadth("Baking cupcakes, Linux tinkering", section="interests") == []
    assert breadth("Baking, Linux", section="skills") == ["Baking", "Linux"]


def test_it_takes_no_skill_from_a_job_title():
    assert breadth("GOOGLE | SOFTWARE ENGINEERING INTERN", section="experience") == []


def test_it_counts_generic_soft_words_only_in_a_list_or_a_summary():
    assert breadth("Detail-oriented analyst with eight years in audit", section="summary") == ["Attention to Detail"]
    assert breadth("Wrote detail-oriented reviews of every change", section="experience") == []


def test_the_shipped_catalog_flags_broad_fields_and_keeps_tools_plain():
    from skills_catalog.files import read_default_catalog

    rows = {row["name"]: row for row in read_default_catalog()[0]}
    for name in ["Marketing", "Budgeting", "Algorithms", "Scalability", "Cloud Computing", "Software Engineering"]:
        assert rows[name]["ambiguous"], name
    for name in ["Load Balancing", "Distributed Tracing", "Accounts Payable", "Data Entry", "Kubernetes", "PostgreSQL"]:
        assert not rows[name]["ambiguous"], name
    aliases = {alias.lower(): name for name, row in rows.items() for alias in row.get("aliases", [])}
    for alias in ["founder", "claude", "journal articles", "dropbox", "gmail", "cross-functional teams"]:
        assert alias not in aliases or aliases[alias].lower() == alias, (alias, aliases.get(alias))


# Lines that mention a skill without claiming it: credentials, organisations, events, template boilerplate, figures,
# profile links; and soft-skill words inside longer phrases.
MENTIONS = matcher_from_rows(
    [
        {"name": "Linux"},
        {"name": "Kubernetes"},
        {"name": "Consul", "aliases": ["HashiCorp Consul"], "ambiguous": True},
        {"name": "Cybersecurity", "aliases": ["Security"], "ambiguous": True},
        {"name": "Coding", "ambiguous": True},
        {"name": "Foundation", "aliases": ["Zurb Foundation"], "ambiguous": True},
        {"name": "Bootstrap"},
        {"name": "Python"},
        {"name": "LaTeX"},
        {"name": "YAML"},
        {"name": "Markdown"},
        {"name": "Test Coverage"},
        {"name": "GitHub"},
        {"name": "Teamwork", "kind": "soft", "aliases": ["team player"], "ambiguous": True},
        {"name": "Conflict Resolution", "kind": "soft"},
        {"name": "Communication", "kind": "soft"},
        {"name": "Tolerance", "kind": "soft", "ambiguous": True},
    ]
)


def mentions(lines, section="", kind=None):
    lines = [lines] if isinstance(lines, str) else lines
    return MENTIONS.match([Line(page=1, text=text, section=section) for text in lines]).names(kind)


def test_it_takes_no_broad_word_from_a_certification_but_keeps_a_named_subject():
    assert mentions("AWS Certified Security Specialty, Amazon Web Services", section="certifications") == []
    assert mentions("HashiCorp Certified: Consul Associate (003)", section="certifications") == ["Consul"]
    assert mentions("Security, Linux, Consul", section="skills") == ["Cybersecurity", "Linux", "Consul"]


def test_it_takes_no_skill_from_an_organisation_or_an_event_name():
    assert mentions("Certified Kubernetes Application Developer (CKAD), The Linux Foundation") == ["Kubernetes"]
    assert mentions("Finalist, Microsoft Coding Competition, Cornell", section="awards") == []
    assert mentions("Member of the Python Software Foundation") == []
    assert mentions("Bootstrap, Foundation", section="skills") == ["Bootstrap", "Foundation"]
    assert mentions("Built the backend in Python on Linux") == ["Python", "Linux"]


def test_it_takes_no_tool_from_text_about_the_template_itself():
    boilerplate = [
        "RenderCV is a LaTeX-based CV/resume app. It",
        "allows you to create a high-quality CV or resume as a PDF file from a YAML file,",
        "with Markdown syntax support and complete control over the LaTeX code.",
        "Wrote the thesis in LaTeX and the configs in YAML.",
    ]
    assert mentions(boilerplate, section="summary") == ["LaTeX", "YAML"]  # only the last, the person's own sentence


def test_a_percentage_is_a_figure_not_a_claim():
    assert mentions("Kept the code modular while ensuring 100% test coverage") == []
    assert mentions("Raised test coverage of the payments service") == ["Test Coverage"]


def test_a_profile_site_counts_only_in_a_list():
    assert mentions(["Jane Doe", "Github", "LinkedIn"]) == []
    assert mentions("Open-source CLI tool with 2.5K GitHub stars", section="projects") == []
    assert mentions("Git, GitHub, Linux", section="skills") == ["GitHub", "Linux"]


def test_a_soft_word_inside_a_longer_phrase_is_not_a_claim():
    prose = [
        "Designed for high availability, fault tolerance, and autoscaling.",
        "Built a CRDT sync engine with conflict resolution algorithms",
    ]
    assert mentions(prose, section="experience", kind="soft") == []
    assert mentions("Soft: Teamwork, Conflict Resolution", kind="soft") == ["Teamwork", "Conflict Resolution"]
    assert mentions("Known for strong communication skills", section="experience", kind="soft") == ["Communication"]
    assert mentions("A reliable team player", section="summary", kind="soft") == ["Teamwork"]


def test_the_shipped_catalog_knows_whole_tool_families(shipped_matcher):
    matcher = shipped_matcher
    agents = "Telegraf, collectd, StatsD, Fluentd, NXLog, rsyslog, syslog-ng, Netdata"
    assert matcher.match_text(agents, section="skills") == [name.strip() for name in agents.split(",")]
    assert matcher.match_text("Terraform, Terragrunt, Atlantis, chezmoi", section="skills") == [
        "Terraform",
        "Terragrunt",
        "Atlantis",
        "chezmoi",
    ]
    assert matcher.match_text("PyInstaller, RequireJS, gcov, jqPlot", section="skills") == [
        "PyInstaller",
        "RequireJS",
        "gcov",
        "jqPlot",
    ]
    assert matcher.match_text("Templates in Jade", section="skills") == ["Pug"]  # Jade is Pug's former name


ENUMERATIONS = matcher_from_rows(
    [
        {"name": "Apache Beam", "aliases": ["Beam"], "ambiguous": True},
        {"name": "Microsoft Teams", "aliases": ["Teams"], "ambiguous": True},
        {"name": "Awk", "ambiguous": True},
        {"name": "grep"},
        {"name": "HTML"},
        {"name": "CSS"},
        {"name": "Bootstrap"},
        {"name": "Angular", "ambiguous": True},
    ]
)


def test_a_flagged_product_written_in_full_behind_its_vendor_counts_in_prose():
    assert ENUMERATIONS.match_text("Apache Beam: a model for batch and streaming", "projects") == ["Apache Beam"]
    assert ENUMERATIONS.match_text("Ran the weekly sync over Microsoft Teams", "experience") == ["Microsoft Teams"]
    assert ENUMERATIONS.match_text("Balanced the beam of the crane; met the teams", "experience") == []


def test_slash_joined_parts_with_versions_are_an_enumeration():
    assert ENUMERATIONS.match_text("• HTML5/CSS3/Bootstrap3/Angular2 for the frontend", "experience") == [
        "HTML",
        "CSS",
        "Bootstrap",
        "Angular",
    ]
    assert ENUMERATIONS.match_text("• Angular for the frontend", "experience") == []


def test_an_enumeration_opened_by_such_as_lists_its_first_item_too():
    assert ENUMERATIONS.match_text("• Standard Linux tools, such as awk, sed, grep, ...", "experience") == [
        "Awk",
        "grep",
    ]
    assert ENUMERATIONS.match_text("Tools such as awk helped", "experience") == []


def test_a_lone_letter_in_a_sidebar_is_the_language_not_a_heading():
    assert found_in(["Python 3", "C"], section="languages") == ["Python", "C"]
    assert found_in(["RESEARCH", "Built ML models"], section="experience") == ["Machine Learning"]


def test_a_name_with_its_version_glued_on_counts():
    assert found("Module for RHEL8 and Python3.11 hosts") == ["Red Hat Enterprise Linux", "Python"]
    assert found("Rewrote the go2 module") == []  # a flagged name ("Go") is not guessed from a versioned token


def test_a_flagged_name_in_a_comma_list_with_an_accepted_one_counts_too():
    chained = matcher_from_rows(
        [
            {"name": "Backbone.js", "aliases": ["Backbone"], "ambiguous": True},
            {"name": "Pug", "aliases": ["Jade"], "ambiguous": True},
            {"name": "Research", "ambiguous": True},
            {"name": "Teaching", "ambiguous": True},
        ]
    )
    assert chained.match_text("Wrote JS using Backbone, Jade, and more", "experience") == ["Backbone.js", "Pug"]
    assert chained.match_text("Wrote code using Backbone and a jade figurine", "experience") == ["Backbone.js"]
    assert "Research" not in chained.match_text("Research and Teaching Assistant", "experience")


# Class "labels and titles": labels that follow one another, and course titles.
def test_a_sub_label_after_a_group_label_is_a_label_too():
    matcher = matcher_from_rows(
        [{"name": "Software Testing", "aliases": ["testing"]}, {"name": "Mocha"}, {"name": "Jasmine"}]
    )
    assert matcher.match_text("• Web & Mobile: TESTING: Mocha, Jasmine") == ["Mocha", "Jasmine"]


def test_a_name_inside_a_course_title_is_not_a_skill_but_a_course_that_is_the_name_is():
    matcher = matcher_from_rows([{"name": "Thermodynamics"}, {"name": "Econometrics"}])
    assert matcher.match_text("Relevant Coursework: Thermodynamics for Chemists, Ethics") == []
    assert matcher.match_text("Coursework: Econometrics, Ethics") == ["Econometrics"]


def test_a_word_alone_on_its_line_outside_a_skills_list_is_a_heading_not_a_typo():
    matcher = matcher_from_rows([{"name": "Amazon Rekognition", "aliases": ["Rekognition"]}])
    assert matcher.match([Line(page=1, text="Recognition", section="awards")]).names() == []
    assert matcher.match([Line(page=1, text="Recognition", section="skills")]).names() == ["Amazon Rekognition"]


def test_a_name_between_a_setup_verb_and_an_artefact_noun_is_a_tool():
    matcher = matcher_from_rows([{"name": "Beacon", "ambiguous": True}])
    assert matcher.match_text("Integrated Beacon monitoring across the fleet") == ["Beacon"]
    assert matcher.match_text("Deployed Beacon clusters in two regions") == ["Beacon"]
    assert matcher.match_text("Followed Beacon monitoring rules") == []  # no verb of building or running
    assert matcher.match_text("She saw the beacon on the hill") == []


def test_a_word_with_an_ending_the_name_lacks_is_not_its_typo():
    """Sentence-initial verbs are capitalised and long: "Documented" scored 90 against "DocumentDB" and a dental
    hygienist's resume was reported as stating AWS."""
    matcher = matcher_from_rows([{"name": "AWS", "aliases": ["DocumentDB"]}, {"name": "ReportLab"}])
    assert matcher.match_text("Documented treatment in the chart") == []
    assert matcher.match_text("Reporting weekly to the practice manager") == []
    assert matcher.match_text("Migrated to DocumentBD clusters") == ["AWS"]  # a typo of the name itself still counts
