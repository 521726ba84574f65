"""CI floor for sections and layout risks on the held-back half of the dev set (bench/devset, rebuilt from its seed):
fails when false "missing section" findings pass 2 %, when a table, sidebar or two-column file goes unreported, or
when a one-column resume is reported as a table or columns. Today: 0/135 false missing, every table, sidebar and
two-column file reported, 0 false."""

from bench.sections_accuracy import devset_cases, measure

MAX_FALSE_MISSING_SHARE = 0.02


def test_the_held_back_dev_set_keeps_its_sections_and_layout_figures():
    cases = list(devset_cases("held_back"))
    counts, misses, _ = measure(cases)
    assert counts["false_missing"] <= MAX_FALSE_MISSING_SHARE * counts["sections"], misses
    # The generator balances two-column files, so every labelled table, sidebar and two-column file has a second
    # column of text to report.
    assert counts["reported"] == counts["risky"], misses
    assert counts["false_risk"] == 0, misses


def test_the_templated_sets_held_back_half_keeps_its_layout_figures():
    """bench/templated's held-back half (resumes through published JSON Resume themes, committed PDFs): every
    label-column and sidebar theme reported, no one-column theme reported, false missing sections within 2 %.
    Today: 2/168 false missing, 28/28 reported, 0/28 false."""
    from bench.sections_accuracy import templated_cases

    cases = list(templated_cases("held_back"))
    assert len(cases) >= 30
    counts, _, _ = measure(cases)  # its errors stay unread: only the figures are asserted
    assert counts["false_missing"] <= MAX_FALSE_MISSING_SHARE * counts["sections"]
    assert counts["reported"] == counts["risky"]
    assert counts["false_risk"] == 0
