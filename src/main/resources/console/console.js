// The console page: reads /api/status and /api/files every 3 s and renders them; its buttons POST
// with the CSRF token /api/status gives. Text is set with textContent only: nothing the loader
// read from a file is ever parsed as HTML.
"use strict";

let csrf = "";

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function fill(tableId, items, render, emptyText) {
  const body = document.querySelector("#" + tableId + " tbody");
  body.replaceChildren();
  if (items.length === 0) {
    const row = body.insertRow();
    row.className = "empty";
    const td = cell(row, emptyText);
    td.colSpan = document.querySelectorAll("#" + tableId + " thead th").length;
    return;
  }
  items.forEach(item => render(body.insertRow(), item));
}

function words(counts) {
  return Object.entries(counts || {}).map(([name, count]) => name + " " + count).join(", ");
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "";
  if (seconds < 60) return seconds + " s";
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? minutes + " min" : Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function link(td, href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  td.appendChild(a);
}

function button(td, text, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", () => action(b));
  td.appendChild(b);
}

async function post(path) {
  const answer = await fetch(path, { method: "POST", headers: { "X-CSRF-Token": csrf } });
  if (!answer.ok) {
    const body = await answer.json().catch(() => ({}));
    alert(body.error || ("failed: " + answer.status));
  }
  refresh();
}

function renderStatus(status) {
  csrf = status.csrf_token;
  const state = document.getElementById("sending-state");
  state.textContent = status.sending.state;
  state.className = "state " + status.sending.state;
  document.getElementById("sending-reason").textContent = (status.sending.reason || "")
      + (status.sending.until ? " (until " + when(status.sending.until) + ")" : "");
  const budget = status.budget;
  document.getElementById("budget-text").textContent = budget.requests_per_minute > 0
      ? budget.used_last_minute + " of " + budget.requests_per_minute + " requests"
      : budget.used_last_minute + " requests (no budget set)";
  const bar = document.getElementById("budget-bar");
  bar.max = Math.max(1, budget.requests_per_minute);
  bar.value = Math.min(bar.max, budget.used_last_minute);
  fill("dnc", status.do_not_call, (row, list) => {
    cell(row, list.name);
    cell(row, list.numbers, "num");
    cell(row, when(list.changed_at));
    cell(row, list.stale ? "stale: nothing is sent" : "no");
  }, "no do-not-call lists");
}

function renderFiles(files) {
  fill("in-flight", files.in_flight, (row, file) => {
    cell(row, file.file);
    cell(row, file.rows_read, "num");
    cell(row, file.accepted, "num");
    cell(row, file.rejected, "num");
    cell(row, file.pending_retry, "num");
    const progress = document.createElement("progress");
    progress.max = 1;
    progress.value = file.progress;
    progress.title = Math.round(file.progress * 100) + "%";
    cell(row, "").appendChild(progress);
    cell(row, duration(file.seconds_left_at_budget));
  }, "nothing is loading");
  fill("waiting", files.waiting_for_approval, (row, file) => {
    cell(row, file.file);
    const preview = file.preview;
    cell(row, preview ? preview.rows : "previewing…", "num");
    cell(row, preview ? preview.accepted : "", "num");
    cell(row, preview ? words(preview.reasons) : "");
    cell(row, preview ? preview.requests : "", "num");
    cell(row, preview && preview.minutes_at_budget !== null ? preview.minutes_at_budget + " min" : "");
    cell(row, preview ? words(preview.time_zones) : "");
    const actions = cell(row, "");
    button(actions, "Approve", () => post("api/files/" + file.id + "/approve"));
    button(actions, "Discard", () => {
      if (confirm("Discard " + file.file + "? It goes to error/ and nothing is sent.")) {
        post("api/files/" + file.id + "/discard");
      }
    });
  }, "no file is waiting");
  fill("recent", files.recent, (row, file) => {
    cell(row, file.file);
    cell(row, file.outcome.replaceAll("_", " ") + (file.error ? ": " + file.error : ""));
    cell(row, when(file.finished_at));
    cell(row, file.rows, "num");
    cell(row, file.accepted, "num");
    cell(row, file.rejected, "num");
    cell(row, file.pending_retry, "num");
    const downloads = cell(row, "");
    Object.entries(file.downloads).forEach(([which, href]) => link(downloads, href, which));
  }, "no file finished yet");
  fill("retry", files.retry, (row, file) => {
    cell(row, file.file);
    cell(row, file.rows, "num");
    cell(row, when(file.due_at));
  }, "retry/ is empty");
}

async function refresh() {
  try {
    const [status, files] = await Promise.all([
      fetch("api/status").then(answer => answer.json()),
      fetch("api/files").then(answer => answer.json())]);
    renderStatus(status);
    renderFiles(files);
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById("updated").textContent = "the loader does not answer: " + e;
  }
}

document.getElementById("redrive").addEventListener("click", () => post("api/retry/redrive"));
refresh();
setInterval(refresh, 3000);
