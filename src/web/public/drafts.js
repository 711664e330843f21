// Issue 14: a long form (a report, the conference record, an outline plan) keeps what its author
// types as a draft on the server, a couple of seconds after they stop typing, so nothing is lost
// when a session ends, a laptop dies or a tab is closed. The form is marked with data-draft-url.
// Progressive enhancement only: without JavaScript the form works as ever.

const WAIT_MS = 2000;

for (const form of document.querySelectorAll('form[data-draft-url]')) {
  const url = form.dataset.draftUrl;
  const status = form.querySelector('[data-draft-status]');
  let timer = null;
  let changed = false;
  let submitting = false;

  const fields = () => {
    const data = new window.FormData(form);
    // An unticked box is not sent by a form: send it blank, so the restored draft shows it unticked.
    for (const box of form.querySelectorAll('input[type="checkbox"][name]')) {
      if (!data.has(box.name)) data.append(box.name, '');
    }
    const out = new window.URLSearchParams();
    for (const [name, value] of data.entries()) if (typeof value === 'string') out.append(name, value);
    return out;
  };

  const say = (text) => {
    if (status) status.textContent = text;
  };

  const save = async () => {
    timer = null;
    if (!changed || submitting) return;
    changed = false;
    try {
      const response = await window.fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: fields(),
      });
      if (!response.ok) throw new Error(String(response.status));
      const answer = await response.json();
      say(`Draft saved at ${answer.savedAtText}`);
      document.dispatchEvent(new window.CustomEvent('convene:session-touched'));
    } catch {
      changed = true;
      say('Your draft could not be saved just now. Keep this page open and save the form when you can.');
    }
  };

  const later = () => {
    changed = true;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(save, WAIT_MS);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
  form.addEventListener('submit', () => {
    submitting = true;
    if (timer) window.clearTimeout(timer);
  });
  // Leaving the page with typing not yet kept: send it as the page goes.
  window.addEventListener('pagehide', () => {
    if (changed && !submitting && window.navigator.sendBeacon) window.navigator.sendBeacon(url, fields());
  });
}
