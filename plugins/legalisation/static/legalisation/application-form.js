/* Live validation and automatic draft saving of an application step (progressive: the form works without it). */
(function () {
  "use strict";
  function init(form) {
    var url = form.getAttribute("data-validate-url");
    var status = document.getElementById("autosave-status");
    var timer = null;
    function show(name, message) {
      var input = form.querySelector('[name="' + name + '"]');
      var box = document.getElementById("err_" + name);
      if (!input || !box) { return; }
      box.textContent = message || "";
      if (message) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      input.closest(".field").classList.toggle("has-error", Boolean(message));
    }
    function check(fields, quiet) {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
      fields.forEach(function (input) { body.append(input.name, input.value); });
      return fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          fields.forEach(function (input) {
            var message = (data.errors || {})[input.name];
            if (!quiet || !message || input.getAttribute("aria-invalid") === "true") { show(input.name, message); }
          });
          (data.checked || []).forEach(function (name) {
            if (fields.every(function (input) { return input.name !== name; })) { show(name, (data.errors || {})[name]); }
          });
          if (status && data.saved) { status.textContent = data.message || ""; }
          form.setAttribute("data-saved", String(Date.now()));
        })
        .catch(function () { /* offline: the server checks again on submit */ });
    }
    form.addEventListener("change", function (event) {
      if (event.target.name) { check([event.target]); }
    });
    form.addEventListener("input", function (event) {
      if (!event.target.name) { return; }
      clearTimeout(timer);
      var target = event.target;
      timer = setTimeout(function () { check([target], true); }, 800);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-validate-url]");
    for (var i = 0; i < forms.length; i++) { init(forms[i]); }
  });
})();
