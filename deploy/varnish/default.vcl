# Varnish (Debian's varnish package, 7.x) in front of the portal's app servers.
#
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,1G
#
# It caches only what the app marks shareable (Cache-Control: public / s-maxage, set by
# portal.cache_headers for anonymous pages), passes logged-in editors and the admin straight
# through, and accepts purges only from the app servers listed in "purgers" (the portal sends
# them when the transaction commits: see docs/caching.md and FRONTEND_CACHE_URLS):
#   SOFTPURGE  a page changed (publish, a gift recorded): the old copy stays in grace and is
#              served while one request fetches the new one (no reader waits on the origin);
#   PURGE      a page must disappear (unpublished, expired, moved, made private): gone at once.
vcl 4.1;

import std;
import purge;

# One backend per app server; with several, add a director (see docs/deployment.md).
backend portal {
    .host = "127.0.0.1";
    .port = "8200";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz/ping";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# The app servers: the only hosts allowed to purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = portal;
    if (req.restarts == 0) {
        unset req.http.X-Origin-Failed;  # the edge's own (vcl_synth)
    }

    # One spelling of the host: lower case, no port. The page (its canonical and sharing
    # links, the sitemap, feeds) is built from it, so a Host with an unexpected port must
    # neither reach the app nor name a cached copy of its own (cache poisoning).
    set req.http.Host = regsub(std.tolower(req.http.Host), ":[0-9]+$", "");

    # Links shared on social networks carry tracking parameters the page does not use
    # (utm_*, fbclid, gclid, …, in any case, with or without a value): drop them so the
    # link is served from the same copy.
    if (req.url ~ "(?i)[?&](utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src)(=|&|$)") {
        set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src)(=[^&]*)?(?=&|$)", "\1");
        set req.url = regsuball(req.url, "&&+", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]$", "");
    }

    # One spelling of the query string: its parameters sorted, so that ?by=region&locale=fr
    # and ?locale=fr&by=region are one copy (and one purge).
    set req.url = std.querysort(req.url);

    # An address and its query strings are one object with variants: the cache key is the
    # address without its query string (vcl_hash) and the query string is a variant (X-Query,
    # named in Vary by vcl_backend_response), so that one purge of the address retires every
    # copy: a filtered listing (needs/?region=…), a search, an old address with ?page=1 after
    # a new slug, the tracker's figures with ?by= or ?locale=, Wagtail's API v2 pages (list,
    # find, detail) with ?type=, ?fields=, ?locale=. The tracker API's lists, which no purge
    # names, keep a key per address and query.
    unset req.http.X-Query;
    if (req.url !~ "^/api/"
        || req.url ~ "^/api/v1/((campaigns|partners)/([0-9]+/)?|campaigns/[0-9]+/totals/|overview/)(\?|$)"
        || req.url ~ "^/api/v2/pages/(find/|[0-9]+/)?(\?|$)") {
        set req.http.X-Query = "?" + regsub(req.url, "^[^?]*\??", "");
    }

    # The sitemap and robots.txt are the same in every language: one copy, whatever
    # Accept-Language the reader sends (Django's LocaleMiddleware adds it to Vary).
    if (req.url ~ "^/(sitemap\.xml|robots\.txt)$") {
        unset req.http.Accept-Language;
    }

    if (req.method == "PURGE" || req.method == "SOFTPURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "PURGE not allowed"));
        }
        return (hash);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|private-media|documents|healthz)(/|$)") {
        return (pass);
    }
    # Editors (and visitors who unlocked a password-protected page) carry a session.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous pages are the same for everyone: other cookies (a CSRF token, analytics)
    # must not split the cache. Forms POST, and POST passes above with its cookies.
    unset req.http.Cookie;

    # While the origin is healthy serve a page at most 10 s stale (refreshed in the
    # background, by one request); if it is down, keep serving the last good copy for the
    # whole grace, also when a fetch failed before the health probe noticed (X-Origin-Failed,
    # vcl_synth). A copy with a query string (a search, a filtered listing) and an API answer
    # are not served stale while the origin is healthy: the refresh after a publish renders
    # the plain page only, so their first reader after a purge got the old copy (fresh-eyes
    # trial), and an API client reading after its own write must see it. Their reader waits
    # on one fetch, shared by every reader of that copy meanwhile (request coalescing).
    if (req.http.X-Origin-Failed) {
        set req.grace = 6h;  # req.grace outlives a restart; the copy's own grace still caps it
    } elsif (std.healthy(req.backend_hint)) {
        if (req.url ~ "^/api/" || req.url ~ "\?") {
            set req.grace = 0s;
        } else {
            set req.grace = 10s;
        }
    }
    return (hash);
}

sub vcl_hash {
    # The normalised host (vcl_recv) and the URL. One scheme is served (the TLS terminator
    # redirects plain http), so a purge sent without X-Forwarded-Proto matches the copy.
    hash_data(req.http.Host);
    if (req.http.X-Query) {
        hash_data(regsub(req.url, "\?.*$", ""));  # the query string is a variant (vcl_recv)
    } else {
        hash_data(req.url);
    }
    return (lookup);
}

sub vcl_hit {
    if (req.method == "PURGE") {
        purge.hard();
        return (synth(200, "Purged"));
    }
    if (req.method == "SOFTPURGE") {
        # Expire now but keep the copy in grace: the next reader gets it while one
        # background fetch renders the new page. The grace itself is left as it was (6 h,
        # vcl_backend_response): with the origin down, a soft-purged page is still served.
        purge.soft(0s);
        return (synth(200, "Soft purged"));
    }
}

sub vcl_miss {
    if (req.method == "PURGE" || req.method == "SOFTPURGE") {
        if (req.method == "PURGE") {
            purge.hard();
        } else {
            purge.soft(0s);
        }
        return (synth(200, "Purged"));
    }
}

sub vcl_backend_response {
    # Every answer of an address whose query string is a variant (vcl_recv), the plain one
    # too: without it, the plain copy would match any query string.
    if (bereq.http.X-Query) {
        if (beresp.http.Vary) {
            set beresp.http.Vary = beresp.http.Vary + ", X-Query";
        } else {
            set beresp.http.Vary = "X-Query";
        }
    }
    # The app failed while refreshing a copy in the background: keep serving the old copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Cache only what the app explicitly marks shareable; never a cookie.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(public|s-maxage)" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # Only a page is worth serving stale. A 404 or a redirect soft-purged (a page published at
    # that address, a slug given back) is fetched again by the next reader: in grace, the
    # new address of a renamed page answered its cached 404 for 10 s (fresh-eyes trial).
    if (beresp.status != 200) {
        set beresp.grace = 0s;
        return (deliver);
    }
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_backend_error {
    # The origin could not be reached. A fetch for the cache is abandoned, so that no error
    # object takes the place of the last good copy: a background refresh leaves it served; a
    # reader's fetch goes to vcl_synth, which looks for it again.
    if (!bereq.uncacheable) {
        return (abandon);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
    # X-Query is the edge's own (vcl_recv): no browser or proxy downstream sends it.
    if (resp.http.Vary ~ "X-Query") {
        set resp.http.Vary = regsub(resp.http.Vary, "(^|,\s*)X-Query$", "");
        if (resp.http.Vary == "") {
            unset resp.http.Vary;
        }
    }
    return (deliver);
}

sub vcl_synth {
    # A reader's fetch failed (the origin down before the health probe noticed, on a copy
    # expired more than 10 s ago): look once more, with the whole grace, for the last good copy.
    if (resp.status == 503 && req.restarts == 0 && (req.method == "GET" || req.method == "HEAD")) {
        set req.http.X-Origin-Failed = "1";
        return (restart);
    }
    if (resp.status == 403) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = "PURGE not allowed from " + client.ip + {"
"};
        return (deliver);
    }
}
