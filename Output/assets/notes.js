(function () {
  "use strict";

  function renderMath() {
    if (typeof renderMathInElement !== "function") { return; }
    document.querySelectorAll(".math").forEach(function (element) {
      renderMathInElement(element, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "$", right: "$", display: false }
        ],
        throwOnError: false
      });
    });
  }

  function followSections() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".toc a[href^='#']"));
    if (links.length === 0 || !("IntersectionObserver" in window)) { return; }
    var byID = {};
    var headings = [];
    links.forEach(function (link) {
      var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (heading) { byID[heading.id] = link; headings.push(heading); }
    });
    function mark(id) {
      links.forEach(function (link) { link.classList.remove("active"); link.removeAttribute("aria-current"); });
      if (byID[id]) { byID[id].classList.add("active"); byID[id].setAttribute("aria-current", "location"); }
    }
    function update() {
      var current = headings.length > 0 ? headings[0].id : null;
      headings.forEach(function (heading) {
        if (heading.getBoundingClientRect().top < window.innerHeight * 0.3) { current = heading.id; }
      });
      mark(current);
    }
    var observer = new IntersectionObserver(update, { rootMargin: "0px 0px -70% 0px" });
    headings.forEach(function (heading) { observer.observe(heading); });
    update();
  }

  function foldTableOfContents() {
    var details = document.querySelector(".toc details");
    if (details && window.matchMedia("(max-width: 60rem)").matches) { details.open = false; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderMath();
    foldTableOfContents();
    followSections();
  });
})();
