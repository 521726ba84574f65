"""The `tesseract` command reads scanned pages: each word with its own box and confidence, bounded in time and
memory, on paper evened out to white; without the command, MuPDF's built-in OCR reads them."""

import multiprocessing
import os
import shutil
import signal
import stat
import subprocess
import sys

import pymupdf
import pytest

from analyses.pipeline import ocr
from analyses.pipeline.errors import UnreadablePdf
from analyses.pipeline.extract import parse_pdf
from analyses.pipeline.ocr import OcrOptions, clean_ocr_words, even_out_grey_paper, words_to_content

from . import pdfs, scans
from .processes import ends_within, pid_written_to

ONE_PAGE = pdfs.make_pdf([pdfs.RESUME_PAGE_1])
HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tsv(*words):
    """Tesseract TSV rows for (line, left, top, width, height, conf, text) words, in pixels."""
    rows = [HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t1700\t2200\t-1\t"]
    for index, (line, left, top, width, height, conf, text) in enumerate(words):
        rows.append(f"5\t1\t1\t1\t{line}\t{index + 1}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows) + "\n"


def line_texts(content):
    return ["".join(span["text"] for span in line["spans"]) for block in content["blocks"] for line in block["lines"]]


def test_words_come_back_as_mupdf_lines_in_points_with_a_space_between():
    content = words_to_content(tsv((1, 100, 100, 80, 30, 96, "Python"), (1, 190, 100, 80, 30, 95, "Django")), 0.5)
    assert line_texts(content) == ["Python Django"]
    line = content["blocks"][0]["lines"][0]
    assert line["bbox"] == (50, 50, 135, 65)
    assert [span["bbox"][0] for span in line["spans"]] == [50, 90, 95]


def test_a_line_is_cut_at_a_column_gutter_but_not_at_a_space():
    # Tesseract reads a sidebar's row and the prose beside it as one line: 200 px apart at 30 px high is a gutter.
    content = words_to_content(
        tsv((1, 100, 100, 80, 30, 96, "Python"), (1, 400, 104, 80, 30, 95, "Shipped"), (1, 490, 104, 60, 30, 95, "it")),
        0.5,
    )
    assert line_texts(content) == ["Python", "Shipped it"]
    assert [line["bbox"][1] for block in content["blocks"] for line in block["lines"]] == [50, 52]


def test_grey_paper_is_evened_out_to_white_and_white_paper_is_left_alone():
    grey = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 800, 800), 0)
    grey.clear_with(200)
    grey.set_rect(pymupdf.IRect(100, 100, 300, 120), (40,))
    evened = even_out_grey_paper(grey)
    assert evened.pixel(10, 10) == (255,) and evened.pixel(150, 110) == (0,)
    white = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 800, 800), 0)
    white.clear_with(255)
    assert even_out_grey_paper(white) is white


def fake_tesseract(tmp_path, body):
    command = tmp_path / "tesseract"
    command.write_text(f"#!/bin/sh\n{body}\n")
    command.chmod(command.stat().st_mode | stat.S_IEXEC)
    return str(command)


def test_an_ocr_run_past_its_time_is_stopped_with_a_sentence(tmp_path):
    command = fake_tesseract(tmp_path, "exec sleep 30")
    with pytest.raises(UnreadablePdf) as failed:
        parse_pdf(scans.scan_of(ONE_PAGE, dpi=100), ocr=OcrOptions(command=command, timeout=0.5))
    assert failed.value.code == "ocr_failed"
    assert "took more than" in failed.value.message


def test_tesseract_failing_fails_the_page_with_a_sentence(tmp_path):
    command = fake_tesseract(tmp_path, "echo broken >&2; exit 3")
    with pytest.raises(UnreadablePdf) as failed:
        parse_pdf(scans.scan_of(ONE_PAGE, dpi=100), ocr=OcrOptions(command=command))
    assert failed.value.code == "ocr_failed"
    assert "could not read page 1" in failed.value.message


def test_the_tesseract_process_runs_in_one_thread_with_bounded_memory_and_cpu(tmp_path):
    seen = tmp_path / "seen"
    command = fake_tesseract(tmp_path, f'echo "$OMP_THREAD_LIMIT $(ulimit -v) $(ulimit -t)" > {seen}; exit 9')
    with pytest.raises(UnreadablePdf):
        parse_pdf(scans.scan_of(ONE_PAGE, dpi=100), ocr=OcrOptions(command=command))
    threads, memory_kb, cpu_seconds = seen.read_text().split()
    assert threads == "1"
    assert int(memory_kb) * 1024 == ocr.TESSERACT_MEMORY and int(cpu_seconds) == ocr.TESSERACT_CPU_SECONDS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's")
def test_tesseract_dies_with_the_analysis_process_that_started_it(tmp_path):
    # An analysis past its time limit is killed with SIGKILL (analyses/isolation.py); its tesseract must not run on.
    pid_file = tmp_path / "tesseract.pid"
    command = fake_tesseract(tmp_path, f"echo $$ > {pid_file}; exec sleep 60")
    scan = scans.scan_of(ONE_PAGE, dpi=100)
    analysis = multiprocessing.get_context("fork").Process(
        target=parse_pdf, args=(scan,), kwargs={"ocr": OcrOptions(command=command, timeout=60)}
    )
    analysis.start()
    tesseract = pid_written_to(pid_file)
    os.kill(analysis.pid, signal.SIGKILL)
    analysis.join()
    assert ends_within(tesseract)


def test_without_the_tesseract_command_mupdf_reads_the_scan():
    parsed = parse_pdf(scans.scan_of(ONE_PAGE, dpi=200), ocr=OcrOptions(command="no-such-tesseract-command"))
    assert parsed.ocr_pages == [1]
    assert "jane.doe@example.com" in " ".join(line.text for line in parsed.lines)


def cleaned_line(*words):
    """clean_ocr_words on one line of (text, confidence) words, as words_to_content gives them."""
    spans = []
    for text, conf in words:
        spans += [{"text": " ", "conf": -1}] if spans else []
        spans.append({"text": text, "conf": conf})
    content = {"blocks": [{"type": 0, "lines": [{"bbox": (72, 72, 300, 82), "spans": spans}]}]}
    lines = clean_ocr_words(content)["blocks"][0]["lines"]
    return " ".join("".join(span["text"] for span in lines[0]["spans"]).split()) if lines else ""


def test_words_tesseract_doubts_are_left_out():
    assert cleaned_line(("Built", 96), ("Rkd3", 12), ("pipelines", 95)) == "Built pipelines"
    assert cleaned_line(("Built", 96), ("Rkd3", 45), ("pipelines", 95)) == "Built Rkd3 pipelines"


def test_a_doubted_mark_before_a_capitalised_word_is_a_bullet_and_before_a_heading_a_speck():
    assert cleaned_line(("¢", 0), ("Worked", 96), ("on", 94)) == "• Worked on"
    assert cleaned_line(("-", 0), ("EXPERIENCE", 97)) == "EXPERIENCE"
    assert cleaned_line(("Python", 97), ("|", 20), ("Django", 96)) == "Python | Django"  # still a separator


def test_mupdf_reads_a_scan_on_grey_paper_from_a_copy_evened_out_to_white():
    scan = pymupdf.open(stream=scans.scan_of(ONE_PAGE, dpi=100, paper=200, jpeg_quality=40), filetype="pdf")
    ink = scan[0].get_pixmap(dpi=ocr.INK_DPI, colorspace=pymupdf.csGRAY)
    assert ink.pixel(5, 5)[0] < 210  # grey paper
    with ocr._page_on_white_paper(scan[0], 100, ink) as source:
        assert source.rect == scan[0].rect
        assert source.get_pixmap(dpi=50, colorspace=pymupdf.csGRAY).pixel(5, 5) == (255,)
    white = pymupdf.open(stream=scans.scan_of(ONE_PAGE, dpi=100), filetype="pdf")[0]
    with ocr._page_on_white_paper(white, 100, white.get_pixmap(dpi=ocr.INK_DPI, colorspace=pymupdf.csGRAY)) as same:
        assert same is white
    parsed = parse_pdf(scan.tobytes(), ocr=OcrOptions(command="no-such-tesseract-command"))
    assert "jane.doe@example.com" in " ".join(line.text for line in parsed.lines)


def test_the_tesseract_command_is_installed():
    assert shutil.which(OcrOptions().command), "make test installs tesseract-ocr; run it, or apt-get install it"


def test_a_scan_is_read_inside_an_analysis_already_under_a_tighter_memory_limit():
    # The worker runs each analysis under its own limits (docs/limits.md): tesseract's may not be set above them.
    code = (
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (900 << 20, 900 << 20));"
        "from tests import pdfs, scans; from analyses.pipeline.extract import parse_pdf;"
        "from analyses.pipeline.ocr import OcrOptions;"
        "p = parse_pdf(scans.scan_of(pdfs.make_pdf([pdfs.RESUME_PAGE_1]), dpi=100), ocr=OcrOptions());"
        "print(p.ocr_pages, 'jane.doe@example.com' in ' '.join(line.text for line in p.lines))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["[1]", "True"], done.stderr
