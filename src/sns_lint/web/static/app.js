// sns-lint serve: the page's behaviour. Plain JavaScript, no build step, nothing from outside.
// Every check and every length count is done by the server (the CLI's own code); this file
// only sends the draft, draws the answers, and maps code-point columns to textarea offsets.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const compose = document.querySelector(".compose");
  const draft = $("draft");
  const highlights = $("highlights");
  const findingsList = $("findings");
  const summary = $("summary");
  const statusLine = $("status");
  const empty = $("empty");
  const accountSelect = $("account");
  const platformSelect = $("platform");
  const scheduledInput = $("scheduled");
  const emergencyInput = $("emergency");
  const autoInput = $("auto");
  const MAX_BYTES = Number(compose.dataset.maxBytes);
  const SEVERITY_JA = { error: "エラー", warning: "警告", info: "情報" };
  const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
  const CHECK_DELAY = 450;
  const LENGTH_DELAY = 60;

  // findings of the typed draft, with UTF-16 offsets into `baseText`
  let marks = [];
  let baseText = "";
  let checkSeq = 0;
  let lengthSeq = 0;
  let checkTimer = null;
  let lengthTimer = null;
  let activeIndex = null;

  // ---------------------------------------------------------------- helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function metadata() {
    return {
      account: accountSelect.value || null,
      platform: platformSelect.value || null,
      scheduled_at: scheduledInput.value || null,
      emergency: emergencyInput.checked,
    };
  }

  async function api(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
    let data = null;
    try {
      data = await response.json();
    } catch (_) {
      throw new Error(`サーバーから読めない応答がありました（${response.status}）。`);
    }
    if (!response.ok) throw new Error(data.error || `エラー（${response.status}）`);
    return data;
  }

  function byteLength(text) {
    return new TextEncoder().encode(text).length;
  }

  function megabytes(bytes) {
    return Math.round(bytes / (1024 * 1024));
  }

  // (line, column) in code points, 1-based, as the JSON report gives them -> UTF-16 offset
  function offsetMapper(text) {
    const lineStarts = [0]; // UTF-16 offset of each line start
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    return function (line, column) {
      let offset = lineStarts[Math.min(line, lineStarts.length) - 1];
      for (let steps = column - 1; steps > 0 && offset < text.length; steps--) {
        const code = text.charCodeAt(offset);
        offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      }
      return offset;
    };
  }

  // code-point offsets within a text -> UTF-16 offsets
  function codePointMapper(text) {
    const starts = [];
    let unit = 0;
    for (const character of text) {
      starts.push(unit);
      unit += character.length;
    }
    starts.push(unit);
    return (index) => starts[Math.min(index, starts.length - 1)];
  }

  // <mark>s for spans [start, end) with a severity; overlapping spans take the most severe
  function renderMarked(container, text, spans, withIds) {
    container.textContent = "";
    const points = new Set([0, text.length]);
    for (const span of spans) {
      points.add(span.start);
      points.add(span.end);
    }
    const sorted = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    for (let i = 0; i < sorted.length - 1; i++) {
      const from = sorted[i];
      const to = sorted[i + 1];
      const piece = text.slice(from, to);
      const covering = spans.filter((s) => s.start <= from && s.end >= to && s.end > s.start);
      if (!covering.length) {
        container.append(piece);
        continue;
      }
      const worst = covering.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a));
      const mark = el("mark", { class: `sev-${worst.severity}` }, piece);
      if (withIds) mark.dataset.ids = covering.map((s) => s.index).join(" ");
      container.append(mark);
    }
    // a trailing newline needs a character after it to take up its line
    container.append(text.endsWith("\n") || text === "" ? "\u200b" : "");
  }

  function severityCounts(findings) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity] += 1;
    return counts;
  }

  function summaryPills(container, counts, clean) {
    container.textContent = "";
    if (clean) {
      container.append(el("span", { class: "pill ok", text: "問題なし" }));
      return;
    }
    for (const severity of ["error", "warning", "info"]) {
      const cls = counts[severity] ? `pill sev-${severity}` : "pill";
      container.append(el("span", { class: cls, text: `${SEVERITY_JA[severity]} ${counts[severity]}` }));
    }
  }

  // ---------------------------------------------------------------- the typed draft

  function autoResize() {
    draft.style.height = "auto";
    draft.style.height = `${draft.scrollHeight}px`;
  }

  function drawHighlights() {
    const spans = marks.filter((m) => !m.stale).map((m) => ({ start: m.start, end: m.end, severity: m.finding.severity, index: m.index }));
    renderMarked(highlights, baseText, spans, true);
    if (activeIndex !== null) setActive(activeIndex);
  }

  // keep marks on their words while the user types: shift those after the edit, drop those in it
  function followEdit(newText) {
    const oldText = baseText;
    if (oldText === newText) return;
    let prefix = 0;
    const shortest = Math.min(oldText.length, newText.length);
    while (prefix < shortest && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (
      suffix < shortest - prefix &&
      oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
    ) suffix++;
    const editEnd = oldText.length - suffix;
    const delta = newText.length - oldText.length;
    for (const mark of marks) {
      if (mark.stale) continue;
      if (mark.end <= prefix) continue;
      if (mark.start >= editEnd) {
        mark.start += delta;
        mark.end += delta;
      } else {
        mark.stale = true;
      }
    }
    baseText = newText;
    for (const mark of marks) {
      const card = findingsList.querySelector(`[data-index="${mark.index}"]`);
      if (card) card.classList.toggle("stale", Boolean(mark.stale));
    }
  }

  // "editing" -> "checking" -> "idle" (the findings shown are those of the text shown)
  function setState(state) {
    compose.dataset.state = state;
  }

  function onInput() {
    setState("editing");
    followEdit(draft.value);
    autoResize();
    drawHighlights();
    scheduleLength();
    if (autoInput.checked) scheduleCheck();
  }

  function scheduleCheck(delay = CHECK_DELAY) {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(runCheck, delay);
  }

  function scheduleLength() {
    clearTimeout(lengthTimer);
    lengthTimer = setTimeout(runLength, LENGTH_DELAY);
  }

  async function runCheck() {
    clearTimeout(checkTimer);
    const text = draft.value;
    const seq = ++checkSeq;
    if (!text.trim()) {
      marks = [];
      baseText = text;
      drawHighlights();
      renderFindings(null);
      setState("idle");
      return;
    }
    if (byteLength(text) > MAX_BYTES) {
      showStatus(`下書きが大きすぎます（上限 ${megabytes(MAX_BYTES)} MB）。`, "error");
      return;
    }
    showStatus("点検中…", "busy");
    setState("checking");
    let report;
    try {
      report = await api("/api/check", { text, ...metadata() });
    } catch (error) {
      if (seq === checkSeq) showStatus(error.message, "error");
      return;
    }
    if (seq !== checkSeq) return; // a newer check is on its way
    const locate = offsetMapper(text);
    marks = report.findings.map((finding, index) => ({
      finding,
      index,
      start: locate(finding.line, finding.column),
      end: locate(finding.end_line, finding.end_column),
    }));
    baseText = text;
    followEdit(draft.value); // typed while the check ran
    drawHighlights();
    renderFindings(report);
    if (draft.value === text) setState("idle");
  }

  async function runLength() {
    const seq = ++lengthSeq;
    let result;
    try {
      result = await api("/api/length", { text: draft.value, ...metadata() });
    } catch (_) {
      return; // the check reports the same problem in words
    }
    if (seq !== lengthSeq) return;
    renderCounter(result);
  }

  function renderCounter(result) {
    const counter = $("counter");
    const fill = $("meter-fill");
    counter.classList.remove("over", "near");
    if (!result.platform) {
      $("counter-label").textContent = "文字数";
      $("counter-length").textContent = "—";
      $("counter-limit").textContent = "—";
      $("counter-state").textContent = result.error || "プラットフォームを選ぶと数えます";
      fill.style.width = "0";
      return;
    }
    const weighted = result.method === "weighted";
    $("counter-label").textContent = weighted
      ? `${result.platform_name} の数え方（全角 2・URL 23・絵文字 2）`
      : `${result.platform_name} の文字数（上限 ${result.limit.toLocaleString("ja-JP")}）`;
    $("counter-length").textContent = result.length.toLocaleString("ja-JP");
    $("counter-limit").textContent = result.limit.toLocaleString("ja-JP");
    if (result.over > 0) {
      counter.classList.add("over");
      $("counter-state").textContent = `${result.over.toLocaleString("ja-JP")} 超過`;
    } else {
      if (result.remaining <= result.limit * 0.1) counter.classList.add("near");
      $("counter-state").textContent = `残り ${result.remaining.toLocaleString("ja-JP")}`;
    }
    fill.style.width = `${Math.min(100, (result.length / result.limit) * 100)}%`;
  }

  function showStatus(message, kind) {
    statusLine.textContent = message || "";
    statusLine.className = `status${kind === "busy" ? " busy" : ""}`;
    if (kind === "error") {
      statusLine.textContent = "";
      statusLine.append(el("div", { class: "error-box", text: message }));
    }
  }

  function findingCard(finding, options) {
    const { index, onApply, position } = options;
    const replacements = finding.replacements || [];
    const suggestion = [];
    if (replacements.length && onApply) {
      suggestion.push(el("span", { class: "suggestion-label", text: replacements.length === 1 ? "提案" : "言い換え候補" }));
      for (const replacement of replacements) {
        suggestion.push(
          el("button", {
            type: "button",
            class: "apply",
            title: `「${finding.text}」を「${replacement}」に置き換えます`,
            onclick: (event) => {
              event.stopPropagation();
              onApply(replacement);
            },
          }, replacements.length === 1 ? `「${replacement}」に置き換える` : replacement)
        );
      }
    } else if (finding.suggestion) {
      suggestion.push(el("span", { class: "suggestion-label", text: "提案" }), el("span", { text: finding.suggestion }));
    }
    return el(
      "li",
      { class: `finding sev-${finding.severity}`, "data-index": index },
      el(
        "div",
        { class: "finding-head" },
        el("span", { class: `badge sev-${finding.severity}`, text: SEVERITY_JA[finding.severity] }),
        el("span", { class: "clause", text: `項番 ${finding.clause}` }),
        el("span", { class: "rule-id", text: finding.rule }),
        el("span", { class: "position", text: position })
      ),
      el("p", { class: "finding-message", text: finding.message }),
      suggestion.length ? el("div", { class: "suggestion" }, suggestion) : null,
      el(
        "div",
        { class: "finding-links" },
        el("a", {
          href: `/explain/${encodeURIComponent(finding.rule)}`,
          target: "_blank",
          rel: "noopener",
          text: `ガイドライン ${finding.clause} の解説`,
          onclick: (event) => {
            event.preventDefault();
            event.stopPropagation();
            openExplain(finding.rule);
          },
        })
      )
    );
  }

  function renderFindings(report) {
    findingsList.textContent = "";
    activeIndex = null;
    if (report === null) {
      summary.textContent = "";
      showStatus("");
      empty.hidden = false;
      return;
    }
    empty.hidden = true;
    const counts = severityCounts(report.findings);
    summaryPills(summary, counts, report.findings.length === 0 && !report.input_errors);
    showStatus("");
    for (const problem of report.input_errors || []) {
      findingsList.append(el("li", { class: "error-box", text: problem.line ? `${problem.line} 行目: ${problem.message}` : problem.message }));
    }
    if (!report.findings.length && !report.input_errors) {
      findingsList.append(el("li", { class: "ok-box", text: "問題は見つかりませんでした。" }));
      return;
    }
    for (const mark of marks) {
      const card = findingCard(mark.finding, {
        index: mark.index,
        position: `${mark.finding.line} 行 ${mark.finding.column} 文字目`,
        onApply: (replacement) => applyReplacement(mark, replacement),
      });
      card.addEventListener("mouseenter", () => setActive(mark.index));
      card.addEventListener("mouseleave", () => setActive(null));
      card.addEventListener("click", () => selectMark(mark));
      card.tabIndex = 0; // keyboard users reach each finding with Tab and select its span with Enter
      card.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && event.target === card) selectMark(mark);
      });
      card.addEventListener("focus", () => setActive(mark.index));
      findingsList.append(card);
    }
  }

  function setActive(index) {
    activeIndex = index;
    for (const node of highlights.querySelectorAll("mark.active")) node.classList.remove("active");
    for (const node of findingsList.querySelectorAll(".finding.active")) node.classList.remove("active");
    if (index === null) return;
    for (const node of highlights.querySelectorAll("mark[data-ids]")) {
      if (node.dataset.ids.split(" ").includes(String(index))) node.classList.add("active");
    }
    const card = findingsList.querySelector(`[data-index="${index}"]`);
    if (card) card.classList.add("active");
  }

  function selectMark(mark) {
    if (mark.stale) return;
    draft.focus();
    draft.setSelectionRange(mark.start, mark.end);
  }

  function applyReplacement(mark, replacement) {
    if (mark.stale || draft.value.slice(mark.start, mark.end) !== mark.finding.text) {
      showStatus("本文が変わったため置き換えられません。もう一度点検してください。", "error");
      return;
    }
    draft.focus();
    draft.setSelectionRange(mark.start, mark.end);
    // insertText keeps the browser's undo (Ctrl+Z) working; setRangeText is the fallback
    if (!document.execCommand || !document.execCommand("insertText", false, replacement)) {
      draft.setRangeText(replacement, mark.start, mark.end, "end");
      onInput();
    }
    scheduleCheck(0);
  }

  // ---------------------------------------------------------------- explain

  async function openExplain(ruleId) {
    const dialog = $("explain-dialog");
    const body = $("explain-body");
    body.textContent = "読み込み中…";
    if (!dialog.open) dialog.showModal();
    let data;
    try {
      const response = await fetch(`/api/explain/${encodeURIComponent(ruleId)}`, { cache: "no-store" });
      data = await response.json();
      if (!response.ok) throw new Error(data.error);
    } catch (error) {
      body.textContent = "";
      body.append(el("p", { class: "error-box", text: error.message || "解説を読み込めませんでした。" }));
      return;
    }
    body.textContent = "";
    for (const rule of data.rules) {
      body.append(
        el(
          "article",
          { class: "explain" },
          el("p", { class: "explain-kicker" }, `ガイドライン ${rule.clause} ・ `, el("span", { class: `badge sev-${rule.severity || "off"}`, text: rule.severity_ja })),
          el("h3", { text: rule.summary }),
          el("p", { class: "rule-id", text: rule.id }),
          el("h3", { text: "なぜ" }),
          el("p", { text: rule.rationale }),
          el(
            "div",
            { class: "examples" },
            el("div", {}, el("h3", { class: "bad-title", text: "悪い例" }), el("ul", { class: "example-list bad" }, rule.bad.map((t) => el("li", { text: t })))),
            el("div", {}, el("h3", { class: "good-title", text: "よい例" }), el("ul", { class: "example-list good" }, rule.good.map((t) => el("li", { text: t }))))
          ),
          el("p", { class: "back" }, el("a", { href: `/explain/${encodeURIComponent(rule.id)}`, target: "_blank", rel: "noopener", text: "別のタブで開く" }))
        )
      );
    }
  }

  // ---------------------------------------------------------------- files

  async function checkFile(file) {
    const name = file.name;
    const report = $("file-report");
    if (file.size > MAX_BYTES) {
      showFileError(name, `ファイルが大きすぎます（上限 ${megabytes(MAX_BYTES)} MB）。ファイルを分けてください。`);
      return;
    }
    const meta = metadata();
    const query = new URLSearchParams({ name });
    for (const [key, value] of Object.entries(meta)) {
      if (value) query.set(key, value === true ? "true" : value);
    }
    report.hidden = false;
    $("file-title").textContent = `${name} を点検中…`;
    $("file-summary").textContent = "";
    $("file-errors").textContent = "";
    $("file-posts").textContent = "";
    let data;
    try {
      const response = await fetch(`/api/check-file?${query}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: await file.arrayBuffer(),
        credentials: "same-origin",
        cache: "no-store",
      });
      data = await response.json();
      if (!response.ok) throw new Error(data.error || `エラー（${response.status}）`);
    } catch (error) {
      showFileError(name, error.message);
      return;
    }
    renderFileReport(data);
    report.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function showFileError(name, message) {
    $("file-report").hidden = false;
    $("file-title").textContent = name;
    $("file-summary").textContent = "";
    $("file-posts").textContent = "";
    const errors = $("file-errors");
    errors.textContent = "";
    errors.append(el("p", { class: "error-box", text: message }));
  }

  function renderFileReport(data) {
    const { report, file } = data;
    const findings = report.findings;
    const posts = file.posts;
    const withFindings = posts.filter((post) => post.marks.length).length;
    $("file-title").textContent = `${file.name} の点検結果`;
    const summaryNode = $("file-summary");
    summaryPills(summaryNode, severityCounts(findings), findings.length === 0 && !report.input_errors);
    summaryNode.prepend(
      el("span", { class: "pill", text: `投稿 ${posts.length} 件` }),
      el("span", { class: "pill", text: `指摘のある投稿 ${withFindings} 件` })
    );
    const errors = $("file-errors");
    errors.textContent = "";
    for (const problem of report.input_errors || []) {
      errors.append(el("p", { class: "error-box", text: problem.line ? `${problem.path}:${problem.line}: ${problem.message}` : `${problem.path}: ${problem.message}` }));
    }
    for (const note of file.notes || []) {
      errors.append(el("p", { class: "note-box", text: note }));
    }
    const list = $("file-posts");
    list.textContent = "";
    for (const post of posts) list.append(postItem(post, findings, posts.length === 1));
    applyFilter();
  }

  function postItem(post, findings, open) {
    const own = post.marks.map((m) => findings[m.finding]);
    const counts = severityCounts(own);
    const toUnits = codePointMapper(post.text);
    const spans = post.marks
      .filter((m) => m.start !== null)
      .map((m) => ({ start: toUnits(m.start), end: toUnits(m.end), severity: findings[m.finding].severity, index: m.finding }));
    const text = el("pre", { class: "post-text" });
    renderMarked(text, post.text.replace(/\s+$/, ""), spans, false);
    const meta = [post.id, accountName(post.account), platformName(post.platform), when(post.scheduled_at)].filter(Boolean);
    const pills = el("span", { class: "summary" });
    summaryPills(pills, counts, own.length === 0);
    const details = el(
      "details",
      { open: open || null },
      el(
        "summary",
        {},
        el("span", { class: "post-no", text: `投稿 ${post.post + 1}` }),
        el("span", { class: "post-meta" }, el("span", { text: `${post.line} 行目` }), meta.map((m) => el("span", { text: m }))),
        el("span", { class: "post-preview", text: post.text.trim().split("\n")[0] }),
        pills
      ),
      el(
        "div",
        { class: "post-body" },
        el(
          "div",
          {},
          text,
          el(
            "div",
            { class: "post-actions" },
            el("button", { type: "button", class: "button secondary small", onclick: () => loadIntoEditor(post) }, "この投稿を編集欄で開く")
          )
        ),
        el(
          "ol",
          { class: "findings" },
          own.length
            ? own.map((finding, i) => findingCard(finding, { index: post.marks[i].finding, position: `${finding.line} 行 ${finding.column} 文字目` }))
            : el("li", { class: "ok-box", text: "問題は見つかりませんでした。" })
        )
      )
    );
    return el("li", { class: own.length ? "" : "clean-post" }, details);
  }

  function accountName(key) {
    const option = key && [...accountSelect.options].find((o) => o.value === key);
    return option ? option.textContent.replace(/（.*）$/, "") : key;
  }

  function platformName(key) {
    const option = key && [...platformSelect.options].find((o) => o.value === key);
    return option ? option.textContent : key;
  }

  // "2026-12-01T09:00:00+09:00" -> "2026-12-01 09:00"
  function when(iso) {
    return iso ? iso.slice(0, 16).replace("T", " ") : null;
  }

  function loadIntoEditor(post) {
    draft.value = post.text.replace(/^\n+|\s+$/g, "");
    if (post.account && [...accountSelect.options].some((o) => o.value === post.account)) accountSelect.value = post.account;
    if (post.platform) platformSelect.value = post.platform;
    if (post.scheduled_at) scheduledInput.value = post.scheduled_at.slice(0, 16);
    onInput();
    scheduleCheck(0);
    draft.focus();
    window.scrollTo({ top: 0, behavior: "smooth" });
  }

  function applyFilter() {
    const only = $("only-findings").checked;
    for (const item of $("file-posts").children) item.classList.toggle("filtered", only);
  }

  // ---------------------------------------------------------------- wiring

  draft.addEventListener("input", onInput);
  $("check").addEventListener("click", () => runCheck());
  for (const control of [accountSelect, platformSelect, scheduledInput, emergencyInput]) {
    control.addEventListener("change", () => {
      scheduleLength();
      if (draft.value.trim()) scheduleCheck(0);
    });
  }
  autoInput.addEventListener("change", () => autoInput.checked && scheduleCheck(0));
  draft.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCheck();
    }
  });

  const fileInput = $("file-input");
  $("open-file").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    if (fileInput.files.length) checkFile(fileInput.files[0]);
    fileInput.value = "";
  });
  $("close-file").addEventListener("click", () => { $("file-report").hidden = true; });
  $("only-findings").addEventListener("change", applyFilter);
  $("expand-all").addEventListener("click", () => {
    const all = [...$("file-posts").querySelectorAll("details")];
    const open = all.some((d) => !d.open);
    for (const d of all) d.open = open;
    $("expand-all").textContent = open ? "すべて閉じる" : "すべて開く";
  });
  $("explain-close").addEventListener("click", () => $("explain-dialog").close());
  $("explain-dialog").addEventListener("click", (event) => {
    if (event.target === event.currentTarget) event.currentTarget.close();
  });

  const overlay = $("drop-overlay");
  let dragDepth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes("Files");
  window.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth++;
    overlay.hidden = false;
  });
  window.addEventListener("dragover", (event) => {
    if (hasFiles(event)) event.preventDefault();
  });
  window.addEventListener("dragleave", () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) overlay.hidden = true;
  });
  window.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    overlay.hidden = true;
    if (event.dataTransfer.files.length) checkFile(event.dataTransfer.files[0]);
  });

  new ResizeObserver(autoResize).observe(draft.parentElement);
  autoResize();
  drawHighlights();
  runLength();
})();
