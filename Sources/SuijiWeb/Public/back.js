// Suiji: the error page's "返回上一页" link goes back in the history (a script file, as the
// content security policy allows no inline code); without a history it stays hidden.
(function () {
  'use strict';
  if (window.history.length < 2) { return; }
  document.querySelectorAll('[data-back]').forEach(function (wrap) {
    wrap.hidden = false;
    wrap.querySelector('a').addEventListener('click', function (event) {
      event.preventDefault();
      window.history.back();
    });
  });
})();
