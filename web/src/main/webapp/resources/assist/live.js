/*
 * Live updates over /assist/push, about the technician's sessions. A new chat line comes whole,
 * {"session": id, "lines": [...]}, and the session's page adds it to its chat (Assist.addLines).
 * Any other change comes as a notice, {"session": id, "what": "kinds,of,change"}: a page that shows
 * sessions defines a p:remoteCommand named assistLive that reloads what the change touched (the
 * parameters session and what), and everything each time the connection opens (a change may have
 * come before it). One reload runs at a time: notices that come meanwhile are merged into the next
 * one. Reconnects with growing pauses.
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
      setTimeout(offerCredentials, 0);
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

  // once a customer allowed a log-in as another user, its dialog opens by itself: once, until the
  // session's "Type credentials" button is gone again (logged in, refused, logged off)
  var offered = {};
  function offerCredentials() {
    var present = {};
    document.querySelectorAll('.offer-credentials').forEach(function (button) {
      var session = button.getAttribute('data-session');
      present[session] = true;
      if (!offered[session] && !button.disabled && !button.classList.contains('ui-state-disabled')) {
        offered[session] = true;
        button.click();
      }
    });
    Object.keys(offered).forEach(function (session) {
      if (!present[session]) {
        delete offered[session];
      }
    });
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
      window.Assist.news(notice.session);
      if (notice.lines) {
        window.Assist.addLines(notice.session, notice.lines);
      } else {
        reload({session: notice.session, what: notice.what});
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

window.Assist = window.Assist || {};

/*
 * A session's chat, drawn here and only here: the lines the page came with (the feed's data-lines,
 * drawn again each time the feed is re-rendered) and the lines pushed since, text always as text,
 * each line once (by its id). A reload of the chat (when the page's connection opens, or after the
 * technician writes) may have been read before a line pushed meanwhile: the lines of the last 30 s
 * are added again after every reload, where missing.
 */
(function () {
  var recent = []; // {session, line, at}

  function span(parent, className, text) {
    var element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    parent.appendChild(element);
  }

  function draw(line) {
    var item = document.createElement('div');
    item.className = 'feed-item feed-' + line.kind + ' ' + (line.stderr ? 'stderr' : 'stdout');
    item.setAttribute('data-line', line.id);
    var space = function (text) {
      item.appendChild(document.createTextNode(text));
    };
    if (line.kind === 'technician' || line.kind === 'customer') {
      span(item, 'who', line.who);
      space(' ');
      span(item, 'text', line.text);
    } else if (line.kind === 'started') {
      span(item, 'pi pi-play', '');
      space(' ');
      span(item, 'who', line.who);
      space(' ');
      span(item, 'sha', line.text);
    } else if (line.kind === 'output') {
      var pre = document.createElement('pre');
      pre.className = 'output';
      pre.textContent = line.text;
      item.appendChild(pre);
    } else if (line.kind === 'more') {
      span(item, 'muted', line.text);
    } else {
      span(item, 'pi ' + (line.stderr ? 'pi-times-circle' : 'pi-check-circle'), '');
      space(' ');
      span(item, 'who', line.who);
      space(': ');
      span(item, 'ending', line.text);
    }
    return item;
  }

  function add(feed, lines) {
    // a technician reading older lines is not pulled down to the new ones
    var atBottom = feed.scrollHeight - feed.scrollTop - feed.clientHeight < 40;
    var added = false;
    lines.forEach(function (line) {
      if (!feed.querySelector('[data-line="' + CSS.escape(line.id) + '"]')) {
        var empty = feed.querySelector('.empty-state');
        if (empty) {
          empty.remove();
        }
        feed.appendChild(draw(line));
        added = true;
      }
    });
    if (added && atBottom) {
      feed.scrollTop = feed.scrollHeight;
    }
  }

  function feedOf(session) {
    return document.querySelector('.feed[data-session="' + Number(session) + '"]');
  }

  /* Draws every feed the page has not drawn yet (a new page, or a feed just re-rendered). */
  window.Assist.drawFeeds = function () {
    document.querySelectorAll('.feed[data-lines]:not([data-drawn])').forEach(function (feed) {
      feed.setAttribute('data-drawn', 'true');
      var lines = JSON.parse(feed.getAttribute('data-lines'));
      if (lines.length === 0) {
        var empty = document.createElement('p');
        empty.className = 'empty-state';
        empty.textContent = feed.getAttribute('data-empty');
        feed.appendChild(empty);
      }
      add(feed, lines);
      feed.scrollTop = feed.scrollHeight;
    });
    recent.forEach(function (entry) {
      var feed = feedOf(entry.session);
      if (feed) {
        add(feed, [entry.line]);
      }
    });
  };

  window.Assist.addLines = function (session, lines) {
    var now = Date.now();
    recent = recent.filter(function (entry) {
      return now - entry.at < 30000;
    });
    lines.forEach(function (line) {
      recent.push({session: session, line: line, at: now});
    });
    var feed = feedOf(session);
    if (feed) {
      add(feed, lines);
    }
  };

  document.addEventListener('DOMContentLoaded', window.Assist.drawFeeds);
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', window.Assist.drawFeeds);
  }
})();

/*
 * PrimeFaces 15's p:selectOneMenu records the value to go back to only once its opening animation
 * has ended: a menu closed sooner (a second click, Escape) made it fail with "Cannot read
 * properties of undefined (reading 'index')". Until PrimeFaces fixes it, the value to go back to is
 * the one selected when the menu is closed.
 */
document.addEventListener('DOMContentLoaded', function () {
  var menu = window.PrimeFaces && PrimeFaces.widget && PrimeFaces.widget.SelectOneMenu;
  if (menu && !menu.prototype.assistRevertGuard) {
    var revert = menu.prototype.revert;
    menu.prototype.revert = function () {
      if (!this.preShowValue) {
        this.preShowValue = this.options.filter(':selected');
      }
      return revert.apply(this, arguments);
    };
    menu.prototype.assistRevertGuard = true;
  }
});

/*
 * The multi-session window: a tab whose session changed (a chat line, a consent answer, a run's
 * progress or end) while another tab was in view shows a badge with how many changes it missed;
 * showing the tab clears it. Kept across re-renders of the tabs.
 */
(function () {
  var missed = {}; // session id -> changes missed
  function tabOf(session) {
    return document.querySelector('li.session-tab-' + Number(session));
  }
  function inView(tab) {
    return tab.classList.contains('ui-state-active') || tab.classList.contains('ui-tabs-selected');
  }
  function paint() {
    Object.keys(missed).forEach(function (session) {
      var tab = tabOf(session);
      if (!tab || inView(tab)) {
        delete missed[session];
      }
    });
    document.querySelectorAll('li.session-tab').forEach(function (tab) {
      var session = (tab.className.match(/session-tab-(\d+)/) || [])[1];
      if (session && missed[session]) {
        tab.setAttribute('data-news', missed[session]);
      } else {
        tab.removeAttribute('data-news');
      }
    });
  }
  window.Assist.news = function (session) {
    var tab = tabOf(session);
    if (tab && !inView(tab)) {
      missed[session] = (missed[session] || 0) + 1;
      paint();
    }
  };
  window.Assist.newsSeen = paint;
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', paint);
  }
})();
