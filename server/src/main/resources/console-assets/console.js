// The adplane console's only script: the CSRF header on htmx requests, and the charts (Chart.js) drawn from
// the JSON the server embeds next to each canvas. No inline script anywhere (see the console's CSP).
(function () {
  "use strict";

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header"), token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  var PALETTE = ["#0b57d0", "#1e6b2f", "#b26a00", "#6b3fa0", "#a4161a", "#00707a", "#5f6368", "#3d5a80"];

  function draw(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    root.querySelectorAll("script.chart-data").forEach(function (el) {
      var canvas = document.getElementById(el.dataset.chart);
      if (!canvas || canvas.dataset.drawn) {
        return;
      }
      var data = JSON.parse(el.textContent);
      var config;
      if (el.dataset.kind === "bar") {
        var rows = data.filter(function (r) { return r.status_key !== "all"; });
        config = { type: "bar", data: { labels: rows.map(function (r) { return r.status_label; }),
          datasets: [{ label: "Campaigns", data: rows.map(function (r) { return r.status_count; }),
            backgroundColor: PALETTE }] },
          options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } };
      } else {
        // A series chart: {labels: [...], series: [{label, values, kind?, axis?, dashed?}]}; a series on axis
        // "y1" (spend next to impressions) is drawn against a second scale on the right.
        var scales = { y: { beginAtZero: true } };
        if (data.series.some(function (s) { return s.axis === "y1"; })) {
          scales.y1 = { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } };
        }
        config = { type: "line", data: { labels: data.labels, datasets: data.series.map(function (s, i) {
            return { label: s.label, data: s.values, borderColor: PALETTE[i % PALETTE.length],
              backgroundColor: PALETTE[i % PALETTE.length], stepped: s.stepped || false, type: s.kind || "line",
              yAxisID: s.axis || "y", borderDash: s.dashed ? [6, 4] : [], spanGaps: false, pointRadius: 2 };
          }) },
          options: { animation: false, scales: scales } };
      }
      canvas.dataset.drawn = "true";
      new Chart(canvas, config);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
})();
