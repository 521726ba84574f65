"""The committed templated set (bench/templated) is whole and its labels say only what the resumes say."""

import json
from collections import defaultdict

import pymupdf

from bench.templated.build import normalise
from bench.templated.split import HERE, KINDS, THEMES, load_templated, resume_ids, split_of


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_every_label_text_is_written_in_its_resume():
    for resume_id in resume_ids():
        resume = json.loads((HERE / "resumes" / f"{resume_id}.json").read_text(encoding="utf-8"))
        labels = json.loads((HERE / "labels" / f"{resume_id}.json").read_text(encoding="utf-8"))
        written = " | ".join(normalise(text) for text in strings(resume))
        texts = [item["text"] for item in labels["technical"] + labels["soft"] + labels["traps"]]
        texts += [item["evidence"] for item in labels["inferred"]]
        missing = [text for text in texts if normalise(text) not in written]
        assert not missing, f"{resume_id}: label text not in the resume: {missing}"


def test_each_resume_is_rendered_once_per_layout_kind_in_one_half():
    kinds, halves = defaultdict(list), defaultdict(set)
    for name, pdf, labels in load_templated():
        assert name == f"{labels['resume']}__{labels['layout']['theme']}"
        assert labels["split"] == split_of(labels["resume"])
        assert THEMES[labels["layout"]["theme"]]["kind"] == labels["layout"]["kind"]
        kinds[labels["resume"]].append(labels["layout"]["kind"])
        halves[labels["resume"]].add(labels["split"])
        with pymupdf.open(stream=pdf, filetype="pdf") as doc:
            assert labels["resume"] and len(doc.get_page_text(0)) > 200
    assert sorted(kinds) == resume_ids()
    assert all(sorted(found) == sorted(KINDS) for found in kinds.values())
    assert all(len(found) == 1 for found in halves.values())
    assert {"tune", "held_back"} == set().union(*halves.values())
