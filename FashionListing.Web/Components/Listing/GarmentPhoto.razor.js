// Where a click landed on the image, as fractions of the image's rendered width and height, so that the
// server can find the photo pixel whatever size the photo is shown at.
export function clickFraction(image, clientX, clientY) {
  const box = image.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) {
    return null;
  }

  return { x: (clientX - box.left) / box.width, y: (clientY - box.top) / box.height };
}
