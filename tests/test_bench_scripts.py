"""The benchmarks run end to end on a tiny input: the scripts work and report sane figures.
No timing is asserted (performance figures belong to `make bench`, not to tests)."""

import json
import subprocess
import sys

import pytest

from bench import percentile, print_table
from tests.catalog_files import write_small_catalog
from tests.live import ROOT

pytestmark = pytest.mark.e2e


def run_bench(module, *args):
    done = subprocess.run(
        [sys.executable, "-m", module, *args, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_it_times_uploads_to_completion_sequentially_and_at_once(tmp_path):
    # The small catalog: loading and compiling the shipped one was a third of the script's CPU (15 s; 10 s without).
    catalog = write_small_catalog(tmp_path / "catalog")
    report = run_bench("bench.latency", "--uploads", "3", "--clients", "2", "--rounds", "1", "--catalog", str(catalog))
    assert report["catalog"] == str(catalog)
    cases = {row["case"]: row for row in report["rows"]}
    assert set(cases) == {"first upload (cold)", "sequential", "2 clients at once"}
    assert cases["sequential"]["n"] == 3 and cases["2 clients at once"]["n"] == 2
    for row in cases.values():
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["max_ms"]
        assert 0 < row["worker_p50_ms"] <= row["max_ms"]  # the worker's part lies inside the measured span


def test_it_measures_status_polls_and_uploads_against_the_minimal_view():
    # One short run: each run starts two servers, seconds of CPU; how runs combine is the next test's.
    report = run_bench(
        "bench.http", "--clients", "2", "--seconds", "0.4", "--rounds", "1", "--warmup", "0.1", "--repeat", "1"
    )
    assert [result["endpoint"] for result in report["results"]] == ["status poll", "upload"]
    for result in report["results"]:
        for side in ("api", "reference"):
            figures = result[side]
            assert figures["errors"] == 0, figures["error_kinds"]
            assert figures["requests"] > 0 and figures["req_per_s"] > 0
            assert 0 < figures["p50_ms"] <= figures["p99_ms"]
        assert result["share"] == pytest.approx(result["api"]["req_per_s"] / result["reference"]["req_per_s"])
    uploads, polls = report["results"][1], report["results"][0]
    assert report["ratios"] == {
        "upload_rate_share": pytest.approx(uploads["share"]),
        "poll_p99_ratio": pytest.approx(polls["api"]["p99_ms"] / polls["reference"]["p99_ms"]),
    }
    assert len(report["runs"]) == 1 and report["runs"][0]["ratios"] == report["ratios"]
    assert report["median_ratios"] == report["ratios"]


def test_repeated_runs_report_the_last_table_and_judge_the_aims_on_the_median(monkeypatch):
    import bench.http

    shares, p99s = iter([0.9, 0.4, 0.7]), iter([1.1, 2.9, 1.4])

    def fake_run(clients, seconds, rounds, warmup):
        ratios = {"upload_rate_share": next(shares), "poll_p99_ratio": next(p99s)}
        return {"clients": clients, "results": [ratios], "ratios": ratios}

    monkeypatch.setattr(bench.http, "run", fake_run)
    report = bench.http.repeated(3, clients=2, seconds=1, rounds=1, warmup=0)
    assert report["results"] == [{"upload_rate_share": 0.7, "poll_p99_ratio": 1.4}]  # the last run's table
    assert [run["ratios"]["upload_rate_share"] for run in report["runs"]] == [0.9, 0.4, 0.7]
    assert report["median_ratios"] == {"upload_rate_share": 0.7, "poll_p99_ratio": 1.4}
    assert report["spread"]["upload_rate_share"] == {"median": 0.7, "min": 0.4, "max": 0.9}
    assert report["spread"]["poll_p99_ratio"] == {"median": 1.4, "min": 1.1, "max": 2.9}


def test_it_prints_the_web_tier_ratios_against_their_aims():
    from bench.http import ratio_lines

    met, missed = ratio_lines({"upload_rate_share": 0.5, "poll_p99_ratio": 1.31})
    assert met.startswith("upload rate share: 50% ") and met.endswith(": met)")
    assert missed.startswith("status poll p99 ratio: 1.31× ") and missed.endswith(": NOT met)")


def test_it_takes_nearest_rank_percentiles():
    values = list(range(1, 21))  # 1..20
    assert percentile(values, 0.5) == 10
    assert percentile(values, 0.95) == 19
    assert percentile(values, 0.99) == 20
    assert percentile([7], 0.99) == 7
    assert percentile([3, 1, 2], 0.0) == 1


def test_it_prints_aligned_tables(capsys):
    print_table("Title", ["case", "ms"], [["a", "1"], ["longer", "100"]])
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "Title"
    assert lines[1:] == ["case     ms", "------  ---", "a         1", "longer  100"]


def run_plain(module, *args):
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_pipeline_benchmark_runs_on_generated_resumes(tmp_path):
    # An empty corpus folder: only the generated 1-3 page resumes are timed.
    out = run_plain("bench.pipeline", "--corpus", str(tmp_path), "--repeat", "1", "--analyses", "3")
    assert "generated-2-page" in out
    assert "ratio" in out and "peak RSS" in out


def test_the_matcher_and_accuracy_benchmarks_run_without_a_corpus(tmp_path):
    assert f"No corpus at {tmp_path}" in run_plain("bench.skills_accuracy", "--corpus", str(tmp_path))
    assert "ms" in run_plain("bench.matcher", "--skills", "500", "--repeat", "1")


def test_the_formats_benchmark_runs_on_generated_resumes(tmp_path):
    # An empty corpus folder: the OCR accuracy table falls back to the generated resumes.
    out = run_plain("bench.formats", "--corpus", str(tmp_path), "--repeat", "1")
    assert "pipeline, 150-DPI scan (OCR)" in out and "its CPU time (200 DPI)" in out
    assert "target ≤ 3×" in out
    summaries = [line for line in out.splitlines() if "recall vs text PDF" in line]
    assert len(summaries) == 4, out  # one per scan variant
    for line in summaries:
        recall = float(line.split("recall vs text PDF ")[1].split()[0])
        extra = int(line.split("extra skills ")[1].split(",")[0])
        misreads = int(line.split("OCR misreads ")[1].split(":")[0])
        assert recall >= 0.9 and extra == misreads == 0, line
