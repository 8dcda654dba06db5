// "Ma mutuelle" (templates/actionplan/my_mutuelle.html): what is typed and not yet saved is
// marked on its card and counted beside the save button (a live region: screen readers hear
// it), and leaving the page with such changes asks first. Choosing "Pas commencée" or
// "Réalisée" sets the progress that goes with it. The page works without this file.
(function () {
  const form = document.getElementById("weekly");
  if (!form) return;
  const state = document.getElementById("weekly-dirty");
  let leaving = false; // a save without htmx leaves the page: no loss there

  const changed = (field) => {
    if (field.type === "checkbox") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") {
      return Array.from(field.options).some((option) => option.selected !== option.defaultSelected);
    }
    return field.value !== field.defaultValue;
  };

  // How many cards and measurements hold a change not saved yet; each card says so itself.
  function unsaved() {
    let count = 0;
    form.querySelectorAll("[data-card], .measure").forEach((part) => {
      const dirty = Array.from(part.querySelectorAll("input, select, textarea")).some(changed);
      part.classList.toggle("is-unsaved", dirty);
      const mark = part.querySelector("[data-unsaved-mark]");
      if (mark) mark.hidden = !dirty;
      if (dirty) count += 1;
    });
    return count;
  }

  function refresh() {
    const count = unsaved();
    const text = count === 0 ? "" : count === 1 ? form.dataset.unsavedOne
      : form.dataset.unsavedMany.replace("%s", count);
    if (state.textContent !== text) state.textContent = text;
  }

  form.addEventListener("change", (event) => {
    const status = event.target.closest("[data-status]");
    if (status) {
      const progress = status.closest("[data-card]").querySelector("[data-progress]");
      if (status.value === "not_started") progress.value = "0";
      if (status.value === "done") progress.value = "100";
    }
    refresh();
  });
  form.addEventListener("input", refresh);
  form.addEventListener("submit", () => { leaving = !window.htmx; });
  // Only the cards changed are sent: a card left alone cannot undo what a colleague saved
  // meanwhile (a changed one is checked against it: its "seen").
  form.addEventListener("htmx:configRequest", (event) => {
    form.querySelectorAll("[data-card]:not(.is-unsaved)").forEach((card) => {
      card.querySelectorAll("[name^=d]").forEach((field) => {
        delete event.detail.parameters[field.name];
      });
    });
  });
  // htmx saved (or refused) in place: the page stays, and so does the guard.
  // Opening the folded part loads its cards: only a refused save moves the focus.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    refresh();
    if (event.detail.target.id !== "weekly-errors") return;
    const refused = document.querySelector("#weekly-errors [role=alert]");
    if (refused) refused.focus();
  });
  window.addEventListener("beforeunload", (event) => {
    if (leaving || !unsaved()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  refresh();
})();
