// Small page actions without inline script (the Content-Security-Policy allows none):
// a link or button with data-print prints the page; a form or button with data-confirm asks first.
document.addEventListener('click', function (e) {
  var print = e.target.closest('[data-print]');
  if (print) {
    e.preventDefault();
    window.print();
    return;
  }
  var ask = e.target.closest('button[data-confirm]');
  if (ask && !window.confirm(ask.getAttribute('data-confirm'))) {
    e.preventDefault();
  }
});
document.addEventListener('submit', function (e) {
  var ask = e.target.getAttribute('data-confirm');
  if (ask && !window.confirm(ask)) {
    e.preventDefault();
  }
});
