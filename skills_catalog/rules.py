"""The acceptance rules: whether a name the engine found in a line counts as a skill, given its context.

Acronyms only in capitals ("DOE" is not "Doe"), employers and link labels are not skills ("Red Hat" alone on an
experience line, "Github://"), and ambiguous names (Go, R, C, Swift, Excel, Access, Chef…) count only where the
context shows a skill. Pure functions of a `LineContext`; no database, no catalog lookups.
"""

import re
from dataclasses import dataclass

from .files import shipped_exact_case_forms


def _words(text):
    return frozenset(text.split())


# Catalog forms ending in a job noun name a role, not a skill ("Software Engineer" ≠ Software Engineering).
ROLE_NOUNS = _words(
    "engineer engineers developer developers architect architects manager managers analyst analysts designer "
    "designers consultant consultants specialist specialists administrator administrators technician technicians "
    "intern interns researcher researchers scientist scientists officer director coordinator lead surveyor "
    "investigator investigators"
)
# Words after an ambiguous name that make it a verb or a common noun in prose ("react to", "go to", "excel in").
PROSE_FOLLOWERS = _words(
    "to the a an with into on in up out over about through by from our their your my its this that his her them "
    "us me it quickly ahead beyond above at of is are was were be been"
)
# Words before an ambiguous name that make it a verb ("I excel", "to make", "will go").
PROSE_LEADERS = _words("i we you they he she to will would can could should must may might did do does not")
# Words that introduce a tool in prose: "provisioning with Puppet", "written in Go".
TOOL_LEADERS = _words("with using use used via in through including includes like and or on")
# Words allowed between two items of an enumeration: "Python and R", "Kafka, Consul".
ENUMERATION_GLUE = _words("and or & as well plus")
# Labels that introduce languages or tools: "Programming Languages:", "Tools Used:", "Tech:".
SKILL_LABEL_WORDS = _words("language languages skills tools tool tech technologies stack programming used software")
YEAR_RE = re.compile(r"^(?:19|20)\d\d$|^'\d\d$")
LIST_SEPARATORS_RE = re.compile(r"(?:(?<!\s)\s+)?(?:[,;|•·▪◦●○■►✓\t]|\s[-–—>=]+\s|\s/\s)\s*")
# Words that open an enumeration inside a sentence: "tools such as awk, sed, grep", "including Jetty, Tomcat".
LIST_INTRODUCER_RE = re.compile(r"^.*\b(?:such as|including|like|e\.g\.|i\.e\.)\s+", re.IGNORECASE)
LABEL_RE = re.compile(r"^\s*[\w][\w &/+-]{0,40}:\s*(?!//)")
LINK_LABEL_RE = re.compile(r"^\s*:+\s*(?://|https?:|www\.|@|[^\s:]\S*\.(?:com|org|net|io|me|dev)\b)", re.IGNORECASE)
LOCATION_AFTER_RE = re.compile(r"^\s*,\s*[A-Z]{2}\b(?!\w)")
# Class "place": a name that starts a place name written with its US state or Canadian province ("Rust Hollow, MT",
# "Python Lake, ID"). The codes are the postal ones; other two-letter words after a comma ("ML", "AI") are not.
REGION_CODES = _words(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR "
    "PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS NT NU ON PE QC SK YT"
)
PLACE_AFTER_RE = re.compile(r"^(?:\s+[A-Z][a-z]+){1,2}\s*,\s*([A-Z]{2})\b(?!\w)")
# Class "title/employer line": a job's header carries a date range ("Analyst, Splunk Valley Foods (2019 - 2022)",
# "Buyer at Bamboo & Co. | 2018-2021"); the names on it are a title and an employer, not claimed skills.
# The end of the range may carry its month: "Jan 2019 - Mar 2022", "Sept. 2019 - Present", "05/2018 - 06/2021".
DATE_RANGE_RE = re.compile(
    r"\b(?:19|20)\d\d\s*(?:-|to|until)\s*(?:(?:[A-Za-z]{3,9}\.?|\d{1,2}\s*/)\s*)?"
    r"(?:(?:19|20)\d\d|present|current|now|today|date)\b",
    re.IGNORECASE,
)
# Class "employer line": "Stripe • San Francisco, CA", "Notion | Austin, TX", "Lead, Salesforce - Denver, CO": a
# short line whose segment after a separator is a place with its region code names an employer (or a title) before it.
SEGMENT_START_RE = re.compile(r"[|•·▪\t,]|\s-\s|\s{2,}")
PLACE_SEGMENT_RE = re.compile(
    r"(?:[A-Z][a-z]+\.?\s+){0,2}[A-Z][a-z]+,\s*([A-Z]{2}\b(?![\w.])|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"\s*(?=$|[|•·▪\t,(]|\s-\s|\s\d)"
)
# Full names of the US states and Canadian provinces, as a place segment writes them ("Chicago, Illinois").
REGION_NAMES = _words(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois "
    "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
    "montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington "
    "wisconsin wyoming alberta manitoba ontario quebec saskatchewan yukon"
) | frozenset(
    ["new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island"]
    + ["south carolina", "south dakota", "west virginia", "british columbia", "new brunswick", "nova scotia"]
)
EMPLOYER_LINE_MAX_WORDS = 10
EMPLOYER_NAME_MAX_WORDS = 5
SLASH_SEGMENT_RE = re.compile(r"([,;|•·])")
SLASH_RE = re.compile(r"(?<=\S)/(?=\S)")
HEADER_LINE_MAX_WORDS = 14  # a longer line with dates is a sentence ("Built … with Python, 2019-2021")
# Class "category label": "Cloud & DevOps:", "Data & Analytics:", "COMPLIANCE:" name a group of the items after
# them; a single name as a label ("AWS: EC2, S3") still names the tool its parts belong to.
BULLETED_LABEL_RE = re.compile(r"^\s*(?:[•·▪◦●○■►✓*-]\s*)?([\w][\w &/+-]{0,40}?)\s*:\s*(?!//)")
CATEGORY_JOIN_RE = re.compile(r"&|\band\b|/|,", re.IGNORECASE)
# Class "person": "Ruby Alvarez, Nurse Manager" (a referee line), "novels by Julia Fairweather" (an author).
PERSON_ROLE_WORDS = ROLE_NOUNS | _words(
    "reference referee supervisor nurse teacher principal vp head chief president professor"
)
# Class "place": a name followed straight by a landform or settlement noun starts a place ("Cassandra Ridge",
# "Python Creek", "Spring Hollow"), whether a town, a trail or an employer named after one.
PLACE_NOUNS = _words(
    "creek valley lake hollow falls springs ridge point river bay harbor harbour hill hills mountain heights grove "
    "canyon meadows mesa"
)
# Small words inside a product or field name written in Title Case: "Design for Manufacturing", "Bills of Lading".
NAME_JOINERS = _words("for of and & the")
# Class "ambiguous name in technical prose": the grammar that makes Go, R, Rust or Chef a tool.
# "a CLI written in Go", "models fitted in R": a making verb, then "in X".
MAKING_VERBS = _words(
    "written wrote rewrote rewritten built build implemented coded programmed fitted developed scripted modelled "
    "modeled ported shipped prototyped automated solved simulated analysed analyzed"
)
# "a Rust service", "a Webpack plugin": a name before a software artefact noun.
ARTEFACT_NOUNS = _words(
    "service services library libraries plugin plugins cli app apps api apis backend module modules package packages "
    "codebase script scripts pipeline pipelines microservice microservices server servers sdk toolkit framework "
    "component components cookbook cookbooks manifests modules tests test suite rewrite port monitoring dashboards "
    "dashboard alerting alerts cluster clusters integration"
)
# "Integrated Prometheus monitoring", "deployed Consul clusters": a verb of building or running, the name, then an
# artefact noun: the name is the tool the artefact is made with.
SETUP_VERBS = MAKING_VERBS | _words("integrated deployed configured introduced added set maintained ran operated")
# "replaced Puppet with Chef", "migrated from Jenkins to Buildkite": both ends of a swap are tools.
SWAP_OPENERS = _words("replaced replacing swapped migrated migrating moved switched from")
SWAP_JOINERS = _words("with to by for")
CLAUSE_MARKS = ".;!?"
SHORT_CLAUSE_WORDS = 4  # "Calm, patient and detail-oriented": a quality list; longer is a sentence about work
# Followers that make a name a verb ("React to") do not apply after "with"/"using": "tests with Jest to the site".
TOOL_ONLY_LEADERS = _words("with using via")
NAME_LINE_SECTIONS = frozenset(["experience", "education"])
# A name followed by one of these names an organisation or an event, not a skill: "The Linux Foundation", "Python
# Software Foundation", "Microsoft Coding Competition", "DEFCON CTF Hacking Competition".
INSTITUTION_NOUNS = _words(
    "foundation foundations institute university association society consortium competition competitions contest "
    "hackathon olympiad championship award awards prize club circle league"
)
ORGANISATION_BREAK_RE = re.compile(r"[,;|•·/()]")
# A certification line names a credential: its broad words ("AWS Certified Security – Specialty") claim no skill.
CERTIFICATION_RE = re.compile(r"\bcertifi(?:ed|cation|cations|cate|cates)\b", re.IGNORECASE)
# A sentence about the document itself (template boilerplate): "create a CV or resume as a PDF from a YAML file",
# "this template uses LaTeX". Its tools are the template's, not the person's.
ABOUT_DOCUMENT_RE = re.compile(
    r"\b(?:cv\s*/\s*resume|resume\s*/\s*cv|cv or resume|resume or cv"
    r"|(?:this|your) (?:template|cv|resume|r[ée]sum[ée])|this document)\b",
    re.IGNORECASE,
)
SENTENCE_END_RE = re.compile(r"[.!?:]\s*$")
# Class "placeholder text": template filler ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do…")
# claims nothing, though "sed" is a tool. Only words of the filler that are not English words are listed; a line with
# two of them is filler from the first of them on.
PLACEHOLDER_WORDS = _words(
    "lorem ipsum dolor amet consectetur consectetuer adipiscing adipisicing elit eiusmod tempor incididunt labore "
    "dolore aliqua veniam nostrud exercitation ullamco laboris nisi aliquip commodo consequat duis aute irure "
    "reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur occaecat cupidatat proident culpa "
    "officia deserunt mollit laborum vestibulum pellentesque aenean donec nunc vivamus curabitur praesent phasellus "
    "suspendisse nullam morbi etiam fusce quisque sapien tellus ligula eget lectus arcu augue mauris"
)
PLACEHOLDER_MIN_WORDS = 2
PLACEHOLDER_WORD_RE = re.compile(r"[A-Za-z]+")
# A percentage before a practice makes it a measured figure, not a claim: "ensuring 100% test coverage".
PERCENT_BEFORE_RE = re.compile(r"\d\s*%\s*$")
# Profile sites double as tools; outside a list they are links or trivia ("Github" under the name, "2.5K GitHub stars").
# A soft skill in lower-case prose is narration ("fault tolerance", "drive innovation", "conflict resolution
# algorithms") unless the sentence states it as a quality: "strong communication skills", "excellent teamwork".
SOFT_CLAIM_AFTER = _words("skills skill abilities ability")
SOFT_CLAIM_BEFORE = _words(
    "strong excellent good great exceptional outstanding proven effective solid superb superior keen sharp "
    "demonstrated highly clear"
)
# Class "soft skill stated as a claim" (issue 11, round three): "Skilled in time management and customer service",
# "Adept at conflict resolution", "Excellent organizational, communication and time management skills". A claim
# word (above, or one of these with its preposition) or a trailing "skills" covers every item of the coordination it
# opens or closes; between them only items, commas, "and"/"or" and the adjectives of a skill's name may stand.
SOFT_CLAIM_VERBS = _words("skilled adept proficient experienced known versed talented gifted")
SOFT_CLAIM_PREPOSITIONS = _words("in at for with")
SOFT_COORDINATION = _words("and or & as well")
# Adjectives that name a kind of skill inside a claim ("strong analytical and communication skills").
SOFT_SKILL_ADJECTIVES = _words(
    "analytical organizational organisational interpersonal written verbal oral communication leadership "
    "problem-solving people customer multitasking presentation listening writing speaking time management "
    "critical thinking decision-making negotiation teamwork"
)
SOFT_CLAIM_WINDOW = 8  # words between the claim word and the item, at most
# Class "broad field claimed by an introducer": "specialties in software installation, cybersecurity and customer
# service", "experienced in troubleshooting and technical support", "deep expertise in networking, monitoring": a
# phrase that claims competence opens a coordination of short items, and each item ending there is claimed, even a
# broad field in lower case. "experience in monitoring patient vitals" is not: the item does not end its segment.
CLAIM_INTRODUCER_RE = re.compile(
    r"\b(?:specialt(?:y|ies)|speciali[sz](?:ing|es|ed)|expertise|experienced?|skilled|proficien(?:t|cy)|knowledge"
    r"|background|versed|competen(?:t|ce|cies)|strengths?|trained|certified)\s+(?:in|with|of|at|on|include)\s+",
    re.IGNORECASE,
)
CLAIM_ITEM_SPLIT_RE = re.compile(r",|\band\b|\bor\b|&|\bas well as\b", re.IGNORECASE)
CLAIM_ITEM_MAX_WORDS = 4
CLAIM_ITEM_END_RE = re.compile(r"^\s*(?:$|[,.;&)]|and\b|or\b|as well\b)", re.IGNORECASE)
# Class "skills of others": "taught reading and writing skills", "coached new hires in customer service", "helped
# students build teamwork": a teaching verb or a learner before the quality in its clause makes it theirs.
OTHERS_SKILL_WORDS = _words(
    "taught teach teaches teaching tutored tutoring tutor instructed instructing coached coaching trained training "
    "student students pupils children kids learners trainees mentees"
)
# Class "quality stated of a thing" (issue 11): a quality word stands for a soft skill only where it describes the
# person: alone ("Numerate, thorough and honest about risk"), before a preposition ("warm with candidates", "calm on
# Black Friday") or before the person's title ("detail-oriented accountant"). Before any other word it qualifies a
# thing ("accurate invoices", "clean code", "persistent storage"), and after a determiner it is narration ("a patient
# reviewer", "the flexible schedule").
QUALITY_FOLLOWERS = _words("with without about in on under at through around toward towards when and or but &")
QUALITY_PERSON_NOUNS = ROLE_NOUNS | _words(
    "professional professionals person individual leader worker employee colleague teammate nurse accountant "
    "clerk cook chef recruiter teacher tutor estimator tech electrician welder supervisor assistant representative "
    "associate advisor partner"
)
INTEREST_PREPOSITIONS = _words("about")
PARTICIPLES = ("ed", "ing")  # "Organised, decisive" is a quality; "Collaborated with …" a verb
AGENT_NOUN_ENDINGS = ("er", "or", "ist")  # "solver", "negotiator", "strategist": a soft form naming the person
# Words a quality describing the person may follow in its segment: a coordinator, a degree adverb, a copula or a
# claim word ("fast and accurate", "well organised", "I am honest", "highly reliable").
QUALITY_LEADERS = (
    SOFT_COORDINATION
    | SOFT_CLAIM_BEFORE
    | SOFT_CLAIM_VERBS
    | _words("very extremely always consistently well truly genuinely naturally also am is are be being remain stay")
)
DETERMINERS = _words("a an the every each my our their his her its this that these those any some no")
# A name written in full behind its vendor ("Apache Beam", "Microsoft Teams", "HashiCorp Consul") names the product
# even when the skill is flagged for its short form ("Beam", "Teams", "Consul").
VENDOR_WORDS = _words(
    "apache microsoft ms google adobe amazon aws oracle ibm sap azure autodesk atlassian hashicorp salesforce eclipse "
    "jetbrains"
)
PROFILE_SITES = frozenset(
    ["github", "gitlab", "bitbucket", "stack overflow", "kaggle", "behance", "dribbble", "leetcode", "hackerrank"]
    + ["linkedin", "facebook", "twitter", "instagram"]
)
CREDENTIAL_NOUNS = _words("certificate certification diploma licence license degree")
# Hobbies and interests claim no professional skill ("Baking cupcakes", "Photography").
NO_SKILL_SECTIONS = frozenset(["interests", "references"])
# Where a generic soft-skill word ("detail-oriented", "collaborative") is a claim, not narration: a summary.
SOFT_CLAIM_SECTIONS = frozenset(["summary"])
# A degree names a field of study, not a claimed skill: "B.S. in Information Systems", "Master of Science in
# Information Technology", "Bachelor of Engineering in Electrical and Electronics", "major in Economics".
DEGREE_RE = re.compile(
    r"\b(?:bachelor|master|associate|doctor)(?:'?s)?(?:\s+(?:degree|student|program|programme))?\s+(?:of|in)\b"
    r"|\b(?:bachelor|master)'s\b"
    r"|\b(?:B|M)\.\s?(?:S|A|E|Sc|Eng|Tech|Phil)\.?(?=\s|,|$)"
    r"|\b(?:BS|MS|BA|MA|BSc|MSc|BEng|MEng|BTech|MTech|MBA)\b(?=,?\s+(?:in|of)\b)"
    r"|\bPh\.?\s?D\b|\bMBA\b|\bdoctorate\b"
    r"|\b(?:diploma|degree|major|majored|majoring|minor|concentration)\s+(?:of|in)\b"
    # Class "field of study": the label of a degree line ("Major: Accounting", "Concentration: Supply Chain").
    r"|^\s*(?:major|minor|concentration|specialization|field of study|area of study)\s*:",
    re.IGNORECASE,
)


# The kind of a degree, which is not its field: "Bachelor of Arts", "Master of Science", "Bachelor of Applied Science".
DEGREE_KIND_RE = re.compile(r"\b(?:fine\s+|applied\s+|liberal\s+)?(?:arts|sciences?)\b", re.IGNORECASE)


# Class "a name whose own spelling is its only mark" (issue 11): SAFe, LaTeX, OOPs are everyday words in any other
# case ("safe", "latex gloves", "oops"). The catalog audit (tests/test_catalog_audit.py) makes a person list every
# mixed-case name or alias whose lower case is a common English word as exact-case or any-case; exact-case ones
# never count when written as that everyday word (lower case or capitalised).
EXACT_CASE_FORMS = shipped_exact_case_forms()


@dataclass
class LineContext:
    text: str
    tokens: list
    section: str
    listing: bool  # a skills section, a labelled line ("Tech: …") or a list of short items
    found: list
    degree_span: tuple = None  # (start, end) of the part of a degree line that names the field of study


def accepted(item, context):
    """Whether a match found on a line counts as a skill the resume states, given its context."""
    form, tokens = item.form, context.tokens
    following = context.text[tokens[item.end - 1][2] :] if item.end <= len(tokens) else ""
    if LINK_LABEL_RE.match(following):
        return False  # "Github:// deedydas", "GitHub: https://…" label a link, they claim nothing
    if form.text in EXACT_CASE_FORMS and item.surface in (item.surface.lower(), item.surface.capitalize()):
        return False  # "safe work practices" is not SAFe, "Latex gloves" not LaTeX; "LATEX" (its logo) still is
    if _product_alias_in_lower_case(item, context):
        return False  # "mapped the dataflow between …": an everyday word, not Google Cloud Dataflow
    if form.acronym and not item.surface.isupper() and not item.fuzzy and not _whole_list_item(item, context):
        return False  # "Doe" is a name, "mean" a word; as an item of a list a lower-case "aws" still means AWS
    if form.partial and not context.listing and not _soft_stated_in_prose(item, context):
        return False  # "support" alone in prose; "strong analytical and …" or "Meticulous;" claims the quality
    if LOCATION_AFTER_RE.match(following):
        return False  # "Palo Alto, CA" is a place
    place = PLACE_AFTER_RE.match(following)
    if place and place.group(1) in REGION_CODES and item.surface[:1].isupper():
        return False  # "Rust Hollow, MT": the first word of a place name
    if _header_line(context):
        return False  # "Design Engineer, Splunk Valley Foods (2019 - 2022)": a title and an employer
    if _before_a_place_segment(item, context):
        return False  # "Stripe • San Francisco, CA": an employer and where it is
    if _in_category_label(item, context):
        return False  # "Cloud & DevOps: Docker, Helm": the label names the group, the items are the skills
    if _inside_course_title(item, context):
        return False  # "Coursework: Statistics for Engineers": the name of a course, not a skill claimed
    if _names_a_person(item, context):
        return False  # "Ruby Alvarez, Nurse Manager", "novels by Julia Fairweather"
    if _names_a_job_title(item, context):
        return False  # "AML Investigator with 9 years…", "Kubernetes Administrator": a title claims no skill
    if _starts_a_place(item, context):
        return False  # "the Cassandra Ridge trail", "Python Creek Savings"
    if form.skill.ambiguous and _names_a_credential(item, context):
        return False  # "Paralegal Certificate", "Nursing Diploma": the credential's field, as on a degree line
    if form.skill.ambiguous and form.skill.kind == "technical" and _part_of_unknown_name(item, context):
        return False  # "Transaction Monitoring", "Oracle TMS": a list item the catalog does not know as a whole
    # A word alone on its line in capitals is a heading; a lone "C" in a sidebar is the language.
    heading = context.text.strip() == item.surface and item.surface.isupper() and len(item.surface) > 1
    heading = heading and not form.acronym
    if heading and context.section != "skills":
        return False  # "RESEARCH" alone in capitals is a heading the section finder did not know
    if item.fuzzy and context.text.strip() == item.surface and context.section != "skills":
        return False  # "Recognition" alone on its line is a heading, not a typo of "Rekognition"
    if context.section == "experience" and _inside_an_unknown_name_segment(item, context):
        return False  # "Crescent City Catering", "Lone Star Process Piping, Pipe Welder": an employer's name
    if context.section in NAME_LINE_SECTIONS and _names_the_line(item, context):
        return False  # "Red Hat" or "Stripe • San Francisco" heading a job: an employer, not a tool
    if _names_institution(item, context):
        return False  # "The Linux Foundation", "Microsoft Coding Competition": an organisation or an event
    preceding = context.text[: tokens[item.start][1]] if item.start < len(tokens) else ""
    if PERCENT_BEFORE_RE.search(preceding):
        return False  # "100% test coverage" is a figure
    if form.skill.ambiguous and form.text != form.skill.name and CERTIFICATION_RE.search(context.text):
        # "AWS Certified Security – Specialty": a broad word standing for a field names the credential; a named
        # subject ("HashiCorp Certified: Consul Associate") is still the plain skill it certifies.
        return False
    if form.skill.name.lower() in PROFILE_SITES and (following.lstrip().startswith(":") or not context.listing):
        return _profile_site_in_prose(item, context)  # "Github" under the name is a link, "GitHub stars" a figure
    if context.degree_span and _inside(item, context, context.degree_span) and _field_of_study(form.skill):
        return False  # "M.S. in Information Systems": a field of study, not a claimed skill
    if form.skill.kind == "soft" and not form.grammar and not _soft_claim(item, context):
        return False  # "communication" in narration; but "Resolved conflicts between …" states Conflict Resolution
    if form.skill.kind == "soft" and context.section != "skills" and _skill_of_others(item, context):
        return False  # "taught reading and writing skills": the learners' skills, not the writer's
    if form.skill.ambiguous and not _vendor_named(item) and not (form.grammar and form.skill.kind == "soft"):
        return _ambiguous_credible(item, context)
    return True


def acronym_needs_domain(item, context):
    """Class "cross-domain acronym": a short capital abbreviation in prose is read in the resume's own field ("EMT
    conduit" is electrical metallic tubing on an electrician's resume, "the BMS curriculum" a school's initials on a
    teacher's). In a list it is a claimed item and counts; in prose it counts only with domain-consistent support
    elsewhere in the resume, which the engine checks once the whole document is read."""
    return item.form.acronym and not context.listing and item.surface.isupper()


def without_placeholder(text):
    """Class "placeholder text": a line of lorem-ipsum filler, cut where the filler starts; what comes before it
    ("Customer Service Lorem ipsum dolor…", a template's item and its dummy description) is kept."""
    if PLACEHOLDER_WORDS.isdisjoint(text.lower().replace(",", " ").replace(".", " ").split()):
        return text  # the common case, checked cheaply: no filler word at all
    words = list(PLACEHOLDER_WORD_RE.finditer(text))
    if len({word.group().lower() for word in words} & PLACEHOLDER_WORDS) < PLACEHOLDER_MIN_WORDS:
        return text
    first = next(word for word in words if word.group().lower() in PLACEHOLDER_WORDS)
    return text[: first.start()]


def spaced_slash_list(text):
    """Class "slash list": "Scheduling/Quality Control/Site Safety" is a list of three; a part between list
    separators with two or more slashes gets spaces around them so each item is read. One slash stays one name
    ("CI/CD", "TCP/IP", "A/B Testing"); links are left alone."""
    if text.count("/") < 2 or "://" in text or "www." in text:
        return text
    parts = SLASH_SEGMENT_RE.split(text)
    return "".join(SLASH_RE.sub(" / ", part) if part.count("/") >= 2 else part for part in parts)


def _profile_site_in_prose(item, context):
    """Class "social site in prose": "a prospect list from LinkedIn and Twitter", "campaigns on Facebook" use the
    site as a tool; "LinkedIn: /in/jane" or a bare "LinkedIn" in the contact line is a link."""
    tokens = context.tokens
    following = context.text[tokens[item.end - 1][2] :]
    before = tokens[item.start - 1][0] if item.start > 0 else ""
    if following.lstrip().startswith(":") or item.start < 2 or not item.surface[:1].isupper():
        return False
    return before in TOOL_LEADERS or before in ("from", "and") or _enumerated_with_skill(item, context)


def _names_a_job_title(item, context):
    """Class "job title": a name written as a name right before a job noun, outside a list, is part of a title."""
    tokens = context.tokens
    if context.listing or item.end >= len(tokens) or not item.surface[:1].isupper():
        return False
    word, start, _ = tokens[item.end]
    return word in ROLE_NOUNS and context.text[start].isupper()


def _product_alias_in_lower_case(item, context):
    """Class "product written as a word": a one-word alias a catalog spells capitalised for a skill of another name
    ("Dataflow", "Memorystore" for Google Cloud Platform) is a product's name; written all lower case in prose it is
    the everyday word. In a list or a skills section it is still the product."""
    form = item.form
    if form.text == form.skill.name or not form.text.isalpha() or not form.text[:1].isupper() or item.fuzzy:
        return False
    return item.surface.islower() and not context.listing and context.section != "skills"


def _names_a_credential(item, context):
    """Class "credential title": a broad or job-title name right before a credential noun written as a name
    ("Paralegal Certificate", "Pharmacy Technician Diploma") is the credential's subject, as a degree's field is."""
    tokens = context.tokens
    if item.end >= len(tokens):
        return False
    word, start, _ = tokens[item.end]
    return word in CREDENTIAL_NOUNS and context.text[start].isupper()


def _starts_a_place(item, context):
    tokens = context.tokens
    if item.end >= len(tokens) or not item.surface[:1].isupper():
        return False
    word, start, _ = tokens[item.end]
    gap = context.text[tokens[item.end - 1][2] : start]
    return not gap.strip() and word in PLACE_NOUNS and context.text[start].isupper()


def _part_of_unknown_name(item, context):
    """Class "part of an unknown name": in a list, an item written in Title Case ("Transaction Monitoring", "Oracle
    TMS", "Design for Manufacturing") is one name; a flagged word inside it is not a skill when the catalog knows
    no name for the whole item."""
    if not context.listing or not item.surface[:1].isupper() or context.section == "education":
        return False  # a degree line ("BEng Civil Engineering, Northgate") is judged by the degree rules
    start = context.tokens[item.start][1]
    for segment in LIST_SEPARATORS_RE.finditer(context.text):
        if segment.start() > start:
            segment_text = context.text[: segment.start()]
            break
    else:
        segment_text = context.text
    left = max((found.end() for found in LIST_SEPARATORS_RE.finditer(segment_text)), default=0)
    # A slash list wrapped in a narrow column ends its line with the slash: "Scheduling/Quality Control/".
    item_text = BULLETED_LABEL_RE.sub("", segment_text[left:], count=1).strip(" .•/")
    words = item_text.split()
    while words and words[0].lower() in ENUMERATION_GLUE:
        words = words[1:]  # "…, and Excel": the glue of the list, not part of the item
    item_text = " ".join(words)
    if len(words) < 2 or item.surface == item_text:
        return False
    title_case = all(word[:1].isupper() or word.lower() in NAME_JOINERS for word in words)
    covered = [other for other in context.found if other is not item and other.surface in item_text]
    tokens, text = context.tokens, context.text
    next_product = [
        other
        for other in covered
        if other.start == item.end == item.start + 1
        and not text[tokens[item.start][2] : tokens[other.start][1]].strip()
    ]
    if title_case and next_product:
        return True  # "Oracle TMS": a one-word vendor before the product it makes
    return title_case and not covered


def _header_line(context):
    """A job's header; a dated degree line is judged by the degree rules instead ("BEng Civil Engineering, 2013 -
    2017" names the field studied, which `_field_of_study` decides)."""
    if context.section == "education":
        return False
    return bool(DATE_RANGE_RE.search(context.text)) and len(context.text.split()) <= HEADER_LINE_MAX_WORDS


def _before_a_place_segment(item, context):
    if context.section == "skills" or len(context.text.split()) > EMPLOYER_LINE_MAX_WORDS:
        return False
    start = context.tokens[item.end - 1][2] if item.end <= len(context.tokens) else 0
    for separator in SEGMENT_START_RE.finditer(context.text, start):
        position = separator.end()
        while position < len(context.text) and context.text[position].isspace():
            position += 1  # in code, not in the pattern: a leading \s* would make it quadratic on runs of spaces
        place = PLACE_SEGMENT_RE.match(context.text, position)
        if place and (place.group(1) in REGION_CODES or place.group(1).lower() in REGION_NAMES):
            return True
    return False


def _in_category_label(item, context):
    """Class "labels and titles": the label of a list ("Cloud & DevOps:"), also when labels follow one another
    ("• Cloud & DevOps: TESTING: Jest" — a group's label, then a sub-group's in capitals)."""
    if item.start >= len(context.tokens):
        return False
    at = context.tokens[item.start][1]
    offset = 0
    label = BULLETED_LABEL_RE.match(context.text)
    while label:
        end = offset + label.end()
        if at < end:
            words = label.group(1)
            rest = context.text[end:].strip()
            if not rest and not context.text.rstrip().endswith(":"):
                return False
            category = bool(CATEGORY_JOIN_RE.search(words)) or (words.isupper() and " " in words)
            return category or (words.isupper() and not item.form.acronym)
        offset = end
        label = BULLETED_LABEL_RE.match(context.text[offset:])
    return False


def _names_a_person(item, context):
    tokens, text = context.tokens, context.text
    before = tokens[item.start - 1][0] if item.start > 0 else ""
    following = tokens[item.end] if item.end < len(tokens) else None
    if not item.surface[:1].isupper() or following is None or not text[following[1]].isupper():
        return False
    if before == "by":
        return True  # "a novel by Julia Fairweather": an author
    if item.start != 0 or item.end != 1:
        return False
    rest = text[following[2] :]
    return rest.lstrip().startswith(",") and bool(set(_words(rest.lower().replace(",", " "))) & PERSON_ROLE_WORDS)


def is_listing(text, section):
    if section == "skills":
        return True
    if LABEL_RE.match(text):
        return True  # "Tech: Meteor, Javascript", "Tools Used: C"
    segments = [segment for segment in LIST_SEPARATORS_RE.split(text) if segment.strip()]
    if len(segments) >= 2 and all(len(segment.split()) <= 4 for segment in segments):
        return True
    stripped = text.strip()
    return stripped.endswith(",") and len(stripped.split()) <= 4  # "Project Management," wrapped in a column


# Labels of a list of courses: its items are course titles ("Statistics for Engineers", "Intro to Marketing").
COURSE_LABEL_RE = re.compile(
    r"^\s*(?:[•·▪◦●○■►✓*-]\s*)?(?:relevant\s+|selected\s+|key\s+)?(?:course\s*work|courses)\s*:", re.I
)


def _inside_course_title(item, context):
    """Class "labels and titles": a name inside a longer course title counts for nothing; a course that is just the
    name ("Coursework: Statistics, Econometrics") still states it."""
    if not COURSE_LABEL_RE.match(context.text):
        return False
    segments = LIST_SEPARATORS_RE.split(COURSE_LABEL_RE.sub("", context.text, count=1))
    return item.surface.lower() not in {segment.strip(" .()").lower() for segment in segments}


def _whole_list_item(item, context):
    segments = LIST_SEPARATORS_RE.split(LABEL_RE.sub("", context.text, count=1))
    # Class "nested list": "Microsoft Office (Word, Excel, PowerPoint)": the suite's parts are items too.
    items = (LIST_INTRODUCER_RE.sub("", segment.split("(")[-1].strip(" .()")) for segment in segments)
    return len(segments) > 1 and item.surface in items


def _inside_an_unknown_name_segment(item, context):
    """Class "employer line": an experience line whose first segment is a short Title Case name the catalog does not
    know as a whole ("Crescent City Catering", "Pinecone Outdoor Outfitters") names an employer; a skill word inside
    it is part of the name. Only where some word of the name is no skill at all."""
    text = context.text.strip()
    first = LIST_SEPARATORS_RE.split(BULLETED_LABEL_RE.sub("", text.lstrip("•·▪◦●○■►✓*- "), count=1), maxsplit=1)[0]
    words = first.split()
    if not 2 <= len(words) <= EMPLOYER_NAME_MAX_WORDS or item.surface not in first or item.surface == first.strip():
        return False
    # Every word capitalised, "of" aside: "Wrote Terraform for the VPCs" is a sentence, "Salesforce Administration and
    # Reporting" a coordination of skills.
    if not all(word[:1].isupper() or word == "of" for word in words):
        return False
    start = context.text.find(first)
    covered = [
        other
        for other in context.found
        if context.tokens[other.start][1] >= start and context.tokens[other.end - 1][2] <= start + len(first)
    ]
    covered_words = sum(len(other.surface.split()) for other in covered)
    return covered_words < len([word for word in words if word != "of"])


def _names_the_line(item, context):
    """The match is the whole first segment of the line and nothing else on it is a skill (an employer line)."""
    if len(context.found) > 1 or item.fuzzy:
        return False
    first_segment = LIST_SEPARATORS_RE.split(context.text.strip(), maxsplit=1)[0]
    return first_segment.strip(" .") == item.surface


def _vendor_named(item):
    words = item.surface.split()
    return len(words) >= 2 and words[0].lower() in VENDOR_WORDS and words[0][0].isupper() and not item.fuzzy


def _soft_claim(item, context):
    """A soft skill's own name in lower-case prose is often part of a longer phrase: "fault tolerance", "conflict
    resolution algorithms", "drive innovation". It counts in a skills section, as a whole list item, written as a name
    ("Teamwork"), or stated as a quality ("strong communication skills"). Aliases are claim phrases already
    ("mentored", "team player", "led a team of")."""
    if item.form.text.lower() != item.form.skill.name.lower() or item.surface != item.surface.lower():
        return True
    if context.section == "skills" or _whole_list_item(item, context):
        return True
    tokens = context.tokens
    after = tokens[item.end][0] if item.end < len(tokens) else ""
    before = {token for token, _, _ in tokens[max(0, item.start - 2) : item.start]}
    return after in SOFT_CLAIM_AFTER or bool(before & SOFT_CLAIM_BEFORE) or soft_claimed(item, context)


WRITER_CLAIM_WORDS = SOFT_CLAIM_BEFORE | SOFT_CLAIM_VERBS | _words("my i own")


def claimed_by_introducer(item, context):
    """Class "broad field claimed by an introducer": the item is one of the short items a competence phrase opens."""
    tokens, text = context.tokens, context.text
    start, end = tokens[item.start][1], tokens[item.end - 1][2]
    if not CLAIM_ITEM_END_RE.match(text[end:]):
        return False
    introducers = [match for match in CLAIM_INTRODUCER_RE.finditer(text, 0, start) if match.end() <= start]
    if not introducers:
        return False
    between = text[introducers[-1].end() : start]
    if re.search(r"[.;:!?()|•]", between):
        return False
    parts = CLAIM_ITEM_SPLIT_RE.split(between)
    return all(len(part.split()) <= CLAIM_ITEM_MAX_WORDS for part in parts[:-1]) and not parts[-1].strip()


def _skill_of_others(item, context):
    """Class "skills of others": the clause before a quality names learners or teaching ("a special needs student in
    developing reading and writing skills")."""
    text, start = context.text, context.tokens[item.start][1]
    clause_start = max(text.rfind(mark, 0, start) for mark in ".;:!?•") + 1
    for word in reversed(text[clause_start:start].lower().replace(",", " ").split()):
        if word in WRITER_CLAIM_WORDS:
            return False  # "teaching kids, I rely on my strong communication": the nearer word claims it
        if word in OTHERS_SKILL_WORDS:
            return True
    return False


def _soft_stated_in_prose(item, context):
    """A quality word standing for a longer name ("thorough", "meticulous") is a claim where the writer describes
    themselves: a claim phrase, a short clause of its own, or a summary (class "quality in a summary")."""
    if item.form.skill.kind != "soft":
        return False
    return context.section in SOFT_CLAIM_SECTIONS or soft_claimed(item, context) or _short_clause(item, context)


def soft_claimed(item, context):
    """Class "soft skill stated as a claim": the item sits in a coordination that a claim word opens ("skilled in
    X and Y", "strong X, Y and Z") or "skills"/"abilities" closes ("X, Y and Z skills")."""
    tokens, text = context.tokens, context.text
    if tokens[item.start][0] in SOFT_CLAIM_BEFORE:
        return True  # the form is a claim phrase itself: "highly organized", "strong communication"
    covered = set()
    for other in context.found:
        if other.form.skill.kind == "soft":
            covered.update(range(other.start, other.end))

    def glue(index):
        word = tokens[index][0]
        return index in covered or word in SOFT_COORDINATION or word in SOFT_SKILL_ADJECTIVES

    def breaks(left, right):
        return bool(re.search(r"[.;:!?()|•]|\s-\s", text[tokens[left][2] : tokens[right][1]]))

    index = item.start - 1
    while index >= 0 and item.start - index <= SOFT_CLAIM_WINDOW and not breaks(index, index + 1):
        word = tokens[index][0]
        if word in SOFT_CLAIM_BEFORE:
            return True
        if word in SOFT_CLAIM_PREPOSITIONS and index > 0 and tokens[index - 1][0] in SOFT_CLAIM_VERBS:
            return not breaks(index - 1, index)
        if not glue(index):
            break
        index -= 1
    if item.end < len(tokens) and item.end in covered and not breaks(item.end - 1, item.end):
        gap = text[tokens[item.end - 1][2] : tokens[item.end][1]]
        if "," not in gap:
            return False  # "Calm leadership skills", "Clear communicator": a word that qualifies the next quality
    index = item.end
    while index < len(tokens) and index - item.end < SOFT_CLAIM_WINDOW and not breaks(index - 1, index):
        if tokens[index][0] in SOFT_CLAIM_AFTER:
            return True
        if not glue(index):
            break
        index += 1
    return False


def _names_institution(item, context):
    """The name is the first word(s) of an organisation's or an event's name: one of the next two words is an
    institution noun ("Linux Foundation", "Python Software Foundation", "CTF Hacking Competition")."""
    tokens = context.tokens
    for token, start, _ in tokens[item.end : item.end + 2]:
        if ORGANISATION_BREAK_RE.search(context.text[tokens[item.end - 1][2] : start]):
            break  # "Bootstrap, Foundation" is a list, not a name
        if token in INSTITUTION_NOUNS:
            return True
    # "The Linux Foundation": the noun itself ends a name it is written straight after (not "Bootstrap, Foundation").
    if item.start == 0 or item.surface.lower() not in INSTITUTION_NOUNS:
        return False
    gap = context.text[tokens[item.start - 1][2] : tokens[item.start][1]]
    return not gap.strip() and context.text[tokens[item.start - 1][1]].isupper()


def _ambiguous_credible(item, context):
    """Go, R, C, Swift, Spring, Excel, Access, Chef, Make…, and broad fields or generic nouns (Marketing,
    Budgeting, Scalability, Algorithms…): a skill only where the context shows one."""
    form, tokens, surface = item.form, context.tokens, item.surface
    after = tokens[item.end][0] if item.end < len(tokens) else ""
    before = tokens[item.start - 1][0] if item.start > 0 else ""
    if YEAR_RE.match(after):
        return False  # "Spring 2014" is a season
    if _tool_by_grammar(item, context):
        return True  # "a CLI written in Go", "a Rust service", "replaced Puppet with Chef", "tests with Jest"
    if form.skill.kind == "soft" and soft_claimed(item, context):
        return True  # "strong communication with clients", "skilled in negotiation"
    if form.skill.kind == "soft" and _quality_of_a_thing(item, context):
        return False  # "accurate invoices", "clean code", "a patient reviewer": the word describes no person
    if form.skill.kind == "soft" and context.section in SOFT_CLAIM_SECTIONS and surface.islower():
        return True  # "…, friendly with vendors": a quality mid-sentence in a summary ("Supervisor with" is a title)
    if (
        form.skill.kind == "soft"
        and context.section in SOFT_CLAIM_SECTIONS
        and _quality_opening_a_clause(item, context)
    ):
        return True  # "Warm with candidates, direct with hiring managers": the clause opens on the quality
    if form.skill.kind == "technical" and claimed_by_introducer(item, context):
        return True  # "specialties in software installation, cybersecurity and customer service"
    if after in PROSE_FOLLOWERS or before in PROSE_LEADERS:
        return False  # "React to incidents", "I Excel in", "to Make"
    if form.skill.kind == "soft":
        # "detail-oriented", "collaborative", "communication": claims in a list or a summary, narration elsewhere.
        return (
            context.listing
            or context.section in SOFT_CLAIM_SECTIONS
            or _short_clause(item, context)
            or soft_claimed(item, context)
        )
    if after in ROLE_NOUNS:
        return False  # "Software Engineering Intern", "Marketing Manager": a job title claims no skill by itself
    if not _written_as_name(surface, form) and not _listed_in_lower_case(item, context):
        return False  # "go", "excel", "access", "marketing", "cloud platforms": the common word or phrase
    if len(form.skill.name) == 1:
        return _single_letter_credible(item, context)
    if context.listing:
        return True
    if len(tokens) == item.end - item.start and context.section not in NAME_LINE_SECTIONS:
        return True  # alone on its line in a sidebar or a language list: "C", "Chef"
    if _enumerated_with_skill(item, context):
        return True  # "Python and R", "Istio, Cilium, Kuma, Consul"
    # "provisioning with Puppet": a capitalised name after a word that introduces a tool, mid-sentence.
    return len(surface) >= 3 and before in TOOL_LEADERS and item.start > 1


def _quality_of_a_thing(item, context):
    """Class "quality stated of a thing": a one-word quality standing for a soft skill ("accurate", "clean", "warm")
    qualifies the noun after it or follows a determiner; only alone, before a preposition or before the person's
    title does it describe the writer."""
    form, tokens = item.form, context.tokens
    if form.text.lower() == form.skill.name.lower() or " " in form.text or item.end - item.start != 1:
        return False
    if _soft_form_naming_a_person(form):
        return False  # "Persuasive negotiator": a noun naming the person, not a quality of anything
    segment_start = max(context.text.rfind(mark, 0, tokens[item.start][1]) for mark in ",.;:!?()|•") + 1
    earlier = [token for token, start, _ in tokens[: item.start] if start >= segment_start]
    later = [token for token, start, _ in tokens[item.end : item.end + 3]]
    # In a summary an agent noun right after the quality is the writer ("a calm writer of postmortems").
    agent = context.section in SOFT_CLAIM_SECTIONS and bool(later) and len(later[0]) > 4
    agent = agent and later[0].endswith(("er", "or")) and context.text[tokens[item.end][1]].islower()
    if agent:
        return False
    if set(earlier) & DETERMINERS and not set(later) & QUALITY_PERSON_NOUNS:
        return True  # "a patient reviewer", "Kept the HRIS clean"; not "a reliable and honest worker"
    after_quality = any(other.end == item.start and other.form.skill.kind == "soft" for other in context.found)
    if earlier and earlier[-1] not in QUALITY_LEADERS | DETERMINERS and not after_quality:
        return True  # "writing clean, testable code", "ensuring accurate records": inside a phrase about work
    if item.end >= len(tokens):
        return False
    gap = context.text[tokens[item.end - 1][2] : tokens[item.end][1]]
    if re.search(r"[,.;:!?()|•/]|\s-\s", gap):
        return False  # "Fast, clean and dependable": the word ends its item
    following = tokens[item.end][0]
    if any(other.start == item.end and _soft_form_naming_a_person(other.form) for other in context.found):
        return False  # "Reliable problem solver", "Persuasive negotiator": a quality of the person
    if item.end == len(tokens) - 1 and context.text.rstrip()[-1:] not in CLAUSE_MARKS + ",":
        return False  # "Reliable problem" + "solver." on the next line: the wrap hides what the word qualifies
    return following not in QUALITY_FOLLOWERS and following not in QUALITY_PERSON_NOUNS


def _soft_form_naming_a_person(form):
    """A soft form that names the person by an agent noun: "problem solver", "negotiator", "team player"."""
    last = form.text.lower().split()[-1]
    return form.skill.kind == "soft" and (last in QUALITY_PERSON_NOUNS or last.endswith(AGENT_NOUN_ENDINGS))


def _quality_opening_a_clause(item, context):
    """A one-word quality (an alias, never a person's title such as "Supervisor") written first in its clause."""
    form, tokens = item.form, context.tokens
    if form.text.lower() == form.skill.name.lower() or " " in form.text or item.end - item.start != 1:
        return False
    if form.text.lower() in QUALITY_PERSON_NOUNS:
        return False
    following_gap = context.text[tokens[item.end - 1][2] : tokens[item.end][1]] if item.end < len(tokens) else "."
    next_quality = any(other.start == item.end and other.form.skill.kind == "soft" for other in context.found)
    if next_quality and not re.search(r"[,.;:!?()|•]", following_gap):
        return False  # "Calm leadership skills": the word qualifies the next quality, as in `soft_claimed`
    runs_on = item.end < len(tokens) and not re.search(r"[,.;:!?()|•]", following_gap)
    following = tokens[item.end][0] if runs_on else ""
    if runs_on and form.text.endswith(PARTICIPLES) and following not in SOFT_COORDINATION | QUALITY_PERSON_NOUNS:
        return False  # "Collaborated with the plant", "Presenting to the board": a verb opening a sentence
    if following in INTEREST_PREPOSITIONS:
        return False  # "Passionate about clean code", "Curious about data": an interest in a topic, not a quality
    start = tokens[item.start][1]
    clause_start = max(context.text.rfind(mark, 0, start) for mark in ",.;:!?•") + 1
    return not context.text[clause_start:start].strip(" -–·")


def _tool_by_grammar(item, context):
    """The grammar of technical prose makes a capitalised ambiguous name a tool: "written in Go", "fitted in R",
    "a Rust service", "a Webpack plugin", "replaced Puppet with Chef", "moved from Jenkins to Buildkite", "tests with
    Jest to the site". Only names written as names (never "go", "rust"), and never at the start of a sentence."""
    form, tokens, surface = item.form, context.tokens, item.surface
    if item.start == 0 or form.skill.kind != "technical" or not _written_as_name(surface, form):
        return False
    words = [token for token, _, _ in tokens]
    before = words[item.start - 1]
    after = words[item.end] if item.end < len(words) else ""
    if before == "in" and set(words[max(0, item.start - 6) : item.start - 1]) & MAKING_VERBS:
        return after in ("", "and", "for", "to", "with", "on", "at") or after in ARTEFACT_NOUNS
    if len(surface) < 2:
        return False  # "a C grade": single letters need the making verb
    if after in ARTEFACT_NOUNS and (before in ("a", "an", "the", "our", "its", "their") or before in SETUP_VERBS):
        return True
    swap_next = item.end + 1 < len(words) and context.text[tokens[item.end + 1][1]].isupper()
    if before in SWAP_OPENERS and after in SWAP_JOINERS and swap_next:
        return True
    if before in SWAP_JOINERS and item.start >= 3:
        opener = set(words[max(0, item.start - 4) : item.start - 2])
        if opener & SWAP_OPENERS and context.text[tokens[item.start - 2][1]].isupper():
            return True
    return before in TOOL_ONLY_LEADERS and item.start > 1 and len(surface) >= 3


def _short_clause(item, context):
    """Class "soft skill stated as a quality": a clause of a few words on its own ("Meticulous.", "Patient;",
    "Curious and detail-oriented.") claims the quality; inside a longer sentence the word is narration."""
    start = context.tokens[item.start][1]
    end = context.tokens[item.end - 1][2]
    left = max(context.text.rfind(mark, 0, start) for mark in CLAUSE_MARKS) + 1
    rights = [position for position in (context.text.find(mark, end) for mark in CLAUSE_MARKS) if position >= 0]
    if not rights:
        return False  # a line that runs on ("Site Reliability Engineer", a wrapped sentence) is no clause
    clause = context.text[left : min(rights)].strip(" •·-")
    return clause[:1].isupper() and len(clause.split()) <= SHORT_CLAUSE_WORDS


def _single_letter_credible(item, context):
    """ "C" and "R" are also grades, plans, icons and initials: only in a skills section, next to another skill,
    alone on a sidebar line, or after a label that names languages or tools ("Tools Used: C")."""
    if context.section == "skills" or _enumerated_with_skill(item, context):
        return True
    if len(context.tokens) == 1 and context.section not in NAME_LINE_SECTIONS:
        return True
    label = LABEL_RE.match(context.text)
    return bool(label) and bool(SKILL_LABEL_WORDS & set(label.group().lower().replace(":", " ").split()))


def _written_as_name(surface, form):
    """ "Go", "GO" or "Golang", never "go"; "Marketing" or "MARKETING", never "marketing". Plain lower-case words are
    prose ("cloud platforms", "reports") unless the skill's own name is lower case ("pandas", "dbt")."""
    if surface == surface.lower() and surface.replace(" ", "").replace("-", "").isalpha():
        return form.skill.name == form.skill.name.lower()
    if surface.lower() != form.text.lower():
        return True  # an alias or a near miss written with capitals or symbols: "Golang", "C++"
    return surface == form.text or surface.isupper()


def _listed_in_lower_case(item, context):
    """ "budgeting, forecasting, payroll" or a skills section: people list concepts in lower case too. A list item
    counts only when the list holds a clear skill as well (so "poetry, music, and art" is not a list of tools);
    single letters never ("c", "r")."""
    if len(item.surface) < 2:
        return False
    if context.section == "skills":
        return True
    return _whole_list_item(item, context) and any(other is not item and _clear_skill(other) for other in context.found)


def _clear_skill(other):
    """Class "everyday word beside a skill": a match that vouches for a flagged name next to it must be a skill
    itself, not a word the catalog also spells: "doors" (IBM DOORS in lower case) makes no list of tools of "doors,
    windows, and trim", "Windows and doors replaced" names no operating system."""
    form = other.form
    if form.skill.ambiguous or form.skill.kind != "technical" or form.implied or form.partial:
        return False
    return not (form.acronym and not other.surface.isupper() and not other.fuzzy)


def degree_span(text):
    """The part of a degree line that names the field: the list segment holding the degree word."""
    match = DEGREE_RE.search(text)
    if not match:
        return None
    start = end = match.start()
    for segment in LIST_SEPARATORS_RE.finditer(text):
        if segment.end() <= match.start():
            start = segment.end()
        elif segment.start() >= match.end():
            end = segment.start()
            break
    else:
        end = len(text)
    # "Bachelor of Arts, Secondary Education": the segment holds only the degree and its kind; the field is next.
    rest = DEGREE_KIND_RE.sub("", text[start:end].replace(match.group(), "", 1))
    if not re.search(r"[^\W\d_]", rest) and end < len(text):
        following = LIST_SEPARATORS_RE.search(text, end + 1)  # "B.S., Information Technology": the next item
        end = following.start() if following else len(text)
    return (start, max(end, match.end()))


def _inside(item, context, span):
    start = context.tokens[item.start][1] if item.start < len(context.tokens) else 0
    return span[0] <= start < span[1]


def _field_of_study(skill):
    """Fields name what was studied; named tools ("M.S. in CS, thesis in MATLAB") still count. A field is a flagged
    broad concept, or a name made of plain words ("Supply Chain Management"), unlike "Power BI" or "C++"."""
    words = skill.name.split()
    return skill.ambiguous or (len(words) >= 2 and all(word.isalpha() and not word.isupper() for word in words))


def chained(found, accepted, context):
    """ "using Backbone, Jade, Stylus": a flagged name written as a name, next to one already accepted in the same
    enumeration, is an item of it too (transitively)."""
    added = []
    pending = [
        item
        for item in found
        if item not in accepted
        and item.form.skill.ambiguous
        and item.form.skill.kind == "technical"
        and len(item.form.skill.name) > 1
        and _written_as_name(item.surface, item.form)
        and not _part_of_unknown_name(item, context)
    ]
    changed = True
    while changed:
        changed = False
        for item in list(pending):
            if any(_adjacent(item, other, context.tokens, context.text) for other in accepted + added):
                added.append(item)
                pending.remove(item)
                changed = True
    return added


def _adjacent(item, other, tokens, text):
    """Next to each other in a comma list: "Backbone, Jade" (not "Research and Teaching Assistant")."""
    if other.form.skill.kind != "technical":
        return False
    first, second = (other, item) if other.end <= item.start else (item, other)
    if first.end > second.start:
        return False
    between = tokens[first.end : second.start]
    gap = text[tokens[first.end - 1][2] : tokens[second.start][1]]
    return "," in gap and len(between) <= 2 and all(token in ENUMERATION_GLUE for token, _, _ in between)


def _enumerated_with_skill(item, context):
    tokens = context.tokens
    for other in context.found:
        if other is item or not _clear_skill(other):
            continue
        if (other.start, other.end) == (item.start, item.end):
            return True  # parts of one slash-joined token: "HTML5/CSS3/Bootstrap3"
        if other.end <= item.start:
            between = tokens[other.end : item.start]
        elif item.end <= other.start:
            between = tokens[item.end : other.start]
        else:
            continue
        if len(between) <= 2 and all(token in ENUMERATION_GLUE for token, _, _ in between):
            return True
    return False
