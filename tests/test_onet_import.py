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
