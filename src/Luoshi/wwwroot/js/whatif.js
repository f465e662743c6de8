// What-if answers while you type: after a short pause the form is sent in the background and the
// result panel is replaced by the server's. Without script the 重算 button does the same.
(function () {
  var form = document.getElementById('whatif');
  var panel = document.getElementById('whatif-result');
  if (!form || !panel || !window.fetch) return;
  var timer;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = form.action.split('?')[0] + '?' + new URLSearchParams(new FormData(form)).toString();
      fetch(url, { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('whatif-result');
          if (fresh) { panel.innerHTML = fresh.innerHTML; history.replaceState(null, '', url); }
        });
    }, 350);
  });
})();
