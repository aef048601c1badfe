// 繁體 for xuefa, loaded only when a learner chooses it: src/ui/browser/traditional.rs adds this
// module to the page, so neither it nor its table weighs on the first load. It fetches
// hant.txt — the table src/bin/xuefa_hant.rs generates from OpenCC's dictionaries (format in
// src/core/script.rs) — and converts the page's text by longest match, the same rule as
// HantTable::convert in src/core/script.rs (which the generator checks against OpenCC). Then a
// MutationObserver converts whatever the app renders later. Display only: nothing stored changes.

const HEADER = "xuefa-hant 1";
const ATTRIBUTES = ["placeholder", "aria-label", "title"];
const SKIP = new Set(["SCRIPT", "STYLE", "TEXTAREA"]);
const HAN = /[\u3400-\u9fff]/;

function parse(text) {
  const lines = text.split("\n");
  if (lines[0] !== HEADER) {
    throw new Error("字表版本不符");
  }
  const chars = new Map();
  const pairs = Array.from(lines[1] || "");
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    chars.set(pairs[i], pairs[i + 1]);
  }
  const phrases = new Map();
  let longest = 0;
  for (const line of lines.slice(2)) {
    const tab = line.indexOf("\t");
    if (tab > 0) {
      const simplified = line.slice(0, tab);
      phrases.set(simplified, line.slice(tab + 1));
      longest = Math.max(longest, Array.from(simplified).length);
    }
  }
  return { chars, phrases, longest };
}

function convert(table, text) {
  if (!HAN.test(text)) {
    return text;
  }
  const chars = Array.from(text);
  let out = "";
  let i = 0;
  next: while (i < chars.length) {
    for (let len = Math.min(table.longest, chars.length - i); len >= 2; len--) {
      const phrase = table.phrases.get(chars.slice(i, i + len).join(""));
      if (phrase !== undefined) {
        out += phrase;
        i += len;
        continue next;
      }
    }
    out += table.chars.get(chars[i]) ?? chars[i];
    i += 1;
  }
  return out;
}

function convertText(table, node) {
  const converted = convert(table, node.data);
  if (converted !== node.data) {
    node.data = converted;
  }
}

function convertAttributes(table, element) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) {
      const converted = convert(table, value);
      if (converted !== value) {
        element.setAttribute(name, converted);
      }
    }
  }
}

function convertTree(table, root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (!SKIP.has(root.parentElement?.tagName)) {
      convertText(table, root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || SKIP.has(root.tagName)) {
    return;
  }
  convertAttributes(table, root);
  for (const element of root.querySelectorAll("[placeholder],[aria-label],[title]")) {
    convertAttributes(table, element);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!SKIP.has(node.parentElement?.tagName)) {
      convertText(table, node);
    }
  }
}

function show(table) {
  const root = document.documentElement;
  root.lang = "zh-Hant";
  convertTree(table, root);
  document.title = convert(table, document.title);
  const options = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  };
  const observer = new MutationObserver((records) => {
    // Our own changes are not observed: no loop.
    observer.disconnect();
    for (const record of records) {
      if (record.type === "childList") {
        record.addedNodes.forEach((node) => convertTree(table, node));
      } else if (record.type === "attributes") {
        convertAttributes(table, record.target);
      } else {
        convertTree(table, record.target);
      }
    }
    observer.observe(root, options);
  });
  observer.observe(root, options);
}

function fail(reason) {
  localStorage.setItem("xuefa.script", "hans");
  const notice = document.createElement("div");
  notice.className = "notice";
  notice.setAttribute("role", "alert");
  notice.textContent = `无法载入繁体字表（${reason}），仍以简体显示。`;
  document.body.prepend(notice);
}

fetch(new URL("hant.txt", import.meta.url))
  .then((response) => {
    if (!response.ok) {
      throw new Error(`服务器返回 ${response.status}`);
    }
    return response.text();
  })
  .then((text) => show(parse(text)))
  .catch((error) => fail(error.message));
