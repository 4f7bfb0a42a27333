() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return [];
    const wide = [];
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width && (box.right > width + 1 || box.left < -1) && getComputedStyle(el).position !== "fixed") {
            wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)}..${Math.round(box.right)})`);
            if (wide.length > 4) break;
        }
    }
    return [`page ${document.documentElement.scrollWidth}px wide in ${width}px: ${wide.join(", ")}`];
}
