// Draws every element with class "chart": its data-option attribute holds a complete ECharts option,
// built on the server. Without ECharts (no npm at build time) the page simply has no charts.
(function () {
  if (typeof echarts === 'undefined') return;
  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(el.getAttribute('data-option')));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
