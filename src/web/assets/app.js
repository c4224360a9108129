// examkit: small improvements on top of plain HTML forms. Everything works without this
// file; with it, drafts save to the server as you type and the word count is live.
(function () {
  "use strict";
  function countWords(text) {
    var m = text.trim().match(/\S+/g);
    return m ? m.length : 0;
  }
  function clock() {
    var d = new Date();
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }
  function setup(box) {
    var key = box.getAttribute("data-autosave");
    var status = document.getElementById("draft-status");
    var count = document.querySelector("#word-count [data-words]");
    var countBox = document.getElementById("word-count");
    var timer = null;
    var saved = box.value;
    var inFlight = false;
    function showCount() {
      var n = countWords(box.value);
      if (countBox) countBox.textContent = n + (n === 1 ? " word" : " words");
    }
    function save(keepalive) {
      timer = null;
      if (box.value === saved) return;
      var text = box.value;
      inFlight = true;
      fetch("/api/drafts/" + key, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answer: text }),
        credentials: "same-origin",
        keepalive: !!keepalive
      }).then(function (r) {
        inFlight = false;
        if (!r.ok) return r.json().then(function (e) { throw new Error(e.error || r.status); });
        saved = text;
        if (status) status.textContent = "Draft saved at " + clock() + ".";
      }).catch(function (e) {
        inFlight = false;
        if (status) status.textContent = "Not saved yet (" + e.message + "). Keep this page open; it will try again.";
        if (!timer) timer = setTimeout(save, 3000);
      });
    }
    box.addEventListener("input", function () {
      showCount();
      if (status && !inFlight) status.textContent = "Saving…";
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, 600);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save(true);
    });
    window.addEventListener("pagehide", function () { save(true); });
    if (count) showCount();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var boxes = document.querySelectorAll("textarea[data-autosave]");
    for (var i = 0; i < boxes.length; i++) setup(boxes[i]);
  });
})();
