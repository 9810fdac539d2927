// Charts drawn from the data tables a page already shows. The table stays the source of truth and the accessible
// version: the canvas is a picture of it (role="img", named by the table's caption), drawn by Chart.js, which Ruche
// serves itself so the Content-Security-Policy stays script-src 'self'.
//
// Markup a page writes (values in data-value, culture-invariant; the cell text is what people read):
//   <table class="chart-data" data-chart="bar|stacked|line|hbar" data-chart-max="5">
//     <caption>…</caption>
//     <thead><tr><td></td><th scope="col">Series</th>…</tr></thead>
//     <tbody><tr><th scope="row">Label</th><td data-value="3.4">3,4</td>…</tr></tbody>
//   </table>

const library = new URL('../lib/chartjs/chart.umd.min.js', import.meta.url).href;
let loading;

function loadChartJs() {
  loading ??= new Promise((resolve, reject) => {
    if (window.Chart) { resolve(window.Chart); return; }
    const script = document.createElement('script');
    script.src = library;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => reject(new Error('Chart.js did not load'));
    document.head.append(script);
  });
  return loading;
}

function palette() {
  const style = getComputedStyle(document.documentElement);
  const colours = [];
  for (let i = 1; i <= 6; i++) {
    const colour = style.getPropertyValue(`--chart-${i}`).trim();
    if (colour) colours.push(colour);
  }
  return {
    colours: colours.length ? colours : ['#8a5a00', '#1f6f8b', '#6a994e', '#bc4749', '#7b2cbf', '#5a554a'],
    ink: style.getPropertyValue('--muted').trim() || '#5a554a',
    grid: style.getPropertyValue('--line').trim() || '#e4dfd3',
  };
}

function read(table) {
  const series = [...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent.trim());
  const labels = [];
  const values = series.map(() => []);
  for (const row of table.querySelectorAll('tbody tr')) {
    const header = row.querySelector('th[scope="row"]');
    labels.push(header ? header.textContent.trim() : '');
    [...row.querySelectorAll('td')].forEach((cell, i) => {
      if (i >= values.length) return;
      const raw = cell.dataset.value;
      const value = raw === undefined || raw === '' ? null : Number(raw);
      values[i].push(Number.isFinite(value) ? value : null);
    });
  }
  return { labels, series, values };
}

function draw(Chart, table) {
  const kind = table.dataset.chart;
  const { labels, series, values } = read(table);
  if (!labels.length || !series.length) return;
  const { colours, ink, grid } = palette();
  const caption = table.querySelector('caption')?.textContent.trim() ?? '';

  const figure = document.createElement('div');
  figure.className = 'chart-canvas';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', caption);
  figure.append(canvas);
  table.insertAdjacentElement('beforebegin', figure);

  const line = kind === 'line';
  const max = table.dataset.chartMax ? Number(table.dataset.chartMax) : undefined;
  const min = table.dataset.chartMin ? Number(table.dataset.chartMin) : undefined;
  const stacked = kind === 'stacked';
  const horizontal = kind === 'hbar';
  new Chart(canvas, {
    type: line ? 'line' : 'bar',
    data: {
      labels,
      datasets: series.map((name, i) => ({
        label: name,
        data: values[i],
        backgroundColor: colours[i % colours.length],
        borderColor: colours[i % colours.length],
        spanGaps: true,
        tension: 0.25,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: series.length > 1, labels: { color: ink } } },
      scales: {
        x: { stacked, ticks: { color: ink }, grid: { color: grid }, ...(horizontal ? { min, max } : {}) },
        y: { stacked, ticks: { color: ink }, grid: { color: grid }, ...(horizontal ? {} : { min, max }) },
      },
    },
  });
  table.dataset.charted = 'true';
}

export async function enhance(root = document) {
  const tables = [...root.querySelectorAll('table[data-chart]:not([data-charted])')];
  if (!tables.length) return;
  const Chart = await loadChartJs();
  for (const table of tables) draw(Chart, table);
}
