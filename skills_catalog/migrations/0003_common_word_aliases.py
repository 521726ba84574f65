"""Issue 11, catalog audit class "common English word": one-word aliases that only imply their skill ("Whisper" for
Speech Recognition, "catering" for Banquets) left the shipped catalog for `implied_by`, and products named by an
everyday word ("Cypress", "Postman", "Waterfall") are flagged ambiguous. Databases loaded before keep the old rows:
remove exactly those aliases and flag exactly those skills. Nothing else is touched."""

from django.db import migrations

MOVED = [
    ("Speech Recognition", "Whisper"),
    ("Embeddings", "GloVe"),
    ("Web Performance Optimization", "Lighthouse"),
    ("HVAC", "refrigeration"),
    ("Banquets", "catering"),  # now a skill of its own, Catering
    ("Bartending", "cocktails"),
    ("Housekeeping", "sanitation"),
    ("Landscaping", "horticulture"),
    ("Dimensional Modeling", "Kimball"),
    ("Cloud Security Tools", "Wiz"),
    ("Feature Prioritization", "MoSCoW"),
    ("File Servers", "Samba"),
    ("Proxy Servers", "Squid"),
    ("CMMS", "UpKeep"),
    ("Static Timing Analysis", "PrimeTime"),
    ("MATLAB", "Octave"),
    ("Hardhat", "Truffle"),
]
FLAGGED = [
    "Concur", "Delphi", "Carthage", "Conan", "Ionic", "Snort", "Cypress", "Playwright", "Testify", "Waterfall",
    "Bower", "Prettier", "Electron", "Sinatra", "Marshmallow", "Postman", "Insomnia", "Prometheus", "Zig", "Lisp",
    "Jenkins", "Bash", "Apache Zeppelin", "Apache Thrift", "Tkinter", "Oculus SDK", "Drizzle ORM", "SonarQube",
]  # fmt: skip


def apply_common_word_review(apps, schema_editor):
    Skill = apps.get_model("skills_catalog", "Skill")
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in MOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()
    Skill.objects.filter(name__in=FLAGGED, ambiguous=False).update(ambiguous=True)


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0002_implied_aliases")]

    operations = [migrations.RunPython(apply_common_word_review, migrations.RunPython.noop)]
