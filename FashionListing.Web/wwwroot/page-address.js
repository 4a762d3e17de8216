// Replaces the address in the browser's address bar without a navigation: the page stays as it is, and a
// reload opens the new address. Blazor keeps its own entry in history.state, so that state is passed on.
export function replaceAddress(url) {
    history.replaceState(history.state, "", url);
}
