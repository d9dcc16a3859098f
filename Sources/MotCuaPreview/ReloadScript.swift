import Foundation

/// The script the preview adds to every HTML page it serves (never to `motcua build` output): it listens
/// for rebuilds and shows the errors of a failed one over the page.
enum ReloadScript {
    static let eventsPath = "/__motcua/events"

    /// JSON safe to put inside a `<script>` element: `<` is escaped so no `</script>` can end it early.
    static func json(_ state: BuildState) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(state)) ?? Data("{\"generation\":0,\"errors\":[]}".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// The page starts with the state it was served with, so an error overlay is there at once,
    /// before the event stream connects (and even if it never does).
    static func tag(state: BuildState) -> String {
        "<script id=\"motcua-live-reload\">\n(function (page) {\n" + body + "\n})(" + json(state) + ");\n</script>\n"
    }

    /// Inserts the script before the last `</body>`, or at the end when there is none.
    static func inject(into html: Data, state: BuildState) -> Data {
        let script = tag(state: state)
        guard var text = String(data: html, encoding: .utf8) else { return html }
        if let close = text.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            text.insert(contentsOf: script, at: close.lowerBound)
        } else {
            text += script
        }
        return Data(text.utf8)
    }

    /// ES5 on purpose: it runs inside every preview page and must never be the thing that breaks.
    static let body = #"""
'use strict';
var overlay = null;
var lastFocus = null;
function hide() {
  if (!overlay) return;
  overlay.parentNode.removeChild(overlay);
  overlay = null;
  if (lastFocus && lastFocus.focus) lastFocus.focus();
}
function el(tag, css, text) {
  var node = document.createElement(tag);
  if (css) node.style.cssText = css;
  if (text != null) node.textContent = text;
  return node;
}
function show(state) {
  var errors = state.errors;
  var wasOpen = !!overlay;
  if (overlay) overlay.parentNode.removeChild(overlay);
  if (!wasOpen) lastFocus = document.activeElement;
  overlay = el('div', 'position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;z-index:2147483647;' +
    'box-sizing:border-box;padding:16px 20px;background:#fff;color:#1b1b1b;border-bottom:6px solid #b3261e;' +
    'box-shadow:0 4px 24px rgba(0,0,0,.35);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left');
  overlay.id = 'motcua-overlay';
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-labelledby', 'motcua-overlay-title');
  overlay.setAttribute('aria-describedby', 'motcua-overlay-help');
  var title = el('h2', 'margin:0 0 4px;font-size:20px;color:#b3261e', 'Nội dung có lỗi');
  title.id = 'motcua-overlay-title';
  var help = el('p', 'margin:0 0 12px', (state.generation > 0 ? 'Trang đang hiện bản dựng tốt gần nhất. ' : '') +
    'Sửa ' + (errors.length > 1 ? errors.length + ' lỗi' : 'lỗi') + ' dưới đây rồi lưu tệp: trang sẽ tự tải lại.');
  help.id = 'motcua-overlay-help';
  var list = el('ul', 'margin:0 0 12px;padding-left:20px');
  for (var i = 0; i < errors.length; i++) {
    var item = el('li', 'margin:4px 0');
    item.className = 'motcua-error';
    item.appendChild(el('code', 'font:14px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f3e8e7;padding:1px 4px;word-break:break-all', errors[i].location));
    item.appendChild(document.createTextNode(' ' + errors[i].message));
    list.appendChild(item);
  }
  var close = el('button', 'font:inherit;padding:6px 14px;border:2px solid #1b1b1b;border-radius:4px;background:#fff;color:#1b1b1b;cursor:pointer', 'Đóng');
  close.type = 'button';
  close.onclick = hide;
  overlay.onkeydown = function (e) { if (e.key === 'Escape') hide(); };
  overlay.appendChild(title);
  overlay.appendChild(help);
  overlay.appendChild(list);
  overlay.appendChild(close);
  document.body.appendChild(overlay);
  close.focus();
}
function apply(state) {
  if (state.errors && state.errors.length) show(state); else hide();
}
// In a province, a build names the folders whose pages it changed: a page elsewhere ("/an-hung/…" when only
// "an-phu" changed) keeps what it shows and takes the new generation.
function untouched(state) {
  if (!state.folders) return false;
  var folder = decodeURIComponent(location.pathname.split('/')[1] || '');
  return state.folders.indexOf(folder) < 0;
}
function start() {
  apply(page);
  if (!window.EventSource) return;
  // The page says where it is: a province's preview rebuilds at once the communes that have a page open.
  var source = new EventSource('/__motcua/events?page=' + encodeURIComponent(location.pathname));
  source.addEventListener('state', function (e) {
    var state = JSON.parse(e.data);
    // A good build finished between serving this page and connecting: this page is stale, unless that one
    // build changed only other folders.
    if (state.generation === page.generation + 1 && untouched(state)) page.generation = state.generation;
    if (state.generation !== page.generation) { source.close(); location.reload(); return; }
    apply(state);
  });
  source.addEventListener('reload', function (e) {
    var state = JSON.parse(e.data);
    if (untouched(state)) { page.generation = state.generation; apply(state); return; }
    source.close();
    location.reload();
  });
  source.addEventListener('errors', function (e) { apply(JSON.parse(e.data)); });
}
if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
"""#
}
