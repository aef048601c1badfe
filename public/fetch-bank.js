// Starts downloading the question bank while the page's wasm is still downloading and
// compiling, so the first question does not wait for the app to start before its bank is
// asked for. The app (src/ui/browser/fetch.rs, `fetch_bank_text`) takes this download's text
// instead of starting its own; if anything fails here it fetches bank.json itself and reports
// what went wrong.
self.xuefaBankText = fetch("bank.json")
  .then((response) => (response.ok ? response.text() : null))
  .catch(() => null);
