(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var blue = '#0969da', orange = '#bc4c00', green = '#1a7f37', grey = '#8c959f', red = '#cf222e', purple = '#8250df';
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, "DejaVu Sans", sans-serif';
  Chart.defaults.color = '#1f2328';
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.legend.labels.boxWidth = 8;
  Chart.defaults.plugins.legend.labels.boxHeight = 8;

  var drawn = 0;
  function chart(id, config) {
    new Chart(document.getElementById(id), config);
    drawn++;
  }
  // a chart with nothing to show gives its box a sentence instead
  function empty(id, message) {
    var box = document.getElementById(id).parentNode;
    box.classList.add('empty');
    box.textContent = message;
  }
  function title(text) { return { display: true, text: text, font: { size: 14, weight: '600' } }; }
  function axis(text, extra) { return Object.assign({ title: { display: true, text: text } }, extra || {}); }
  function line(label, values, color, dashed) {
    return { label: label, data: values, borderColor: color, backgroundColor: color, borderDash: dashed ? [6, 4] : [],
      pointRadius: 3, spanGaps: true, tension: 0 };
  }
  function points(label, values, color, extra) {
    return Object.assign({ label: label, data: values, borderColor: color, backgroundColor: color, pointRadius: 5 }, extra || {});
  }

  function progress(g) {
    if (!g.bestPerplexity.some(function (v) { return v !== null; })) {
      empty('perplexity-chart', 'No generation has a measured variant yet.');
      empty('mfu-chart', 'No generation has a measured variant yet.');
      return;
    }
    chart('perplexity-chart', {
      type: 'line',
      data: { labels: g.labels, datasets: [line('best', g.bestPerplexity, blue), line('median', g.medianPerplexity, orange, true)] },
      options: { plugins: { title: title('Held-out perplexity (lower is better)') },
        scales: { x: axis('generation'), y: axis('perplexity') } }
    });
    chart('mfu-chart', {
      type: 'line',
      data: { labels: g.labels, datasets: [line('best', g.bestMfu, green), line('median', g.medianMfu, orange, true)] },
      options: { plugins: { title: title('MFU (higher is better)') },
        scales: { x: axis('generation'), y: axis('MFU (%)') } }
    });
  }

  function pareto(p) {
    if (p.front.length === 0) {
      empty('pareto-chart', 'No variant was measured yet.');
      return;
    }
    chart('pareto-chart', {
      type: 'scatter',
      data: { datasets: [
        points('best', p.best, red, { pointStyle: 'star', pointRadius: 11, borderWidth: 2 }),
        points('seed', p.seed, purple, { pointStyle: 'rectRot', pointRadius: 8 }),
        points('Pareto front', p.front, blue, { showLine: true, borderWidth: 2, pointRadius: 6 }),
        points('other variants', p.all, grey, { backgroundColor: 'rgba(140,149,159,0.5)' })
      ] },
      options: {
        plugins: { title: title('Perplexity against MFU'),
          tooltip: { callbacks: { label: function (c) {
            return c.raw.id + ': perplexity ' + c.raw.y.toFixed(3) + ', MFU ' + c.raw.x.toFixed(1) + '%';
          } } } },
        scales: { x: axis('MFU (%)'), y: axis('held-out perplexity') }
      }
    });
  }

  function failures(f) {
    if (f.counts.length === 0) {
      document.getElementById('failures-box').style.display = 'none';
      return;
    }
    chart('failures-chart', {
      type: 'bar',
      data: { labels: f.labels, datasets: [{ label: 'count', data: f.counts, backgroundColor: red }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false }, title: title('Failures by kind') },
        scales: { x: axis('count', { beginAtZero: true, ticks: { precision: 0 } }) } }
    });
  }

  function cost(points) {
    if (points.length === 0) {
      empty('cost-chart', 'No proposal has been made yet.');
      return;
    }
    chart('cost-chart', {
      type: 'line',
      data: { datasets: [{ label: 'cumulative cost', data: points, borderColor: blue, backgroundColor: blue,
        stepped: true, pointRadius: 2 }] },
      options: {
        plugins: { legend: { display: false }, title: title('Cumulative LLM cost'),
          tooltip: { callbacks: { label: function (c) {
            return '$' + c.raw.y.toFixed(4) + ' after generation ' + c.raw.generation + ' (' + c.raw.x.toFixed(1) + ' min)';
          } } } },
        scales: { x: axis('minutes since the run started', { type: 'linear', beginAtZero: true }),
          y: axis('US dollars', { beginAtZero: true }) }
      }
    });
  }

  progress(data.generations);
  pareto(data.pareto);
  failures(data.failures);
  cost(data.cost);
  // lets a screenshot tool (or a test) see that the charts are drawn
  document.documentElement.setAttribute('data-charts-drawn', String(drawn));
})();
