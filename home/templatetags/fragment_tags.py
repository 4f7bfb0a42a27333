"""``{% fragment "name" [per_page] part… %}…{% endfragment %}``: see portal/fragments.py."""

from django import template
from django.core.cache import cache

from portal import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, per_page):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.per_page = per_page

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        key = fragments.key(context, self.name, parts, per_page=self.per_page)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, fragments.timeout())
        return html


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("{% fragment %} needs a quoted name first")
    name = bits[1][1:-1]
    per_page = "per_page" in bits[2:]
    parts = [parser.compile_filter(bit) for bit in bits[2:] if bit != "per_page"]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, name, parts, per_page)
