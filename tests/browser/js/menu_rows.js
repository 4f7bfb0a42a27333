() => {
    // The header on a phone: its height, and the rows its visible menu links take (0 when the
    // menu is folded in a closed disclosure); items cut off at the window's edges.
    const header = document.querySelector(".site-header");
    // checkVisibility: a link in a closed <details> has boxes (content-visibility) but is not shown.
    const links = [...document.querySelectorAll(".main-menu a")].filter(a => a.checkVisibility ? a.checkVisibility() : a.getClientRects().length);
    const rows = new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size;
    const cut = links.filter(a => {
        const box = a.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth + 0.5;
    }).map(a => a.textContent.trim());
    const fold = document.querySelector(".main-menu details");
    const toggle = fold && fold.querySelector("summary");
    return {
        header: header ? Math.round(header.getBoundingClientRect().height) : null,
        rows, cut,
        folded: !!(fold && !fold.open && toggle && toggle.getClientRects().length),
    };
}
