(function () {
  "use strict";

  // Bounded, so a hostile formula cannot hang or blow up the page: macro expansion
  // (maxExpand), sizes (maxSize, in em), no \href/\url or other trusted commands; and each
  // formula in its own try, so one that fails leaves its TeX source and the rest render.
  function renderMath() {
    if (typeof renderMathInElement !== "function") { return; }
    document.querySelectorAll(".math").forEach(function (element) {
      try {
        renderMathInElement(element, {
          delimiters: [
            { left: "$$", right: "$$", display: true },
            { left: "$", right: "$", display: false }
          ],
          throwOnError: false,
          strict: "ignore",
          trust: false,
          maxExpand: 1000,
          maxSize: 50
        });
      } catch (error) {
        element.classList.add("math-error");
        element.title = String(error && error.message || error);
      }
    });
  }

  // A line may break after KaTeX's inline boxes: keep punctuation that follows inline
  // math ("$v$.") on the same line as the formula.
  function keepPunctuationWithMath() {
    document.querySelectorAll(".math.inline").forEach(function (math) {
      var next = math.nextSibling;
      if (!next || next.nodeType !== Node.TEXT_NODE) { return; }
      var match = /^[.,;:!?)\]]+/.exec(next.nodeValue);
      if (!match) { return; }
      var group = document.createElement("span");
      group.className = "nowrap";
      math.parentNode.insertBefore(group, math);
      group.appendChild(math);
      group.appendChild(document.createTextNode(match[0]));
      next.nodeValue = next.nodeValue.slice(match[0].length);
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

  // A "#" after each section heading links to it, for sharing a section.
  function addHeadingAnchors() {
    document.querySelectorAll("article h2[id], article h3[id]").forEach(function (heading) {
      var anchor = document.createElement("a");
      anchor.className = "heading-anchor";
      anchor.href = "#" + heading.id;
      var english = (document.documentElement.lang || "").toLowerCase().indexOf("en") === 0;
      anchor.setAttribute("aria-label", english ? "Link to this section" : "Link para esta seção");
      anchor.textContent = "#";
      heading.appendChild(anchor);
    });
  }

  function foldTableOfContents() {
    var details = document.querySelector(".toc details");
    if (details && window.matchMedia("(max-width: 60rem)").matches) { details.open = false; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderMath();
    keepPunctuationWithMath();
    addHeadingAnchors();
    foldTableOfContents();
    followSections();
  });
})();
