// Answers at once. The listing card calls it before it checks a submitted card: the browser answers calls in
// the order they were made, so once this one is answered, every call a field made before it has been too.
export function answer() {
    return true;
}
