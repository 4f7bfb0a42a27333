# Varnish (Debian's varnish package, 7.x) in front of the portal's app servers.
#
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,1G
#
# It caches only what the app marks shareable (Cache-Control: public / s-maxage, set by
# portal.cache_headers for anonymous pages), passes logged-in editors and the admin straight
# through, and accepts PURGE only from the app servers listed in "purgers" (the portal sends
# them on publish, unpublish, move and tracker changes: FRONTEND_CACHE_URLS).
vcl 4.1;

import std;

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

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "PURGE not allowed"));
        }
        return (purge);
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

    # While the origin is healthy serve at most 10 s stale (refreshed in the background);
    # if it is down, keep serving the last good copy for the whole grace period.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    # One public site: the URL alone names a page, so a PURGE matches whatever Host
    # the visitor used. Add hash_data(req.http.host) if one Varnish serves several sites.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Cache only what the app explicitly marks shareable; never a cookie.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(public|s-maxage)" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 403) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = "PURGE not allowed from " + client.ip + {"
"};
        return (deliver);
    }
}
