// The operator dashboard: fetches /ops/metrics every few seconds and draws its panels. Plain DOM, nothing loaded from
// elsewhere. Each panel's section names its series and the labels it sums by (data-series, data-label-keys), and
// every figure drawn from a row carries data-series and data-labels, so a test (or a curious operator) can tell which
// series and labels a figure shows.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var STAGES = ['REFERRED', 'ESCALATED_TO_SECURITY', 'CLOSED_NO_FURTHER_ACTION', 'IN_ASSESSMENT',
    'FORMULATION_AGREED', 'PLANNED', 'IN_DELIVERY', 'CLOSED'];
  var history = [];
  var refreshes = 0;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function figure(value) {
    if (value === null || value === undefined) { return '–'; }
    return Number.isInteger(value) ? String(value) : value.toFixed(3);
  }

  function valueCell(series, row, extraClass) {
    var cell = el('td', { 'class': 'value' + (extraClass ? ' ' + extraClass : ''), 'data-series': series,
      'data-labels': JSON.stringify(row.labels) }, figure(row.value));
    return cell;
  }

  function emptyNote(panel) {
    return el('p', { 'class': 'empty' }, 'No ' + panel.series + ' on any service yet.');
  }

  function table(panel) {
    if (panel.rows.length === 0) { return emptyNote(panel); }
    var t = el('table', { 'data-series': panel.series });
    var head = el('tr');
    panel.labels.forEach(function (label) { head.appendChild(el('th', {}, label)); });
    head.appendChild(el('th', { 'class': 'value' }, panel.counter ? 'total' : 'now'));
    if (panel.counter) { head.appendChild(el('th', { 'class': 'value' }, 'per s')); }
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    panel.rows.forEach(function (row) {
      var tr = el('tr');
      panel.labels.forEach(function (label) { tr.appendChild(el('td', {}, row.labels[label])); });
      tr.appendChild(valueCell(panel.series, row, row.value > 0 && panel.id !== 'throughput' ? 'alert' : ''));
      if (panel.counter) { tr.appendChild(el('td', { 'class': 'value rate' }, figure(row.perSecond))); }
      body.appendChild(tr);
    });
    return t;
  }

  // districts down, stages across in the order a case moves; a bar per stage for all districts together
  function funnel(panel) {
    if (panel.rows.length === 0) { return emptyNote(panel); }
    var stages = STAGES.slice();
    var districts = [];
    var cells = {};
    var totals = {};
    panel.rows.forEach(function (row) {
      var stage = row.labels.stage;
      var district = row.labels.district;
      if (stages.indexOf(stage) < 0) { stages.push(stage); }
      if (districts.indexOf(district) < 0) { districts.push(district); }
      cells[district + '|' + stage] = row;
      totals[stage] = (totals[stage] || 0) + row.value;
    });
    districts.sort();
    var wrapper = el('div');
    var max = Math.max.apply(null, stages.map(function (s) { return totals[s] || 0; }).concat([1]));
    var bars = wrapper.appendChild(el('div', { 'class': 'funnel' }));
    stages.forEach(function (stage) {
      var line = bars.appendChild(el('div', { 'class': 'bar-line' }));
      line.appendChild(el('span', { 'class': 'bar-label' }, stage));
      var bar = line.appendChild(el('span', { 'class': 'bar' }));
      bar.appendChild(el('span', { 'class': 'bar-fill', 'data-width': Math.round(100 * (totals[stage] || 0) / max) }));
      line.appendChild(el('span', { 'class': 'bar-value', 'data-total': stage }, figure(totals[stage] || 0)));
    });
    var t = wrapper.appendChild(el('table', { 'data-series': panel.series, 'class': 'grid' }));
    var head = el('tr');
    head.appendChild(el('th', {}, 'district'));
    stages.forEach(function (stage) { head.appendChild(el('th', { 'class': 'value' }, stage.replace(/_/g, ' '))); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    districts.forEach(function (district) {
      var tr = body.appendChild(el('tr'));
      tr.appendChild(el('td', {}, district));
      stages.forEach(function (stage) {
        var row = cells[district + '|' + stage];
        tr.appendChild(row ? valueCell(panel.series, row) : el('td', { 'class': 'value none' }, '·'));
      });
    });
    return wrapper;
  }

  // one line per consumer and topic, its partitions' figures side by side: lag is per partition, but a service holds
  // a dozen partitions of a few topics, and the line to look at is the one whose total is not zero
  function lag(panel) {
    if (panel.rows.length === 0) { return emptyNote(panel); }
    var lines = {};
    var order = [];
    panel.rows.forEach(function (row) {
      var key = [row.labels.application, row.labels.consumer, row.labels.topic].join('|');
      if (!lines[key]) { lines[key] = { labels: row.labels, rows: [], total: 0 }; order.push(key); }
      lines[key].rows.push(row);
      lines[key].total += row.value;
    });
    var t = el('table', { 'data-series': panel.series });
    var head = el('tr');
    ['application', 'consumer', 'topic'].forEach(function (label) { head.appendChild(el('th', {}, label)); });
    head.appendChild(el('th', { 'class': 'value' }, 'behind'));
    head.appendChild(el('th', {}, 'per partition'));
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    order.forEach(function (key) {
      var line = lines[key];
      var tr = body.appendChild(el('tr'));
      ['application', 'consumer', 'topic'].forEach(function (label) { tr.appendChild(el('td', {}, line.labels[label])); });
      tr.appendChild(el('td', { 'class': 'value' + (line.total > 0 ? ' alert' : '') }, figure(line.total)));
      var partitions = tr.appendChild(el('td', { 'class': 'partitions' }));
      line.rows.sort(function (a, b) { return Number(a.labels.partition) - Number(b.labels.partition); });
      line.rows.forEach(function (row) {
        var item = partitions.appendChild(el('span', { 'class': 'partition' + (row.value > 0 ? ' alert' : '') }));
        item.appendChild(el('span', { 'class': 'muted' }, 'p' + row.labels.partition + ' '));
        item.appendChild(el('span', { 'data-series': panel.series, 'data-labels': JSON.stringify(row.labels) },
          figure(row.value)));
      });
    });
    return t;
  }

  function chart(snapshot) {
    var throughput = snapshot.panels.filter(function (p) { return p.id === 'throughput'; })[0];
    if (!throughput) { return; }
    var rates = throughput.rows.map(function (r) { return r.perSecond; })
      .filter(function (r) { return r !== null && r !== undefined; });
    var now = rates.length ? rates.reduce(function (a, b) { return a + b; }, 0) : null;
    document.getElementById('throughput-now').textContent = figure(now === null ? null : Math.round(now * 100) / 100);
    if (now === null) { return; }
    history.push(now);
    if (history.length > 60) { history.shift(); }
    var svg = document.getElementById('throughput-chart');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var max = Math.max.apply(null, history.concat([1]));
    var step = 600 / 59;
    var points = history.map(function (v, i) {
      return (600 - (history.length - 1 - i) * step).toFixed(1) + ',' + (78 - 74 * v / max).toFixed(1);
    });
    var ns = 'http://www.w3.org/2000/svg';
    var area = document.createElementNS(ns, 'polygon');
    area.setAttribute('points', points.concat([points[points.length - 1].split(',')[0] + ',80',
      points[0].split(',')[0] + ',80']).join(' '));
    area.setAttribute('class', 'spark-area');
    svg.appendChild(area);
    var line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('class', 'spark');
    svg.appendChild(line);
    document.getElementById('throughput-peak').textContent = 'peak ' + figure(Math.round(max * 100) / 100)
      + '/s over the last ' + history.length + ' refreshes';
  }

  function sources(snapshot) {
    var list = document.getElementById('sources');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    snapshot.sources.forEach(function (source) {
      var item = el('li', { 'class': source.up ? 'up' : 'down', 'data-url': source.url },
        (source.application || source.url) + (source.up ? ' up' : ' DOWN'));
      item.title = source.up ? source.url + ' answered in ' + source.millis + ' ms' : source.url + ': ' + source.error;
      list.appendChild(item);
    });
  }

  function draw(snapshot) {
    refreshes += 1;
    var stamp = document.getElementById('scraped-at');
    stamp.setAttribute('data-scraped-at', snapshot.scrapedAt);
    stamp.textContent = 'Scraped at ' + snapshot.scrapedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')
      + (snapshot.sinceSeconds ? ' (rates over the last ' + snapshot.sinceSeconds.toFixed(1) + ' s)' : '');
    document.body.setAttribute('data-refreshes', String(refreshes));
    document.body.classList.remove('stale');
    sources(snapshot);
    snapshot.panels.forEach(function (panel) {
      var section = document.getElementById('panel-' + panel.id);
      if (!section) { return; }
      section.setAttribute('data-series', panel.series);
      section.setAttribute('data-label-keys', panel.labels.join(','));
      var rows = section.querySelector('.rows');
      while (rows.firstChild) { rows.removeChild(rows.firstChild); }
      rows.appendChild(panel.id === 'cases' ? funnel(panel) : panel.id === 'lag' ? lag(panel) : table(panel));
    });
    // widths set here, not in a style attribute: the content security policy allows no inline style
    Array.prototype.forEach.call(document.querySelectorAll('.bar-fill'), function (fill) {
      fill.style.width = fill.getAttribute('data-width') + '%';
    });
    chart(snapshot);
  }

  function refresh() {
    fetch('metrics', { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(draw)
      .catch(function (error) {
        document.body.classList.add('stale');
        document.getElementById('scraped-at').textContent = 'Cannot reach /ops/metrics (' + error.message
          + '); showing the last figures';
      })
      .then(function () { setTimeout(refresh, REFRESH_MS); });
  }

  document.getElementById('refresh-seconds').textContent = String(REFRESH_MS / 1000);
  refresh();
}());
