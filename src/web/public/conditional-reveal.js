// GOV.UK Frontend's conditional reveal marks each radio and checkbox that reveals questions with
// aria-expanded, which ARIA does not allow on a radio or checkbox role (axe: aria-allowed-attr,
// critical). The meeting forms keep the reveal and its aria-controls, and drop that one attribute
// whenever GOV.UK Frontend sets it. Runs after /public/init.js (module scripts run in order).

const SELECTOR = 'input[type="radio"][aria-expanded], input[type="checkbox"][aria-expanded]';

function strip(root) {
  for (const input of root.querySelectorAll(SELECTOR)) input.removeAttribute('aria-expanded');
}

strip(document);
new window.MutationObserver((changes) => {
  for (const change of changes) {
    if (change.target instanceof window.HTMLInputElement && change.target.hasAttribute('aria-expanded')) change.target.removeAttribute('aria-expanded');
  }
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });
