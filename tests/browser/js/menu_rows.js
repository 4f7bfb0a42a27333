() => {
    // Header menu items cut off on a phone: outside the window or clipped by a scrolling list.
    const list = document.querySelector(".main-menu ul");
    const items = [...document.querySelectorAll(".main-menu li")].filter(li => li.getClientRects().length);
    const cut = items.filter(li => {
        const box = li.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth + 0.5;
    }).map(li => li.textContent.trim());
    if (list && list.scrollWidth > list.clientWidth + 1) cut.push(`list ${list.scrollWidth}px in ${list.clientWidth}px`);
    return cut;
}
