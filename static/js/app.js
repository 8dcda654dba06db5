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

  // "/" goes to the search box (announced by its label and aria-keyshortcuts), unless one is
  // typing somewhere: the search page's own box first, otherwise the header's.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])")) return;
    const box = document.querySelector("[data-search-main]") || document.querySelector("[data-search-box]");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // The search page: its filters are folded on a phone (open on a wide screen), and after the
  // results were replaced by a click among them (a filter, a page), the focus goes to their
  // heading, which says how many there are, instead of being lost with the clicked link.
  const foldOnPhone = () => {
    const narrow = window.matchMedia("(max-width: 760px)").matches;
    document.querySelectorAll("[data-fold-narrow]").forEach((details) => { details.open = !narrow; });
  };
  foldOnPhone();
  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (!event.detail.target || event.detail.target.id !== "search-results") return;
    foldOnPhone();
    const lost = !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
    const heading = document.getElementById("results-heading");
    if (lost && heading) heading.focus();
  });

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
