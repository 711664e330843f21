// Issue 14: the meeting must survive the chair's laptop losing its connection for a minute.
// A meeting form marked with data-offline-key is sent with fetch; if the network is down, what was
// typed is kept in this browser's localStorage (keyed by conference, form and the versions the form
// was loaded with), a notice says it is not saved yet, and it is sent again when the browser is back
// online. Once the server answers, the copy is cleared and the server's page is shown, whatever it
// says: a stale save is still refused by the server's version check, with what was typed kept.
// Progressive enhancement only: without JavaScript the forms post as ever.

const PREFIX = 'convene-offline:';

const storage = (() => {
  try {
    const probe = `${PREFIX}probe`;
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return null; // private mode or storage disabled: the form simply posts as usual
  }
})();

const notice = document.querySelector('[data-offline-notice]');
const message = notice ? notice.querySelector('[data-offline-message]') : null;

function say(text) {
  if (!notice) return;
  if (message) message.textContent = text;
  notice.hidden = false;
  const banner = notice.querySelector('.govuk-notification-banner');
  if (banner) {
    banner.setAttribute('tabindex', '-1');
    banner.focus();
  }
}

function hush() {
  if (notice) notice.hidden = true;
}

/** Shows the server's answer: a redirect is followed by the browser itself; a refusal's page replaces this one. */
async function show(response) {
  if (response.redirected) {
    window.location.assign(response.url);
    return;
  }
  const html = await response.text();
  document.open();
  document.write(html);
  document.close();
}

function pairsOf(form) {
  const pairs = [];
  for (const [name, value] of new window.FormData(form).entries()) if (typeof value === 'string') pairs.push([name, value]);
  return pairs;
}

/** Fields the page itself owns: its fresh CSRF token, and the list of rows a table form shows. */
const OWN_FIELDS = new Set(['_csrf', 'rows']);

/** Puts kept values back in the form, ticks and all; a name used by several fields is filled in order. */
function restore(form, pairs) {
  const byName = new Map();
  for (const [name, value] of pairs) {
    if (OWN_FIELDS.has(name)) continue;
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push(value);
  }
  const used = new Map();
  for (const field of form.elements) {
    if (!field.name || OWN_FIELDS.has(field.name)) continue;
    const values = byName.get(field.name);
    if (field.type === 'checkbox' || field.type === 'radio') {
      field.checked = Boolean(values && values.includes(field.value));
      const controlled = field.getAttribute('data-aria-controls');
      const conditional = controlled ? document.getElementById(controlled) : null;
      if (conditional) {
        conditional.classList.toggle('govuk-radios__conditional--hidden', !field.checked);
        conditional.classList.toggle('govuk-checkboxes__conditional--hidden', !field.checked);
      }
    } else if (values && field.tagName !== 'BUTTON') {
      const at = used.get(field.name) || 0;
      if (at < values.length) field.value = values[at];
      used.set(field.name, at + 1);
    }
  }
}

for (const form of document.querySelectorAll('form[data-offline-key]')) {
  if (!storage || !window.fetch) continue;
  const key = PREFIX + form.dataset.offlineKey;
  const action = form.action;
  let pending = null;
  let sending = false;

  const keep = (pairs) => storage.setItem(key, JSON.stringify({ action, pairs, keptAt: new Date().toISOString() }));
  const clear = () => {
    storage.removeItem(key);
    pending = null;
  };

  async function send(pairs) {
    if (sending) return;
    sending = true;
    let response;
    try {
      response = await window.fetch(action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new window.URLSearchParams(pairs),
      });
    } catch {
      // The network is down (fetch rejects only then): keep it and wait for the connection.
      sending = false;
      pending = pairs;
      keep(pairs);
      say('Not saved yet — will retry when you are back online.');
      return;
    }
    sending = false;
    clear();
    await show(response);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(pairsOf(form));
  });

  window.addEventListener('online', () => {
    if (pending) {
      say('Back online: saving what you typed…');
      void send(pending);
    }
  });

  // What was typed on this form before the connection went (or the laptop was closed) is put back.
  // Another version of the same form (someone saved meanwhile) is restored too, with the versions it
  // was typed against, so the server's check refuses it rather than overwrite their save unseen.
  let kept = storage.getItem(key);
  if (!kept) {
    for (let i = 0; i < storage.length; i += 1) {
      const other = storage.key(i);
      if (!other || !other.startsWith(PREFIX)) continue;
      try {
        if (JSON.parse(storage.getItem(other) || '{}').action === action) {
          kept = storage.getItem(other);
          storage.removeItem(other);
          storage.setItem(key, kept);
          break;
        }
      } catch {
        storage.removeItem(other);
      }
    }
  }
  if (kept) {
    try {
      const { pairs } = JSON.parse(kept);
      restore(form, pairs);
      pending = pairs;
      say(window.navigator.onLine
        ? 'What you typed before the connection was lost is put back below. It is not saved yet: save it now.'
        : 'What you typed before the connection was lost is put back below. Not saved yet — will retry when you are back online.');
    } catch {
      clear();
      hush();
    }
  }
}
