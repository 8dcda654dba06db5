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

  function unsaved() {
    const names = [];
    form.querySelectorAll("[data-card]").forEach((card) => {
      const dirty = Array.from(card.querySelectorAll("input, select, textarea")).some(changed);
      card.classList.toggle("is-unsaved", dirty);
      card.querySelector("[data-unsaved-mark]").hidden = !dirty;
      if (dirty) names.push(card.querySelector("h3").textContent.split(" · ")[0]);
    });
    form.querySelectorAll("[data-measure]").forEach((input) => {
      const dirty = changed(input);
      input.closest(".measure").classList.toggle("is-unsaved", dirty);
      if (dirty) names.push(input.closest(".measure").querySelector(".measure-name").textContent.trim());
    });
    return names;
  }

  function refresh() {
    const names = unsaved();
    const text = names.length ? form.dataset.unsaved.replace("%s", names.join(", ")) : "";
    if (state.textContent !== text) state.textContent = text;
    form.classList.toggle("has-unsaved", names.length > 0);
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
  // htmx saved (or refused) in place: the page stays, and so does the guard.
  document.body.addEventListener("htmx:afterSettle", () => {
    refresh();
    const refused = document.querySelector("#weekly-errors [role=alert]");
    if (refused) refused.focus();
  });
  window.addEventListener("beforeunload", (event) => {
    if (leaving || !unsaved().length) return;
    event.preventDefault();
    event.returnValue = "";
  });
  refresh();
})();
