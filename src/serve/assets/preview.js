// The preview server's script, served as a file (never inline), so that it
// runs under the pages' own Content-Security-Policy (script-src 'self').
// It reloads the page when the server announces another build than the
// one the page shows, and makes the error panel, when there is one, an
// alert dialog that takes focus and closes with its button or Escape.
(function () {
  var me = document.currentScript;
  var shown = me && me.getAttribute("data-token");
  var path = me && me.getAttribute("data-events");
  var panel = document.getElementById("tuloskortti-overlay");
  if (panel) {
    var before = document.activeElement;
    panel.focus();
    var close = function () {
      panel.remove();
      if (before && before.focus) before.focus();
    };
    var button = document.getElementById("tuloskortti-overlay-close");
    if (button) button.addEventListener("click", close);
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") close();
    });
  }
  if (!window.EventSource || !path) return;
  var events = new EventSource(path);
  events.addEventListener("build", function (e) {
    if (e.data !== shown) {
      events.close();
      location.reload();
    }
  });
})();
