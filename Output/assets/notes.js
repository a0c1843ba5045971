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

  // Search across lessons: the header's box loads every lesson's search/<lesson>.js the first
  // time it is used (script tags, so it works from file://) and matches sections whose title
  // or text holds every word typed (accents and case folded, words as prefixes), best first.
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  function setUpSearch() {
    var form = document.querySelector(".site-search");
    if (!form) { return; }
    var input = form.querySelector(".search-input"), list = form.querySelector(".search-results");
    var status = form.querySelector(".search-status");
    var lessons = (form.getAttribute("data-lessons") || "").split(" ").filter(Boolean);
    var sections = [], waiting = -1;
    window.notesSearch = {
      add: function (lesson) {
        var order = lessons.indexOf(lesson.lesson);
        lesson.sections.forEach(function (section) {
          sections.push({ lesson: lesson, order: order, id: section.id, title: section.title, text: section.text,
                          foldedTitle: fold(section.title), folded: fold(section.text) });
        });
        arrived();
      }
    };
    function arrived() { waiting -= 1; if (waiting === 0) { show(); } }
    function load() {
      if (waiting >= 0) { return; }
      waiting = lessons.length;
      lessons.forEach(function (slug) {
        var script = document.createElement("script");
        script.src = "search/" + encodeURIComponent(slug) + ".js";
        script.onerror = arrived;
        document.head.appendChild(script);
      });
    }
    function count(haystack, term) {
      var n = 0, at = haystack.indexOf(term);
      while (at !== -1 && n < 20) { n += 1; at = haystack.indexOf(term, at + term.length); }
      return n;
    }
    function matches(terms) {
      var found = [];
      sections.forEach(function (section) {
        var score = 0;
        for (var i = 0; i < terms.length; i += 1) {
          var inTitle = count(section.foldedTitle, terms[i]), inText = count(section.folded, terms[i]);
          if (inTitle + inText === 0) { return; }
          score += 10 * inTitle + inText;
        }
        found.push({ section: section, score: score });
      });
      found.sort(function (a, b) { return b.score - a.score || a.section.order - b.section.order; });
      return found.slice(0, 8);
    }
    // The text around the first match, with each typed word marked.
    function snippet(section, terms) {
      var at = section.folded.indexOf(terms[0]);
      var start = Math.max(0, at - 50), end = Math.min(section.text.length, Math.max(at, 0) + 110);
      var text = (start > 0 ? "…" : "") + section.text.slice(start, end) + (end < section.text.length ? "…" : "");
      var element = marked(text, terms);
      element.className = "search-snippet";
      return element;
    }
    // A span of `text` with every typed word in a <mark> (text nodes only: nothing is parsed as HTML).
    function marked(text, terms) {
      var folded = fold(text), element = document.createElement("span"), cursor = 0;
      var pattern = new RegExp(terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "g");
      var match;
      while ((match = pattern.exec(folded)) !== null) {
        element.appendChild(document.createTextNode(text.slice(cursor, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(match.index, match.index + match[0].length);
        element.appendChild(mark);
        cursor = match.index + match[0].length;
      }
      element.appendChild(document.createTextNode(text.slice(cursor)));
      return element;
    }
    function show() {
      var terms = fold(input.value).split(/[^a-z0-9]+/).filter(function (t) { return t.length >= 2; });
      list.textContent = "";
      if (terms.length === 0 || waiting !== 0) { list.hidden = true; status.textContent = ""; return; }
      var found = matches(terms);
      found.forEach(function (result) {
        var section = result.section, item = document.createElement("li"), link = document.createElement("a");
        link.href = section.lesson.lesson + ".html" + (section.id ? "#" + section.id : "");
        var where = marked(section.lesson.title + (section.id ? " › " + section.title : ""), terms);
        where.className = "search-where";
        link.appendChild(where);
        if (section.text) { link.appendChild(snippet(section, terms)); }
        item.appendChild(link);
        list.appendChild(item);
      });
      if (found.length === 0) {
        var empty = document.createElement("li");
        empty.className = "search-empty";
        empty.textContent = (isEnglish() ? "Nothing found for " : "Nada encontrado para ") + "“" + input.value.trim() + "”";
        list.appendChild(empty);
      }
      status.textContent = isEnglish() ? found.length + " results" : found.length + " resultados";
      list.hidden = false;
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.href; }
    });
    input.addEventListener("focus", load);
    input.addEventListener("input", function () { load(); show(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape") {
        input.value = "";
        show();
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a")), at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { input.focus(); input.value = ""; show(); }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "");
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) { event.preventDefault(); input.focus(); }
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) { list.hidden = true; } });
  }

  // Quarto's `::: {.panel-tabset}`: the div's headings of its first level become tabs, the
  // blocks under each its panel; arrow keys move between tabs. Without the script the
  // sections read one after another.
  function setUpTabsets() {
    document.querySelectorAll("div.panel-tabset").forEach(function (tabset, setIndex) {
      var heading = tabset.querySelector(":scope > h2, :scope > h3, :scope > h4");
      if (!heading) { return; }
      var level = heading.tagName;
      var panels = [], current = null;
      Array.prototype.slice.call(tabset.children).forEach(function (child) {
        if (child.tagName === level) {
          current = { title: child, blocks: [] };
          panels.push(current);
        } else if (current) {
          current.blocks.push(child);
        }
      });
      var list = document.createElement("div");
      list.className = "tabset-tabs";
      list.setAttribute("role", "tablist");
      var buttons = panels.map(function (panel, index) {
        var id = panel.title.id || "tabset-" + setIndex + "-" + index;
        // The panel takes the heading's id; the heading leaves the table of contents.
        document.querySelectorAll(".toc a[href='#" + id + "']").forEach(function (link) { link.parentNode.remove(); });
        var box = document.createElement("div");
        box.className = "tabset-panel";
        box.id = id;
        box.setAttribute("role", "tabpanel");
        panel.blocks.forEach(function (block) { box.appendChild(block); });
        panel.title.replaceWith(box);
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tabset-tab";
        button.setAttribute("role", "tab");
        button.setAttribute("aria-controls", id);
        button.textContent = panel.title.textContent.replace(/#$/, "");
        panel.box = box;
        list.appendChild(button);
        return button;
      });
      function select(chosen) {
        buttons.forEach(function (button, index) {
          var on = index === chosen;
          button.setAttribute("aria-selected", on ? "true" : "false");
          button.tabIndex = on ? 0 : -1;
          panels[index].box.hidden = !on;
        });
      }
      buttons.forEach(function (button, index) {
        button.addEventListener("click", function () { select(index); });
        button.addEventListener("keydown", function (event) {
          var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          if (!step) { return; }
          var next = (index + step + buttons.length) % buttons.length;
          select(next);
          buttons[next].focus();
        });
      });
      tabset.insertBefore(list, tabset.firstChild);
      select(0);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTabsets();
    renderMath();
    keepPunctuationWithMath();
    addHeadingAnchors();
    foldTableOfContents();
    followSections();
    setUpThemeToggle();
    addCopyButtons();
    setUpSearch();
  });
})();
