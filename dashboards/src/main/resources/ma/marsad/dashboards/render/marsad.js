/* Marsad dashboards: localised numbers and dates (Intl), charts (ECharts, mirrored in Arabic), CSV and PNG export.
   Works from file:// with no network: chart data is inline JSON in each page. */
(function () {
  'use strict';
  var root = document.documentElement;
  var lang = root.lang || 'fr';
  var rtl = root.dir === 'rtl';
  var locale = root.getAttribute('data-locale') || 'fr-MA';

  function readDigits() {
    if (lang !== 'ar') { return 'latn'; }
    var asked = null;
    try { asked = new URLSearchParams(window.location.search).get('digits'); } catch (e) { asked = null; }
    if (asked === 'arab' || asked === 'latn') { store(asked); return asked; }
    try { return window.localStorage.getItem('marsad.digits') === 'arab' ? 'arab' : 'latn'; } catch (e) { return 'latn'; }
  }
  function store(value) { try { window.localStorage.setItem('marsad.digits', value); } catch (e) { /* storage off */ } }
  var digits = readDigits();

  var FORMATS = {
    integer: { maximumFractionDigits: 0 },
    decimal: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    precise: { maximumFractionDigits: 4 },
    percent: { style: 'percent', maximumFractionDigits: 0 },
    signed: { signDisplay: 'exceptZero', maximumFractionDigits: 2 },
    'signed-integer': { signDisplay: 'exceptZero', maximumFractionDigits: 0 },
    'signed-percent': { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }
  };
  function formatNumber(value, format) {
    if (value === null || value === undefined || value === '' || isNaN(value)) { return '–'; }
    var number = Number(value);
    var options = FORMATS[format];
    if (!options) {
      /* at most 3 significant decimals: 0.4499 days reads 0.45, 23.0769 % reads 23.08, 8255 people 8255 */
      var size = Math.abs(number);
      options = size >= 1 || size === 0
        ? { maximumFractionDigits: size >= 1000 ? 0 : 2 }
        : { maximumSignificantDigits: 3 };
    }
    var all = Object.assign({ numberingSystem: digits }, options);
    return new Intl.NumberFormat(locale, all).format(number);
  }
  function formatDate(text, kind) {
    var zone = '';
    if (kind === 'datetime' && String(text).length > 19) {
      /* Morocco's time with its offset, both computed by the renderer: only the words change with the language */
      zone = ' UTC' + String(text).slice(19);
      text = String(text).slice(0, 19);
    }
    var parts = String(text).split(/[-T:]/).map(Number);
    var date = new Date(parts[0], (parts[1] || 1) - 1, parts[2] || 1, parts[3] || 0, parts[4] || 0, parts[5] || 0);
    var options = kind === 'datetime'
      ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }
      : kind === 'month' ? { year: 'numeric', month: 'short' } : { year: 'numeric', month: 'short', day: 'numeric' };
    options.numberingSystem = digits;
    return new Intl.DateTimeFormat(locale, options).format(date) + zone;
  }
  function localise() {
    root.setAttribute('data-digits', digits);
    document.querySelectorAll('[data-num]').forEach(function (element) {
      element.textContent = formatNumber(element.getAttribute('data-num'), element.getAttribute('data-format'));
    });
    document.querySelectorAll('time[data-date]').forEach(function (element) {
      element.textContent = formatDate(element.getAttribute('datetime'), element.getAttribute('data-date'));
    });
  }

  /* Status and series are told apart by line style and decal patterns, not by colour alone. */
  var PALETTE = ['#0b5394', '#b45f06', '#38761d', '#741b47', '#134f5c', '#7f6000'];
  function chartOption(spec) {
    var fmt = function (value) { return formatNumber(value, spec.format); };
    var legend = { type: 'scroll', bottom: 0 };
    legend[rtl ? 'right' : 'left'] = 0;
    var grid = { top: 36, bottom: 36, containLabel: true };
    grid.left = 28; grid.right = 28;
    var series = spec.series.map(function (one, index) {
      var item = {
        name: one.name, type: spec.type === 'bar' ? 'bar' : 'line', data: one.data,
        symbolSize: 6, showSymbol: true,
        lineStyle: { type: one.style, width: one.style === 'solid' ? 3 : 2 },
        itemStyle: { color: PALETTE[index % PALETTE.length] }
      };
      if (one.style === 'provisional') {
        /* a running period's value so far: a hollow point of its own, never joined to the complete periods */
        item.symbol = 'emptyDiamond'; item.symbolSize = 12;
        item.lineStyle = { type: 'dotted', width: 0 };
        item.itemStyle = { color: '#8a5200', borderWidth: 2 };
      }
      if (index === 0 && spec.refLines && spec.refLines.length) {
        item.markLine = {
          symbol: 'none', silent: true,
          data: spec.refLines.map(function (line, lineIndex) {
            return {
              yAxis: line.value, name: line.name,
              lineStyle: { type: lineIndex === 0 ? 'dashed' : 'solid', color: lineIndex === 0 ? '#8a5200' : '#b3261e', width: 2 },
              label: { formatter: line.name + (spec.colon || ': ') + fmt(line.value), position: rtl ? 'insideStartTop' : 'insideEndTop', color: '#1d2733' }
            };
          })
        };
      }
      return item;
    });
    var valueAxis = { type: 'value', scale: spec.type !== 'bar', axisLabel: { formatter: fmt } };
    var categoryAxis;
    if (spec.xType === 'time') {
      categoryAxis = { type: 'time', axisLabel: { formatter: function (value) { return formatDate(new Date(value).toISOString().slice(0, 10), 'month'); }, hideOverlap: true } };
    } else {
      categoryAxis = { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true } };
    }
    var option = {
      animation: false,
      aria: { enabled: true, decal: { show: spec.type === 'bar' && spec.series.length > 1 } },
      color: PALETTE, legend: legend, grid: grid,
      tooltip: { trigger: spec.horizontal ? 'item' : 'axis', valueFormatter: fmt },
      series: series
    };
    if (spec.horizontal) {
      option.xAxis = Object.assign(valueAxis, { inverse: rtl, scale: false });
      option.yAxis = Object.assign(categoryAxis, { inverse: true, position: rtl ? 'right' : 'left' });
      /* one series (the regions ranked) needs no legend; a comparison of editions does */
      option.legend.show = spec.series.length > 1;
      option.grid.top = 8;
    } else {
      option.xAxis = Object.assign(categoryAxis, { inverse: rtl });
      option.yAxis = Object.assign(valueAxis, { position: rtl ? 'right' : 'left', name: spec.unit || '', nameLocation: 'end' });
    }
    return option;
  }
  function drawCharts() {
    if (typeof window.echarts === 'undefined') { return; }
    document.querySelectorAll('script.chart-spec').forEach(function (script) {
      var element = document.getElementById(script.getAttribute('data-chart'));
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(chartOption(JSON.parse(script.textContent)));
    });
    window.addEventListener('resize', function () {
      document.querySelectorAll('.chart').forEach(function (element) {
        var chart = window.echarts.getInstanceByDom(element);
        if (chart) { chart.resize(); }
      });
    });
  }

  /* CSV: text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe;
     numbers stay numbers. The same rule is applied by the renderer's own CSV files. */
  function neutralise(text) { return /^[=+\-@\t\r]/.test(text) ? "'" + text : text; }
  function csvCell(value) {
    if (value === null || value === undefined) { return ''; }
    if (typeof value === 'number') { return isFinite(value) ? String(value) : ''; }
    var text = neutralise(String(value));
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function toCsv(rows) {
    return rows.map(function (row) { return row.map(csvCell).join(','); }).join('\r\n') + '\r\n';
  }
  function tableRows(table) {
    var rows = [];
    table.querySelectorAll('tr').forEach(function (tr) {
      var row = [];
      tr.querySelectorAll('th, td').forEach(function (cell) {
        var number = cell.querySelector('[data-num]');
        var time = cell.querySelector('time[datetime]');
        if (number && cell.textContent.trim() === number.textContent.trim()) { row.push(Number(number.getAttribute('data-num'))); }
        else if (time && cell.textContent.trim() === time.textContent.trim()) { row.push(time.getAttribute('datetime')); }
        else { row.push(cell.textContent.trim()); }
      });
      rows.push(row);
    });
    return rows;
  }
  function download(name, href) {
    var link = document.createElement('a');
    link.href = href; link.download = name;
    document.body.appendChild(link); link.click(); link.remove();
  }
  function exportCsv(button) {
    var table = document.getElementById(button.getAttribute('data-table'));
    var blob = new Blob(['\ufeff' + toCsv(tableRows(table))], { type: 'text/csv;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    download(button.getAttribute('data-file'), url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  /* PNG export: the chart drawn with its caption around it, so the image says what it shows on its own: title and
     unit above, source and data date below, in the page's language and direction. */
  function captionParts(figure) {
    var parts = {};
    ['title', 'unit', 'source', 'date'].forEach(function (part) {
      var element = figure && figure.querySelector('.chart-caption .caption-' + part);
      parts[part] = element ? element.textContent.trim() : '';
    });
    return parts;
  }
  function captionLines(figure) {
    var parts = captionParts(figure);
    return [parts.title, parts.unit, parts.source, parts.date].filter(function (text) { return text.length > 0; });
  }
  var FONT = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif';
  function wrap(context, text, width) {
    var words = text.split(' '), lines = [], line = '';
    words.forEach(function (word) {
      var candidate = line ? line + ' ' + word : word;
      if (line && context.measureText(candidate).width > width) { lines.push(line); line = word; } else { line = candidate; }
    });
    if (line) { lines.push(line); }
    return lines;
  }
  function compose(image, width, height, parts, done) {
    var scale = 2, pad = 16 * scale, titleSize = 18 * scale, textSize = 13 * scale, lineGap = 6 * scale;
    var canvas = document.createElement('canvas');
    var context = canvas.getContext('2d');
    function wrapped(texts, font) {
      context.font = font;
      return [].concat.apply([], texts.filter(Boolean).map(function (text) { return wrap(context, text, width - 2 * pad); }));
    }
    var titleFont = 'bold ' + titleSize + 'px ' + FONT, textFont = textSize + 'px ' + FONT;
    var titleLines = wrapped([parts.title], titleFont);
    var aboveLines = wrapped([parts.unit], textFont);
    var belowLines = wrapped([parts.source, parts.date], textFont);
    var top = pad + titleLines.length * (titleSize + lineGap) + aboveLines.length * (textSize + lineGap);
    canvas.width = width;
    canvas.height = top + height + lineGap + belowLines.length * (textSize + lineGap) + pad;
    context.fillStyle = '#ffffff'; context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, top, width, height);
    context.textBaseline = 'top'; context.direction = rtl ? 'rtl' : 'ltr'; context.textAlign = 'start';
    var x = rtl ? width - pad : pad, y = pad;
    function draw(lines, font, colour, size) {
      context.font = font; context.fillStyle = colour;
      lines.forEach(function (text) { context.fillText(text, x, y); y += size + lineGap; });
    }
    draw(titleLines, titleFont, '#1d2733', titleSize);
    draw(aboveLines, textFont, '#1d2733', textSize);
    y = top + height + lineGap;
    draw(belowLines, textFont, '#4a5563', textSize);
    done(canvas.toDataURL('image/png'), { top: top, height: height });
  }
  function png(button, done) {
    var parts = captionParts(button.closest('figure'));
    var image = new Image();
    if (button.hasAttribute('data-chart')) {
      var chart = window.echarts && window.echarts.getInstanceByDom(document.getElementById(button.getAttribute('data-chart')));
      if (!chart) { return; }
      image.onload = function () { compose(image, chart.getWidth() * 2, chart.getHeight() * 2, parts, done); };
      image.src = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
      return;
    }
    var svg = document.getElementById(button.getAttribute('data-svg')).querySelector('svg');
    var box = svg.viewBox.baseVal;
    image.onload = function () { compose(image, box.width * 2, box.height * 2, parts, done); };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  }
  function exportPng(button) {
    var name = button.getAttribute('data-file');
    png(button, function (url) { download(name, url); });
  }
  function wireButtons() {
    document.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      if (button.classList.contains('export-csv')) { exportCsv(button); }
      else if (button.classList.contains('export-png')) { exportPng(button); }
      else if (button.classList.contains('only-off-track')) {
        var pressed = button.getAttribute('aria-pressed') !== 'true';
        button.setAttribute('aria-pressed', String(pressed));
        root.classList.toggle('show-off-track-only', pressed);
      }
      else if (button.classList.contains('digits')) {
        digits = digits === 'arab' ? 'latn' : 'arab';
        store(digits);
        button.setAttribute('aria-pressed', String(digits === 'arab'));
        localise();
        document.querySelectorAll('script.chart-spec').forEach(function (script) {
          var chart = window.echarts && window.echarts.getInstanceByDom(document.getElementById(script.getAttribute('data-chart')));
          if (chart) { chart.setOption(chartOption(JSON.parse(script.textContent)), true); }
        });
      }
    });
    var toggle = document.querySelector('button.digits');
    if (toggle) { toggle.setAttribute('aria-pressed', String(digits === 'arab')); }
  }

  window.Marsad = {
    toCsv: toCsv, neutralise: neutralise, formatNumber: formatNumber, tableRows: tableRows,
    png: png, captionLines: captionLines
  };
  function start() { localise(); drawCharts(); wireButtons(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
