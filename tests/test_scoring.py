"""Category scores, the weighted overall score and the summary sentence."""

from analyses.pipeline.findings import Finding, rank
from analyses.pipeline.scoring import DEFAULT_WEIGHTS, category_scores, overall_score, score_gains, summary_text

NO_EMAIL = Finding("no_email", "high", "contact", "No email found", "Add it.")
NARROW = Finding("margins_too_narrow", "medium", "layout", "Margins too narrow", "Widen them.")
PRONOUNS = Finding("first_person", "low", "content", "First-person pronouns", "Drop them.")
SKILLS = ["Python", "React", "Docker", "Kubernetes", "AWS", "Go", "SQL", "Git"]


def test_a_clean_resume_with_its_role_covered_scores_100():
    scores = category_scores([], 1.0, 12)
    assert set(scores) == set(DEFAULT_WEIGHTS)
    assert overall_score(scores) == 100


def test_each_finding_costs_its_own_category_by_severity():
    scores = category_scores([NO_EMAIL, NARROW, PRONOUNS], 1.0, 12)
    assert scores["contact"] == 60 and scores["layout"] == 80 and scores["content"] == 90
    assert scores["structure"] == scores["length"] == 100


def test_the_overall_score_is_the_weighted_sum_rounded_and_bounded():
    scores = {"skills": 50, "contact": 100, "structure": 100, "layout": 100, "length": 100, "content": 100}
    assert overall_score(scores) == 85  # 30% of the weight at 50
    assert overall_score(scores, {"skills": 0, "contact": 1}) == 100
    assert overall_score({name: 0 for name in scores}) == 0


def test_weights_come_from_the_caller():
    scores = category_scores([NO_EMAIL], 1.0, 12)
    heavy_contact = {**DEFAULT_WEIGHTS, "contact": 100}
    assert overall_score(scores, heavy_contact) < overall_score(scores)


def test_skills_score_follows_coverage_and_breadth():
    assert category_scores([], 0.0, 0)["skills"] == 0
    assert category_scores([], None, 6)["skills"] == 50
    assert category_scores([], 0.5, 12)["skills"] == 70


def test_findings_are_ranked_most_severe_first():
    assert [finding.code for finding in rank([PRONOUNS, NARROW, NO_EMAIL])] == [
        "no_email",
        "margins_too_narrow",
        "first_person",
    ]


def test_the_summary_names_this_resumes_strength_and_main_fix():
    text = summary_text(SKILLS, [], rank([NARROW, NO_EMAIL]), category_scores([NARROW, NO_EMAIL], 0.5, 8))
    assert "8 skills, among them Python, React and Docker" in text
    assert "add your email address" in text and "widen the margins" in text
    assert text.index("email") < text.index("margins")


def test_the_summary_changes_with_the_resume():
    one = summary_text(["Excel"], ["Leadership"], [NO_EMAIL], {})
    two = summary_text(SKILLS, [], [], {})
    assert one != two
    assert "Excel" in one and "Nothing stands in" in two


def test_the_summary_praises_quantified_results_or_a_covered_role_when_they_stand_out():
    facts = {"bullets": {"count": 10, "quantified": 8}}
    assert "8 of 10 bullets" in summary_text(["Python"], [], [PRONOUNS], {}, facts)
    role = {"name": "Backend Developer", "coverage": 0.8, "evidence": ["Go", "Python"]}
    text = summary_text(["Python", "Go"], [], [], {}, {}, role)
    assert "Fits a Backend Developer role: it states Go and Python" in text


def test_a_lone_low_finding_is_called_the_one_change_left():
    assert 'The one change left: drop "I"' in summary_text(SKILLS, [], [PRONOUNS], {})


def test_an_ats_reading_risk_costs_the_overall_score_on_top_of_its_category():
    tables = Finding("tables", "medium", "layout", "Tables found", "Use lines.")
    scores = category_scores([tables], 1.0, 12)
    assert overall_score(scores) == 97  # the category alone: 20 of layout's 15%
    assert overall_score(scores, findings=[tables]) == 87
    assert overall_score(category_scores([NARROW], 1.0, 12), findings=[NARROW]) == 97


def test_fixes_are_ranked_by_the_points_they_would_bring():
    tables = Finding("tables", "medium", "layout", "Tables found", "Use lines.")
    gains = score_gains([NO_EMAIL, tables, PRONOUNS], 1.0, 12)
    assert [finding.code for finding, _ in gains] == ["tables", "no_email", "first_person"]
    assert [gain for _, gain in gains] == [13, 6, 1]  # 10 + 3, 40% of contact's 15, 10% of content's 15 (rounded)
