#!/usr/bin/env bash
# Tools `make bench` needs from Debian: Varnish (edge cache), wrk (load), nginx (static
# ceiling), Redis. Installs what is missing when run as root with apt; otherwise says what to do.
set -euo pipefail
need=()
for pair in varnishd:varnish wrk:wrk nginx:nginx-light redis-server:redis-server; do
    tool=${pair%%:*} package=${pair##*:}
    PATH="$PATH:/usr/sbin" command -v "$tool" >/dev/null || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
    echo "make bench needs: sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
