// A form that sends one file (form[data-progress]) shows the file's progress as it goes: sent
// with XMLHttpRequest, the server answers where to go next (HX-Redirect, as htmx does) or, for a
// refused file, the page whose form (same id) replaces this one with its French message.
// Without JavaScript, or when anything goes wrong here, the form is sent as usual.
(function () {
  function bind(form) {
    form.addEventListener("submit", (event) => {
      const input = form.querySelector("input[type=file]");
      const bar = form.querySelector("progress");
      if (!input || !input.files.length || !bar || !window.FormData) return;
      event.preventDefault();
      const buttons = form.querySelectorAll("button[type=submit]");
      buttons.forEach((button) => { button.disabled = true; });
      bar.hidden = false;
      bar.value = 0;
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("HX-Request", "true");
      request.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
      });
      request.addEventListener("load", () => {
        const next = request.getResponseHeader("HX-Redirect");
        if (next) {
          window.location.assign(next);
          return;
        }
        const answer = new DOMParser().parseFromString(request.responseText, "text/html");
        const again = form.id && answer.getElementById(form.id);
        if (!again) {
          HTMLFormElement.prototype.submit.call(form);
          return;
        }
        form.replaceWith(again);
        bind(again);
        const error = again.querySelector(".form-errors");
        if (error) {
          error.setAttribute("tabindex", "-1");
          error.focus();
        }
      });
      request.addEventListener("error", () => HTMLFormElement.prototype.submit.call(form));
      request.send(new FormData(form));
    });
  }
  document.querySelectorAll("form[data-progress]").forEach(bind);
})();
