/*
 * Live updates: the server sends {"session": id, "what": ...} over /assist/push when something
 * changes on one of the technician's sessions; a page that shows sessions defines a
 * p:remoteCommand named assistLive that reloads them, also each time the connection opens (a change
 * may have come before it). Reconnects with growing pauses.
 */
(function () {
  var body = document.body;
  var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + body.getAttribute('data-push');
  var delay = 1000;
  function connect() {
    var socket = new WebSocket(url);
    socket.onopen = function () {
      delay = 1000;
      // whatever changed between the page's rendering (or a lost connection) and now
      if (window.assistLive) {
        window.assistLive();
      }
      body.setAttribute('data-live', 'open');
    };
    socket.onmessage = function (event) {
      var notice = JSON.parse(event.data);
      if (window.assistLive) {
        window.assistLive([{name: 'session', value: notice.session}]);
      }
    };
    socket.onclose = function () {
      body.setAttribute('data-live', 'closed');
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();

/* Keeps the session's chat scrolled to its newest line. */
window.Assist = window.Assist || {};
window.Assist.scrollFeed = function () {
  var feed = document.querySelector('.feed');
  if (feed) {
    feed.scrollTop = feed.scrollHeight;
  }
};
document.addEventListener('DOMContentLoaded', window.Assist.scrollFeed);
