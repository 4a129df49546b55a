/*
 * The home page (the chart) needs five answers from the API. This asks for them as the page starts
 * loading, as preload hints, while the app's scripts are still on their way; the app's own requests
 * for the same addresses are then answered from these. Other pages load as before.
 */
(function () {
  'use strict';
  if (location.pathname !== '/') return;
  var partnership = new URLSearchParams(location.search).get('partnership');
  var query = partnership ? '?partnership=' + encodeURIComponent(partnership) : '';
  ['/api/gantt' + query, '/api/auth/session' + query, '/api/partnerships', '/api/organisations' + query, '/api/plan-versions' + query].forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
