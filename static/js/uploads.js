// Pictures and files sent as soon as they are chosen (a form with data-upload-url, its file
// inputs marked data-upload="picture" or "file"): each gets a line with its progress bar, then
// the line the server answers (tick to keep, alt text or title to type), or its French refusal.
// The form cannot be sent while a file is on its way. Without JavaScript, the files go with
// the form and come back the same way.
(function () {
  const form = document.querySelector("form[data-upload-url]");
  if (!form) return;
  const list = form.querySelector("[data-upload-list]");
  const buttons = form.querySelectorAll("button[type=submit]");
  let sending = 0;

  function busy(change) {
    sending += change;
    buttons.forEach((button) => { button.disabled = sending > 0; });
  }

  function send(input, file) {
    const line = document.createElement("li");
    line.className = "upload-item is-sending";
    const name = document.createElement("span");
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    line.append(name, bar);
    list.append(line);

    const data = new FormData();
    data.append("file", file);
    data.append("kind", input.dataset.upload);
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    const request = new XMLHttpRequest();
    request.open("POST", form.dataset.uploadUrl);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) bar.value = Math.round((100 * event.loaded) / event.total);
    });
    request.addEventListener("loadend", () => {
      if (request.status === 200) {
        const answer = document.createElement("template");
        answer.innerHTML = request.responseText.trim();
        const kept = answer.content.firstElementChild;
        line.replaceWith(kept);
        kept.querySelector("input[type=text]").focus();
      } else {
        line.classList.replace("is-sending", "is-refused");
        bar.remove();
        const error = document.createElement("span");
        error.className = "errorlist";
        error.setAttribute("role", "alert");
        error.textContent = request.status === 400 ? request.responseText.trim() : input.dataset.uploadFailed;
        line.append(error);
      }
      busy(-1);
    });
    busy(+1);
    request.send(data);
  }

  form.querySelectorAll("input[type=file][data-upload]").forEach((input) => {
    input.addEventListener("change", () => {
      Array.from(input.files).forEach((file) => send(input, file));
      input.value = "";  // sent: not again with the form
    });
  });
})();
