() => {
    const bottom = (selector) => { const el = document.querySelector(selector); return el ? el.getBoundingClientRect().bottom : null; };
    const top = (selector) => { const el = document.querySelector(selector); return el ? el.getBoundingClientRect().top : null; };
    return {filters: bottom(".tracker-filters"), result: top(".tracker-need"), screen: window.innerHeight};
}
