// Polls the payment status while it is pending and reloads the page when it changes (no meta refresh).
(function () {
  var box = document.getElementById("payment-status");
  if (!box) return;
  var initial = box.getAttribute("data-status");
  var url = box.getAttribute("data-status-url");
  var tries = 0;
  function poll() {
    tries += 1;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.status !== initial) { window.location.reload(); }
        else if (tries < 200) { setTimeout(poll, tries < 20 ? 2000 : 10000); }
      })
      .catch(function () { if (tries < 200) setTimeout(poll, 10000); });
  }
  setTimeout(poll, 1500);
})();
