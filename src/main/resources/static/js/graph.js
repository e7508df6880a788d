/*
 * The causal graph page: draws /api/graph with Cytoscape, at the places the server computed (column = layer, then
 * stacked in the server's order), and shows a box's rules in the side panel on click, or on Enter in the text view.
 * No inline script or style: the page can be served under a Content-Security-Policy without 'unsafe-inline'.
 * Sets data-ready="true" on the drawing once it is drawn, for tests and for anyone scripting the page.
 */
(function () {
  'use strict';

  var NODE_WIDTH = 200;
  var COLUMN_GAP = 96;
  var ROW_GAP = 14;
  var PADDING = 24;

  var container = document.getElementById('graph-canvas');
  var panel = document.getElementById('graph-panel-body');
  var panelTitle = document.getElementById('panel-title');
  if (!container || !panel) {
    return;
  }
  if (typeof window.cytoscape !== 'function') {
    container.setAttribute('data-ready', 'failed');
    return;
  }
  var rulesUrl = container.getAttribute('data-rules') || '/rules';

  fetch(container.getAttribute('data-src'), { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The graph could not be loaded (' + response.status + ').');
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      container.setAttribute('data-ready', 'failed');
      var p = document.createElement('p');
      p.className = 'graph-noscript';
      p.textContent = error.message + ' The text view below shows the same graph.';
      container.appendChild(p);
    });

  function draw(graph) {
    var nodesById = {};
    graph.nodes.forEach(function (n) { nodesById[n.id] = n; });

    var elements = graph.nodes.map(function (n) {
      var classes = [n.kind];
      if (n.context) { classes.push('context'); }
      if (graph.highlighted) { classes.push(n.holds ? 'holds' : 'faded'); }
      var label = (n.value != null) ? n.label + ': ' + n.value : n.label;
      return { group: 'nodes', data: { id: n.id, label: label, h: 40 }, classes: classes.join(' ') };
    }).concat(graph.edges.map(function (e) {
      var classes = [];
      if (e.negated) { classes.push('unless'); }
      if (graph.highlighted) { classes.push(e.fired ? 'fired' : 'faded'); }
      return { group: 'edges', data: { id: e.id, source: e.source, target: e.target, rule: e.rule },
        classes: classes.join(' ') };
    }));

    var cy = window.cytoscape({
      container: container,
      elements: elements,
      style: style(),
      layout: { name: 'preset' },
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      minZoom: 1,
      maxZoom: 1
    });

    var size = place(cy, graph);
    container.style.width = size.width + 'px';
    container.style.height = size.height + 'px';
    cy.resize();
    cy.zoom(1);
    cy.pan({ x: 0, y: 0 });

    cy.on('tap', 'node', function (event) { select(cy, graph, nodesById, event.target.id(), false); });
    cy.on('tap', function (event) {
      if (event.target === cy) { clear(cy); }
    });

    document.querySelectorAll('.node-select').forEach(function (button) {
      button.hidden = false;
      var name = button.parentNode.querySelector('.node-name');
      if (name) { name.hidden = true; }
      button.addEventListener('click', function () {
        select(cy, graph, nodesById, button.getAttribute('data-node'), true);
      });
    });

    var focus = container.getAttribute('data-focus');
    if (focus) {
      select(cy, graph, nodesById, focus, false);
    }

    cy.one('render', function () {
      container.setAttribute('data-highlighted', String(cy.nodes('.holds').length));
      container.setAttribute('data-fired', String(cy.edges('.fired').length));
      container.setAttribute('data-ready', 'true');
    });
    cy.forceRender();
  }

  /*
   * Heights follow each label's wrapped text; x follows the column; within a column each box sits as near as it can
   * to the mean height of its premises, without overlapping the box above (conditions are simply stacked).
   */
  function place(cy, graph) {
    var columns = [];
    graph.nodes.forEach(function (n) {
      (columns[n.layer] = columns[n.layer] || []).push(n);
    });
    var heights = {};
    cy.nodes().forEach(function (node) {
      var box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      var h = Math.max(34, Math.ceil(box.h) + 16);
      heights[node.id()] = h;
      node.data('h', h);
    });
    var premises = {};
    graph.edges.forEach(function (e) {
      (premises[e.target] = premises[e.target] || []).push(e.source);
    });
    var centre = {};
    var bottom = 0;
    columns.forEach(function (column, layer) {
      column.sort(function (a, b) { return a.order - b.order; });
      var x = PADDING + layer * (NODE_WIDTH + COLUMN_GAP) + NODE_WIDTH / 2;
      var next = PADDING;
      column.forEach(function (n) {
        var h = heights[n.id];
        var wanted = next;
        var ps = (premises[n.id] || []).filter(function (p) { return centre[p] !== undefined; });
        if (layer > 0 && ps.length > 0) {
          var mean = ps.reduce(function (sum, p) { return sum + centre[p]; }, 0) / ps.length;
          wanted = Math.max(next, mean - h / 2);
        }
        centre[n.id] = wanted + h / 2;
        cy.getElementById(n.id).position({ x: x, y: centre[n.id] });
        next = wanted + h + ROW_GAP;
        bottom = Math.max(bottom, next);
      });
    });
    return {
      width: PADDING * 2 + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP,
      height: bottom + PADDING
    };
  }

  function select(cy, graph, nodesById, id, fromKeyboard) {
    var node = cy.getElementById(id);
    if (node.empty()) {
      return;
    }
    clear(cy);
    node.addClass('selected');
    node.connectedEdges().addClass('linked');
    // Everything else steps back, so that the box's rules stand out in a dense graph.
    cy.elements().difference(node.closedNeighborhood()).addClass('dimmed');
    fillPanel(graph, nodesById, id);
    var scroller = container.parentNode;
    var p = node.position();
    var box = scroller.getBoundingClientRect();
    var visible = p.x >= scroller.scrollLeft && p.x <= scroller.scrollLeft + box.width
      && p.y >= scroller.scrollTop && p.y <= scroller.scrollTop + box.height;
    if (!visible) {
      scroller.scrollTo({
        left: Math.max(0, p.x - scroller.clientWidth / 2),
        top: Math.max(0, p.y - scroller.clientHeight / 2)
      });
    }
    if (fromKeyboard) {
      // Keyboard and screen reader users chose from the text view: take them to what they asked for.
      panelTitle.focus();
    }
  }

  function clear(cy) {
    cy.elements().removeClass('selected linked dimmed');
  }

  function fillPanel(graph, nodesById, id) {
    var n = nodesById[id];
    var incoming = group(graph.edges.filter(function (e) { return e.target === id; }));
    var outgoing = group(graph.edges.filter(function (e) { return e.source === id; }));
    panel.textContent = '';
    panelTitle.textContent = n.title;
    var meta = el('p', 'panel-meta', kindLabel(n.kind) + ' · ' + n.themeTitle + (n.context ? ' (another theme)' : ''));
    panel.appendChild(meta);
    if (n.value != null) {
      panel.appendChild(el('p', null, 'Answer: ' + n.value));
    }
    if (n.holds != null) {
      panel.appendChild(el('p', 'panel-state', n.kind === 'condition'
        ? (n.holds ? 'Read by a rule that fired.' : 'No rule that fired reads it.')
        : (n.holds ? 'Holds in this scenario.' : 'Does not hold in this scenario.')));
    }
    section(graph, nodesById, incoming, n.kind === 'condition' ? null : 'Produced by', 'source');
    section(graph, nodesById, outgoing, 'Leads on through', 'target');
    var link = el('a', null, 'In the text view');
    link.href = '#node-' + id;
    panel.appendChild(el('p', null)).appendChild(link);
  }

  function section(graph, nodesById, groups, heading, other) {
    if (!heading || groups.length === 0) {
      return;
    }
    panel.appendChild(el('h3', null, heading));
    var list = panel.appendChild(el('ul', 'panel-rules'));
    groups.forEach(function (g) {
      var rule = graph.rules[g.rule];
      var item = list.appendChild(el('li', g.fired ? 'fired' : null));
      var head = item.appendChild(el('p', 'rule-claim'));
      var a = head.appendChild(el('a', 'rule-id', rule.id));
      a.href = rulesUrl + '#' + encodeURIComponent(rule.id);
      head.appendChild(document.createTextNode(' ' + rule.claim + ' '));
      head.appendChild(el('span', 'strength strength-' + rule.strength, rule.strength));
      if (g.fired) {
        head.appendChild(el('span', 'fired-mark', ' fired'));
      }
      var quote = item.appendChild(el('blockquote', 'quote'));
      quote.appendChild(el('p', null, '“' + rule.quote + '”'));
      var footer = quote.appendChild(el('footer', null, 'Shiriyev (2019), '));
      footer.appendChild(el('cite', null, rule.source));
      var ends = g.edges.map(function (e) {
        var t = nodesById[e[other]] ? nodesById[e[other]].title : e[other];
        return (e.negated ? (other === 'source' ? 'unless ' : '(when it does not hold) ') : '') + t;
      });
      item.appendChild(el('p', 'panel-ends', (other === 'source' ? 'From: ' : 'To: ') + ends.join('; ')));
    });
  }

  function group(edges) {
    var byRule = {};
    var order = [];
    edges.forEach(function (e) {
      if (!byRule[e.rule]) {
        byRule[e.rule] = { rule: e.rule, fired: e.fired, edges: [] };
        order.push(e.rule);
      }
      byRule[e.rule].edges.push(e);
    });
    return order.map(function (r) { return byRule[r]; });
  }

  function kindLabel(kind) {
    return { condition: 'Condition', effect: 'Effect', risk: 'Risk', recommendation: 'Recommendation',
      disputed: 'Belief the paper disputes' }[kind] || kind;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text != null) { e.textContent = text; }
    return e;
  }

  function style() {
    var kinds = {
      condition: ['#eef1f5', '#4a5561'],
      effect: ['#e3ecf7', '#1f3a5f'],
      risk: ['#fbe9eb', '#b00020'],
      recommendation: ['#e6f2ea', '#17603a'],
      disputed: ['#fdf0e0', '#8a4b00']
    };
    var s = [
      { selector: 'node', style: {
        'shape': 'round-rectangle', 'width': NODE_WIDTH, 'height': 'data(h)',
        'label': 'data(label)', 'text-wrap': 'wrap', 'text-max-width': NODE_WIDTH - 20,
        'text-valign': 'center', 'text-halign': 'center', 'font-size': 13, 'line-height': 1.25,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
        'color': '#1b1f24', 'border-width': 1.5 } },
      { selector: 'edge', style: {
        'curve-style': 'bezier', 'width': 1.3, 'line-color': '#8795a5', 'target-arrow-color': '#8795a5',
        'target-arrow-shape': 'triangle', 'arrow-scale': 0.9,
        'label': 'data(rule)', 'font-size': 10, 'color': '#33404d', 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 1,
        'font-family': 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' } },
      { selector: 'edge.unless', style: { 'line-style': 'dashed' } },
      { selector: 'node.context', style: { 'border-style': 'dashed' } },
      { selector: 'node.faded', style: { 'opacity': 0.4 } },
      { selector: 'edge.faded', style: { 'opacity': 0.22 } },
      { selector: 'node.holds', style: { 'border-width': 4, 'font-weight': 'bold' } },
      { selector: 'edge.fired', style: { 'width': 3, 'line-color': '#1f3a5f', 'target-arrow-color': '#1f3a5f',
        'color': '#1b1f24', 'font-weight': 'bold', 'z-index': 5 } },
      { selector: 'edge.linked', style: { 'width': 3, 'line-color': '#0b4f9c', 'target-arrow-color': '#0b4f9c',
        'opacity': 1, 'z-index': 9, 'font-size': 11, 'font-weight': 'bold' } },
      { selector: '.dimmed', style: { 'opacity': 0.12 } },
      { selector: 'node.selected', style: { 'border-width': 5, 'border-color': '#ffbf47', 'opacity': 1,
        'overlay-color': '#ffbf47', 'overlay-opacity': 0.12, 'overlay-padding': 6 } }
    ];
    Object.keys(kinds).forEach(function (k) {
      s.splice(2, 0, { selector: 'node.' + k, style: { 'background-color': kinds[k][0], 'border-color': kinds[k][1] } });
    });
    return s;
  }
})();
