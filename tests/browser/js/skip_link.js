() => {
    const link = document.querySelector(".skip-link");
    const logo = document.querySelector(".site-header__brand img");
    if (document.activeElement !== link) return ["the skip link is not the first focus"];
    const a = link.getBoundingClientRect(), b = logo.getBoundingClientRect();
    const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const style = getComputedStyle(link);
    const problems = overlap ? ["the focused skip link covers the logo"] : [];
    if (style.color !== "rgb(255, 255, 255)") problems.push(`focused skip link text ${style.color}`);
    return problems;
}
