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
      anchor.setAttribute("aria-label", isEnglish() ? "Link to this section" : "Link para esta seção");
      anchor.textContent = "#";
      heading.appendChild(anchor);
    });
  }

  function foldTableOfContents() {
    if (!window.matchMedia("(max-width: 60rem)").matches) { return; }
    document.querySelectorAll(".sidebar details").forEach(function (details) { details.open = false; });
  }

  function isEnglish() { return (document.documentElement.lang || "").toLowerCase().indexOf("en") === 0; }

  // The header's switch: light or dark, remembered (localStorage) once chosen; until then the
  // page follows the system (prefers-color-scheme). The <head> applies a stored choice before
  // the first paint.
  function setUpThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) { return; }
    var root = document.documentElement;
    var system = window.matchMedia("(prefers-color-scheme: dark)");
    function isDark() { return root.dataset.theme ? root.dataset.theme === "dark" : system.matches; }
    function show() { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
    button.hidden = false;
    show();
    if (system.addEventListener) { system.addEventListener("change", show); }
    button.addEventListener("click", function () {
      root.dataset.theme = isDark() ? "light" : "dark";
      try { localStorage.setItem("notes-theme", root.dataset.theme); } catch (error) { /* private mode: not remembered */ }
      show();
    });
  }

  // A "Copiar" button on every code block: the code's text to the clipboard.
  function addCopyButtons() {
    var label = isEnglish() ? "Copy" : "Copiar", done = isEnglish() ? "Copied" : "Copiado";
    var failed = isEnglish() ? "Select and copy" : "Selecione e copie";
    document.querySelectorAll("article pre > code").forEach(function (code) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-code";
      button.textContent = label;
      function say(text) {
        button.textContent = text;
        setTimeout(function () { button.textContent = label; }, 1500);
      }
      function fallback(text) {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
        document.body.removeChild(area);
        say(copied ? done : failed);
      }
      button.addEventListener("click", function () {
        var text = code.innerText;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { say(done); }, function () { fallback(text); });
        } else {
          fallback(text);
        }
      });
      code.parentNode.insertBefore(button, code);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderMath();
    keepPunctuationWithMath();
    addHeadingAnchors();
    foldTableOfContents();
    followSections();
    setUpThemeToggle();
    addCopyButtons();
  });
})();
