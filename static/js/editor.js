// The rich-text editor (Quill, vendored) over a plain <textarea data-rich-text>: without
// JavaScript the textarea stays and plain text is accepted. The server sanitises either way.
(function () {
  const LABELS = {
    fr: {
      header: "Niveau de titre", bold: "Gras", italic: "Italique", underline: "Souligné",
      ordered: "Liste numérotée", bullet: "Liste à puces", link: "Lien",
      blockquote: "Citation", clean: "Effacer la mise en forme",
    },
    en: {
      header: "Heading level", bold: "Bold", italic: "Italic", underline: "Underline",
      ordered: "Numbered list", bullet: "Bulleted list", link: "Link",
      blockquote: "Quote", clean: "Clear formatting",
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
    const quill = new window.Quill(holder, {
      theme: "snow",
      modules: {
        toolbar: [
          [{ header: [2, 3, false] }],
          ["bold", "italic", "underline"],
          [{ list: "ordered" }, { list: "bullet" }],
          ["link", "blockquote"],
          ["clean"],
        ],
      },
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
    textarea.form.addEventListener("submit", () => {
      // Quill 2 writes every space as &nbsp; in its semantic HTML.
      textarea.value = quill.getLength() > 1 ? quill.getSemanticHTML().replaceAll("&nbsp;", " ") : "";
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!window.Quill) return;
    document.querySelectorAll("textarea[data-rich-text]").forEach(mount);
  });
})();
