// A form's draft kept in this browser as it is typed (a form with data-draft="<page>@<saved
// version>"), so that nothing typed is lost to a closed tab, a lost connection or an expired
// session: restored when the same form of the same saved version opens again, forgotten once
// the form is sent. Runs before the editor and the pickers mount, which read what it restores.
(function () {
  const form = document.querySelector("form[data-draft]");
  const status = form && form.querySelector("[data-draft-status]");
  if (!form || !status) return;
  const key = `draft:${form.dataset.draft}`;
  const kept = (element) =>
    element.name && element.name !== "csrfmiddlewaretoken" &&
    !["file", "hidden", "submit", "button"].includes(element.type);

  function read() {
    const values = {};
    for (const element of Array.from(form.elements).filter(kept)) {
      if (element.type === "checkbox" || element.type === "radio") {
        values[element.name] = values[element.name] || {};
        values[element.name][element.value] = element.checked;
      } else if (element.multiple) {
        values[element.name] = Array.from(element.selectedOptions, (option) => option.value);
      } else {
        values[element.name] = element.value;
      }
    }
    return values;
  }

  function write(values) {
    for (const element of Array.from(form.elements).filter(kept)) {
      const value = values[element.name];
      if (value === undefined) continue;
      if (element.type === "checkbox" || element.type === "radio") {
        if (element.value in value) element.checked = value[element.value];
      } else if (element.multiple) {
        Array.from(element.options).forEach((option) => { option.selected = value.includes(option.value); });
      } else {
        element.value = value;
      }
    }
  }

  let stored = null;
  try {
    stored = JSON.parse(window.localStorage.getItem(key));
  } catch (error) {
    stored = null;
  }
  if (stored && form.dataset.draftRestore !== "no") {
    write(stored.values);
    const when = new Date(stored.at).toLocaleString(document.documentElement.lang || "fr", {
      dateStyle: "long", timeStyle: "short",
    });
    status.textContent = `${status.dataset.restored.replace("%s", when)} `;
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "link-button";
    discard.textContent = status.dataset.discard;
    discard.addEventListener("click", () => {
      window.localStorage.removeItem(key);
      window.location.reload();
    });
    status.append(discard);
    status.hidden = false;
  }

  let timer = null;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ at: Date.now(), values: read() }));
      } catch (error) {
        // Storage full or refused: the form still works, only the safety net is gone.
      }
    }, 400);
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    window.localStorage.removeItem(key);
  });
})();
