// The demo page: the frontend's flow (upload → poll status every 2 s → fetch the result) in plain JavaScript.
// Everything the API returns is written with textContent or setAttribute, never innerHTML: resumes are untrusted.
(function () {
  "use strict";

  const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 };
  const CATEGORY_LABELS = {
    skills: "Skills",
    contact: "Contact",
    structure: "Structure",
    layout: "Layout",
    length: "Length",
    content: "Content",
  };
  // A network hiccup while polling is retried; this many in a row means the server is gone.
  const MAX_POLL_NETWORK_ERRORS = 5;
  // The server marks every analysis completed or failed well within this; past it, stop and say so.
  const MAX_POLL_MS = 10 * 60 * 1000;
  const EVIDENCE_SHOWN = 3;
  // The colour each score band is drawn in, and what the overall score's band says.
  const BAND_TONES = { strong: "good", good: "good", fair: "ok", weak: "bad" };
  const BAND_VERDICTS = {
    strong: "Strong resume",
    good: "Good, with fixes to make",
    fair: "Fair: several fixes to make",
    weak: "Needs work",
  };

  const root = document.getElementById("main");
  const config = {
    uploadUrl: root.dataset.uploadUrl,
    statusUrl: root.dataset.statusUrl,
    resultUrl: root.dataset.resultUrl,
    pollMs: Number(root.dataset.pollMs) || 2000,
    // [[band, lowest score], …] best first: the server's one banding (pipeline/scoring.py), the admin's too.
    scoreBands: JSON.parse(root.dataset.scoreBands || "[]"),
  };
  const $ = (id) => document.getElementById(id);
  const form = $("upload-form");
  const dropZone = $("drop-zone");
  const fileInput = $("file-input");
  const submit = $("submit");

  let selectedFile = null;
  let currentRun = 0; // bumped by each new analysis, so a stale poll loop stops writing to the page

  // ---------- choosing a file ----------

  function chooseFile(file) {
    selectedFile = file || null;
    $("file-name").textContent = selectedFile ? `${selectedFile.name} · ${formatSize(selectedFile.size)}` : "";
    dropZone.classList.toggle("has-file", Boolean(selectedFile));
    submit.disabled = !selectedFile;
  }

  dropZone.addEventListener("click", () => fileInput.click());
  dropZone.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      fileInput.click();
    }
  });
  fileInput.addEventListener("change", () => chooseFile(fileInput.files[0]));
  ["dragenter", "dragover"].forEach((type) =>
    dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add("is-dragging");
    }),
  );
  ["dragleave", "dragend"].forEach((type) =>
    dropZone.addEventListener(type, () => dropZone.classList.remove("is-dragging")),
  );
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    dropZone.classList.remove("is-dragging");
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) chooseFile(file);
  });
  // A file dropped next to the zone would make the browser navigate away to it.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (selectedFile) analyse(selectedFile);
  });

  $("again").addEventListener("click", () => {
    currentRun += 1;
    show("report", false);
    show("error", false);
    show("progress", false);
    form.reset();
    chooseFile(null);
    window.scrollTo({ top: 0, behavior: "smooth" });
    dropZone.focus();
  });

  // ---------- the flow ----------

  async function analyse(file) {
    const run = ++currentRun;
    const isCurrent = () => run === currentRun;
    show("error", false);
    show("report", false);
    submit.disabled = true;
    $("progress-file").textContent = file.name;
    setStep("upload");
    setProgress("Uploading…");
    show("progress", true);

    try {
      const taskId = await upload(file);
      if (!isCurrent()) return;
      setStep("analyse");
      const status = await pollUntilDone(taskId, isCurrent);
      if (!isCurrent()) return;
      if (status.status === "failed") {
        throw new FlowError("The analysis failed", status.error || "The analysis failed without a reason.");
      }
      setStep("report");
      setProgress("Fetching the report…");
      const result = await getJson(config.resultUrl + encodeURIComponent(taskId));
      if (!isCurrent()) return;
      if (!result.ok) {
        throw new FlowError(`Could not fetch the report (HTTP ${result.status})`, errorSentence(result));
      }
      show("progress", false);
      renderReport(result.body, taskId, file.name);
    } catch (error) {
      if (!isCurrent()) return;
      show("progress", false);
      showError(error instanceof FlowError ? error.title : "Something went wrong", error.message);
    } finally {
      if (isCurrent()) submit.disabled = !selectedFile;
    }
  }

  async function upload(file) {
    const body = new FormData();
    body.append("file", file, file.name);
    const jobDescription = $("job-description").value.trim();
    const targetRole = $("target-role").value.trim();
    if (jobDescription) body.append("job_description", jobDescription);
    if (targetRole) body.append("target_role", targetRole);

    let response;
    try {
      response = await fetch(config.uploadUrl, { method: "POST", body, headers: { Accept: "application/json" } });
    } catch {
      throw new FlowError("Upload failed", "Could not reach the server. Check your connection and try again.");
    }
    const answer = { ok: response.ok, status: response.status, body: await readJson(response) };
    if (!answer.ok) throw new FlowError(`Upload rejected (HTTP ${answer.status})`, errorSentence(answer));
    if (!answer.body || !answer.body.task_id) {
      throw new FlowError("Upload failed", "The server accepted the file but returned no task id.");
    }
    return answer.body.task_id;
  }

  async function pollUntilDone(taskId, isCurrent) {
    const started = Date.now();
    let checks = 0;
    let networkErrors = 0;
    for (;;) {
      if (!isCurrent()) return { status: "cancelled" };
      if (Date.now() - started > MAX_POLL_MS) {
        throw new FlowError(
          "Still processing",
          "The analysis is taking much longer than usual. Try again later, or ask the administrator to check the worker.",
        );
      }
      let wait = config.pollMs;
      try {
        const answer = await getJson(config.statusUrl + encodeURIComponent(taskId));
        networkErrors = 0;
        checks += 1;
        if (answer.ok && (answer.body.status === "completed" || answer.body.status === "failed")) {
          return answer.body;
        }
        if (answer.status === 429) {
          wait = Math.max(wait, (Number(answer.retryAfter) || 2) * 1000);
        } else if (!answer.ok) {
          throw new FlowError(`Could not check the analysis (HTTP ${answer.status})`, errorSentence(answer));
        }
      } catch (error) {
        if (error instanceof FlowError) throw error;
        networkErrors += 1;
        if (networkErrors >= MAX_POLL_NETWORK_ERRORS) {
          throw new FlowError("Lost the server", "The server stopped answering while the analysis was running.");
        }
      }
      const seconds = Math.round((Date.now() - started) / 1000);
      setProgress(`Analysing on the server… ${seconds} s (status checked ${checks}× — every ${config.pollMs / 1000} s)`);
      await sleep(wait);
    }
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
    return {
      ok: response.ok,
      status: response.status,
      retryAfter: response.headers.get("Retry-After"),
      body: await readJson(response),
    };
  }

  async function readJson(response) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }

  function errorSentence(answer) {
    if (answer.body && typeof answer.body.error === "string" && answer.body.error) return answer.body.error;
    return `The server answered with HTTP ${answer.status}.`;
  }

  class FlowError extends Error {
    constructor(title, message) {
      super(message);
      this.title = title;
    }
  }

  // ---------- rendering the report ----------

  function renderReport(result, taskId, fallbackName) {
    const report = $("report");
    report.dataset.taskId = taskId;
    $("report-file").textContent = result.original_filename || fallbackName;
    $("report-meta").textContent = joinPresent([
      (result.page_count_estimated ? "about " : "") + plural(result.page_count, "page"),
      plural(result.word_count, "word"),
      { docx: "Word document", pdf: result.text_source === "text" ? "" : "scan read by OCR" }[result.file_type] || "",
      Number.isFinite(result.duration_ms) ? `analysed in ${result.duration_ms} ms` : "",
    ]);
    $("result-link").setAttribute("href", config.resultUrl + encodeURIComponent(taskId));

    renderScore(result.overall_score, result.summary_text);
    renderBreakdown(result.score_breakdown || {});
    renderChips($("technical-skills"), result.technical_skills || [], result.skill_evidence || {}, "chip");
    renderChips($("soft-skills"), result.soft_skills || [], result.skill_evidence || {}, "chip chip-soft");
    $("technical-count").textContent = `(${(result.technical_skills || []).length})`;
    $("soft-count").textContent = `(${(result.soft_skills || []).length})`;
    renderInferred(Array.isArray(result.inferred_skills) ? result.inferred_skills : []);
    renderMissing(result.missing_keywords || [], result.missing_keywords_source || {});
    renderIssues(result.findings, result.formatting_issues || []);
    renderFacts(result);

    show("report", true);
    $("report-title").setAttribute("tabindex", "-1");
    $("report-title").focus({ preventScroll: true });
    report.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function renderScore(score, summary) {
    const value = clamp(Number(score) || 0);
    const tone = toneFor(value);
    const card = $("gauge").closest(".score-card");
    card.classList.remove("tone-good", "tone-ok", "tone-bad");
    card.classList.add(`tone-${tone}`);
    const circle = $("gauge-value");
    const circumference = 2 * Math.PI * Number(circle.getAttribute("r"));
    circle.style.strokeDasharray = String(circumference);
    circle.style.strokeDashoffset = String(circumference * (1 - value / 100));
    $("score").textContent = String(value);
    $("score-label").textContent = `Overall score ${value} out of 100`;
    $("score-verdict").textContent = BAND_VERDICTS[bandFor(value)] || "";
    $("summary").textContent = summary || "";
  }

  function renderBreakdown(breakdown) {
    const list = $("breakdown");
    list.replaceChildren();
    const entries = Object.entries(breakdown);
    if (!entries.length) {
      list.append(element("li", "empty", "No breakdown in this report."));
      return;
    }
    for (const [category, rawValue] of entries) {
      const value = clamp(Number(rawValue) || 0);
      const row = element("li", `breakdown-row tone-${toneFor(value)}`);
      row.dataset.category = category;
      const meter = element("div", "meter");
      meter.setAttribute("aria-hidden", "true");
      const fill = element("div", "meter-fill");
      fill.style.width = `${value}%`;
      meter.append(fill);
      row.append(
        element("span", "breakdown-name", CATEGORY_LABELS[category] || capitalise(category)),
        meter,
        element("span", "breakdown-value", String(value)),
      );
      list.append(row);
    }
  }

  // A PDF's evidence names its page; a Word document's its paragraph (it has no pages until Word lays it out).
  function where(hit) {
    return hit.paragraph ? `¶ ${hit.paragraph}` : `p. ${hit.page}`;
  }

  function renderChips(list, names, evidence, className) {
    list.replaceChildren();
    if (!names.length) {
      list.append(element("li", "empty", "None found."));
      return;
    }
    names.forEach((name, index) => {
      const chip = element("li", className);
      chip.append(element("span", "chip-name", name));
      const hits = evidence[name] || [];
      if (hits.length) {
        const tipId = `${list.id}-tip-${index}`;
        const lines = hits.slice(0, EVIDENCE_SHOWN).map((hit) => `${where(hit)}: “${hit.context || hit.text}”`);
        if (hits.length > EVIDENCE_SHOWN) lines.push(`…and ${hits.length - EVIDENCE_SHOWN} more`);
        const tip = element("span", "tip", lines.join("\n"));
        tip.id = tipId;
        tip.setAttribute("role", "tooltip");
        chip.append(tip);
        chip.setAttribute("aria-describedby", tipId);
        chip.setAttribute("tabindex", "0");
        chip.dataset.evidence = lines.join("\n");
      }
      list.append(chip);
    });
  }

  // Implied, never stated (issue 11): listed apart, each with the phrase that implied it.
  function renderInferred(items) {
    const named = items.filter((item) => item && typeof item.name === "string" && item.name);
    const evidence = {};
    named.forEach((item) => {
      evidence[item.name] = Array.isArray(item.evidence) ? item.evidence : [];
    });
    renderChips($("inferred-skills"), named.map((item) => item.name), evidence, "chip chip-inferred");
    $("inferred-count").textContent = `(${named.length})`;
    $("inferred-block").hidden = named.length === 0;
  }

  function renderMissing(keywords, source) {
    const list = $("missing-keywords");
    list.replaceChildren();
    const captions = {
      job_description: "Skills your job description asks for that the resume does not show.",
      target_role: `Skills the role “${source.role}” calls for that the resume does not show.`,
      best_fit_role: `Compared with the closest role in the catalog, “${source.role}”.`,
      none: "No job description or role to compare with.",
    };
    $("missing-source").textContent = captions[source.type] || "";
    if (!keywords.length) {
      list.append(element("li", "empty", source.type === "none" ? "Nothing to compare." : "Nothing missing."));
      return;
    }
    keywords.forEach((keyword) => list.append(element("li", "chip", keyword)));
  }

  function renderIssues(findings, formattingIssues) {
    const list = $("issues");
    list.replaceChildren();
    // `findings` (an extra) carries severity and a hint; older reports only have the contract's sentences.
    const items = Array.isArray(findings)
      ? findings
          .map((finding, index) => ({ ...finding, index }))
          .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || a.index - b.index)
      : formattingIssues.map((message) => ({ message }));
    if (!items.length) {
      list.append(element("li", "all-clear", "No formatting problems found."));
      return;
    }
    for (const item of items) {
      const row = element("li", "issue");
      if (item.code) row.dataset.code = item.code;
      const severity = SEVERITY_ORDER[item.severity] === undefined ? "low" : item.severity;
      row.append(element("span", `badge badge-${severity}`, item.severity || "note"));
      const message = item.page ? `${item.message} (page ${item.page})` : item.message;
      row.append(element("span", "issue-message", message));
      if (item.hint) row.append(element("span", "issue-hint", item.hint));
      list.append(row);
    }
  }

  function renderFacts(result) {
    const facts = $("facts");
    facts.replaceChildren();
    const contact = result.contact || {};
    const margins = result.margins_pt;
    const rows = [
      ["Sections found", (result.sections || []).map(capitalise).join(", ") || "none recognised"],
      ["Email", contact.email || "not found"],
      ["Phone", contact.phone || "not found"],
      ["Links", joinPresent([contact.linkedin, contact.github, contact.website]) || "none found"],
      [
        "Margins (pt)",
        margins ? ["left", "right", "top", "bottom"].map((side) => `${side} ${Math.round(margins[side])}`).join(", ") : "",
      ],
      ["Pages · words", joinPresent([result.page_count, result.word_count], " · ")],
      ["Catalog version", result.catalog_version],
    ];
    for (const [label, value] of rows) {
      if (value === undefined || value === null || value === "") continue;
      facts.append(element("div", "fact", null, [element("dt", null, label), element("dd", null, String(value))]));
    }
  }

  // ---------- small helpers ----------

  function element(tag, className, text, children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    if (children) node.append(...children);
    return node;
  }

  function show(id, visible) {
    $(id).hidden = !visible;
  }

  function showError(title, message) {
    $("error-title").textContent = title;
    $("error-message").textContent = message;
    show("error", true);
  }

  function setProgress(text) {
    $("progress-text").textContent = text;
  }

  function setStep(active) {
    const order = ["upload", "analyse", "report"];
    order.forEach((name, index) => {
      const step = $(`step-${name}`);
      step.classList.toggle("is-active", name === active);
      step.classList.toggle("is-done", index < order.indexOf(active));
    });
  }

  function bandFor(value) {
    const band = config.scoreBands.find(([, lowest]) => value >= lowest);
    return band ? band[0] : "weak";
  }

  function toneFor(value) {
    return BAND_TONES[bandFor(value)] || "bad";
  }

  function clamp(value) {
    return Math.max(0, Math.min(100, Math.round(value)));
  }

  function capitalise(text) {
    const value = String(text);
    return value.charAt(0).toUpperCase() + value.slice(1);
  }

  function plural(count, word) {
    return Number.isFinite(count) ? `${count} ${word}${count === 1 ? "" : "s"}` : "";
  }

  function joinPresent(values, separator = " · ") {
    return values.filter((value) => value !== undefined && value !== null && value !== "").join(separator);
  }

  function formatSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
})();
