"""Role profiles beyond software (skills_catalog/data/roles_onet.json, built from O*NET by `build_onet_roles`): every
role names only catalog skills, never a curated role's name, and a resume of a trade fits a role of that trade while a
software resume still fits a software role. The resumes are written here and rendered with PyMuPDF."""

import dataclasses
import json

import pytest
from django.core.management import call_command

from analyses.pipeline.analyse import AnalysisOptions, analyse
from skills_catalog.files import DEFAULT_DATA_DIR, read_default_catalog

from . import resume_layouts
from .resume_layouts import Resume

GENERATED = json.loads((DEFAULT_DATA_DIR / "roles_onet.json").read_text(encoding="utf-8"))
CURATED = json.loads((DEFAULT_DATA_DIR / "roles.json").read_text(encoding="utf-8"))
SOFTWARE_ROLES = {"Backend Developer", "Software Engineer", "Full Stack Developer", "DevOps Engineer", "Cloud Engineer"}


def _resume(profession, title, jobs, skills, summary="", education=("Certificate, Lakeshore Technical College, 2015",)):
    return Resume(
        profession,
        "Sam Delgado",
        title,
        summary or f"{title} with eight years of steady work.",
        jobs,
        list(education),
        skills,
    )


TRADES = {
    "electrician": (
        _resume(
            "electrician",
            "Journeyman Electrician",
            [
                (
                    "Electrician, Brightline Electric, 2018 - 2025",
                    [
                        "Ran conduit and pulled wire for 40 tenant fit-outs to NEC code",
                        "Traced and fixed faults in motor control centres with a multimeter",
                    ],
                ),
            ],
            [
                "Electrical Wiring",
                "Electrical Troubleshooting",
                "NEC",
                "Blueprint Reading",
                "Motor Control",
                "OSHA",
                "Low Voltage Systems",
                "Electrical Safety",
                "Power Tools",
            ],
        ),
        {"Electrician"},
    ),
    "plumber": (
        _resume(
            "plumber",
            "Licensed Plumber",
            [
                (
                    "Plumber, Northside Plumbing, 2016 - 2025",
                    [
                        "Installed water and drain lines in 120 homes, all passing inspection first time",
                        "Soldered copper supply runs and replaced water heaters",
                    ],
                )
            ],
            ["Plumbing", "Blueprint Reading", "Building Codes", "Soldering", "Pipe Welding", "Power Tools", "OSHA"],
        ),
        {"Plumber"},
    ),
    "welder": (
        _resume(
            "welder",
            "Structural Welder",
            [
                (
                    "Welder, Ironbridge Fabrication, 2017 - 2025",
                    [
                        "Welded structural steel frames from shop drawings, 98% first-pass inspection",
                        "Cut and fitted plate and pipe for pressure work",
                    ],
                )
            ],
            ["Welding", "Pipe Welding", "Fabrication", "Blueprint Reading", "Sheet Metal Work", "Quality Inspection"],
        ),
        {"Welder"},
    ),
    "hvac": (
        _resume(
            "hvac",
            "HVAC Service Technician",
            [
                (
                    "HVAC Technician, Comfort Air Services, 2019 - 2025",
                    [
                        "Installed and serviced 300 rooftop units and split systems",
                        "Diagnosed control faults and replaced compressors and blower motors",
                    ],
                )
            ],
            [
                "HVAC",
                "HVAC Installation",
                "Electrical Troubleshooting",
                "Electrical Wiring",
                "Sheet Metal Work",
                "Boiler Operation",
                "Customer Service",
            ],
        ),
        {"HVAC Technician"},
    ),
    "truck driver": (
        _resume(
            "truck driver",
            "Class A Truck Driver",
            [
                (
                    "Driver, Redline Freight, 2015 - 2025",
                    [
                        "Drove 110,000 accident-free miles a year on regional routes",
                        "Checked loads against bills of lading and secured freight",
                    ],
                )
            ],
            [
                "Delivery Driving",
                "Route Planning",
                "Bills of Lading",
                "Hazardous Materials",
                "Forklift Operation",
                "Shipping and Receiving",
                "Safety Consciousness",
            ],
        ),
        {"Truck Driver"},
    ),
    "pharmacy technician": (
        _resume(
            "pharmacy technician",
            "Certified Pharmacy Technician",
            [
                (
                    "Pharmacy Technician, Willow Street Pharmacy, 2019 - 2025",
                    [
                        "Filled 250 prescriptions a day with a 0.1% error rate",
                        "Handled insurance rejections and prior authorizations",
                    ],
                )
            ],
            [
                "Prescription Filling",
                "Compounding",
                "Insurance Verification",
                "Prior Authorization",
                "Medical Terminology",
                "HIPAA",
                "Inventory Management",
                "Customer Service",
            ],
        ),
        {"Pharmacy Technician", "Pharmacist"},
    ),
    "bartender": (
        _resume(
            "bartender",
            "Bartender",
            [
                (
                    "Bartender, The Copper Still, 2018 - 2025",
                    [
                        "Served a 60-seat bar on busy weekend shifts",
                        "Ran opening and closing duties and weekly stock counts",
                    ],
                )
            ],
            [
                "Bartending",
                "Responsible Alcohol Service",
                "Wine Knowledge",
                "Customer Service",
                "Point of Sale",
                "Cash Handling",
                "Opening and Closing Procedures",
            ],
        ),
        {"Bartender", "Server"},
    ),
    "auditor": (
        _resume(
            "auditor",
            "Internal Auditor",
            [
                (
                    "Senior Auditor, Crestmoor Insurance Group, 2017 - 2025",
                    [
                        "Tested internal controls over financial reporting for 14 business units",
                        "Wrote audit reports that closed 30 findings in a year",
                    ],
                )
            ],
            [
                "Auditing",
                "Internal Controls",
                "GAAP",
                "Financial Statements",
                "Risk Management",
                "TeamMate Audit",
                "Financial Reporting",
                "Compliance",
            ],
            education=("BS Accounting, Riverside State University, 2013",),
        ),
        {"Auditor", "Accountant"},
    ),
    "payroll": (
        _resume(
            "payroll",
            "Payroll Specialist",
            [
                (
                    "Payroll Specialist, Greenfield Logistics, 2018 - 2025",
                    [
                        "Ran biweekly payroll for 1,200 employees in ADP",
                        "Filed quarterly payroll tax returns with no penalties",
                    ],
                )
            ],
            [
                "Payroll",
                "Payroll Tax",
                "Timekeeping",
                "ADP",
                "Paychex",
                "Benefits Administration",
                "Account Reconciliation",
            ],
        ),
        {"Payroll Specialist"},
    ),
}
EXISTING = {  # the resumes tests/resume_layouts.py writes for nine professions
    "culinary": {"Chef", "Line Cook", "Baker", "Restaurant Manager"},
    "nursing": {"Registered Nurse", "Licensed Practical Nurse", "Nurse Practitioner", "Nursing Assistant"},
    "teaching": {"Teacher", "Secondary School Teacher", "Elementary School Teacher"},
    "software": SOFTWARE_ROLES,
}
CASES = [(name, resume, roles) for name, (resume, roles) in TRADES.items()] + [
    (resume.profession, resume, EXISTING[resume.profession])
    for resume in resume_layouts.PROFESSIONS
    if resume.profession in EXISTING
]


@pytest.fixture(scope="module")
def matcher(shipped_matcher):
    return shipped_matcher


def test_every_role_names_only_skills_the_catalog_has():
    skills, roles = read_default_catalog()
    names = {row["name"] for row in skills}
    assert len(GENERATED) >= 40
    for role in roles:
        assert set(role["skills"]) <= names, role["name"]
        assert all(1 <= weight <= 5 for weight in role["skills"].values()), role["name"]


def test_generated_roles_record_their_onet_code_and_leave_curated_names_alone():
    curated = {name.lower() for role in CURATED for name in (role["name"], *role.get("aliases", ()))}
    seen = set()
    for role in GENERATED:
        assert role["onet_soc"][:2].isdigit() and role["onet_soc"][2] == "-", role["name"]
        for name in (role["name"], *role["aliases"]):
            assert name.lower() not in curated, name
            assert name.lower() not in seen, name
            seen.add(name.lower())


@pytest.mark.parametrize(("profession", "resume", "roles"), CASES, ids=[case[0] for case in CASES])
def test_a_resume_fits_a_role_of_its_profession(matcher, profession, resume, roles):
    report = analyse(resume_layouts.render(resume, "single", 0), matcher)
    assert report.details["missing_keywords_source"]["role"] in roles


def test_a_chefs_missing_keywords_are_kitchen_skills_not_warehouse_ones(matcher):
    resume = next(resume for resume in resume_layouts.PROFESSIONS if resume.profession == "culinary")
    report = analyse(resume_layouts.render(resume, "single", 0), matcher)
    assert "Forklift Operation" not in report.missing_keywords
    electrician = analyse(resume_layouts.render(TRADES["electrician"][0], "single", 0), matcher)
    assert not {"MATLAB", "ETAP"} & set(electrician.missing_keywords)


def test_niche_software_seen_in_an_occupation_is_never_suggested_as_missing(matcher):
    """O*NET lists every product some workers of an occupation use; those of weight 1 are not expected of it."""
    chef = next(role for role in GENERATED if role["name"] == "Chef")
    niche = {name for name, weight in chef["skills"].items() if weight == 1}
    assert len(niche) >= 3  # the long tail exists in the shipped role
    for resume in resume_layouts.PROFESSIONS:
        report = analyse(resume_layouts.render(resume, "single", 0), matcher, AnalysisOptions(target_role="Chef"))
        assert not niche & set(report.missing_keywords), resume.profession
        assert report.missing_keywords  # the role's expected skills are still suggested


def test_chef_is_a_target_role_in_the_pipeline(matcher):
    resume = resume_layouts.PROFESSIONS[0]
    report = analyse(resume_layouts.render(resume, "single", 0), matcher, AnalysisOptions(target_role="Chef"))
    assert report.details["missing_keywords_source"] == {"type": "target_role", "role": "Chef"}
    assert "Menu Planning" in report.missing_keywords


@pytest.mark.django_db
def test_the_api_accepts_chef_and_an_alias_once_the_default_catalog_is_loaded(client):
    from analyses.models import Analysis

    from .test_upload import upload

    call_command("load_default_catalog", verbosity=0)
    pdf = resume_layouts.render(resume_layouts.PROFESSIONS[2], "single", 0)
    assert upload(client, pdf, target_role="Chef").status_code == 202
    assert upload(client, pdf, target_role="head chef").status_code == 202
    assert list(Analysis.objects.values_list("target_role", flat=True)) == ["Chef", "Chef"]


def test_the_title_a_resume_states_decides_between_neighbouring_roles(matcher):
    nurse = next(resume for resume in resume_layouts.PROFESSIONS if resume.profession == "nursing")
    practical = dataclasses.replace(
        nurse, title="Licensed Practical Nurse", jobs=[("LPN, Maple Grove Care Home, 2017 - 2025", nurse.jobs[0][1])]
    )
    for resume, role in ((nurse, "Registered Nurse"), (practical, "Licensed Practical Nurse")):
        report = analyse(resume_layouts.render(resume, "single", 0), matcher)
        assert report.details["missing_keywords_source"]["role"] == role


def _tsv(path, header, rows):
    path.write_text("\n".join("\t".join(row) for row in [header, *rows]) + "\n", encoding="utf-8")


def test_build_roles_maps_onet_data_to_catalog_names_and_leaves_curated_roles_alone(tmp_path):
    from skills_catalog.matcher import matcher_from_rows
    from skills_catalog.onet_roles import RoleSpec, build_roles

    soc, other = "47-2111.00", "11-1011.00"
    _tsv(tmp_path / "Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"], [[soc, "Electricians", "x"]])
    tech = [
        [soc, "Autodesk AutoCAD", "43232604", "Computer aided design CAD software", "Y", "N"],
        [soc, "Microsoft Excel", "43232110", "Spreadsheet software", "Y", "N"],  # general-purpose: left out
        [soc, "Trimble SketchUp Pro", "43232604", "Computer aided design CAD software", "N", "N"],
        [other, "Autodesk Revit", "43232604", "Computer aided design CAD software", "N", "N"],
    ]
    head = ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"]
    _tsv(tmp_path / "Technology Skills.txt", head, tech)
    tools = [[soc, "Digital multimeters", "41111", "Multimeters"], [soc, "Multimeter", "41111", "Multimeters"]]
    _tsv(tmp_path / "Tools Used.txt", ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"], tools)
    tasks = [[soc, "1", "Install conduit and Electrical Wiring in buildings.", "Core", "90", "08/2023", "Incumbent"]]
    head = ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source"]
    _tsv(tmp_path / "Task Statements.txt", head, tasks)
    titles = [[soc, "Wireman", "N"], [soc, "Journeyman Electrician", "Y"], [soc, "Electrical Technician", "Y"]]
    _tsv(
        tmp_path / "Sample of Reported Titles.txt",
        ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
        titles,
    )
    skills = [
        {"name": "AutoCAD", "aliases": ["Autodesk AutoCAD"], "category": "CAD"},
        {"name": "Excel", "aliases": ["Microsoft Excel"], "category": "Office"},
        {"name": "SketchUp Pro", "aliases": ["Trimble SketchUp Pro"], "category": "O*NET: CAD"},
        {"name": "Multimeter", "category": "Test Equipment"},
        {"name": "Electrical Wiring", "category": "Construction & Trades"},
        {"name": "NEC", "aliases": ["National Electrical Code"], "category": "Construction & Trades"},
    ]
    specs = [
        RoleSpec("Electrician", soc, {"National Electrical Code": 5, "Conduit Bending": 4}),
        RoleSpec("Chef", "35-1011.00", {"NEC": 5}),
        RoleSpec("Wireman", "47-2111.01", {"Electrical Wiring": 5}),  # a reported title of Electricians
    ]
    curated = [{"name": "Chef", "aliases": ["Electrical Technician"]}]
    roles, missing = build_roles(tmp_path, skills, curated, matcher_from_rows(skills), specs=specs)
    assert [role["name"] for role in roles] == ["Electrician", "Wireman"]  # the curated Chef wins
    role = roles[0]
    assert role["onet_soc"] == soc and role["description"] == f"O*NET-SOC {soc} Electricians"
    # spec skills by alias; hot software 3, other software 1, a tool 1, a core task 2; Excel is general-purpose
    assert role["skills"] == {"NEC": 5, "AutoCAD": 3, "Electrical Wiring": 2, "Multimeter": 1, "SketchUp Pro": 1}
    # A curated alias is never reused, nor another spec's name ("Wireman" has a profile of its own).
    assert role["aliases"] == ["Journeyman Electrician"]
    assert missing == {"Electrician": ["Conduit Bending"]}
