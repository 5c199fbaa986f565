/*
 * Live updates: the server sends {"session": id, "what": "kinds,of,change"} over /assist/push when
 * something changes on one of the technician's sessions; a page that shows sessions defines a
 * p:remoteCommand named assistLive that reloads what the change touched (the parameters session
 * and what), and everything each time the connection opens (a change may have come before it).
 * One reload runs at a time: notices that come meanwhile are merged into the next one. Reconnects
 * with growing pauses.
 */
(function () {
  var body = document.body;
  var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + body.getAttribute('data-push');
  var delay = 1000;
  var running = 0; // when the reload in progress started
  var next = null; // {session, what}; a null session or what means everything

  function merge(a, b) {
    if (!a) {
      return b;
    }
    if (a.session === null || b.session === null || a.session !== b.session || !a.what || !b.what) {
      return {session: null, what: null};
    }
    var whats = a.what.split(',');
    b.what.split(',').forEach(function (what) {
      if (whats.indexOf(what) < 0) {
        whats.push(what);
      }
    });
    return {session: a.session, what: whats.join(',')};
  }

  function reload(change) {
    if (!window.assistLive) {
      return;
    }
    // (a reload that never answered does not hold the others back for long)
    if (running && Date.now() - running < 10000) {
      next = merge(next, change);
      return;
    }
    running = Date.now();
    var request = null;
    try {
      request = change.session === null
          ? window.assistLive()
          : window.assistLive([{name: 'session', value: change.session}, {name: 'what', value: change.what}]);
    } catch (e) {
      request = null;
    }
    var done = function () {
      running = 0;
      if (next) {
        var change = next;
        next = null;
        reload(change);
      }
    };
    if (request && request.always) {
      request.always(done);
    } else {
      done();
    }
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.onopen = function () {
      delay = 1000;
      // whatever changed between the page's rendering (or a lost connection) and now
      reload({session: null, what: null});
      body.setAttribute('data-live', 'open');
    };
    socket.onmessage = function (event) {
      var notice = JSON.parse(event.data);
      reload({session: notice.session, what: notice.what});
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
