// The note editor saves the draft to the server as you type (encrypted there, like every
// note), so a timeout, a lost connection or the quick-hide key never loses a half-written note.
(function () {
  "use strict";
  var form = document.getElementById("note-form");
  if (!form || !form.dataset.autosaveUrl) return;
  var status = document.getElementById("autosave-status");
  var dirty = false;
  var saving = false;
  var DELAY_MS = 3000;
  var timer = null;

  function say(text) { status.textContent = text; }

  function save() {
    if (!dirty || saving) return;
    saving = true;
    dirty = false;
    var data = new FormData(form);
    data.set("intent", "autosave");
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      body: data,
    }).then(function (response) {
      saving = false;
      if (response.status === 401) {
        dirty = true;
        say("Signed out: your last changes could not be saved. Sign in again.");
        return null;
      }
      return response.json().then(function (body) {
        if (!response.ok) {
          dirty = true;
          say("Not saved yet: " + Object.values(body.errors || {}).flat().join(" "));
          return;
        }
        if (body.edit_url && form.dataset.autosaveUrl !== body.edit_url) {
          // The first save made the draft: keep editing that draft from now on.
          form.dataset.autosaveUrl = body.edit_url;
          form.action = body.edit_url;
          window.history.replaceState(null, "", body.edit_url);
        }
        say("Draft saved at " + body.saved_at + ".");
      });
    }).catch(function () {
      saving = false;
      dirty = true;
      say("Offline: the draft will be saved when the connection is back.");
    });
  }

  function changed() {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DELAY_MS);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // Save at once when the screen is hidden or the session is about to end.
  document.addEventListener("confide:hidden", save);
  document.addEventListener("confide:expiring", save);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") save();
  });
  window.setInterval(save, 15000);
})();
