// The Menagerie web console: polls the JSON under /console/api and draws it. No library, no build step.
'use strict';

const API = '/console/api/';
const AUTH_KEY = 'menagerie.console.authorization';
const POLL_MS = 1000;
const RUNTIME_POLL_MS = 5000;
/** Stat fields in epoch milliseconds, shown as dates too. */
const TIME_FIELDS = new Set(['ctime', 'mtime']);

function authorization() {
  return sessionStorage.getItem(AUTH_KEY);
}

async function api(name, options = {}) {
  const headers = Object.assign({}, options.headers);
  const auth = authorization();
  if (auth) {
    headers.Authorization = auth;
  }
  const response = await fetch(API + name, Object.assign({}, options, { headers }));
  const body = await response.json();
  return { status: response.status, body };
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    tr.appendChild(cell instanceof Node ? wrap(cell) : element('td', cell));
  }
  return tr;
}

function wrap(child) {
  const td = document.createElement('td');
  td.appendChild(child);
  return td;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

// ---- ensemble

function describeElection(election) {
  if (!election || election.elections === 0) {
    return 'none';
  }
  let text = election.elections + ' so far';
  if (election.last_ms !== null) {
    text += ', last took ' + election.last_ms + ' ms';
  }
  if (election.finished_at_ms !== null) {
    text += ', finished ' + new Date(election.finished_at_ms).toLocaleTimeString();
  }
  return text;
}

async function refreshEnsemble() {
  const { body } = await api('ensemble');
  document.getElementById('version').textContent = body.version || '';
  document.getElementById('mode').textContent = body.mode;
  document.getElementById('zxid').textContent = body.zxid || '–';
  document.getElementById('leader').textContent = body.leader_id === null || body.leader_id === undefined
    ? '–' : body.leader_id;
  document.getElementById('zab').textContent = body.zab_state || '–';
  document.getElementById('connections').textContent = body.connections || 0;
  document.getElementById('election').textContent = describeElection(body.election);
  fill(document.querySelector('#members tbody'), body.members.map(member => {
    const tr = row([member.id === null ? '–' : member.id, member.address, member.type, member.mode || '?',
      member.zxid || '?', member.lag === null ? '?' : member.lag, member.error || '']);
    tr.dataset.id = member.id === null ? '' : member.id;
    if (member.self) {
      tr.classList.add('self');
    }
    return tr;
  }));
}

// ---- charts

function drawChart(canvas, values) {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  const numbers = values.filter(value => value !== null);
  canvas.dataset.points = String(numbers.length);
  if (numbers.length === 0) {
    return;
  }
  const top = Math.max(1, ...numbers) * 1.1;
  context.strokeStyle = '#2d4a3e';
  context.lineWidth = 1.5;
  context.beginPath();
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = values.length === 1 ? width / 2 : index * (width - 1) / (values.length - 1);
    const y = height - 1 - value / top * (height - 2);
    if (drawing) {
      context.lineTo(x, y);
    } else {
      context.moveTo(x, y);
      drawing = true;
    }
  });
  context.stroke();
  context.fillStyle = '#666';
  context.fillText(top.toFixed(top < 10 ? 1 : 0), 2, 10);
}

function latest(values) {
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      return values[i];
    }
  }
  return null;
}

function show(id, value, digits) {
  document.getElementById(id).textContent = value === null ? '–' : value.toFixed(digits);
}

async function refreshCharts() {
  const { body } = await api('charts');
  const ops = body.samples.map(sample => sample.ops);
  const latency = body.samples.map(sample => sample.latency_ms);
  const outstanding = body.samples.map(sample => sample.outstanding);
  drawChart(document.getElementById('chart-ops'), ops);
  drawChart(document.getElementById('chart-latency'), latency);
  drawChart(document.getElementById('chart-outstanding'), outstanding);
  show('ops-now', latest(ops), 1);
  show('latency-now', latest(latency), 2);
  show('outstanding-now', latest(outstanding), 0);
}

// ---- bundles and strategies

function switcher(strategy) {
  const span = document.createElement('span');
  if (strategy.switch_refused) {
    span.textContent = strategy.switch_refused;
    return span;
  }
  const select = element('select', null, 'type');
  for (const implementation of strategy.implementations) {
    const option = element('option', implementation.type);
    option.value = implementation.type;
    option.selected = implementation.type === strategy.chosen;
    select.appendChild(option);
  }
  const button = element('button', 'Switch', 'switch');
  button.type = 'button';
  button.addEventListener('click', () => switchStrategy(strategy.role, select.value));
  span.append(select, button);
  return span;
}

async function refreshRuntime() {
  const { body } = await api('runtime');
  fill(document.querySelector('#bundles tbody'), body.bundles.map(bundle =>
    row([bundle.id, bundle.symbolic_name, bundle.version, bundle.state])));
  fill(document.querySelector('#strategies tbody'), body.strategies.map(strategy => {
    const installed = strategy.implementations.map(implementation => implementation.type + ' ('
      + implementation.bundle + (implementation.in_use ? ', in use' : '') + ')').join('; ');
    const tr = row([strategy.role, strategy.config_key, element('span', strategy.chosen || '–', 'chosen'),
      installed || 'none', switcher(strategy)]);
    tr.dataset.role = strategy.role;
    return tr;
  }));
}

async function switchStrategy(role, type) {
  const result = document.getElementById('switch-result');
  const { status, body } = await api('strategy', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'role=' + encodeURIComponent(role) + '&type=' + encodeURIComponent(type),
  });
  result.className = status === 200 ? '' : 'error';
  if (status === 200) {
    result.textContent = 'Switched: ' + body.message;
  } else if (status === 202) {
    result.textContent = 'Written, not bound yet: ' + body.message;
  } else {
    result.textContent = 'Refused (' + status + '): ' + body.error;
  }
  refreshRuntime();
}

// ---- znode browser

async function openNode(path, item) {
  const { status, body } = await api('node?path=' + encodeURIComponent(path));
  document.getElementById('node-path').textContent = path;
  document.querySelectorAll('#tree a.selected').forEach(a => a.classList.remove('selected'));
  if (item) {
    item.querySelector('a').classList.add('selected');
  }
  const data = document.getElementById('node-data');
  if (status !== 200) {
    data.textContent = body.error;
    return;
  }
  if (!body.data_visible) {
    data.textContent = '(hidden: the ACL does not let anyone read it; sign in to see it)';
  } else {
    data.textContent = body.data_text !== null ? body.data_text : 'base64: ' + body.data_base64;
  }
  fill(document.querySelector('#node-stat tbody'), Object.entries(body.stat).map(([key, value]) =>
    row([key, TIME_FIELDS.has(key) ? new Date(value).toISOString() + ' (' + value + ')' : value])));
  fill(document.querySelector('#node-acl tbody'), body.acl.map(entry =>
    row([entry.scheme + ':' + entry.id, entry.perms])));
  if (item && !item.dataset.expanded) {
    item.dataset.expanded = 'true';
    const list = document.createElement('ul');
    for (const child of body.children) {
      list.appendChild(treeItem(path === '/' ? '/' + child : path + '/' + child, child));
    }
    item.appendChild(list);
  }
}

function treeItem(path, name) {
  const item = document.createElement('li');
  const link = element('a', name, 'node');
  link.dataset.path = path;
  link.addEventListener('click', event => {
    event.stopPropagation();
    openNode(path, item);
  });
  item.appendChild(link);
  return item;
}

// ---- sign-in

async function refreshAccess() {
  const badge = document.getElementById('access');
  if (!authorization()) {
    badge.textContent = 'read-only';
    badge.className = 'badge';
    return;
  }
  const { body } = await api('access');
  badge.textContent = body.access === 'GRANTED' ? 'signed in' : 'refused: ' + body.access;
  badge.className = body.access === 'GRANTED' ? 'badge granted' : 'badge';
}

function setUpLogin() {
  document.getElementById('login').addEventListener('submit', event => {
    event.preventDefault();
    const user = document.getElementById('user').value;
    const password = document.getElementById('password').value;
    sessionStorage.setItem(AUTH_KEY, 'digest ' + user + ':' + password);
    refreshAccess();
  });
  document.getElementById('logout-button').addEventListener('click', () => {
    sessionStorage.removeItem(AUTH_KEY);
    refreshAccess();
  });
}

function every(periodMs, task) {
  const run = () => task().catch(error => console.warn('console refresh failed', error));
  run();
  setInterval(run, periodMs);
}

setUpLogin();
const root = treeItem('/', '/');
document.getElementById('tree').appendChild(root);
openNode('/', root).catch(error => console.warn('cannot read the root node', error));
refreshAccess();
every(POLL_MS, refreshEnsemble);
every(POLL_MS, refreshCharts);
every(RUNTIME_POLL_MS, refreshRuntime);
