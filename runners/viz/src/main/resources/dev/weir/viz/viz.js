/* weir viz: draws the pipeline graph embedded in this page (script#weir-graph) with Cytoscape.js
 * and the dagre layout. Everything taken from the graph is inserted with textContent, never as
 * HTML. window.cy and window.weirViz are the page's API for tests and the browser console. */
(function () {
  'use strict';

  var graph = JSON.parse(document.getElementById('weir-graph').textContent);
  var lastRun = graph.lastRun || null;

  // Layer colours stay clear of the run-status colours (green, red; grey dashed for "not run"): no
  // greens, no reds, so a dataset's layer never reads as a node's outcome.
  var LAYER_COLOURS = ['#4fb3ff', '#a371f7', '#e3b341', '#39c5cf', '#db61a2', '#6e7bff', '#9d8cff',
    '#d2a8ff', '#79c0ff', '#c9b28a'];
  var NO_LAYER = '#7d8fa6';
  var RUN_OK = '#3fb950';
  var RUN_FAILED = '#f85149';
  var RUN_NONE = '#8b98a7';
  // Labels are 12 px at zoom 1; the first view never zooms out below this many rendered pixels.
  var FONT_PX = 12;
  var LEGIBLE_FONT_PX = 11;
  var VIEW_PADDING = 24;

  // ---- indexes -------------------------------------------------------------------------------
  var items = new Map(); // element id -> {kind, item}
  graph.nodes.forEach(function (n) { items.set(n.id, { kind: 'task', item: n }); });
  graph.datasets.forEach(function (d) { items.set(d.id, { kind: 'data', item: d }); });
  graph.parameters.forEach(function (p) { items.set(p.id, { kind: 'params', item: p }); });
  var nsById = new Map();
  graph.namespaces.forEach(function (ns) { nsById.set(ns.id, ns); items.set(ns.id, { kind: 'ns', item: ns }); });
  var producers = new Map();
  var consumers = new Map();
  graph.edges.forEach(function (e) {
    if (e.source.indexOf('node:') === 0) {
      push(producers, e.target, e.source);
    } else {
      push(consumers, e.source, e.target);
    }
  });
  var layerColour = new Map();
  graph.layers.forEach(function (layer, i) { layerColour.set(layer, LAYER_COLOURS[i % LAYER_COLOURS.length]); });

  var state = { collapsed: new Set(), tags: new Set(), query: '', selected: null };

  function push(map, key, value) {
    if (!map.has(key)) { map.set(key, []); }
    map.get(key).push(value);
  }

  // ---- formatting ----------------------------------------------------------------------------
  // "0.42 s", "1.2 s", "3 min 4 s", "1 h 2 min", as Kedro-Viz shows run times.
  function seconds(s) {
    if (s < 0.995) { return s.toFixed(2) + ' s'; }
    if (s < 59.95) { return s.toFixed(1) + ' s'; }
    var total = Math.round(s);
    if (total < 3600) { return Math.floor(total / 60) + ' min ' + (total % 60) + ' s'; }
    return Math.floor(total / 3600) + ' h ' + Math.floor((total % 3600) / 60) + ' min';
  }
  // An ISO-8601 instant as "1 Jan 2026, 00:00:06 UTC"; anything unparseable as given.
  function when(iso) {
    var d = new Date(iso);
    if (!iso || isNaN(d.getTime())) { return iso; }
    return d.toLocaleString('en-GB', {
      timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }) + ' UTC';
  }
  function rows(n) { return Number(n).toLocaleString('en-US') + (n === 1 ? ' row' : ' rows'); }
  function shortName(name, ns) {
    return ns && name.indexOf(ns + '.') === 0 ? name.substring(ns.length + 1) : name;
  }
  function shortType(type) {
    return type.split(' | ').map(function (t) { return t.substring(t.lastIndexOf('.') + 1); }).join(' | ');
  }
  function nodeRun(name) { return lastRun && lastRun.nodes ? lastRun.nodes[name] : undefined; }
  function datasetRun(data) {
    if (!lastRun || !lastRun.datasets) { return undefined; }
    for (var i = 0; i < data.names.length; i++) {
      if (lastRun.datasets[data.names[i]]) { return lastRun.datasets[data.names[i]]; }
    }
    return undefined;
  }
  // Catalog expectations checked in the last run, for the dataset's badge and pane.
  function expectationRuns(data) {
    if (!lastRun || !lastRun.expectations) { return []; }
    var out = [];
    data.names.forEach(function (n) { (lastRun.expectations[n] || []).forEach(function (e) { out.push(e); }); });
    return out;
  }
  function expectationBadge(runs) {
    var violations = runs.reduce(function (s, e) { return s + e.violations; }, 0);
    var failed = runs.some(function (e) { return e.action === 'fail' && e.violations > 0; });
    if (failed) { return { cls: 'exp-failed', text: '\u2716 expectation failed' }; }
    if (violations > 0) {
      return { cls: 'exp-violated', text: '\u26a0 ' + Number(violations).toLocaleString('en-US') + ' expectation violations' };
    }
    return { cls: 'exp-ok', text: '\u2714 ' + runs.length + (runs.length === 1 ? ' expectation met' : ' expectations met') };
  }
  // Box size from the label: charWidth is the mean advance of the kind's font at zoom 1 (bold
  // 12 px names of nodes are wider than the regular 12 px of datasets and the 11 px monospace of
  // parameters), so boxes stay narrow enough for a pipeline to fit the window legibly.
  function size(label, minWidth, lineHeight, charWidth, padding) {
    var lines = label.split('\n');
    var longest = lines.reduce(function (m, l) { return Math.max(m, l.length); }, 0);
    return { w: Math.max(minWidth, Math.round(longest * charWidth + padding)), h: Math.max(34, lines.length * lineHeight + 16) };
  }

  // ---- visible elements (tag filter, collapsed namespaces) -----------------------------------
  function outermostCollapsed(nsId) {
    var found = null;
    var cur = nsId ? nsById.get(nsId) : null;
    while (cur) {
      if (state.collapsed.has(cur.id)) { found = cur.id; }
      cur = cur.parent ? nsById.get(cur.parent) : null;
    }
    return found;
  }
  function nsIdOf(item) { return item.namespace ? 'ns:' + item.namespace : null; }

  function buildElements() {
    var visible = new Set();
    graph.nodes.forEach(function (n) {
      if (state.tags.size === 0 || n.tags.some(function (t) { return state.tags.has(t); })) { visible.add(n.id); }
    });
    graph.edges.forEach(function (e) {
      if (visible.has(e.source) && e.source.indexOf('node:') === 0) { visible.add(e.target); }
      if (visible.has(e.target) && e.target.indexOf('node:') === 0) { visible.add(e.source); }
    });
    var mapped = new Map();
    var nsNeeded = new Map(); // ns id -> 'expanded' | 'collapsed'
    var collapsedCounts = new Map();
    var elements = [];
    function needAncestors(nsId) {
      var cur = nsId ? nsById.get(nsId) : null;
      while (cur && !nsNeeded.has(cur.id)) {
        nsNeeded.set(cur.id, 'expanded');
        cur = cur.parent ? nsById.get(cur.parent) : null;
      }
    }
    visible.forEach(function (id) {
      var entry = items.get(id);
      var ns = nsIdOf(entry.item);
      var rep = outermostCollapsed(ns);
      if (rep) {
        mapped.set(id, rep);
        nsNeeded.set(rep, 'collapsed');
        var parent = nsById.get(rep).parent;
        if (parent) { needAncestors(parent); }
        if (entry.kind === 'task') { collapsedCounts.set(rep, (collapsedCounts.get(rep) || []).concat([entry.item])); }
        return;
      }
      mapped.set(id, id);
      if (ns) { needAncestors(ns); }
      elements.push({ group: 'nodes', data: elementData(entry, ns) , classes: elementClasses(entry) });
    });
    nsNeeded.forEach(function (mode, id) {
      var ns = nsById.get(id);
      var data = { id: id, kind: 'ns', name: ns.name, search: ns.name.toLowerCase() };
      if (ns.parent) { data.parent = ns.parent; }
      var classes = ['ns'];
      if (mode === 'collapsed') {
        var tasks = collapsedCounts.get(id) || [];
        var label = ns.label + '\n' + tasks.length + (tasks.length === 1 ? ' node' : ' nodes');
        var failed = tasks.some(function (t) { var r = nodeRun(t.name); return r && r.status === 'failed'; });
        var ran = tasks.filter(function (t) { return nodeRun(t.name); });
        if (ran.length) {
          label += ' · ' + seconds(ran.reduce(function (s, t) { return s + nodeRun(t.name).durationSeconds; }, 0));
          classes.push(failed ? 'run-failed' : 'run-ok');
        } else if (lastRun && tasks.length) {
          label += ' · not run';
          classes.push('run-none');
        }
        var sz = size(label, 130, 16, 6.9, 30);
        data.label = label; data.w = sz.w; data.h = sz.h;
        classes.push('collapsed');
      } else {
        data.label = ns.label;
      }
      elements.push({ group: 'nodes', data: data, classes: classes.join(' ') });
    });
    var seen = new Set();
    graph.edges.forEach(function (e) {
      if (!visible.has(e.source) || !visible.has(e.target)) { return; }
      var s = mapped.get(e.source);
      var t = mapped.get(e.target);
      var key = s + '\u0000' + t;
      if (s === t || seen.has(key)) { return; }
      seen.add(key);
      elements.push({ group: 'edges', data: { id: 'edge:' + key, source: s, target: t } });
    });
    return elements;
  }

  function elementData(entry, nsId) {
    var item = entry.item;
    var ns = item.namespace;
    var data = { id: item.id, kind: entry.kind, name: item.name, search: item.name.toLowerCase() };
    if (nsId) { data.parent = nsId; }
    var label;
    if (entry.kind === 'task') {
      label = shortName(item.name, ns);
      var run = nodeRun(item.name);
      if (run) {
        label += '\n' + (run.status === 'failed' ? 'failed · ' : '') + seconds(run.durationSeconds);
      } else if (lastRun) {
        label += '\nnot run';
      }
    } else if (entry.kind === 'data') {
      label = shortName(item.name, ns) + '\n' + shortType(item.type);
      var drun = datasetRun(item);
      if (drun && drun.rows !== null && drun.rows !== undefined) { label += ' · ' + rows(drun.rows); }
      var exps = expectationRuns(item);
      if (exps.length) { data.expectations = expectationBadge(exps).text; label += '\n' + data.expectations; }
      data.colour = item.layer ? layerColour.get(item.layer) : NO_LAYER;
      data.search += ' ' + item.type.toLowerCase() + ' ' + (item.layer || '').toLowerCase();
    } else {
      label = item.name;
    }
    var sz = entry.kind === 'task' ? size(label, 110, 15, 6.9, 30)
      : size(label, entry.kind === 'params' ? 90 : 110, 15, entry.kind === 'params' ? 6.6 : 6.3, 24);
    data.label = label; data.w = sz.w; data.h = sz.h;
    return data;
  }

  function elementClasses(entry) {
    var c = [entry.kind];
    if (entry.kind === 'data' && entry.item.memory) { c.push('memory'); }
    if (entry.kind === 'data' && expectationRuns(entry.item).length) { c.push(expectationBadge(expectationRuns(entry.item)).cls); }
    if (entry.kind === 'task' && lastRun) {
      var run = nodeRun(entry.item.name);
      c.push(!run ? 'run-none' : run.status === 'failed' ? 'run-failed' : 'run-ok');
    }
    return c.join(' ');
  }

  // ---- cytoscape ------------------------------------------------------------------------------
  var style = [
    { selector: 'node', style: {
      'label': 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center',
      'font-size': FONT_PX, 'font-family': 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif',
      'color': '#e6edf3', 'width': 'data(w)', 'height': 'data(h)', 'border-width': 1.5,
      'text-max-width': 600, 'line-height': 1.25 } },
    { selector: 'node.task', style: {
      'shape': 'round-rectangle', 'background-color': '#2b3544', 'border-color': '#7d8fa6', 'font-weight': 600 } },
    { selector: 'node.data', style: {
      'shape': 'round-rectangle', 'corner-radius': 14, 'background-color': 'data(colour)', 'background-opacity': 0.16,
      'border-color': 'data(colour)', 'color': '#dbe6f1' } },
    { selector: 'node.data.memory', style: { 'border-style': 'dashed', 'background-opacity': 0.06 } },
    { selector: 'node.params', style: {
      'shape': 'cut-rectangle', 'background-color': '#3d3416', 'border-color': '#d29922', 'color': '#f2cc60',
      'font-size': 11, 'font-family': 'ui-monospace, Menlo, Consolas, monospace' } },
    { selector: 'node.ns', style: {
      'shape': 'round-rectangle', 'background-color': '#8957e5', 'background-opacity': 0.07,
      'border-color': '#8957e5', 'border-style': 'dashed', 'text-valign': 'top', 'text-halign': 'center',
      'color': '#c6a8ff', 'font-weight': 600, 'padding': 18, 'font-size': 12, 'text-margin-y': -4 } },
    { selector: 'node.ns.collapsed', style: {
      'text-valign': 'center', 'background-opacity': 0.22, 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node.run-ok', style: { 'border-color': RUN_OK, 'border-width': 2.5 } },
    { selector: 'node.run-failed', style: { 'border-color': RUN_FAILED, 'border-width': 3, 'background-color': '#4a1f24' } },
    { selector: 'node.run-none', style: { 'border-color': RUN_NONE, 'border-style': 'dashed', 'color': '#b7c2cf' } },
    { selector: 'node.data.exp-violated', style: { 'border-color': '#d29922', 'border-width': 2.5 } },
    { selector: 'node.data.exp-failed', style: { 'border-color': '#f85149', 'border-width': 3 } },
    { selector: 'edge', style: {
      'width': 1.4, 'line-color': '#52627a', 'target-arrow-color': '#52627a', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9, 'curve-style': 'taxi', 'taxi-direction': 'downward', 'taxi-turn': '50%',
      'taxi-turn-min-distance': 8, 'taxi-radius': 8 } },
    { selector: 'node:selected', style: { 'border-color': '#ffffff', 'border-width': 3, 'overlay-opacity': 0 } },
    { selector: 'edge.hl', style: { 'line-color': '#4fb3ff', 'target-arrow-color': '#4fb3ff', 'width': 2.4, 'z-index': 10 } },
    { selector: '.faded', style: { 'opacity': 0.16 } },
    { selector: 'node.match', style: { 'border-color': '#ffd33d', 'border-width': 3 } }
  ];

  var cy = window.cytoscape({
    container: document.getElementById('cy'),
    elements: [],
    style: style,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: false
  });
  window.cy = cy;

  function render() {
    cy.startBatch();
    cy.elements().remove();
    cy.add(buildElements());
    cy.endBatch();
    // Top to bottom, as Kedro-Viz lays a pipeline out.
    cy.layout({
      name: 'dagre', rankDir: 'TB', nodeSep: 14, rankSep: 26, edgeSep: 10, padding: VIEW_PADDING,
      fit: false, animate: false,
      sort: function (a, b) { return a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0; }
    }).run();
    fitLegibly();
    applySearch();
    if (state.selected && cy.getElementById(state.selected).nonempty()) {
      cy.getElementById(state.selected).select();
      highlight(cy.getElementById(state.selected));
    }
    renderNamespaces();
  }

  // Fits the graph in view unless that makes labels smaller than LEGIBLE_FONT_PX: then it keeps
  // them legible and shows the start of the pipeline (the top), centred; "Fit" shows it all.
  function fitLegibly() {
    cy.fit(undefined, VIEW_PADDING);
    var minZoom = LEGIBLE_FONT_PX / FONT_PX;
    if (cy.zoom() > 1.3) {
      cy.zoom(1.3);
      cy.center();
    } else if (cy.zoom() < minZoom) {
      var bb = cy.elements().boundingBox();
      cy.zoom(minZoom);
      cy.pan({ x: cy.width() / 2 - minZoom * (bb.x1 + bb.x2) / 2, y: VIEW_PADDING - minZoom * bb.y1 });
    }
  }

  // ---- search and tags --------------------------------------------------------------------------
  function applySearch() {
    cy.elements().removeClass('faded match');
    var q = state.query.trim().toLowerCase();
    var hint = document.getElementById('search-count');
    if (!q) { hint.textContent = ''; return; }
    var matches = cy.nodes().filter(function (n) { return n.data('search').indexOf(q) >= 0 && !n.isParent(); });
    cy.elements().not(matches).not(matches.ancestors()).addClass('faded');
    matches.addClass('match');
    hint.textContent = matches.length === 1 ? '1 match' : matches.length + ' matches';
  }

  var searchBox = document.getElementById('search');
  searchBox.addEventListener('input', function () { state.query = searchBox.value; applySearch(); });
  searchBox.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') { return; }
    var first = cy.nodes('.match').first();
    if (first.nonempty()) { select(first.id()); cy.animate({ center: { eles: first }, duration: 250 }); }
  });

  function renderTags() {
    var box = document.getElementById('tags');
    box.replaceChildren();
    if (graph.tags.length === 0) {
      box.appendChild(el('span', { className: 'hint' }, 'No tags in this pipeline.'));
      return;
    }
    graph.tags.forEach(function (tag) {
      var chip = el('button', { type: 'button', className: 'chip', title: 'Show only nodes tagged ' + tag }, tag);
      chip.setAttribute('aria-pressed', String(state.tags.has(tag)));
      chip.addEventListener('click', function () {
        if (state.tags.has(tag)) { state.tags.delete(tag); } else { state.tags.add(tag); }
        renderTags();
        render();
      });
      box.appendChild(chip);
    });
  }

  // ---- namespaces -------------------------------------------------------------------------------
  function toggleNamespace(id) {
    if (state.collapsed.has(id)) { state.collapsed.delete(id); } else { state.collapsed.add(id); }
    render();
  }

  function renderNamespaces() {
    var section = document.getElementById('namespaces-section');
    section.hidden = graph.namespaces.length === 0;
    var root = document.getElementById('namespaces');
    root.replaceChildren();
    function children(parentId) {
      return graph.namespaces.filter(function (ns) { return (ns.parent || null) === parentId; });
    }
    function add(list, ns) {
      var li = el('li');
      var caret = el('span', { className: 'caret' }, state.collapsed.has(ns.id) ? '\u25B8' : '\u25BE');
      var button = el('button', { type: 'button', title: 'Collapse or expand ' + ns.name }, caret, ns.label);
      button.addEventListener('click', function () { toggleNamespace(ns.id); });
      li.appendChild(button);
      var kids = children(ns.id);
      if (kids.length) {
        var ul = el('ul');
        kids.forEach(function (k) { add(ul, k); });
        li.appendChild(ul);
      }
      list.appendChild(li);
    }
    children(null).forEach(function (ns) { add(root, ns); });
  }

  document.getElementById('btn-expand-all').addEventListener('click', function () {
    state.collapsed.clear(); render();
  });
  document.getElementById('btn-collapse-all').addEventListener('click', function () {
    graph.namespaces.forEach(function (ns) { state.collapsed.add(ns.id); }); render();
  });
  document.getElementById('btn-fit').addEventListener('click', function () { cy.fit(undefined, 30); });

  // ---- details panel ------------------------------------------------------------------------------
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) { node[k] = props[k]; });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function refList(names, idOf) {
    if (!names.length) { return el('span', { className: 'muted' }, 'none'); }
    var ul = el('ul');
    names.forEach(function (name) {
      var id = idOf(name);
      var li = el('li');
      if (items.has(id)) {
        var b = el('button', { type: 'button', className: 'ref' }, name);
        b.addEventListener('click', function () { select(id, true); });
        li.appendChild(b);
      } else {
        li.textContent = name;
      }
      ul.appendChild(li);
    });
    return ul;
  }
  function datasetIdOf(name) {
    if (name.indexOf('params:') === 0 || name === 'parameters') { return name; }
    var at = name.indexOf('@');
    return 'data:' + (at < 0 ? name : name.substring(0, at));
  }
  function nameOfNode(id) { return items.get(id).item.name; }

  function field(dl, title, value) {
    dl.appendChild(el('dt', null, title));
    dl.appendChild(el('dd', null, value));
  }

  function pretty(value) {
    return JSON.stringify(value, null, 2);
  }

  function copyButton(text) {
    var b = el('button', { type: 'button', title: 'Copy to the clipboard' }, 'Copy');
    b.addEventListener('click', function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () { b.textContent = 'Copied'; }, function () {});
      }
    });
    return b;
  }

  function details(id) {
    var panel = document.getElementById('details');
    panel.replaceChildren();
    var entry = items.get(id);
    showPanel(panel, Boolean(entry));
    if (!entry) { return; }
    var item = entry.item;
    var dl = el('dl');
    if (entry.kind === 'task') {
      panel.appendChild(el('div', { className: 'kind' }, 'Node'));
      panel.appendChild(el('h2', null, item.name));
      field(dl, 'Function', functionName(item.function));
      if (item.namespace) { field(dl, 'Namespace', el('code', null, item.namespace)); }
      field(dl, 'Tags', item.tags.length ? tagChips(item.tags) : el('span', { className: 'muted' }, 'none'));
      field(dl, 'Inputs', refList(item.inputs, datasetIdOf));
      field(dl, 'Outputs', refList(item.outputs, datasetIdOf));
      field(dl, 'Run this node', el('div', { className: 'command' }, el('pre', { id: 'run-command' }, item.command), copyButton(item.command)));
      var run = nodeRun(item.name);
      if (lastRun) {
        if (!run) {
          field(dl, 'Last run', el('span', { className: 'muted' }, 'not run'));
        } else {
          field(dl, 'Last run', el('span', { className: run.status === 'failed' ? 'status-failed' : 'status-ok' },
            (run.status === 'failed' ? 'failed' : 'succeeded') + ' in ' + seconds(run.durationSeconds)));
          if (run.error) { field(dl, 'Error', el('pre', { className: 'error' }, run.error)); }
        }
      }
    } else if (entry.kind === 'data') {
      panel.appendChild(el('div', { className: 'kind' }, item.memory ? 'Dataset (in memory)' : 'Dataset'));
      panel.appendChild(el('h2', null, item.name));
      field(dl, 'Type', el('code', null, item.type));
      field(dl, 'Layer', item.layer || el('span', { className: 'muted' }, 'none'));
      if (item.names.length > 1 || item.names[0] !== item.name) { field(dl, 'Transcoded as', refList(item.names, function () { return ''; })); }
      field(dl, 'Written by', refList((producers.get(id) || []).map(nameOfNode), function (n) { return 'node:' + n; }));
      field(dl, 'Read by', refList((consumers.get(id) || []).map(nameOfNode), function (n) { return 'node:' + n; }));
      var drun = datasetRun(item);
      if (drun) {
        field(dl, 'Last run', drun.rows === null || drun.rows === undefined ? 'saved' : rows(drun.rows) + ' written');
      }
      var checked = expectationRuns(item);
      if (checked.length) {
        var list = el('ul', { id: 'expectations', className: 'expectations' });
        checked.forEach(function (e) {
          list.appendChild(el('li', null, e.name + ' [' + e.action + (e.checkedOn === 'load' ? ', on load' : '') + ']: '
            + Number(e.violations).toLocaleString('en-US') + ' of ' + rows(e.rowsChecked) + ' violated ' + e.expr));
        });
        field(dl, 'Expectations', list);
      }
      field(dl, 'Catalog entry', Object.keys(item.entry).length
        ? el('pre', { id: 'catalog-entry' }, pretty(item.entry))
        : el('span', { className: 'muted' }, 'not in the catalog: kept in memory during a run'));
    } else if (entry.kind === 'params') {
      panel.appendChild(el('div', { className: 'kind' }, 'Parameters'));
      panel.appendChild(el('h2', null, item.name));
      field(dl, 'Value', item.value === null || item.value === undefined
        ? el('span', { className: 'muted' }, 'not found in the parameters')
        : el('pre', null, pretty(item.value)));
      field(dl, 'Read by', refList((consumers.get(id) || []).map(nameOfNode), function (n) { return 'node:' + n; }));
    } else {
      panel.appendChild(el('div', { className: 'kind' }, 'Modular pipeline'));
      panel.appendChild(el('h2', null, item.name));
      var inside = graph.nodes.filter(function (n) { return n.namespace === item.name || (n.namespace || '').indexOf(item.name + '.') === 0; });
      field(dl, 'Nodes', refList(inside.map(function (n) { return n.name; }), function (n) { return 'node:' + n; }));
      var toggle = el('button', { type: 'button', className: 'chip' }, state.collapsed.has(id) ? 'Expand' : 'Collapse');
      toggle.addEventListener('click', function () { toggleNamespace(id); details(id); });
      field(dl, 'View', toggle);
    }
    panel.appendChild(dl);
  }

  // As Kedro-Viz's metadata panel: shown only while something is selected, so the map has the
  // window's width otherwise. The canvas changes size, which Cytoscape must be told.
  function showPanel(panel, show) {
    if (panel.hidden !== show) { return; }
    panel.hidden = !show;
    cy.resize();
  }

  // Class::method may wrap after "::" rather than mid-word.
  function functionName(name) {
    var code = el('code');
    name.split('::').forEach(function (part, i) {
      if (i > 0) { code.appendChild(document.createTextNode('::')); code.appendChild(el('wbr')); }
      code.appendChild(document.createTextNode(part));
    });
    return code;
  }

  function tagChips(tags) {
    var box = el('div', { className: 'chips' });
    tags.forEach(function (t) { box.appendChild(el('span', { className: 'chip static' }, t)); });
    return box;
  }

  function highlight(ele) {
    cy.edges().removeClass('hl');
    if (ele && ele.nonempty()) { ele.connectedEdges().addClass('hl'); }
  }

  function inView(ele) {
    var e = cy.extent();
    var b = ele.boundingBox();
    return b.x1 >= e.x1 && b.x2 <= e.x2 && b.y1 >= e.y1 && b.y2 <= e.y2;
  }

  // Pans by as little as brings the element into view (the panel that just opened may cover it),
  // so the rest of the map stays where the user saw it.
  function reveal(ele) {
    var b = ele.renderedBoundingBox();
    var m = VIEW_PADDING;
    var dx = b.x2 > cy.width() - m ? cy.width() - m - b.x2 : b.x1 < m ? m - b.x1 : 0;
    var dy = b.y2 > cy.height() - m ? cy.height() - m - b.y2 : b.y1 < m ? m - b.y1 : 0;
    cy.panBy({ x: dx, y: dy });
  }

  function select(id, center) {
    state.selected = id;
    var target = cy.getElementById(id);
    if (target.empty()) {
      // Hidden inside a collapsed namespace: open the way to it.
      var entry = items.get(id);
      var ns = entry && entry.item.namespace ? 'ns:' + entry.item.namespace : null;
      var changed = false;
      for (var cur = ns ? nsById.get(ns) : null; cur; cur = cur.parent ? nsById.get(cur.parent) : null) {
        if (state.collapsed.delete(cur.id)) { changed = true; }
      }
      if (changed) { render(); target = cy.getElementById(id); }
    }
    details(id); // may open the panel, which narrows the map
    cy.elements(':selected').unselect();
    if (target.nonempty()) {
      target.select();
      highlight(target);
      if (!inView(target)) {
        if (center) { cy.animate({ center: { eles: target }, duration: 250 }); } else { reveal(target); }
      }
    }
  }

  cy.on('tap', 'node', function (evt) {
    if (evt.weirHandled) { return; }
    evt.weirHandled = true;
    var node = evt.target;
    if (node.hasClass('collapsed')) {
      toggleNamespace(node.id());
      select(node.id());
      return;
    }
    select(node.id());
  });
  cy.on('tap', function (evt) {
    if (evt.target === cy) {
      state.selected = null;
      cy.elements(':selected').unselect();
      highlight(null);
      details(null);
    }
  });

  // ---- legend and last run ------------------------------------------------------------------------------
  function renderLegend() {
    var ul = document.getElementById('legend');
    function row(swatch, text) {
      var li = el('li', null, swatch, text);
      ul.appendChild(li);
    }
    row(el('span', { className: 'swatch task' }), 'node');
    graph.layers.forEach(function (layer) {
      var s = el('span', { className: 'swatch' });
      s.style.background = layerColour.get(layer) + '33';
      s.style.borderColor = layerColour.get(layer);
      row(s, 'dataset · ' + layer);
    });
    var plain = el('span', { className: 'swatch' });
    plain.style.background = NO_LAYER + '33';
    plain.style.borderColor = NO_LAYER;
    row(plain, graph.layers.length ? 'dataset · no layer' : 'dataset');
    row(el('span', { className: 'swatch memory' }), 'in-memory dataset');
    row(el('span', { className: 'swatch params' }), 'parameters');
    if (graph.namespaces.length) { row(el('span', { className: 'swatch ns' }), 'modular pipeline'); }
    if (lastRun) {
      row(el('span', { className: 'swatch ok' }), 'succeeded in the last run');
      row(el('span', { className: 'swatch fail' }), 'failed in the last run');
      row(el('span', { className: 'swatch none' }), 'not run in the last run');
    }
  }

  function renderLastRun() {
    if (!lastRun) { return; }
    document.getElementById('last-run-section').hidden = false;
    var badge = document.getElementById('run-status');
    badge.hidden = false;
    badge.className = 'run-status ' + (lastRun.status === 'success' ? 'success' : 'failed');
    badge.textContent = 'Last run ' + ({ success: 'succeeded', failed: 'failed', interrupted: 'was interrupted' }[lastRun.status] || lastRun.status) + ' · ' + seconds(lastRun.durationSeconds);
    var dl = el('dl');
    field(dl, 'Run id', el('code', null, lastRun.runId));
    field(dl, 'Started', when(lastRun.startedAt));
    field(dl, 'Finished', when(lastRun.finishedAt));
    field(dl, 'Duration', seconds(lastRun.durationSeconds));
    field(dl, 'Environment', lastRun.env);
    if (lastRun.failedNodes.length) {
      field(dl, 'Failed nodes', refList(lastRun.failedNodes, function (n) { return 'node:' + n; }));
    }
    document.getElementById('last-run').appendChild(dl);
  }

  window.weirViz = {
    graph: graph,
    select: function (id) { select(id, true); },
    collapse: function (nsName) { state.collapsed.add('ns:' + nsName); render(); },
    expand: function (nsName) { state.collapsed.delete('ns:' + nsName); render(); },
    setTags: function (tags) { state.tags = new Set(tags); renderTags(); render(); },
    search: function (q) { searchBox.value = q; state.query = q; applySearch(); },
    layerColours: LAYER_COLOURS.slice()
  };

  renderTags();
  renderLegend();
  renderLastRun();
  render();
  window.addEventListener('resize', function () { cy.resize(); });
  document.documentElement.setAttribute('data-weir-ready', 'true');
})();
