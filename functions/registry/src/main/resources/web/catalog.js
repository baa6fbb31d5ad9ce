// The web catalog's only script, an enhancement: the pages work without it. It searches as the user
// types (fetching the same server-rendered page and swapping in its results) and adds copy buttons to
// the connection snippets. It never builds markup from strings: nodes come from the server's escaped HTML.
(function () {
  'use strict';

  function searchAsYouType(form) {
    var results = document.getElementById('results');
    var status = document.getElementById('status');
    if (!results || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
      return;
    }
    var timer = 0;
    var controller = null;
    var latest = 0;

    function url() {
      var params = new URLSearchParams();
      var data = new FormData(form);
      data.forEach(function (value, key) {
        if (typeof value === 'string' && value.trim() !== '') {
          params.append(key, value.trim());
        }
      });
      var query = params.toString();
      return form.getAttribute('action') + (query ? '?' + query : '');
    }

    function run() {
      var target = url();
      var ticket = ++latest;
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(target, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin',
        signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (ticket !== latest) {
            return;
          }
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.getElementById('results');
          if (!fresh) {
            return;
          }
          results.replaceWith(document.adoptNode(fresh));
          results = fresh;
          var total = document.getElementById('total');
          if (status && total) {
            status.textContent = total.textContent;
          }
          if (window.history && history.replaceState) {
            history.replaceState(null, '', target);
          }
        })
        .catch(function () { /* a newer search replaced this one, or the network failed: keep the list */ });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 200);
    }

    form.addEventListener('input', function (event) {
      if (event.target && event.target.tagName === 'INPUT') {
        later();
      }
    });
    form.addEventListener('change', function (event) {
      if (event.target && event.target.tagName === 'SELECT') {
        run();
      }
    });
  }

  function copyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll('pre[data-copy]').forEach(function (pre) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.textContent = 'Copy';
      var label = pre.getAttribute('aria-labelledby');
      var labelNode = label ? document.getElementById(label) : null;
      button.setAttribute('aria-label', 'Copy ' + (labelNode ? labelNode.textContent : 'snippet'));
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(pre.textContent).then(function () {
          button.textContent = 'Copied';
          window.setTimeout(function () { button.textContent = 'Copy'; }, 1500);
        });
      });
      pre.parentNode.insertBefore(button, pre);
    });
  }

  function start() {
    var form = document.getElementById('search');
    if (form) {
      searchAsYouType(form);
    }
    copyButtons();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
