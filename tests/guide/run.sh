#!/usr/bin/env bash
# The guide's commands, run: the staff's first steps (docs/getting-started.md)
# on a copy of the example site, then the publishing guide's build and its
# nginx example (docs/publishing.md) serving the built site on loopback:
# compression, long caching of the hashed files, revalidation of the rest,
# and the 404 page. Installs nginx (Debian nginx-light) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$PWD/target/debug/tuloskortti
[ -x "$bin" ] || cargo build --quiet
command -v nginx >/dev/null || { apt-get update -qq; apt-get install -y -qq nginx-light >/dev/null; }

work=$(mktemp -d)
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "guide: $*" >&2; exit 1; }

# The getting-started steps on a copy of the example site.
site=$work/site
mkdir -p "$site"
cp -r content themes i18n "$site/"
(
  cd "$site"
  "$bin" schema --out .schemas >/dev/null 2>&1
  [ -f .schemas/scorecard.schema.json ] || fail "schema --out wrote no scorecard schema"
  "$bin" new scorecard espoo 2026-kaupunkitekniikka >/dev/null 2>&1
  "$bin" new update avoin-data >/dev/null 2>&1
  out=$("$bin" check --lang en 2>&1) || fail "check fails on new files: $out"
  grep -q "still holds the starting file's placeholder text" <<<"$out" || fail "check does not warn of placeholders: $out"
  # A mistake, as the guide shows it: located, in plain words, with a hint.
  sed -i '0,/status: not-assessed/s//status: done/' content/scorecards/espoo/2026-kaupunkitekniikka.yaml
  if out=$("$bin" check --lang en 2>&1); then fail "check passes a wrong status"; fi
  grep -q "error: \`done\` is not one of the values \`status\` can have." <<<"$out" || fail "$out"
  grep -q "hint: did you mean \`achieved\`?" <<<"$out" || fail "$out"
)

# The publishing guide: build with the public address; --strict refuses the
# example's placeholders and example addresses.
if "$bin" build --root "$site" --out "$work/public" --strict --base-url https://tavoitteet.example.fi/ >/dev/null 2>&1; then
  fail "build --strict published example addresses"
fi
"$bin" build --root . --out "$work/public" --base-url https://tavoitteet.example.fi/ >/dev/null 2>&1 \
  || fail "build failed"
chmod -R a+rX "$work"

# The nginx example, exactly as the guide writes it, on a free loopback port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
block=$(awk '/^```nginx$/ {on=1; next} /^```$/ {on=0} on' docs/publishing.md)
[ -n "$block" ] || fail "no nginx example in docs/publishing.md"
grep -q 'listen 80;' <<<"$block" && grep -q 'root /srv/tuloskortti/public;' <<<"$block" || fail "the example's listen or root changed"
block=${block//listen 80;/listen 127.0.0.1:$port;}
block=${block//root \/srv\/tuloskortti\/public;/root $work\/public;}
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
$block
}
CONF
nginx -t -p "$work/nginx" -c "$work/nginx/nginx.conf" >/dev/null 2>&1 || { nginx -t -p "$work/nginx" -c "$work/nginx/nginx.conf"; fail "the nginx example does not load"; }
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

base=http://127.0.0.1:$port
head_of() { curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' "$base$1" | tr -d '\r'; }
expect_header() { # path, header line (case-insensitive grep)
  local headers; headers=$(head_of "$1")
  grep -qi "^$2" <<<"$headers" || fail "$1: no \`$2\` in:
$headers"
}
for page in /fi/ /sv/ /en/ /fi/espoo/2021-kaupunkitekniikka/ /search/fi/manifest.json /data/tuloskortti.json; do
  expect_header "$page" "HTTP/1.1 200"
  expect_header "$page" "Content-Encoding: gzip"
  expect_header "$page" "Cache-Control: no-cache"
done
css=$(cd "$work/public" && ls assets/style.*.css)
dict=$(cd "$work/public" && ls search/fi/d-*.bin | head -n 1)
head_file=$(cd "$work/public" && ls search/fi/h-*.json | head -n 1)
for file in "/$css" "/$dict" "/$head_file"; do
  expect_header "$file" "HTTP/1.1 200"
  expect_header "$file" "Cache-Control: public, max-age=31536000, immutable"
done
expect_header "/$css" "Content-Encoding: gzip"
# The body as served is the file as built.
cmp -s <(curl -s "$base/$dict") "$work/public/$dict" || fail "$dict differs as served"

# A missing page: status 404 and the site's own 404 page.
status=$(curl -s -o "$work/missing.html" -w '%{http_code}' "$base/fi/ei-ole/")
[ "$status" = 404 ] || fail "a missing page answers $status"
grep -q "Sivua ei löytynyt" "$work/missing.html" || fail "the 404 page is not the site's"
echo "guide: getting-started steps, build and the nginx example (compression, caching, 404) pass"
