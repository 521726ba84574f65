from django.utils import timezone

from analyses.models import Analysis


def make_analysis(**fields):
    values = {
        "original_filename": "resume.pdf",
        "sha256": "0" * 64,
        "created_at": timezone.now(),
        "status": "processing",
    }
    values.update(fields)
    return Analysis.objects.create(**values)


def completed_analysis(**fields):
    values = {
        "status": "completed",
        "overall_score": 81,
        "summary_text": "Solid set of skills (3 incl. Python and Docker) but it needs work: no email found.",
        "technical_skills": ["Python", "Docker", "Kubernetes"],
        "soft_skills": ["Leadership"],
        "missing_keywords": ["AWS"],
        "formatting_issues": ["No email found"],
        "details": {"score_breakdown": {"skills": 80}, "catalog_version": 3},
        "catalog_version": 3,
        "finished_at": timezone.now(),
        "duration_ms": 12,
    }
    values.update(fields)
    return make_analysis(**values)
