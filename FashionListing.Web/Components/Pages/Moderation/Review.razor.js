// The review page's keyboard shortcuts: A approve, R reject, N next. A key pressed while typing (in a text
// field, a list of choices or anything editable), or with Ctrl, Alt or Meta held, is left alone.
let listener = null;

function isTyping(target) {
  if (!(target instanceof Element)) {
    return false;
  }

  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="listbox"]')
    !== null;
}

export function register(page) {
  unregister();
  listener = event => {
    if (event.repeat || event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) {
      return;
    }

    const key = event.key.toLowerCase();
    if (key === 'a' || key === 'r' || key === 'n') {
      event.preventDefault();
      page.invokeMethodAsync('OnShortcutAsync', key);
    }
  };
  document.addEventListener('keydown', listener);
}

export function unregister() {
  if (listener !== null) {
    document.removeEventListener('keydown', listener);
    listener = null;
  }
}
