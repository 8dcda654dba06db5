// The rich-text editor (Quill, vendored) over a plain <textarea data-rich-text>: without
// JavaScript the textarea stays and plain text is accepted. The server sanitises either way.
(function () {
  const LABELS = {
    fr: {
      header: "Niveau de titre", bold: "Gras", italic: "Italique", underline: "Souligné",
      ordered: "Liste numérotée", bullet: "Liste à puces", link: "Lien",
      blockquote: "Citation", clean: "Effacer la mise en forme", image: "Image",
      table: "Insérer un tableau", "table-row": "Ajouter une ligne au tableau",
      "table-column": "Ajouter une colonne au tableau", uploadFailed: "L'image n'a pas pu être envoyée.",
      alt: "Décrivez l'image en une phrase (lue aux personnes qui ne la voient pas) :",
    },
    en: {
      header: "Heading level", bold: "Bold", italic: "Italic", underline: "Underline",
      ordered: "Numbered list", bullet: "Bulleted list", link: "Link",
      blockquote: "Quote", clean: "Clear formatting", image: "Image",
      table: "Insert a table", "table-row": "Add a table row",
      "table-column": "Add a table column", uploadFailed: "The image could not be uploaded.",
      alt: "Describe the image in one sentence (read to people who cannot see it):",
    },
  };

  function labelToolbar(toolbar, labels) {
    toolbar.setAttribute("role", "toolbar");
    toolbar.querySelectorAll("button, .ql-picker-label").forEach((control) => {
      const name = Array.from(control.classList)
        .concat(Array.from(control.parentElement.classList))
        .map((c) => c.replace(/^ql-/, ""))
        .find((c) => labels[c] || labels[control.value]);
      const label = labels[control.value] || labels[name];
      if (label) control.setAttribute("aria-label", label);
    });
    toolbar.querySelectorAll("select").forEach((select) => {
      select.setAttribute("aria-label", labels.header);
    });
  }

  function mount(textarea) {
    const lang = document.documentElement.lang === "en" ? "en" : "fr";
    const holder = document.createElement("div");
    holder.className = "rich-text-editor";
    textarea.insertAdjacentElement("afterend", holder);
    // Guides get images (uploaded to the intranet) and tables; other texts stay simple.
    const full = textarea.dataset.richText === "guide";
    const upload = document.getElementById("editor-upload");
    const toolbar = [
      [{ header: [2, 3, false] }],
      ["bold", "italic", "underline"],
      [{ list: "ordered" }, { list: "bullet" }],
      ["link", "blockquote"],
    ];
    if (full) {
      toolbar.push(upload ? ["image", "table", "table-row", "table-column"] : ["table", "table-row", "table-column"]);
    }
    toolbar.push(["clean"]);
    const quill = new window.Quill(holder, {
      theme: "snow",
      modules: {
        table: full,
        toolbar: {
          container: toolbar,
          handlers: {
            image: () => pickImage(quill, upload.dataset.uploadUrl, LABELS[lang]),
            table: () => quill.getModule("table").insertTable(3, 3),
            "table-row": () => quill.getModule("table").insertRowBelow(),
            "table-column": () => quill.getModule("table").insertColumnRight(),
          },
        },
      },
    });
    holder.previousElementSibling.querySelectorAll(".ql-table, .ql-table-row, .ql-table-column").forEach((button) => {
      button.textContent = { "ql-table": "⊞", "ql-table-row": "+▭", "ql-table-column": "+▯" }[button.className];
    });
    if (textarea.value.trim()) {
      quill.clipboard.dangerouslyPasteHTML(textarea.value);  // already sanitised by the server
    }
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    if (label) {
      label.id = label.id || `${textarea.id}-label`;
      quill.root.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", () => quill.focus());
    }
    quill.root.setAttribute("role", "textbox");
    quill.root.setAttribute("aria-multiline", "true");
    labelToolbar(holder.previousElementSibling, LABELS[lang]);
    textarea.hidden = true;
    // The textarea follows the editor, and says so (static/js/draft.js keeps what is typed).
    // Quill 2 writes every space as &nbsp; in its semantic HTML.
    quill.on("text-change", () => {
      textarea.value = quill.getLength() > 1 ? quill.getSemanticHTML().replaceAll("&nbsp;", " ") : "";
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  // The image button: the file goes to the intranet, which re-encodes it and answers its address.
  function pickImage(quill, url, labels) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = "image/jpeg,image/png,image/webp";
    input.addEventListener("change", async () => {
      const data = new FormData();
      data.append("image", input.files[0]);
      const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
      const response = await fetch(url, { method: "POST", body: data, headers: { "X-CSRFToken": token } });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        window.alert(answer.error || labels.uploadFailed);
        return;
      }
      const alt = (window.prompt(labels.alt) || "").trim();
      const range = quill.getSelection(true);
      quill.insertEmbed(range.index, "image", answer.url, "user");
      if (alt) quill.formatText(range.index, 1, "alt", alt, "user");
    });
    input.click();
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!window.Quill) return;
    document.querySelectorAll("textarea[data-rich-text]").forEach(mount);
  });
})();
