// The live page: draws the run's picture from the server's event stream, and sends people's
// decisions and suggestions. Every piece of run text goes into the page as text (textContent),
// never as markup.
(function () {
  'use strict';
  var blue = '#0969da', orange = '#bc4c00', green = '#1a7f37', grey = '#8c959f', red = '#cf222e', purple = '#8250df';
  var state = null, charts = {}, filtersKnown = '', attemptsSeen = -1, openAttempt = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function fixed(v, digits) { return v === null || v === undefined || !isFinite(v) ? '–' : Number(v).toFixed(digits); }
  function signed(v, unit) { return v === null || v === undefined ? '' : (v > 0 ? '+' : '') + Number(v).toFixed(1) + unit; }
  function minutes(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    if (s < 90) { return s + ' s'; }
    if (s < 5400) { return Math.round(s / 60) + ' min'; }
    return (s / 3600).toFixed(1) + ' h';
  }
  function diff(code, text) {
    clear(code);
    (text || '').replace(/\n$/, '').split('\n').forEach(function (line) {
      var kind = /^(\+\+\+|---)/.test(line) ? 'file' : /^@@/.test(line) ? 'hunk' : /^\+/.test(line) ? 'add' : /^-/.test(line) ? 'del' : 'ctx';
      code.appendChild(el('span', kind, line));
    });
  }
  function send(path, body, said) {
    said.className = 'said';
    said.textContent = 'sending…';
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Darwin-Page': '1' },
      body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (r) {
        var type = r.headers.get('Content-Type') || '';
        return (type.indexOf('json') >= 0 ? r.json().then(function (j) { return j.message; }) : r.text())
          .then(function (m) { said.textContent = m; said.className = r.ok ? 'said ok' : 'said bad'; return r.ok; });
      })
      .catch(function (e) { said.textContent = 'not sent: ' + e; said.className = 'said bad'; return false; });
  }
  function get(path) {
    return fetch(path, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); }
      return (r.headers.get('Content-Type') || '').indexOf('json') >= 0 ? r.json() : r.text();
    });
  }

  // ---- facts
  function fact(label, value, note) {
    var box = el('div', 'fact');
    box.appendChild(el('div', 'label', label));
    box.appendChild(el('div', 'value', value));
    if (note) { box.appendChild(el('div', 'note', note)); }
    return box;
  }
  function facts(s) {
    var box = clear($('facts'));
    if (!s.started) {
      box.appendChild(fact('run', 'starting', 'waiting for the run to write its checkpoint in ' + s.directory));
      return;
    }
    var r = s.run, now = Date.now();
    var last = r.lastEvent ? Date.parse(r.lastEvent) : now;
    box.appendChild(fact('generation', r.generation + ' of ' + r.generations, r.finished ? 'finished' : 'last event ' + minutes(now - last) + ' ago'));
    box.lastChild.id = 'fact-generation';
    box.lastChild.setAttribute('data-generation', String(r.generation));
    if (s.best) { box.appendChild(fact('best perplexity', fixed(s.best.perplexity, 3), s.best.variant + ' (' + s.best.replicates + ' measured)')); }
    if (s.best) { box.appendChild(fact('best MFU', fixed(100 * s.best.mfu, 1) + '%')); }
    if (s.seed) { box.appendChild(fact('seed', fixed(s.seed.perplexity, 3), 'MFU ' + fixed(100 * s.seed.mfu, 1) + '%')); }
    box.appendChild(fact('time spent', minutes((r.finished ? last : now) - Date.parse(r.started)),
      r.minutesLeft === null ? (r.finished ? 'done' : 'time left: after the first generation') : 'about ' + minutes(r.minutesLeft * 60000) + ' left'));
    box.appendChild(fact('LLM cost', '$' + fixed(r.cost, 2), r.costCap === null ? 'no cap' : '$' + fixed(Math.max(0, r.costCap - r.cost), 2) + ' left of $' + fixed(r.costCap, 2)));
    box.appendChild(fact('evaluations', r.evaluations, r.proposals + ' proposals · ' + r.budget));
    box.appendChild(fact('noise floor', s.noiseFloor ? 'measured' : 'not yet', s.noiseFloor || ''));
    box.appendChild(fact('confirmed gain', s.confirmed ? 'measured' : 'not yet', s.confirmed || 'the best figure is unconfirmed'));
    box.appendChild(fact('mutator', r.mutator, r.agents + ' agents · ' + r.slots + ' slot' + (r.slots === 1 ? '' : 's')));
  }

  // ---- slots
  function slots(s) {
    var box = clear($('slots'));
    var busy = s.slots || [];
    if (busy.length === 0) { box.textContent = 'nothing is being evaluated'; box.className = 'muted'; return; }
    box.className = '';
    busy.forEach(function (f) {
      var slot = el('span', 'slot', f.phase + ' ' + f.variant + ' for ' + minutes(Date.now() - Date.parse(f.since)));
      box.appendChild(slot);
    });
  }

  // ---- charts (the report's figures and colours)
  function line(label, values, color, dashed) {
    return { label: label, data: values, borderColor: color, backgroundColor: color, borderDash: dashed ? [6, 4] : [], pointRadius: 3, spanGaps: true, tension: 0 };
  }
  function points(label, values, color, extra) {
    return Object.assign({ label: label, data: values, borderColor: color, backgroundColor: color, pointRadius: 5 }, extra || {});
  }
  function title(text) { return { display: true, text: text, font: { size: 14, weight: '600' } }; }
  function axis(text) { return { title: { display: true, text: text } }; }
  function draw(id, config) {
    if (typeof Chart === 'undefined') { return; }
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update('none');
    } else {
      charts[id] = new Chart($(id), config);
    }
  }
  function figures(f) {
    var g = f.generations;
    draw('perplexity-chart', { type: 'line', data: { labels: g.labels, datasets: [line('best', g.bestPerplexity, blue), line('median', g.medianPerplexity, orange, true)] },
      options: { animation: false, maintainAspectRatio: false, plugins: { title: title('Held-out perplexity (lower is better)') }, scales: { x: axis('generation'), y: axis('perplexity') } } });
    draw('mfu-chart', { type: 'line', data: { labels: g.labels, datasets: [line('best', g.bestMfu, green), line('median', g.medianMfu, orange, true)] },
      options: { animation: false, maintainAspectRatio: false, plugins: { title: title('MFU (higher is better)') }, scales: { x: axis('generation'), y: axis('MFU (%)') } } });
    var p = f.pareto;
    draw('pareto-chart', { type: 'scatter', data: { datasets: [
      points('best', p.best, red, { pointStyle: 'star', pointRadius: 11, borderWidth: 2 }),
      points('seed', p.seed, purple, { pointStyle: 'rectRot', pointRadius: 8 }),
      points('Pareto front', p.front, blue, { showLine: true, borderWidth: 2, pointRadius: 6 }),
      points('other variants', p.all, grey, { backgroundColor: 'rgba(140,149,159,0.5)' })] },
      options: { animation: false, maintainAspectRatio: false, plugins: { title: title('Perplexity against MFU'),
        tooltip: { callbacks: { label: function (c) { return c.raw.id + ': perplexity ' + c.raw.y.toFixed(3) + ', MFU ' + c.raw.x.toFixed(1) + '%'; } } } },
        scales: { x: axis('MFU (%)'), y: axis('held-out perplexity') } } });
    var front = clear($('front'));
    p.front.slice().sort(function (a, b) { return a.y - b.y; }).forEach(function (pt) {
      var tr = el('tr');
      tr.appendChild(el('td', '', pt.id));
      tr.appendChild(el('td', 'num', fixed(pt.y, 3)));
      tr.appendChild(el('td', 'num', fixed(pt.x, 1) + '%'));
      front.appendChild(tr);
    });
  }

  // ---- lineage
  function lineage(steps) {
    var list = clear($('lineage'));
    if (steps.length === 0) { list.appendChild(el('li', 'muted', 'No variant has beaten the seed yet.')); return; }
    steps.forEach(function (s) {
      var li = el('li', 'step');
      if (s.kind === 'change') {
        li.appendChild(el('div', 'step-head', 'generation ' + s.generation + ' · ' + s.agent + ' · ' + s.parent + ' → ' + s.child + ' · ' + s.status));
        li.appendChild(el('h3', '', s.summary));
        var m = el('div', 'metrics');
        m.appendChild(el('span', s.perplexityChange < 0 ? 'better' : s.perplexityChange > 0 ? 'worse' : '', 'perplexity ' + signed(s.perplexityChange, '%')));
        m.appendChild(document.createTextNode('  '));
        m.appendChild(el('span', '', 'MFU ' + signed(s.mfuChange, ' pp')));
        li.appendChild(m);
        li.appendChild(el('div', 'reasoning', s.reasoning));
      } else {
        li.appendChild(el('div', 'step-head', 'people’s approved request applied · ' + s.parent + ' → ' + s.child));
      }
      var details = el('details');
      details.appendChild(el('summary', '', 'diff'));
      var pre = el('pre', 'diff'), code = el('code');
      diff(code, s.diff);
      pre.appendChild(code);
      details.appendChild(pre);
      li.appendChild(details);
      list.appendChild(li);
    });
  }

  // ---- requests
  function pending(requests) {
    var waiting = requests.filter(function (r) { return r.status === 'PENDING'; });
    var box = $('pending');
    $('pending-box').hidden = waiting.length === 0;
    var ids = waiting.map(function (r) { return r.id; });
    Array.prototype.slice.call(box.children).forEach(function (card) {
      if (ids.indexOf(card.getAttribute('data-id')) < 0) { box.removeChild(card); }
    });
    waiting.forEach(function (r) {
      if (box.querySelector('[data-id="' + CSS.escape(r.id) + '"]')) { return; } // keep what a person is typing
      var card = el('div', 'request');
      card.setAttribute('data-id', r.id);
      var head = el('div');
      head.appendChild(el('strong', '', r.id + ' '));
      head.appendChild(el('span', 'kind', r.kind));
      head.appendChild(el('span', '', ' ' + r.title + ' — ' + r.agent + ', generation ' + r.generation));
      card.appendChild(head);
      if (r.rationale) { card.appendChild(el('div', 'reasoning', r.rationale)); }
      if (r.payload) { card.appendChild(el('pre', 'payload', r.payload)); }
      var value = el('textarea', 'value');
      value.rows = r.kind === 'SCRIPT' || r.kind === 'FILE_STRUCTURE' ? 6 : 1;
      value.placeholder = r.kind === 'DATASET' ? 'a dataset is approved from the command line: darwin requests DIR approve ' + r.id + ' --with FILE'
        : 'value (empty: the agent’s own: ' + (r.kind === 'BUDGET' ? 'a number' : r.kind === 'LIBRARY' ? 'coordinates on the allowed list' : 'the text') + ')';
      var note = el('input', 'note');
      note.type = 'text';
      note.placeholder = 'note for the agent (why)';
      var actions = el('div', 'actions');
      var approve = el('button', 'approve', 'Approve'), deny = el('button', 'deny', 'Deny'), said = el('span', 'said');
      approve.type = deny.type = 'button';
      approve.addEventListener('click', function () {
        send('/api/requests/' + encodeURIComponent(r.id) + '/approve', { value: value.value, note: note.value }, said);
      });
      deny.addEventListener('click', function () {
        send('/api/requests/' + encodeURIComponent(r.id) + '/deny', { note: note.value }, said);
      });
      actions.appendChild(approve);
      actions.appendChild(deny);
      actions.appendChild(said);
      if (state && state.readOnly) { approve.disabled = deny.disabled = true; }
      card.appendChild(value);
      card.appendChild(note);
      card.appendChild(actions);
      box.appendChild(card);
    });
    var decided = clear($('decided'));
    requests.filter(function (r) { return r.status !== 'PENDING'; }).forEach(function (r) {
      var tr = el('tr');
      tr.setAttribute('data-id', r.id);
      tr.appendChild(el('td', '', r.id));
      tr.appendChild(el('td', '', r.kind));
      var status = el('td');
      status.appendChild(el('span', 'status ' + r.status, r.status));
      tr.appendChild(status);
      tr.appendChild(el('td', '', r.title));
      var d = r.decision;
      tr.appendChild(el('td', '', d ? d.by + (d.note ? ': ' + d.note : '') + (d.value ? ' (with ' + d.value.split('\n')[0] + ')' : '')
        + (r.applied ? ' · generation ' + r.applied.generation + ': ' + r.applied.note : '') : ''));
      decided.appendChild(tr);
    });
  }

  // ---- attempts
  function options(select, values) {
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    values.forEach(function (v) { var o = el('option', '', v); o.value = v; select.appendChild(o); });
    select.value = values.indexOf(chosen) >= 0 ? chosen : '';
  }
  function filters(f, members) {
    var known = JSON.stringify([f.statuses, f.tags, f.agents]);
    if (known !== filtersKnown) {
      filtersKnown = known;
      options($('filter-status'), f.statuses);
      options($('filter-tag'), f.tags);
      options($('filter-agent'), f.agents);
      var agents = members.map(function (m) { return m.agent; }).filter(function (a, i, all) { return all.indexOf(a) === i; });
      options($('suggest-agent'), agents);
    }
    if (f.attempts !== attemptsSeen) { attemptsSeen = f.attempts; loadAttempts(); }
  }
  function loadAttempts() {
    var q = '?status=' + encodeURIComponent($('filter-status').value) + '&tag=' + encodeURIComponent($('filter-tag').value)
      + '&agent=' + encodeURIComponent($('filter-agent').value);
    get('/api/attempts' + q).then(function (a) {
      $('attempt-count').textContent = a.matching + ' of ' + a.total + ' attempts';
      var body = clear($('attempts'));
      a.attempts.slice().reverse().forEach(function (row) {
        var tr = el('tr');
        tr.setAttribute('data-key', row.proposal);
        tr.appendChild(el('td', '', row.proposal));
        tr.appendChild(el('td', '', row.agent));
        tr.appendChild(el('td', '', row.summary));
        var tags = el('td');
        row.tags.forEach(function (t) { tags.appendChild(el('span', 'tag', t)); });
        tr.appendChild(tags);
        var status = el('td');
        status.appendChild(el('span', 'status ' + row.status, row.status));
        tr.appendChild(status);
        tr.appendChild(el('td', 'num', signed(row.perplexityChange, '%')));
        tr.appendChild(el('td', 'num', signed(row.mfuChange, ' pp')));
        tr.addEventListener('click', function () { showAttempt(row.proposal); });
        body.appendChild(tr);
      });
    }).catch(function (e) { $('attempt-count').textContent = 'attempts not read: ' + e.message; });
  }
  function showAttempt(key) {
    get('/api/attempt?key=' + encodeURIComponent(key)).then(function (a) {
      openAttempt = a;
      $('attempt-box').hidden = false;
      $('attempt-title').textContent = a.proposal + ' · ' + a.agent + ' on ' + a.parent + (a.child ? ' → ' + a.child : '') + ': ' + a.summary;
      $('attempt-reason').textContent = a.status + (a.reason ? ': ' + a.reason : '') + ' · perplexity ' + signed(a.perplexityChange, '%') + ' · MFU ' + signed(a.mfuChange, ' pp');
      $('attempt-reasoning').textContent = a.reasoning;
      diff($('attempt-diff'), a.diff || '(no diff)');
      $('attempt-files').hidden = !a.child;
    });
  }
  function showFiles(variant) {
    get('/api/files?variant=' + encodeURIComponent(variant)).then(function (files) {
      $('files-box').hidden = false;
      $('files-title').textContent = 'files of ' + variant;
      var list = clear($('files'));
      clear($('file'));
      files.forEach(function (path) {
        var li = el('li', '', path);
        li.addEventListener('click', function () {
          get('/api/file?variant=' + encodeURIComponent(variant) + '&path=' + encodeURIComponent(path)).then(function (text) {
            $('file').textContent = text;
          });
        });
        list.appendChild(li);
      });
    });
  }

  function suggestions(list) {
    var box = clear($('suggestions'));
    list.slice().reverse().forEach(function (s) {
      box.appendChild(el('li', '', s.id + ' · ' + s.by + ' → ' + (s.agent || 'every agent') + ': ' + s.text));
    });
  }

  // ---- the picture
  function render(s) {
    state = s;
    document.documentElement.setAttribute('data-version', String(s.version));
    $('read-only').hidden = !s.readOnly;
    $('suggest-send').disabled = s.readOnly;
    $('problem').hidden = !s.problem;
    $('problem').textContent = s.problem || '';
    facts(s);
    slots(s);
    if (!s.started) { return; }
    $('run-id').textContent = s.run.id;
    document.title = 'darwin · ' + s.run.id + ' · generation ' + s.run.generation;
    figures(s.figures);
    var members = clear($('members'));
    s.members.forEach(function (m) { members.appendChild(el('li', '', m.agent + ' owns ' + m.variant)); });
    lineage(s.lineage);
    pending(s.requests);
    filters(s.filters, s.members);
    suggestions(s.suggestions);
  }
  function freshness() {
    if (!state) { return; }
    $('freshness').textContent = 'read from the run’s files ' + minutes(Date.now() - Date.parse(state.readAt)) + ' ago';
    facts(state);
    slots(state);
  }

  function connect() {
    var events = new EventSource('/events');
    events.addEventListener('state', function (e) {
      $('connection').className = 'dot';
      render(JSON.parse(e.data));
      freshness();
    });
    events.onerror = function () { $('connection').className = 'dot off'; $('freshness').textContent = 'reconnecting…'; };
  }

  ['filter-status', 'filter-tag', 'filter-agent'].forEach(function (id) { $(id).addEventListener('change', loadAttempts); });
  $('attempt-files').addEventListener('click', function () { if (openAttempt && openAttempt.child) { showFiles(openAttempt.child); } });
  $('suggest-send').addEventListener('click', function () {
    var text = $('suggest-text');
    send('/api/suggestions', { agent: $('suggest-agent').value, text: text.value }, $('suggest-said')).then(function (ok) {
      if (ok) { text.value = ''; }
    });
  });
  setInterval(freshness, 1000);
  connect();
})();
