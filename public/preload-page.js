// Starts downloading the code of the page being opened, when it is one of the pages downloaded
// when first shown (src/ui/lazy.rs): alongside the app's wasm, rather than once the app has
// started and shows the page. The split pages' loader (split.js) fetches the same URLs and
// takes these downloads. xuefa-dist fills in the files of each group of pages; the paths are
// the app's routes (src/ui/app.rs), by their first segment.
const chunks = "__XUEFA_PAGE_CHUNKS__";
const groupOfPath = {
  practice: "study",
  set: "study",
  wrong: "study",
  progress: "study",
  search: "study",
  exam: "exam",
  data: "data",
  bank: "bank",
};
const base = new URL(document.baseURI).pathname;
const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : "";
for (const file of chunks[groupOfPath[path.split("/")[0]]] || []) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = file;
  document.head.append(link);
}
