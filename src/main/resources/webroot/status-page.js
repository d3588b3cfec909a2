// Herald's live status page: polls /status and /health and shows them. Every text from the server is inserted
// with textContent (never as HTML): URLs and host names come from the crawled web and are untrusted.
// Query parameters: every=<ms between polls, default 2000>, hosts=<host rows per page, default 25>.
'use strict';

(function () {
  const params = new URLSearchParams(window.location.search);
  const every = Math.max(100, Number(params.get('every')) || 2000);
  const perPage = Math.max(1, Number(params.get('hosts')) || 25);
  let hostPage = 0;
  let hosts = [];
  let previous = null; // {at, pages, articles} of the last poll, for the rates

  const el = (id) => document.getElementById(id);
  const setText = (id, value) => { el(id).textContent = value === undefined || value === null ? '–' : String(value); };

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = value === undefined || value === null ? '' : String(value);
    row.appendChild(td);
  }

  function duration(ms) {
    const s = Math.floor(ms / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return (h > 0 ? h + 'h ' : '') + (h > 0 || m > 0 ? m + 'm ' : '') + (s % 60) + 's';
  }

  function showProgress(status) {
    const frontier = status.frontier || {};
    setText('pages-fetched', status.pagesFetched);
    setText('articles-written', status.articlesWritten);
    setText('queued', frontier.queued);
    setText('seen', frontier.seen);
    setText('in-flight', frontier.pagesInFlight);
    setText('host-count', frontier.hostCount);
    setText('robots-blocked', frontier.robotsBlocked);
    setText('elapsed', duration(status.elapsedMs || 0));
    setText('rate-average', (status.pagesPerSecond || 0).toFixed(1));
    const total = status.total || {};
    setText('total-runs', total.runs);
    setText('total-pages-fetched', total.pagesFetched);
    setText('total-articles-written', total.articlesWritten);
  }

  function showRates(status) {
    const now = { at: performance.now(), pages: status.pagesFetched, articles: status.articlesWritten };
    if (previous !== null && now.at > previous.at) {
      const seconds = (now.at - previous.at) / 1000;
      setText('rate-pages', ((now.pages - previous.pages) / seconds).toFixed(1));
      setText('rate-articles', ((now.articles - previous.articles) / seconds).toFixed(1));
    }
    previous = now;
  }

  function showHosts() {
    const pages = Math.max(1, Math.ceil(hosts.length / perPage));
    hostPage = Math.min(hostPage, pages - 1);
    const body = el('hosts').tBodies[0];
    const rows = document.createDocumentFragment();
    for (const [name, h] of hosts.slice(hostPage * perPage, (hostPage + 1) * perPage)) {
      const row = document.createElement('tr');
      const robots = h.robots || {};
      cell(row, name);
      cell(row, h.queued);
      cell(row, h.requests);
      cell(row, h.inFlight + ' / ' + h.maxInFlight);
      cell(row, h.delayMs);
      cell(row, robots.state);
      cell(row, h.lastOutcome);
      cell(row, h.consecutiveFailures);
      cell(row, h.skipped);
      rows.appendChild(row);
    }
    body.replaceChildren(rows);
    setText('hosts-page', 'page ' + (hostPage + 1) + ' of ' + pages);
    el('hosts-prev').disabled = hostPage === 0;
    el('hosts-next').disabled = hostPage >= pages - 1;
  }

  function showErrors(errors) {
    const rows = document.createDocumentFragment();
    for (const e of errors || []) {
      const row = document.createElement('tr');
      cell(row, e.at);
      cell(row, e.kind);
      cell(row, e.request);
      cell(row, e.url);
      rows.appendChild(row);
    }
    el('errors').tBodies[0].replaceChildren(rows);
  }

  function showStatus(status) {
    showProgress(status);
    showRates(status);
    const frontier = status.frontier || {};
    hosts = Object.entries(frontier.hosts || {}).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    setText('hosts-note', frontier.hostCount > hosts.length
      ? '(the ' + hosts.length + ' hosts /status lists, of ' + frontier.hostCount + ')' : '');
    showHosts();
    showErrors(status.recentErrors);
  }

  function showHealth(health) {
    const state = String(health.status || 'UNKNOWN');
    setText('health', state);
    el('health').className = state === 'UP' ? 'up' : 'down';
    const failed = (health.checks || []).filter((c) => c.status !== 'UP');
    setText('health-detail', failed.map((c) => c.id + ': ' + (c.data && c.data.reason ? c.data.reason
      : JSON.stringify(c.data || {}))).join('; '));
  }

  // /status answers 503 with the counters when the frontier does not; /health answers 503 when DOWN: both still
  // carry a body worth showing.
  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    return response.json();
  }

  async function poll() {
    try {
      const [status, health] = await Promise.all([getJson('/status'), getJson('/health')]);
      showStatus(status);
      showHealth(health);
      setText('updated', new Date().toLocaleTimeString());
      setText('connection', '');
    } catch (e) {
      setText('connection', '(the crawler does not answer: ' + e.message + ')');
    } finally {
      window.setTimeout(poll, every);
    }
  }

  el('hosts-prev').addEventListener('click', () => { hostPage = Math.max(0, hostPage - 1); showHosts(); });
  el('hosts-next').addEventListener('click', () => { hostPage += 1; showHosts(); });
  poll();
}());
