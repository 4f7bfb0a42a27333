(selectors) => {
    // Elements matching ``selectors`` that are shown (a box wider than a pixel) and lie partly
    // outside the window horizontally: a field, a button or a heading a phone cannot reach.
    const width = window.innerWidth;
    const off = [];
    for (const el of document.querySelectorAll(selectors)) {
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;  // hidden, or visually hidden
        if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true})) continue;
        if (box.left < -0.5 || box.right > width + 0.5) {
            const name = el.id ? `#${el.id}` : (el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : `.${el.className.baseVal ?? el.className}`);
            off.push(`${el.tagName.toLowerCase()}${name} (${Math.round(box.left)}..${Math.round(box.right)} in ${width})`);
        }
    }
    return off;
}
