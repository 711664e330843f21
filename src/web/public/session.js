// Issue 14: warn before a signed-in session times out, and keep it going while the person works.
// Progressive enhancement only: without JavaScript the session simply ends after its idle time and
// a long form sent after that is kept as a draft by the server (src/web/drafts.ts).
// The GOV.UK timeout-warning pattern: a modal dialog some minutes before the end, focus moved to
// it, the time left announced politely, "Stay signed in" (or Escape) extends the session, "Sign out"
// signs out; both are ordinary buttons, so the keyboard works.

const body = document.body;
const idleSeconds = Number(body.dataset.sessionIdleSeconds);
const warnSeconds = Number(body.dataset.sessionWarnSeconds);
const remainingAtLoad = Number(body.dataset.sessionRemainingSeconds);
const csrf = document.querySelector('input[name="_csrf"]')?.value;

/** Activity keeps the session going, but at most once a minute (the server writes no more often). */
const EXTEND_AT_MOST_EVERY_MS = 60 * 1000;

if (idleSeconds > 0 && warnSeconds > 0 && csrf) {
  let endsAt = Date.now() + (remainingAtLoad > 0 ? remainingAtLoad : idleSeconds) * 1000;
  let lastExtended = Date.now();
  let dialog = null;
  let timeLeftText = null;
  let lastAnnounced = '';

  const extend = async () => {
    lastExtended = Date.now();
    try {
      const response = await window.fetch('/session/extend', {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new window.URLSearchParams({ _csrf: csrf }),
      });
      if (!response.ok) return false;
      const answer = await response.json();
      endsAt = Date.now() + (Number(answer.idleSeconds) || idleSeconds) * 1000;
      return true;
    } catch {
      return false;
    }
  };

  const inWords = (ms) => {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    }
    // Under a minute: in steps of 15 seconds, so a screen reader is not told every second.
    const rounded = Math.max(15, Math.ceil(seconds / 15) * 15);
    return `${rounded} seconds`;
  };

  const signOutForm = () => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = '/sign-out';
    form.className = 'convene-inline-form';
    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    token.value = csrf;
    const button = document.createElement('button');
    button.type = 'submit';
    button.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0';
    button.textContent = 'Sign out';
    form.append(token, button);
    return form;
  };

  const build = () => {
    dialog = document.createElement('dialog');
    dialog.className = 'convene-timeout-dialog';
    dialog.setAttribute('aria-labelledby', 'convene-timeout-heading');
    dialog.setAttribute('aria-describedby', 'convene-timeout-text');
    const heading = document.createElement('h2');
    heading.id = 'convene-timeout-heading';
    heading.className = 'govuk-heading-m';
    heading.tabIndex = -1;
    heading.textContent = 'You are about to be signed out';
    const text = document.createElement('p');
    text.id = 'convene-timeout-text';
    text.className = 'govuk-body';
    text.append('For your security, we will sign you out in ');
    timeLeftText = document.createElement('strong');
    text.append(timeLeftText, '. Anything you have typed into a report, the record or a plan is kept as a draft.');
    const live = document.createElement('p');
    live.className = 'govuk-visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.id = 'convene-timeout-live';
    const buttons = document.createElement('div');
    buttons.className = 'govuk-button-group';
    const stay = document.createElement('button');
    stay.type = 'button';
    stay.className = 'govuk-button govuk-!-margin-bottom-0';
    stay.textContent = 'Stay signed in';
    stay.addEventListener('click', () => stayHere());
    buttons.append(stay, signOutForm());
    dialog.append(heading, text, live, buttons);
    // Escape closes the dialog: the person is here, so they stay signed in.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      stayHere();
    });
    body.append(dialog);
  };

  const announce = (words) => {
    if (!dialog || words === lastAnnounced) return;
    lastAnnounced = words;
    timeLeftText.textContent = words;
    dialog.querySelector('#convene-timeout-live').textContent = `We will sign you out in ${words}.`;
  };

  let returnFocusTo = null;
  const open = () => {
    if (!dialog) build();
    if (dialog.open) return;
    returnFocusTo = document.activeElement;
    lastAnnounced = '';
    announce(inWords(endsAt - Date.now()));
    dialog.showModal();
    dialog.querySelector('#convene-timeout-heading').focus();
  };

  const close = () => {
    if (!dialog || !dialog.open) return;
    dialog.close();
    if (returnFocusTo && typeof returnFocusTo.focus === 'function') returnFocusTo.focus();
  };

  const stayHere = async () => {
    const ok = await extend();
    if (ok) close();
    else signedOut();
  };

  const signedOut = () => {
    // The server ends the session by itself; come back to this page after signing in again.
    const here = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/sign-in?ended=1&next=${encodeURIComponent(here)}`);
  };

  const tick = () => {
    const left = endsAt - Date.now();
    if (left <= 0) {
      signedOut();
      return;
    }
    if (left <= warnSeconds * 1000) {
      if (!dialog || !dialog.open) open();
      else announce(inWords(left));
    }
  };
  window.setInterval(tick, 1000);

  // Working on the page keeps the session going, before the warning shows.
  const onActivity = () => {
    if (dialog && dialog.open) return;
    if (Date.now() - lastExtended >= EXTEND_AT_MOST_EVERY_MS) extend();
  };
  for (const type of ['keydown', 'pointerdown', 'input']) document.addEventListener(type, onActivity, { passive: true, capture: true });
  // A draft saved in the background touched the session too (public/drafts.js).
  document.addEventListener('convene:session-touched', () => {
    endsAt = Math.max(endsAt, Date.now() + idleSeconds * 1000 - EXTEND_AT_MOST_EVERY_MS);
  });
}
