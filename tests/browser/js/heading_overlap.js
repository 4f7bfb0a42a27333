() => {
    // The edit form's heading: does its icon cover a line of its text?
    const icon = document.querySelector("#header-title > .icon");
    const text = document.querySelector("#header-title > span");
    if (!icon || !text) return false;
    const a = icon.getBoundingClientRect();
    return [...text.getClientRects()].some(b => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom);
}
