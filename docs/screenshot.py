"""Regenerate docs/screenshot.png: the demo page after a completed analysis, taken by headless Chromium.

    .venv/bin/python docs/screenshot.py

Starts its own server and worker on a temp database with the default catalog (nothing under var/ is touched).
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium_context, collect_static  # noqa: E402
from tests.live import live_stack  # noqa: E402
from tests.pdfs import make_pdf  # noqa: E402

RESUME = [
    "Alex Morgan",
    "alex.morgan@example.com | github.com/alexmorgan",
    "",
    "Experience",
    "Software Engineer, Northwind Analytics, 2020 - 2024",
    "- Built REST APIs in Python and FastAPI used by 40 internal teams",
    "- Moved nightly batch jobs to Airflow on Kubernetes, cutting run time by 60%",
    "- Led a team of three engineers and mentored two interns",
    "Junior Developer, Blue Fin Software, 2018 - 2020",
    "- Maintained a React and TypeScript dashboard for 5,000 users",
    "",
    "Education",
    "B.Sc. Computer Science, Lakeside University, 2014 - 2018",
    "",
    "Skills",
    "Python, SQL, PostgreSQL, Docker, Kubernetes, Git, Linux, pandas",
    "Communication, Teamwork, Problem solving",
]
JOB_DESCRIPTION = (
    "Senior Backend Engineer. You will design Python and Go services on AWS, run them on Kubernetes with "
    "Terraform and CI/CD, and keep PostgreSQL and Redis fast. Experience with Kafka and GraphQL is a plus."
)


def main(out=ROOT / "docs" / "screenshot.png"):
    with tempfile.TemporaryDirectory() as folder:
        tmp_path = Path(folder)
        catalog = ROOT / "skills_catalog" / "data"
        with (
            live_stack(tmp_path, catalog_dir=catalog, **collect_static(tmp_path)) as (base_url, _env),
            chromium_context(viewport=(1200, 900)) as browser,
        ):
            page = browser.new_page()
            page.set_default_timeout(90_000)
            page.goto(base_url + "/")
            pdf = {"name": "alex-morgan.pdf", "mimeType": "application/pdf", "buffer": make_pdf([RESUME], margin=28)}
            page.set_input_files("#file-input", files=[pdf])
            page.click("#options summary")
            page.fill("#job-description", JOB_DESCRIPTION)
            page.click("#submit")
            page.wait_for_selector("#report", state="visible")
            page.click("#options summary")  # fold the job box back: the report is the subject
            page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
            page.wait_for_timeout(1000)  # let the gauge's transition finish before the picture
            page.screenshot(path=str(out), full_page=True)
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
