/* Copies exactly the reading text of an announcement. Without JavaScript the button stays hidden and the
   text box can still be selected by hand. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var box = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!box) return;
    button.hidden = false;
    function done(ok) {
      if (status) status.textContent = ok ? "Đã sao chép bản đọc." : "Không sao chép được; hãy chọn văn bản rồi nhấn Ctrl+C.";
    }
    button.addEventListener("click", function () {
      var text = box.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { fallback(); });
      } else {
        fallback();
      }
      function fallback() {
        box.focus();
        box.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      }
    });
  });
  var area = document.getElementById("radio-text");
  if (area) area.addEventListener("focus", function () { area.select(); });
})();
