// Suiji: inspection entries made in the field are kept in the browser when the connection is
// lost and sent when it returns. Forms marked data-offline are posted with fetch; a network
// failure queues the form's fields in localStorage (per browser, never on the server).
(function () {
  'use strict';
  var KEY = 'suiji-offline-drafts';

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { return []; }
  }
  function save(list) { localStorage.setItem(KEY, JSON.stringify(list)); }
  function fieldsOf(form) {
    var out = [];
    new FormData(form).forEach(function (value, name) { if (typeof value === 'string') { out.push([name, value]); } });
    return out;
  }
  function encode(fields) {
    return fields.map(function (p) { return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]); }).join('&');
  }
  function banner(text, kind) {
    var el = document.getElementById('offline-status');
    if (!el) { return; }
    el.textContent = text;
    el.className = kind || 'notice';
    el.hidden = !text;
  }
  function showPending() {
    var n = load().length;
    if (n > 0) {
      banner((navigator.onLine ? '正在发送' : '网络未连接：') + '本机保存了 ' + n + ' 条待发送的录入草稿，联网后将自动发送。', 'alert');
    }
  }
  function post(draft) {
    return fetch(draft.action, {
      method: 'POST', credentials: 'same-origin', redirect: 'follow',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: encode(draft.fields)
    });
  }

  // A session that ended (idle timeout, logout elsewhere) answers 401/403, or redirects to the
  // login page: the draft is kept, never counted as sent.
  function expired(response) {
    return response.status === 401 || response.status === 403 || (response.redirected && /\/login(\?|$)/.test(response.url));
  }

  var flushing = false;
  function flush() {
    var queue = load();
    if (flushing || queue.length === 0 || !navigator.onLine) { showPending(); return; }
    flushing = true;
    var sent = 0;
    var rejected = [];
    (function next() {
      var draft = load()[0];
      if (!draft) { return finish(); }
      post(draft).then(function (response) {
        if (expired(response)) { return finish('登录已过期：请重新登录，草稿仍保存在本机。'); }
        if (!response.ok) { rejected.push(draft.title); } else { sent += 1; }
        save(load().slice(1));
        next();
      }, function () { finish(); });
    })();
    function finish(message) {
      flushing = false;
      if (message) { banner(message, 'alert'); return; }
      if (load().length > 0) { showPending(); return; }
      var text = '已发送本机保存的 ' + sent + ' 条录入草稿。';
      if (rejected.length) { text += '以下录入未通过校验，请重新录入：' + rejected.join('、'); }
      banner(text, rejected.length ? 'alert' : 'ok');
      if (sent > 0 && !rejected.length) { setTimeout(function () { location.reload(); }, 800); }
    }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-offline') || !window.fetch) { return; }
    event.preventDefault();
    var draft = { action: form.getAttribute('action'), title: form.getAttribute('data-offline') || '录入', fields: fieldsOf(form), at: new Date().toISOString() };
    function queue() {
      var list = load();
      list.push(draft);
      save(list);
      banner('网络未连接：“' + draft.title + '”已保存在本机（共 ' + list.length + ' 条待发送），联网后将自动发送。', 'alert');
    }
    if (!navigator.onLine) { queue(); return; }
    post(draft).then(function (response) {
      if (expired(response)) {
        queue();
        banner('登录已过期：“' + draft.title + '”已保存在本机，请重新登录，登录后将自动发送。', 'alert');
        if (response.redirected) {
          var back = '/login?next=' + encodeURIComponent(location.pathname + location.search);
          setTimeout(function () { location.href = back; }, 1500);
        }
        return;
      }
      return response.text().then(function (html) {
        if (response.ok && response.redirected) { location.href = response.url; return; }
        document.open(); document.write(html); document.close();
      });
    }, queue);
  });
  window.addEventListener('online', flush);
  window.addEventListener('offline', showPending);
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', flush); } else { flush(); }
})();
