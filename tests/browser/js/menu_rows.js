() => {
    const items = [...document.querySelectorAll(".main-menu li")].filter(li => li.getClientRects().length);
    return new Set(items.map(li => Math.round(li.getBoundingClientRect().top))).size;
}
