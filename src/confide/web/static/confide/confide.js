// Confide page behaviour: quick-hide, idle warning. No inline script anywhere (CSP).
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: body || new FormData(),
    });
  }

  // Quick-hide: swap the whole screen for a neutral page at once, then tell the server,
  // which keeps the session locked until the password is given again. Unsaved text stays
  // in the page underneath, so nothing half-written is lost.
  var savedTitle = document.title;

  function hideScreen() {
    var neutral = document.getElementById("neutral-screen");
    var app = document.getElementById("app");
    if (!neutral || !app || !neutral.hidden) return;
    app.hidden = true;
    neutral.hidden = false;
    savedTitle = document.title;
    document.title = neutral.querySelector("h1").textContent + " · Confide";
    document.dispatchEvent(new CustomEvent("confide:hidden"));
    post(document.getElementById("lock-form").action);
  }

  function showScreen() {
    document.getElementById("neutral-screen").hidden = true;
    document.getElementById("app").hidden = false;
    document.getElementById("unlock-details").open = false;
    document.getElementById("unlock-password").value = "";
    document.title = savedTitle;
  }

  function setUpQuickHide() {
    var button = document.getElementById("quick-hide");
    if (!button) return;
    button.addEventListener("click", hideScreen);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !event.defaultPrevented) hideScreen();
    });
    var form = document.getElementById("unlock-form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var error = document.getElementById("unlock-error");
      post(form.action, new FormData(form)).then(function (response) {
        if (response.ok) {
          error.hidden = true;
          showScreen();
        } else if (response.status === 401) {
          window.location.assign("/login/?expired=1");
        } else {
          return response.json().then(function (data) {
            error.textContent = data.error || "";
            error.hidden = false;
          });
        }
      });
    });
  }

  // Idle warning: the server ends idle sessions; this only warns two minutes ahead and
  // lets pages (the note editor) save a draft before the session goes.
  function setUpIdleWarning() {
    var meta = document.querySelector('meta[name="idle-timeout"]');
    if (!meta) return;
    var warning = document.getElementById("idle-warning");
    var stay = document.getElementById("stay-signed-in");
    function check() {
      fetch("/session/status/", { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (response.status === 401) {
            document.dispatchEvent(new CustomEvent("confide:expired"));
            window.location.assign("/login/?expired=1");
            return null;
          }
          return response.json();
        })
        .then(function (data) {
          if (!data) return;
          var left = data.seconds_left;
          warning.hidden = left > 120;
          if (left <= 120) document.dispatchEvent(new CustomEvent("confide:expiring"));
          window.setTimeout(check, Math.max(5, Math.min(60, left - 110)) * 1000);
        })
        .catch(function () { window.setTimeout(check, 30000); });
    }
    stay.addEventListener("click", function () {
      fetch("/", { credentials: "same-origin" }).then(function () { warning.hidden = true; });
    });
    window.setTimeout(check, 5000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpQuickHide();
    setUpIdleWarning();
  });
})();
