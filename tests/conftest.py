import pytest
from django_q.conf import Conf
from rest_framework.throttling import SimpleRateThrottle

from skills_catalog.models import RoleProfile, RoleSkill, Skill, SkillAlias

from . import pdfs


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def throttle_rates(monkeypatch):
    """Every test starts with both API throttles off; a throttling test turns them on with
    `throttle_rates(upload="2/min", poll=None)`. DRF's throttles read their rate table once, at import, so a settings
    override would not reach them: the table itself is replaced."""

    def set_rates(upload=None, poll=None):
        monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"upload": upload, "poll": poll})

    set_rates()
    return set_rates


@pytest.fixture
def run_tasks_inline(monkeypatch):
    """django-q2 runs queued tasks at once in this process (its documented `sync` mode)."""
    monkeypatch.setattr(Conf, "SYNC", True)


SMALL_CATALOG = [
    ("Python", "technical", "Languages", False, []),
    ("JavaScript", "technical", "Languages", False, ["JS"]),
    ("TypeScript", "technical", "Languages", False, ["TS"]),
    ("Go", "technical", "Languages", True, ["Golang"]),
    ("React", "technical", "Frontend", True, ["ReactJS", "React.js"]),
    ("Django", "technical", "Backend", False, []),
    ("REST APIs", "technical", "Backend", False, ["REST API", "RESTful API"]),
    ("Kubernetes", "technical", "Cloud & DevOps", False, ["k8s"]),
    ("Docker", "technical", "Cloud & DevOps", False, []),
    ("Terraform", "technical", "Cloud & DevOps", False, []),
    ("AWS", "technical", "Cloud & DevOps", False, ["Amazon Web Services"]),
    ("CI/CD", "technical", "Cloud & DevOps", False, ["CICD"]),
    ("Git", "technical", "Tools", False, []),
    ("PostgreSQL", "technical", "Databases", False, ["Postgres"]),
    ("pandas", "technical", "Data", False, []),
    ("Airflow", "technical", "Data", False, ["Apache Airflow"]),
    ("C++", "technical", "Languages", False, ["cpp"]),
    ("C#", "technical", "Languages", False, []),
    ("R", "technical", "Languages", True, []),
    ("Excel", "technical", "Office", True, ["MS Excel", "Microsoft Excel"]),
    ("Leadership", "soft", "Soft Skills", False, ["led a team", "led a team of"]),
    ("Mentoring", "soft", "Soft Skills", False, ["mentored"]),
    ("Communication", "soft", "Soft Skills", False, ["communication skills"]),
]


@pytest.fixture
def small_catalog(db):
    skills = {}
    for name, kind, category, ambiguous, aliases in SMALL_CATALOG:
        skill = Skill.objects.create(name=name, kind=kind, category=category, ambiguous=ambiguous)
        for alias in aliases:
            SkillAlias.objects.create(skill=skill, alias=alias)
        skills[name] = skill
    backend = RoleProfile.objects.create(name="Backend Developer", aliases=["Back-end Developer"])
    for name, weight in [("Python", 5), ("PostgreSQL", 4), ("Docker", 3), ("REST APIs", 4), ("CI/CD", 2)]:
        RoleSkill.objects.create(role=backend, skill=skills[name], weight=weight)
    frontend = RoleProfile.objects.create(name="Frontend Developer")
    for name, weight in [("JavaScript", 5), ("TypeScript", 4), ("React", 5), ("Git", 2)]:
        RoleSkill.objects.create(role=frontend, skill=skills[name], weight=weight)
    return skills


@pytest.fixture
def resume_bytes():
    return pdfs.resume_pdf()
