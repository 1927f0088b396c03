// Selecting words in the "as written" text fills the "hide something" form with them and
// their exact place, so a repeated word can be hidden in one spot. Typing still works.
(function () {
  "use strict";
  const form = document.getElementById("add-redaction");
  if (!form) return;
  const words = form.querySelector("[name=words]");
  const section = form.querySelector("[name=section]");
  const start = form.querySelector("[name=start]");
  const end = form.querySelector("[name=end]");

  function clearPlace() { start.value = ""; end.value = ""; }
  words.addEventListener("input", clearPlace);
  section.addEventListener("change", clearPlace);

  document.addEventListener("mouseup", function () {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const box = range.startContainer.parentElement && range.startContainer.parentElement.closest(".packet-text.original");
    if (!box || !box.contains(range.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    const from = before.toString().length;
    const text = range.toString();
    if (!text.trim()) return;
    words.value = text;
    section.value = box.dataset.section;
    start.value = String(from);
    end.value = String(from + text.length);
  });
})();
