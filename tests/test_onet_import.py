"""The O*NET import (skills_catalog/onet.py): products named as resumes write them, categories of software left out,
curated names never shadowed. Built on a small Technology Skills file written here."""

from skills_catalog.onet import onet_rows, resume_name
from skills_catalog.text import phrase_variants

VENDORS = {"Quarry", "Hollis Labs"}


def test_a_vendor_prefix_goes_and_stays_as_an_alias():
    assert resume_name("Quarry TrenchPlan", VENDORS) == ("TrenchPlan", "Quarry TrenchPlan")
    assert resume_name("Hollis Labs SpecimenTrack software", VENDORS) == ("SpecimenTrack", "Hollis Labs SpecimenTrack")


def test_a_plain_word_product_keeps_its_vendor():
    assert resume_name("Quarry Inspector", VENDORS) == ("Quarry Inspector", None)
    assert resume_name("Quarry Crew Scheduling", VENDORS) == ("Quarry Crew Scheduling", None)


def test_categories_of_software_are_not_products():
    assert resume_name("Kiln monitoring software", VENDORS) is None
    assert resume_name("Forestry software", VENDORS) is None


def test_a_described_acronym_is_named_by_the_acronym():
    assert resume_name("Geotechnical borehole logging GBL", VENDORS) == ("GBL", "Geotechnical borehole logging")
    assert resume_name("Harbour Tide Monitor HTM", VENDORS) == ("HTM", "Harbour Tide Monitor")


def test_rows_skip_known_names_rare_examples_companies_and_titles(tmp_path):
    source = tmp_path / "Technology Skills.txt"
    lines = ["O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand"]
    for code in ("47-2061.00", "47-2051.00", "53-7062.00"):
        for example in ("Quarry TrenchPlan", "Quarry PourLog", "Quarry SlabCheck", "Quarry", "Concrete Estimator"):
            lines.append(f"{code}\t{example}\t43232104\tProject management software\tN\tN")
    lines.append("47-2061.00\tOnce Only Tool\t43232104\tProject management software\tN\tN")
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    known = phrase_variants("PourLog")
    rows = onet_rows(source, known)
    assert [row["name"] for row in rows] == ["SlabCheck", "TrenchPlan"]
    assert rows[0]["external_id"] == "onet:commodity:43232104" and rows[0]["aliases"] == ["Quarry SlabCheck"]


def test_a_model_number_product_is_also_found_by_its_brand_and_model(tmp_path):
    """Resumes write "Ledgerly 300" for "Ledgerly 300 Construction Edition"; a model two products share is neither's."""
    source = tmp_path / "Technology Skills.txt"
    lines = ["O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand"]
    for example in ("Ledgerly 300 Construction Edition", "Ledgerly 100 Contractor", "Ledgerly 100 ERP", "Tally 90 ERP"):
        lines += [f"{code}\t{example}\t43231601\tAccounting software\tN\tN" for code in ("13-2011.00", "43-3031.00")]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = {row["name"]: row["aliases"] for row in onet_rows(source, phrase_variants("Tally 90"))}
    assert rows["Ledgerly 300 Construction Edition"] == ["Ledgerly 300"]
    assert rows["Ledgerly 100 Contractor"] == [] and rows["Ledgerly 100 ERP"] == []
    assert rows["Tally 90 ERP"] == []


def _tools_file(tmp_path, rows):
    path = tmp_path / "Tools Used.txt"
    lines = ["O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title"]
    lines += [f"{occupation}\t{example}\t{code}\t{title}" for occupation, example, code, title in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_tools_keep_named_equipment_and_leave_everyday_things_out(tmp_path):
    from skills_catalog.onet import tool_rows

    many = [f"47-{number:04d}.00" for number in range(10)]
    rows = [("19-1000.00", "Scanning tunnelling microscopes STM", "41111500", "Microscopes")]
    rows += [(code, "Infusion pumps", "42221500", "Intravenous infusion pumps") for code in many]
    rows += [(code, "Socket wrenches", "27111700", "Sockets") for code in many]  # a hand tool: everyday
    rows += [(code, "Desktop computers", "43211507", "Desktop computers") for code in many]  # office segment
    rows += [("19-1000.00", "Tilting tables", "42290000", "Tables")]  # one occupation, no acronym
    found = {row["name"]: row for row in tool_rows(_tools_file(tmp_path, rows), set())}
    assert set(found) == {"Scanning Tunnelling Microscope", "Infusion Pump"}
    microscope = found["Scanning Tunnelling Microscope"]
    assert "STM" not in microscope["aliases"]  # a bare acronym of a tool is often another thing
    assert microscope["external_id"] == "onet:tool:41111500" and microscope["ambiguous"]


def test_shipped_tools_are_attributed_and_never_shadow_curated_names():
    import json
    from pathlib import Path

    from skills_catalog.files import DEFAULT_DATA_DIR, read_default_catalog

    tools = json.loads((Path(DEFAULT_DATA_DIR) / "skills_onet_tools.json").read_text(encoding="utf-8"))
    assert tools and all(row["external_id"].startswith("onet:tool:") for row in tools)
    skills, _ = read_default_catalog()
    names = [row["name"].lower() for row in skills]
    assert len(names) == len(set(names))
