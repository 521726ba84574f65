"""Category scores, the overall score and the summary sentence."""

from .findings import rank

DEFAULT_WEIGHTS = {"skills": 30, "contact": 15, "structure": 15, "layout": 15, "length": 10, "content": 15}
# How a 0-100 score reads, best first: (band, lowest score in it). The admin's score filter and the demo page's
# colours (through a data attribute) both use these edges.
SCORE_BANDS = (("strong", 85), ("good", 70), ("fair", 50), ("weak", 0))
# What one finding costs its category: a high-severity problem alone leaves a category at 60.
SEVERITY_PENALTY = {"high": 40, "medium": 20, "low": 10}
# A resume naming this many technical skills gets full marks for breadth.
SKILL_BREADTH_TARGET = 12
# Class: what an ATS cannot read in order. A table, columns, contact details in the page header, a page that is a
# picture or unmapped text lose or scramble the content itself, which no strength elsewhere makes up for: each costs
# the overall score this much on top of its category.
ATS_READING_RISKS = frozenset(["tables", "multi_column", "contact_in_header_footer", "page_is_image", "garbled_text"])
ATS_RISK_PENALTY = 10


def category_scores(findings, skills_coverage, technical_count):
    scores = {category: 100 for category in DEFAULT_WEIGHTS}
    for finding in findings:
        category = finding.category if finding.category in scores else "layout"
        scores[category] -= SEVERITY_PENALTY[finding.severity]
    breadth = min(1.0, technical_count / SKILL_BREADTH_TARGET)
    coverage = skills_coverage if skills_coverage is not None else breadth
    scores["skills"] = round(100 * (0.6 * coverage + 0.4 * breadth))
    return {category: max(0, min(100, score)) for category, score in scores.items()}


def overall_score(scores, weights=None, findings=()):
    """The weighted mean of the category scores, less ATS_RISK_PENALTY per ATS reading risk among `findings`."""
    weights = weights or DEFAULT_WEIGHTS
    total = sum(weights.get(category, 0) for category in scores)
    if not total:
        return 0
    value = sum(scores[category] * weights.get(category, 0) for category in scores) / total
    value -= ATS_RISK_PENALTY * len({finding.code for finding in findings if finding.code in ATS_READING_RISKS})
    return max(0, min(100, int(value + 0.5)))


def score_gains(findings, skills_coverage, technical_count, weights=None):
    """[(finding, points the overall score gains once it is fixed)], the largest gain first, then by severity."""
    findings = rank(findings)
    base = overall_score(category_scores(findings, skills_coverage, technical_count), weights, findings)
    gains = []
    for index, finding in enumerate(findings):
        rest = findings[:index] + findings[index + 1 :]
        fixed = overall_score(category_scores(rest, skills_coverage, technical_count), weights, rest)
        gains.append((fixed - base, -index, finding))
    gains.sort(key=lambda item: item[:2], reverse=True)
    return [(finding, gain) for gain, _, finding in gains]


# Words that fit a profession, for the summary's fixes: what its results are counted in and the verbs its bullets
# open with. A family is recognised from the role's name by any of its "|"-separated keys; the first family whose key
# the name holds wins, so narrower families ("Medical Billing", "Customer Service") come before broader ones. Every
# role of the shipped catalog falls in one (tests/test_summary.py).
PROFESSION_WORDS = tuple(
    (tuple(keys.split("|")), units, verbs)
    for keys, units, verbs in (
        ("it support|desktop support|help desk|service desk", "tickets, resolution time or uptime", "Resolved, Set up"),
        (
            "customer service|customer support|call center|customer care",
            "calls, resolution time or satisfaction scores",
            "Resolved, Handled",
        ),
        (
            "security officer|security guard|loss prevention",
            "patrols, incidents or response times",
            "Patrolled, Responded",
        ),
        ("childcare|child care|nanny|daycare", "children in your care, ratios or incidents", "Cared, Planned"),
        ("housekeep|janitor|custodian|cleaner", "rooms or areas cleaned, or inspection scores", "Cleaned, Restocked"),
        ("facilities|property manager", "buildings, costs or occupancy", "Managed, Cut"),
        ("hairstylist|stylist|cosmetolog|barber|salon", "clients, rebookings or retail sales", "Styled, Built"),
        ("fitness|personal trainer", "clients, sessions or retention", "Coached, Designed"),
        ("production|assembler|manufactur", "units produced, scrap or downtime", "Produced, Assembled"),
        (
            "accountant|bookkeeper|financ|billing|audit|tax|payroll|loan|claims|credit|bank",
            "accounts, days to close or savings",
            "Reconciled, Closed",
        ),
        (
            "nurse|nursing|medical|pharmac|clinic|health|caregiver|dental|hygien|phleb|therapist|dietitian|radiolog|"
            "respiratory|physician|paramedic|care aide|surgical|laborator|veterinar",
            "patients, shifts or error rates",
            "Assessed, Administered",
        ),
        ("legal|paralegal|attorney|lawyer|litigation", "cases, filings or deadlines met", "Drafted, Filed"),
        ("social work|counsel|case manager", "caseload, outcomes or referrals", "Supported, Referred"),
        ("teacher|teaching|tutor|instructor|lecturer|training", "class sizes, pass rates or grades", "Planned, Taught"),
        ("quality|inspector|safety|hse", "inspections, defects or incidents", "Inspected, Enforced"),
        ("sales|account manager|retail|customer|real estate", "revenue, quota or accounts won", "Closed, Grew"),
        ("recruit|hr |human resources|talent", "hires, time to hire or retention", "Hired, Onboarded"),
        ("chef|cook|kitchen|culinary|baker|restaurant|food service", "covers, food cost or waste", "Developed, Ran"),
        (
            "server|bartender|barista|flight attendant|hotel|front desk|event|hospitality|guest",
            "guests served, sales or reviews",
            "Served, Organised",
        ),
        (
            "civil|construction|mechanical|electrical|electronics|industrial|estimator",
            "budgets, schedules or tolerances",
            "Designed, Delivered",
        ),
        (
            "electrician|plumber|carpenter|welder|machinist|mechanic|technician|hvac|maintenance|operator|installer|"
            "painter|roofer|sheet metal|mason|landscap",
            "jobs completed, downtime or defects",
            "Installed, Repaired",
        ),
        ("designer", "users, conversions or turnaround", "Designed, Redesigned"),
        ("writer|editor", "documents, readers or support tickets saved", "Wrote, Edited"),
        ("marketer|marketing|seo|social media|content", "reach, leads or conversion", "Launched, Grew"),
        (
            "warehouse|supply chain|operations|logistics|driver|dispatch|purchasing|procurement|buyer",
            "orders, lead times or accuracy",
            "Shipped, Cut",
        ),
        (
            "compliance|risk|aml|kyc|regulatory",
            "audits passed, findings closed or cases reviewed",
            "Audited, Remediated",
        ),
        (
            "project|product manager|program manager|scrum",
            "budgets, deadlines or delivery dates",
            "Delivered, Launched",
        ),
        (
            "assistant|office|administrative|coordinator|secretary|receptionist",
            "requests handled, schedules kept or time saved",
            "Organised, Coordinated",
        ),
        (
            "developer|engineer|devops|architect|administrator|security|programmer",
            "users, latency, uptime or time saved",
            "Built, Shipped",
        ),
        (
            "data|analytics|business intelligence|analyst|scientist",
            "reports, decisions or hours saved",
            "Analysed, Automated",
        ),
    )
)
DEFAULT_PROFESSION_WORDS = ("%, $, counts or time saved", "Led, Built")
# The fix each finding asks for, as an instruction; {units} and {verbs} take the profession's words.
FIXES = {
    "no_email": "add your email address",
    "no_phone": "add a phone number",
    "no_profile_link": "add a LinkedIn or portfolio link",
    "contact_in_header_footer": "move your email and phone out of the page header into the body",
    "header_footer_text": "move the text in the page header or footer into the body",
    "no_experience_section": 'put your jobs under a heading "Experience"',
    "no_education_section": 'add a section headed "Education"',
    "no_skills_section": 'list your skills under a heading "Skills"',
    "no_summary": "open with a two-line summary of your role and strongest skills",
    "margins_too_narrow": "widen the margins to at least 0.5 in",
    "margins_too_wide": "narrow the left margin to 0.5-1 in",
    "multi_column": "set the page in one column",
    "tables": "write the table's content as plain headings and lines",
    "photo": "leave the photo out",
    "images_or_graphics": "say in words what the graphics and rating bars show",
    "page_is_image": "export the PDF from your editor instead of scanning it",
    "too_many_fonts": "use one or two typefaces",
    "small_text": "set the body text at 10-12 pt",
    "long_resume": "cut it to two pages",
    "too_many_pages": "cut it to two pages",
    "too_few_words": "describe each position in 3-5 bullets",
    "too_many_words": "cut older positions and repeated duties",
    "long_bullets": "split the longest bullets",
    "few_quantified_results": "put numbers on your results ({units})",
    "weak_bullet_openings": 'open bullets with what you did ("{verbs}…")',
    "first_person": 'drop "I" and "my" from the bullets',
    "buzzwords": "replace the clichés with results",
    "inconsistent_dates": "write every date the same way",
    "garbled_text": "export the PDF again with standard fonts",
    "repaired_pdf": "export the PDF again from your editor",
    "ocr_text": "send a PDF exported from your editor (with selectable text) instead of a scan",
    "scanned_page_not_read": "export the PDF from your editor so every page has selectable text",
    "text_boxes": "write the text in the text boxes as ordinary lines",
}
ONE_LAYOUT_FIX = frozenset(["multi_column", "tables"])
ONE_LAYOUT_FIX_TEXT = "set the page in one column, with plain headings and lines instead of tables"
# A role the skills found cover this share of is named as the fit; below it the summary names no role.
MIN_ROLE_COVERAGE = 0.2
# Class: a role that fits by one skill is a guess ("Fits a Baker role: it states Baking" for a physicist whose
# hobbies list baking): the summary names a fitting role only when the resume states this many of its skills.
MIN_ROLE_EVIDENCE = 2
MAX_EVIDENCE = 3


def summary_text(technical_skills, soft_skills, findings, scores, facts=None, role=None, gains=None):
    """Two sentences about this resume: the role it fits and its strongest stated evidence, then the two fixes
    that would raise its score most, worded for its profession.

    `role`: {"name", "coverage", "target": bool, "evidence": stated skills of the role, heaviest first}. Only
    skills the resume states are ever cited. `gains`: score_gains(); without it findings count by severity.
    """
    facts = facts or {}
    words = _profession_words(role["name"] if role else "")
    strength = _strength(technical_skills, soft_skills, scores, facts, role)
    fixes = _fixes(findings, gains, words)
    return f"{strength} {fixes}".strip()


def _profession_words(role_name):
    name = f" {role_name.lower()} "
    for keys, units, verbs in PROFESSION_WORDS:
        if any(key in name for key in keys):
            return units, verbs
    return DEFAULT_PROFESSION_WORDS


def _strength(technical_skills, soft_skills, scores, facts, role):
    skills = technical_skills + soft_skills
    bullets = facts.get("bullets") or {}
    quantified = bullets.get("count", 0) >= 4 and bullets.get("quantified", 0) >= 0.5 * bullets["count"]
    results = f"{bullets.get('quantified', 0)} of {bullets.get('count', 0)} bullets show measurable results"
    stated = [name for name in (role or {}).get("evidence", []) if name in skills]
    fits = role and role.get("coverage", 0) >= MIN_ROLE_COVERAGE and len(stated) >= MIN_ROLE_EVIDENCE
    if role and (role.get("target") or fits):
        # The strongest evidence is what the person can do for the role ("IV Therapy", "GD&T"), heaviest first; a
        # soft skill ("Leadership") or the role's own name ("Nursing" for a nurse) only when too few of those are.
        evidence = sorted(stated, key=lambda name: (_names_the_role(name, role["name"]), name in soft_skills))
        evidence = evidence[:MAX_EVIDENCE]
        if role.get("target"):
            opening = f"For the {role['name']} role you target"
        else:
            opening = f"Fits {_article(role['name'])} {role['name']} role"
        if evidence:
            tail = f"; {results}" if quantified else ""
            return f"{opening}: it states {_names(evidence)}{tail}."
        if quantified:
            return f"{opening}: {results}."
        return f"{opening}, though few of its key skills are stated."
    if skills:
        tail = f"; {results}" if quantified else ""
        if len(skills) <= MAX_EVIDENCE:
            return f"It states {_names(skills)}{tail}."
        return f"It states {len(skills)} skills, among them {_names(skills[:MAX_EVIDENCE])}{tail}."
    if quantified:
        return f"{results[0].upper()}{results[1:]}."
    if scores.get("layout", 0) >= 90 and scores.get("structure", 0) >= 90:
        return "A clean one-column layout with every key section."
    return "No skills from the catalog were recognised."


def _fixes(findings, gains, words):
    if gains is None:
        gains = [(finding, None) for finding in rank(findings)]
    worth = [finding for finding, gain in gains if gain is None or gain > 0] or [finding for finding, _ in gains]
    # Class: two findings with one remedy ("set the page in one column" and "write the table's content as plain
    # headings" for a sidebar theme) are one fix, not the two the summary has room for.
    joint = [finding for finding in worth if finding.code in ONE_LAYOUT_FIX]
    if len(joint) > 1:
        worth = [finding for finding in worth if finding not in joint[1:]]
    chosen = worth[:2]
    if not chosen:
        return "Nothing stands in an ATS's way."
    units, verbs = words
    phrases = [
        (ONE_LAYOUT_FIX_TEXT if finding in joint and len(joint) > 1 else FIXES.get(finding.code, "")).format(
            units=units, verbs=verbs
        )
        or _lower_first(finding.message)
        for finding in chosen
    ]
    if len(phrases) == 1:
        lead = "The one change left" if all(f.severity == "low" for f in chosen) else "To raise the score most"
        return f"{lead}: {phrases[0]}."
    return f"To raise the score most: {phrases[0]}, and {phrases[1]}."


def _names_the_role(skill, role_name):
    """True when every word of the skill is a word of the role's name in another form: "Nursing" for "Registered
    Nurse", "Civil Engineering" for "Civil Engineer", "Project Management" for "Project Manager"."""
    role_words = role_name.lower().split()
    return all(any(_same_stem(word, other) for other in role_words) for word in skill.lower().split())


def _same_stem(word, other):
    shared = 0
    for left, right in zip(word, other, strict=False):
        if left != right:
            break
        shared += 1
    return shared >= max(3, min(len(word), len(other)) - 3)


def _article(name):
    """ "an" before a vowel sound: "an Accountant", "an HR Specialist", "a Teacher"."""
    first = name.split()[0] if name.split() else ""
    if first.isupper() and len(first) > 1:
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


def _lower_first(message):
    return message if message[:2].isupper() else message[0].lower() + message[1:]


def _names(names):
    names = list(names)
    if len(names) <= 2:
        return " and ".join(names)
    # A name holding "and" ("Shipping and Receiving") takes the serial comma, so the list still parses.
    serial = "," if any(" and " in name or " & " in name for name in names) else ""
    return ", ".join(names[:-1]) + f"{serial} and " + names[-1]
