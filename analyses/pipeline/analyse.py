"""Wires extraction, skill matching, checks and scoring into one Report."""

import io
import re
import time
from dataclasses import dataclass, field

from analyses.filetypes import Refused, sniff
from skills_catalog.engine import Line
from skills_catalog.roles import (
    best_role,
    explains_resume,
    job_description_skills,
    missing_for_role,
    role_coverage,
    role_evidence,
    states_title,
    title_conflict,
)
from skills_catalog.selectors import find_role

from .checks import low_confidence, run_checks
from .docx import parse_docx
from .errors import UnreadablePdf
from .extract import parse_pdf
from .facts import resume_facts
from .findings import Finding, rank
from .ocr import OcrOptions
from .scoring import (
    DEFAULT_WEIGHTS,
    MIN_ROLE_COVERAGE,
    MIN_ROLE_EVIDENCE,
    category_scores,
    overall_score,
    score_gains,
    summary_text,
)
from .sections import find_sections


@dataclass
class AnalysisOptions:
    job_description: str = ""
    target_role: str = ""
    max_pages: int = 10
    score_weights: dict = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    ocr: OcrOptions = field(default_factory=OcrOptions)  # None: scanned pages are not read


@dataclass
class Report:
    overall_score: int
    summary_text: str
    technical_skills: list
    soft_skills: list
    missing_keywords: list
    formatting_issues: list
    details: dict


def analyse(data, matcher, options=None):
    """`data`: the stored file's bytes, a PDF or a .docx (told apart by their bytes, as at upload)."""
    options = options or AnalysisOptions()
    started = time.perf_counter()
    parsed = parse_resume(data, options)
    extracted = time.perf_counter()

    found_sections = find_sections(parsed.lines)
    sections, labels = found_sections.found, found_sections.labels
    # A .docx line is a whole paragraph: evidence names the paragraph, and no match runs across two of them.
    by_paragraph = parsed.file_type == "docx"
    matched = matcher.match(
        Line(page=line.paragraph if by_paragraph else line.page, text=line.text, section=label)
        for line, label in zip(parsed.lines, labels, strict=True)
    )
    where = _paragraph_evidence if by_paragraph else list
    technical = matched.names("technical")
    soft = matched.names("soft")
    text = "\n".join(line.text for line in parsed.lines)
    title_lines = _title_lines(parsed.lines, labels)
    missing, missing_source, coverage, role = _missing_keywords(matcher, options, technical + soft, text, title_lines)
    matched_at = time.perf_counter()

    facts = resume_facts(parsed, labels, sections, found_sections.heading_cells)
    findings = rank(run_checks(parsed, facts) + source_findings(parsed))
    scores = category_scores(findings, coverage, len(technical))
    gains = score_gains(findings, coverage, len(technical), options.score_weights)
    finished = time.perf_counter()

    return Report(
        overall_score=overall_score(scores, options.score_weights, findings),
        summary_text=summary_text(technical, soft, findings, scores, facts, role, gains),
        technical_skills=technical,
        soft_skills=soft,
        missing_keywords=missing,
        formatting_issues=list(dict.fromkeys(finding.message for finding in findings)),
        details={
            "score_breakdown": scores,
            "findings": [finding.as_dict() for finding in findings],
            "skill_evidence": {name: where(hit.evidence) for name, hit in matched.hits.items()},
            # Implied, never stated: kept out of technical_skills/soft_skills and the summary (issue 11).
            "inferred_skills": [
                {"name": name, "kind": hit.skill.kind, "evidence": where(hit.evidence)}
                for name, hit in matched.inferred.items()
            ],
            "missing_keywords_source": missing_source,
            "contact": facts["contact"],
            "sections": sections,
            "page_count": parsed.page_count,
            "page_count_estimated": parsed.page_count_estimated,
            "file_type": parsed.file_type,
            "text_source": text_source(parsed),
            **({"ocr": ocr_details(parsed)} if parsed.ocr_pages or parsed.ocr_missing_pages else {}),
            "word_count": facts["word_count"],
            "margins_pt": parsed.margins,
            "low_confidence": low_confidence(findings) or bool(parsed.ocr_pages),
            "layout": {
                "columns": parsed.columns,
                "columns_per_page": [page.columns for page in parsed.pages],
                "page_size_pt": [round(parsed.pages[0].width, 1), round(parsed.pages[0].height, 1)],
                "font_families": facts["font_families"],
                "body_font_size": facts["body_font_size"],
                "images": facts["images"],
                "tables": len(facts["table_pages"]),
                "text_boxes": parsed.text_boxes,
                "header_footer_lines": facts["header_footer_lines"][:10],
                "garbled_share": facts["garbled_share"],
            },
            "content": {
                "bullets": facts["bullets"]["count"],
                "quantified_bullets": facts["bullets"]["quantified"],
                "action_verb_bullets": facts["bullets"]["action_verb"],
                "long_bullets": len(facts["bullets"]["long"]),
                "pronouns": facts["pronouns"],
                "buzzwords": facts["buzzwords"],
                "date_styles": facts["date_styles"],
            },
            "catalog_version": matcher.version,
            "timings_ms": {
                "extract": round((extracted - started) * 1000, 1),
                "match": round((matched_at - extracted) * 1000, 1),
                "checks_and_scoring": round((finished - matched_at) * 1000, 1),
                "total": round((finished - started) * 1000, 1),
            },
        },
    )


def parse_resume(data, options):
    try:
        kind = sniff(io.BytesIO(data))
    except Refused as refused:  # a stored file refused today (a reprocess after the rules changed)
        raise UnreadablePdf(refused.message, refused.code) from None
    if kind == "docx":
        return parse_docx(data, max_pages=options.max_pages)
    return parse_pdf(data, max_pages=options.max_pages, ocr=options.ocr)


def text_source(parsed):
    if not parsed.ocr_pages:
        return "text"
    return "ocr" if len(parsed.ocr_pages) == parsed.page_count else "mixed"


def ocr_details(parsed):
    return {
        "pages": parsed.ocr_pages,
        "dpi": parsed.ocr_dpi,
        "not_read_pages": parsed.ocr_missing_pages,
        # Word boxes give real geometry; the stand-in font of an OCR layer says nothing about the typeface.
        "measured_from_word_boxes": ["margins", "columns", "header_footer"],
        "not_measured": ["fonts", "font_sizes", "tables", "vector_graphics"],
    }


def source_findings(parsed):
    """Findings about how the text had to be read: from a picture by OCR, not at all, or out of text boxes."""
    findings = []
    if parsed.ocr_pages:
        findings.append(
            Finding(
                "ocr_text",
                "high",
                "readability",
                "Text read from a scan (OCR)",
                "This is a scanned or image-only PDF: we read it with OCR, but many ATS do not run OCR and see an "
                "empty page. Send a text PDF exported from your editor (or a .docx).",
                parsed.ocr_pages[0],
            )
        )
    if parsed.ocr_missing_pages:
        findings.append(
            Finding(
                "scanned_page_not_read",
                "high",
                "readability",
                "Scanned page not read",
                f"Page {parsed.ocr_missing_pages[0]} is a picture and OCR is not installed here, so its text was "
                "not read; many ATS cannot read it either. Export the PDF from your editor.",
                parsed.ocr_missing_pages[0],
            )
        )
    if parsed.text_boxes:
        findings.append(
            Finding(
                "text_boxes",
                "medium",
                "layout",
                "Text in text boxes",
                "Many ATS skip floating text boxes; write that text as ordinary lines in the document body.",
            )
        )
    return findings


def _paragraph_evidence(evidence):
    return [
        {"paragraph": item["page"], **{key: value for key, value in item.items() if key != "page"}} for item in evidence
    ]


def not_written(matcher, keywords, text):
    """The keywords whose name and aliases appear nowhere in the resume's text. A skill the matcher did not count
    as claimed (a mention in prose, a degree line, a product inside a longer name: "Epic EHR") is still written
    there, and telling the applicant to add what they already wrote misleads them."""
    lowered = text.lower()
    return [
        keyword for keyword in keywords if not _written(matcher.skills_by_name.get(keyword), keyword, text, lowered)
    ]


def _written(skill, name, text, lowered):
    for form in (name, *(skill.forms if skill else ())):
        if form.lower() not in lowered:  # a plain substring test first: most forms are simply absent
            continue
        # "EHR" or "Go" (an acronym, or a name that is also a common word) counts only as written: in lower case,
        # "ehr" or "go" is another word.
        exact = (form.isupper() and len(form) <= 5) or (skill is not None and skill.ambiguous)
        haystack, needle = (text, form) if exact else (lowered, form.lower())
        if re.search(r"(?<![\w+#])" + re.escape(needle) + r"(?![\w+#])", haystack):
            return True
    return False


# Where a resume states its job title: the headline by the name (the lines before any heading), and the most recent
# job's title among the experience section's first lines (its heading, then title, employer and dates in any order).
FIRST_JOB_LINES = 4


def _title_lines(lines, labels):
    header = [line.text for line, label in zip(lines, labels, strict=True) if label == ""]
    experience = [line.text for line, label in zip(lines, labels, strict=True) if label == "experience"]
    return header + experience[:FIRST_JOB_LINES]


def _missing_keywords(matcher, options, found, text, title_lines=()):
    """(missing keywords, where they came from, share of the wanted skills the resume covers or None, the role for
    the summary or None: its name, coverage, whether it is the target, and its skills the resume states).
    `title_lines`: the lines where the resume states its job title (`_title_lines`), in order."""
    role = find_role(matcher.roles, options.target_role) if options.target_role else best_role(matcher, found, text)
    coverage = role_coverage(role, found) if role else None
    # No role profile fits (a profession the catalog has no profile for): another trade's keywords would mislead. A
    # role the resume names as its title, or that explains most of what a short resume lists, is its profession
    # however little of the profile the resume covers.
    evidence = role_evidence(matcher.roles, role, found) if role else []
    # Class: a role that shares one skill with the resume is a guess (an executive whose interests list baking covers
    # a fifth of Baker with "Baking" alone): as in the summary, it needs MIN_ROLE_EVIDENCE stated skills.
    fits = role is not None and (
        bool(options.target_role)
        or (coverage >= MIN_ROLE_COVERAGE and len(evidence) >= MIN_ROLE_EVIDENCE)
        or states_title(role, text)
        or explains_resume(matcher, role, found)
    )
    # The resume states a job title of another occupation than the role's, which the skills do not outweigh (a
    # bank teller's cash handling and POS fit Bartender): no role fits, as for a profession without a profile.
    if fits and not options.target_role and title_conflict(matcher, role, found, title_lines):
        fits = False
    summary_role = None
    if fits:
        summary_role = {
            "name": role.name,
            "coverage": coverage,
            "target": bool(options.target_role),
            "evidence": evidence,
        }
    if options.job_description.strip():
        # The job ad decides what is missing; the summary still names the role and cites the resume's own evidence
        # for it, never the ad's generic words the resume happens to share.
        wanted = job_description_skills(matcher, options.job_description)
        found_set = set(found)
        missing = [name for name in wanted if name not in found_set]
        unwritten = not_written(matcher, missing, text)
        jd_coverage = 1 - len(missing) / len(wanted) if wanted else None
        return unwritten[:20], {"type": "job_description", "skills_asked": len(wanted)}, jd_coverage, summary_role
    if role is None:
        return [], {"type": "none"}, None, None
    if not fits:
        return [], {"type": "none", "closest_role": role.name}, None, None
    source = {"type": "target_role" if options.target_role else "best_fit_role", "role": role.name}
    return not_written(matcher, missing_for_role(role, found, limit=60), text)[:15], source, coverage, summary_role
