// Draws every element with class "chart": its data-option attribute holds a complete ECharts option,
// built on the server. Without ECharts (no npm at build time) the page simply has no charts.
(function () {
  if (typeof echarts === 'undefined') return;
  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var option = JSON.parse(el.getAttribute('data-option'));
    // On a phone the radar's axis names would run off the card: a smaller web, names on short lines.
    if (option.radar && el.clientWidth < 480) {
      option.radar.radius = '50%';
      option.radar.axisName = { fontSize: 11, lineHeight: 14, formatter: function (name) { return name.replace(/(.{5})(?=.)/g, '$1\n'); } };
    }
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
