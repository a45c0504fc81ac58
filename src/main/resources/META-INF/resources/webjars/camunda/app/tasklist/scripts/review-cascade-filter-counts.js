// review-cascade: a count beside every filter in Tasklist's filter list, loaded by Tasklist as a custom script.
//
// Tasklist counts only the filter that is open; a clerk wants to see at a glance that "Quá hạn" holds two tasks
// while "Việc của tôi" is open. The engine counts each filter the user may read (the filter list with itemCount,
// authorizations applied); the counts are read when the list appears, when the open filter's list
// changes (a task completed or claimed), and every minute, and each is written after the filter's name. The open
// filter keeps Tasklist's own counter, which follows its list at once.
(function filterCounts() {
  const REFRESH_MS = 60_000;
  let counts = new Map();
  let loaded = false;
  let loading = null;
  let timer = null;

  async function load() {
    // Only once signed in, with the list on screen: a request without a session would make the browser ask for a
    // password of its own over the login page.
    if (loading || !document.querySelector('.task-filter')) return loading;
    loading = (async () => {
      try {
        // The webapp's own engine API, with the Tasklist session (the engine's REST API takes a password instead).
        const response = await fetch('/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true'
          + '&firstResult=0&maxResults=2000',
        { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
        if (!response.ok) return;
        counts = new Map((await response.json()).map((filter) => [filter.name, filter.itemCount]));
        write();
      } finally {
        // Read or refused, it is tried again with the next change of the list or the next minute, not at once.
        loaded = true;
        loading = null;
      }
    })();
    return loading;
  }

  function write() {
    document.querySelectorAll('.task-filter h4.name a').forEach((link) => {
      const name = [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent).join('').trim();
      if (!counts.has(name)) return;
      let badge = link.querySelector('.review-cascade-count');
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'review-cascade-count';
        badge.setAttribute('aria-label', 'số việc');
        link.appendChild(badge);
      }
      const text = String(counts.get(name));
      if (badge.textContent !== text) badge.textContent = text;
    });
  }

  function style() {
    const css = document.createElement('style');
    css.textContent = '.task-filter .review-cascade-count { float: right; font-weight: normal; color: #555; }'
      + ' .task-filter.active .review-cascade-count { display: none; }';
    document.head.appendChild(css);
  }

  let lastListCount = null;
  function watch() {
    new MutationObserver(() => {
      // The open filter's counter changed: a task was completed, claimed or created; the others may have too.
      const counter = document.querySelector('.task-filter.active .counter');
      const listCount = counter ? counter.textContent : null;
      if (listCount !== lastListCount || (!loaded && document.querySelector('.task-filter'))) {
        lastListCount = listCount;
        load();
      } else if (document.querySelector('.task-filter h4.name a:not(:has(.review-cascade-count))')) {
        write();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    timer = timer || setInterval(() => { if (!document.hidden) load(); }, REFRESH_MS);
  }

  style();
  watch();
  load();
})();

export default [];
