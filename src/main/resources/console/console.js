// The console page: reads /api/status and /api/files every 3 s and renders them; its buttons POST
// with the CSRF token /api/status gives, in its header. Text is set with textContent only: nothing
// the loader read from a file is ever parsed as HTML. Each cell carries its column's name, which
// a phone's narrow screen shows beside the value.
"use strict";

let csrf = "";
let files = { retry: [] };

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : String(text);
  if (className) td.className = className;
  const header = row.closest("table").querySelectorAll("thead th")[row.cells.length];
  td.dataset.label = header ? header.textContent : "";
  row.appendChild(td);
  return td;
}

// What each table shows now: a table whose rows did not change is left as it is, so that a focused
// button keeps its focus and a click its target across refreshes.
const shown = {};

function fill(tableId, items, render, emptyText) {
  const key = JSON.stringify(items) + (sendingPaused ? " paused" : "");
  if (shown[tableId] === key) return;
  shown[tableId] = key;
  const body = document.querySelector("#" + tableId + " tbody");
  body.replaceChildren();
  if (items.length === 0) {
    const row = body.insertRow();
    row.className = "empty";
    const td = document.createElement("td");
    td.textContent = emptyText;
    td.colSpan = document.querySelectorAll("#" + tableId + " thead th").length;
    row.appendChild(td);
    return;
  }
  items.forEach(item => render(body.insertRow(), item));
}

function words(counts) {
  return Object.entries(counts || {}).map(([name, count]) => name + " " + count).join(", ");
}

// "spring-east 41200, spring-safe 312, not routed 12" with loader.by-zone.*; empty without.
function routedWords(preview) {
  if (!preview.routed) return "";
  const notRouted = (preview.reasons || {}).time_zone_not_routed;
  return words(preview.routed) + (notRouted ? ", not routed " + notRouted : "");
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "";
  if (seconds < 90) return seconds + " s";
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? minutes + " min" : Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
}

// "about 2 min (1 min–3 min)" while part of the file is unread; "40 s" once its size is known.
function timeLeft(item, paused) {
  if (paused) return "paused";
  const seconds = item.seconds_left_at_budget;
  if (seconds === null || seconds === undefined) return "estimating…";
  if (item.seconds_left_low === null || item.seconds_left_low === undefined) return "about " + duration(seconds);
  return "about " + duration(seconds) + " (" + duration(item.seconds_left_low) + "–" + duration(item.seconds_left_high) + ")";
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

function button(td, text, label, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", label);
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

let sendingPaused = false;

function renderStatus(status) {
  csrf = status.csrf_token;
  const sending = status.sending;
  const state = document.getElementById("sending-state");
  state.textContent = sending.state;
  state.className = "state " + sending.state;
  document.getElementById("sending-reason").textContent = (sending.reason || "")
      + (sending.until ? " (until " + when(sending.until) + ")" : "");
  sendingPaused = Boolean(sending.paused_by);
  document.getElementById("pause").hidden = sendingPaused;
  document.getElementById("resume").hidden = !sendingPaused;
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

function approve(file) {
  const preview = file.preview;
  const what = preview
      ? preview.accepted + " of its " + preview.rows + " rows will be sent in " + preview.requests
        + (preview.requests === 1 ? " request" : " requests")
        + (preview.minutes_at_budget !== null ? " (about " + preview.minutes_at_budget + " min at the budget)" : "")
        + (preview.routed ? ", to " + routedWords(preview) : "")
      : "it has not been previewed yet, so its rows and requests are not known";
  if (confirm("Approve " + file.file + "? " + what + ". This cannot be undone.")) {
    post("api/files/" + file.id + "/approve");
  }
}

function renderFiles(answer) {
  files = answer;
  fill("in-flight", files.in_flight, (row, file) => {
    cell(row, file.file);
    cell(row, file.batch_call || "(inbox)");
    cell(row, file.rows_read, "num");
    cell(row, file.accepted, "num");
    cell(row, file.rejected, "num");
    cell(row, file.pending_retry, "num");
    const progress = document.createElement("progress");
    progress.max = 1;
    progress.value = file.progress;
    progress.title = Math.round(file.progress * 100) + "%";
    progress.setAttribute("aria-label", "Progress of " + file.file);
    cell(row, "").appendChild(progress);
    cell(row, timeLeft(file, sendingPaused));
  }, "nothing is loading");
  fill("batch-calls", files.batch_calls, (row, call) => {
    cell(row, call.batch_call || "(inbox)");
    cell(row, call.files, "num");
    cell(row, call.rows_to_go, "num");
    cell(row, timeLeft(call, sendingPaused));
  }, "no batch call is being loaded");
  fill("waiting", files.waiting_for_approval, (row, file) => {
    cell(row, file.file);
    const preview = file.preview;
    cell(row, preview ? preview.rows : "previewing…", "num");
    cell(row, preview ? preview.accepted : "", "num");
    cell(row, preview ? words(preview.reasons) : "");
    cell(row, preview ? preview.requests : "", "num");
    cell(row, preview && preview.minutes_at_budget !== null ? preview.minutes_at_budget + " min" : "");
    cell(row, preview ? words(preview.time_zones) : "");
    cell(row, preview ? routedWords(preview) : "");
    const actions = cell(row, "");
    button(actions, "Approve", "Approve " + file.file, () => approve(file));
    button(actions, "Discard", "Discard " + file.file, () => {
      if (confirm("Discard " + file.file + "? It goes to error/ and nothing is sent.")) {
        post("api/files/" + file.id + "/discard");
      }
    });
  }, "no file is waiting");
  fill("not-taken", files.not_taken, (row, file) => {
    cell(row, file.file);
    cell(row, when(file.since));
    cell(row, file.why);
  }, "nothing else is in the inbox");
  fill("recent", files.recent, (row, file) => {
    cell(row, file.file);
    cell(row, file.outcome.replaceAll("_", " ") + (file.error ? ": " + file.error : ""));
    cell(row, when(file.finished_at));
    cell(row, file.rows, "num");
    cell(row, file.accepted, "num");
    cell(row, file.rejected, "num");
    cell(row, file.pending_retry, "num");
    cell(row, file.approved_by ? file.approved_by + ", " + when(file.approved_at) : "");
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
    const [status, answer] = await Promise.all([
      fetch("api/status").then(reply => reply.json()),
      fetch("api/files").then(reply => reply.json())]);
    renderStatus(status);
    renderFiles(answer);
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    document.getElementById("updated").textContent = "the loader does not answer: " + e;
  }
}

document.getElementById("redrive").addEventListener("click", () => {
  const rows = files.retry.reduce((sum, file) => sum + Math.max(0, file.rows), 0);
  if (confirm("Re-drive " + files.retry.length + " retry file(s), " + rows + " rows, now? They go back through"
      + " the inbox and are sent again.")) {
    post("api/retry/redrive");
  }
});
document.getElementById("pause").addEventListener("click", () => {
  if (confirm("Pause all sending? Each sender stops after its current request, until someone resumes.")) {
    post("api/sending/pause");
  }
});
document.getElementById("resume").addEventListener("click", () => post("api/sending/resume"));
refresh();
setInterval(refresh, 3000);
