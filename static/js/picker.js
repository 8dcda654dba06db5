// Pickers (core/widgets.py): a <select multiple data-picker> becomes a box to type in, with the
// chosen items as chips. The French texts come from the select's data attributes.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-picker]")) {
    const text = (value) => {
      const span = document.createElement("span");
      span.textContent = value;
      return span.innerHTML;
    };
    new TomSelect(select, {
      plugins: {
        remove_button: { title: select.dataset.pickerRemove, label: "×" },
        caret_position: {},
      },
      placeholder: select.dataset.placeholder,
      hidePlaceholder: false,
      maxOptions: null,
      closeAfterSelect: false,
      render: {
        no_results: () => `<div class="no-results">${text(select.dataset.pickerEmpty)}</div>`,
      },
    });
    // The list is read through the picker now; the select stays only for the form.
    select.setAttribute("aria-hidden", "true");
  }
});
