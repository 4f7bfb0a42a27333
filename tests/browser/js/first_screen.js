() => {
    // Bottom edges on the first screen of the needs page: the filters, the first need's title
    // and its figures (received, delivered, households).
    const bottom = (selector) => { const el = document.querySelector(selector); return el ? Math.round(el.getBoundingClientRect().bottom) : null; };
    return {
        filters: bottom(".tracker-filters"),
        title: bottom(".tracker-need .card__title"),
        figures: bottom(".tracker-need .tracker-progress"),
        screen: window.innerHeight,
    };
}
