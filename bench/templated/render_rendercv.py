"""Renders one JSON Resume through a RenderCV (Typst) theme; run by the throwaway RenderCV virtualenv that
render.sh makes, not by the project's.

    python render_rendercv.py RESUME.json THEME OUT.pdf OUT.txt

RenderCV reads its own YAML/dict format, so the JSON Resume fields are mapped to its entry types (experience,
education, one-line skills and awards, text entries); OUT.txt receives every string handed to RenderCV, which is
the text it prints (the sidecar's labels are checked against it).
"""

import json
import sys


def rendercv_dict(resume, theme):
    basics = resume["basics"]
    location = basics.get("location", {})
    sections = {}
    if basics.get("summary"):
        sections["Summary"] = [basics["summary"]]
    sections["Experience"] = [
        {
            "company": job["name"],
            "position": job["position"],
            "location": job.get("location"),
            "start_date": job["startDate"][:7],
            "end_date": job["endDate"][:7] if job.get("endDate") else "present",
            "summary": job.get("summary"),
            "highlights": job.get("highlights", []),
        }
        for job in resume.get("work", [])
    ]
    sections["Education"] = [
        {
            "institution": item["institution"],
            "area": item["area"],
            "degree": item.get("studyType"),
            "start_date": item["startDate"][:7],
            "end_date": item["endDate"][:7],
        }
        for item in resume.get("education", [])
    ]
    sections["Skills"] = [
        {"label": group["name"], "details": ", ".join(group["keywords"])} for group in resume["skills"]
    ]
    if resume.get("awards"):
        sections["Awards"] = [
            {
                "label": award["title"],
                "details": ", ".join(x for x in (award.get("awarder"), award.get("summary")) if x),
            }
            for award in resume["awards"]
        ]
    if resume.get("interests"):
        sections["Interests"] = [
            item["name"] + (": " + ", ".join(item["keywords"]) if item.get("keywords") else "")
            for item in resume["interests"]
        ]
    if resume.get("references"):
        sections["References"] = [f"{item['name']}: {item['reference']}" for item in resume["references"]]
    cv = {
        "name": basics["name"],
        "location": ", ".join(x for x in (location.get("city"), location.get("region")) if x),
        "email": basics["email"],
        "sections": sections,
    }
    return {"cv": cv, "design": {"theme": theme}}


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "design":
                yield from strings(item)
                if key in ("sections",):
                    yield from item
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def main(source, theme, pdf_path, text_path):
    from rendercv import api

    with open(source, encoding="utf-8") as handle:
        resume = json.load(handle)
    data = rendercv_dict(resume, theme)
    errors = api.create_a_pdf_from_a_python_dictionary(data, pdf_path)
    if errors:
        sys.exit(f"RenderCV rejected {source}: {errors}")
    with open(text_path, "w", encoding="utf-8") as out:
        out.write("\n".join(strings(data)))


if __name__ == "__main__":
    main(*sys.argv[1:5])
