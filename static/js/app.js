// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".nav-toggle");
  const nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("is-open", !open);
    });
  }

  // A guide's table of contents (templates/guides/_toc.html): below the side column's width it
  // is a button at the bottom of the screen, closed until asked for, closed again after a jump.
  const toc = document.querySelector("[data-toc]");
  if (toc) {
    const narrow = window.matchMedia("(max-width: 1099px)");
    const fold = () => { toc.open = !narrow.matches; };
    fold();
    narrow.addEventListener("change", fold);
    toc.addEventListener("click", (event) => {
      if (event.target.closest("a") && narrow.matches) toc.open = false;
    });
    toc.querySelector("summary").addEventListener("click", (event) => {
      if (!narrow.matches) event.preventDefault();
    });
  }
});
