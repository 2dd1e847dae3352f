// The call-next screen shows how many are waiting: read it again every 30 seconds while the officer
// is not using the page (nothing focused, no text selected) — no timed refresh that interrupts work.
(function () {
  "use strict";
  var idleSince = Date.now();
  ["keydown", "pointerdown", "focusin"].forEach(function (name) {
    document.addEventListener(name, function () { idleSince = Date.now(); });
  });
  setInterval(function () {
    var busy = document.activeElement && document.activeElement !== document.body;
    if (!document.hidden && !busy && Date.now() - idleSince >= 30000) window.location.reload();
  }, 5000);
})();
