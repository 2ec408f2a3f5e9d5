#!/usr/bin/env bash
# The article-widget command's contract: outputs, exit codes (0 ok, 1 bad input, 2 bad usage) and one-line errors.
set -u
BIN="$1"; ROOT="$2"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
check() {  # check NAME EXPECTED_RC STDERR_PATTERN -- command...
  local name="$1" want="$2" pattern="$3"; shift 4
  "$@" >"$TMP/out" 2>"$TMP/err"; local rc=$?
  if [ "$rc" -ne "$want" ]; then echo "FAIL $name: exit $rc, wanted $want; stderr: $(head -c 300 "$TMP/err")"; fail=$((fail+1)); return; fi
  if [ -n "$pattern" ] && ! grep -qE -e "$pattern" "$TMP/err"; then echo "FAIL $name: stderr lacks /$pattern/: $(head -c 300 "$TMP/err")"; fail=$((fail+1)); return; fi
  echo "ok   $name"; pass=$((pass+1))
}
has() {  # has NAME PATTERN FILE
  if grep -qE -e "$2" "$3"; then echo "ok   $1"; pass=$((pass+1)); else echo "FAIL $1: output lacks /$2/"; fail=$((fail+1)); fi
}
lacks() {
  if grep -qiE -e "$2" "$3"; then echo "FAIL $1: output has /$2/"; fail=$((fail+1)); else echo "ok   $1"; pass=$((pass+1)); fi
}

check "model of the default article" 0 "" -- "$BIN" model "$ROOT/assets/article.md" --config "$ROOT/assets/widget.json"
cp "$TMP/out" "$TMP/model.json"
has "model has three stages" '"title": "Accountability at Scale"' "$TMP/model.json"
has "model has the FAQ" '"question": "Will Anthropic fully open-source its models\?"' "$TMP/model.json"
n=$(grep -c '"question":' "$TMP/model.json"); [ "$n" -eq 5 ] && { echo "ok   five questions"; pass=$((pass+1)); } || { echo "FAIL five questions: $n"; fail=$((fail+1)); }
check "model from standard input" 0 "" -- bash -c "'$BIN' model - < '$ROOT/assets/article.md'"
has "stdin model has a title" '"title": "Will Anthropic' "$TMP/out"
check "html of the default article" 0 "" -- "$BIN" html "$ROOT/assets/article.md"
has "html timeline is an ordered list" '<ol class="aw-timeline"' "$TMP/out"
check "interactive html" 0 "" -- "$BIN" html "$ROOT/assets/article.md" --interactive
has "accordion buttons" 'aria-controls="[^"]+-panel" data-faq="0" data-activate="faq:0" data-focus="faq:0" id="[^"]+" aria-expanded="false"' "$TMP/out"

printf '# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n' > "$TMP/evil.md"
check "hostile html" 0 "" -- "$BIN" html "$TMP/evil.md"
lacks "no script tag" '<script' "$TMP/out"
lacks "no event attribute" '<[^>]* onerror=' "$TMP/out"
lacks "no javascript url" 'href="javascript' "$TMP/out"

check "missing file" 1 "^article-widget: error: .*no such file" -- "$BIN" model "$TMP/nope.md"
check "directory" 1 "^article-widget: error: .*is a directory" -- "$BIN" model "$TMP"
printf '# ok\n\xff\xfe bad\n' > "$TMP/bad.md"
check "invalid UTF-8" 1 "^article-widget: error: .*invalid UTF-8 at byte 5 \(line 2\)" -- "$BIN" model "$TMP/bad.md"
echo '{"theme": "purple"}' > "$TMP/c1.json"
check "bad config value" 1 "^article-widget: error: config /theme: expected" -- "$BIN" model "$ROOT/assets/article.md" --config "$TMP/c1.json"
echo '{"nope": 1}' > "$TMP/c2.json"
check "unknown config key" 1 "config /nope: unknown key" -- "$BIN" model "$ROOT/assets/article.md" --config "$TMP/c2.json"
echo '{"theme": ' > "$TMP/c3.json"
check "malformed config" 1 "config /: invalid JSON at byte" -- "$BIN" model "$ROOT/assets/article.md" --config "$TMP/c3.json"
check "no command" 2 "no command given" -- "$BIN"
check "unknown command" 2 "unknown command" -- "$BIN" frobnicate x
check "missing file argument" 2 "needs a FILE" -- "$BIN" model
check "unknown option" 2 "unknown option" -- "$BIN" model x --frob
check "screenshot without -o" 2 "needs -o" -- "$BIN" screenshot "$ROOT/assets/article.md"
check "bad scale" 2 "--scale takes" -- "$BIN" screenshot "$ROOT/assets/article.md" -o "$TMP/x.png" --scale 9

# Hostile input (issue 15): every read stops at its limit plus one byte; FIFOs and devices are refused unless
# given as -; a run of brackets at the default limit stays within a memory cap; the screenshot size is capped.
peak_kb() {  # peak_kb CMD...: runs CMD (output to $TMP/out, $TMP/err) and prints its peak RSS in KB and exit code
  python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1] + "/out", "wb"), stderr=open(sys.argv[1] + "/err", "wb"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)' "$TMP" "$@"
}
within() {  # within NAME KB_CAP WANT_RC STDERR_PATTERN -- command...: exit code, message and peak memory
  local name="$1" cap="$2" want="$3" pattern="$4"; shift 5
  read -r kb rc < <(peak_kb "$@")
  if [ "$rc" -ne "$want" ]; then echo "FAIL $name: exit $rc, wanted $want; stderr: $(head -c 300 "$TMP/err")"; fail=$((fail+1)); return; fi
  if [ -n "$pattern" ] && ! grep -qE -e "$pattern" "$TMP/err"; then echo "FAIL $name: stderr lacks /$pattern/: $(head -c 300 "$TMP/err")"; fail=$((fail+1)); return; fi
  if [ "$kb" -gt "$cap" ]; then echo "FAIL $name: peak memory $kb KB, over $cap KB"; fail=$((fail+1)); return; fi
  echo "ok   $name ($kb KB)"; pass=$((pass+1))
}
ART="$ROOT/assets/article.md"
# Under AddressSanitizer (the native-asan ctest) memory is measured with its shadow and quarantine on top.
CAP_SMALL=65536; CAP_BRACKETS=131072; CAP_NESTED=491520
if nm -C "$BIN" 2>/dev/null | grep -q __asan_init; then CAP_SMALL=196608; CAP_BRACKETS=393216; CAP_NESTED=1048576; fi
within "/dev/zero as the article is refused" "$CAP_SMALL" 1 "^article-widget: error: /dev/zero: is a character device, not a regular file" -- "$BIN" model /dev/zero
within "/dev/zero as the config is refused" "$CAP_SMALL" 1 "^article-widget: error: /dev/zero: is a character device" -- "$BIN" model "$ART" --config /dev/zero
mkfifo "$TMP/fifo"
within "a FIFO as the article is refused at once" "$CAP_SMALL" 1 "^article-widget: error: .*fifo: is a FIFO, not a regular file \\(to read it anyway, give -" -- timeout 10 "$BIN" model "$TMP/fifo"
within "a FIFO as the config is refused at once" "$CAP_SMALL" 1 "^article-widget: error: .*fifo: is a FIFO" -- timeout 10 "$BIN" model "$ART" --config "$TMP/fifo"
(sleep 0.3; cat "$ART" > "$TMP/fifo") &
check "a FIFO given as - is read" 0 "" -- timeout 10 bash -c "'$BIN' model - < '$TMP/fifo'"
has "the FIFO's article" '"title": "Will Anthropic' "$TMP/out"
wait
within "standard input stops at the article limit plus one byte" "$CAP_SMALL" 1 "^article-widget: error: standard input: article is over the limit of 8388608 bytes \\(config \"maxInputBytes\"\\)$" -- bash -c "'$BIN' model - < /dev/zero"
echo '{"maxInputBytes": 2048}' > "$TMP/small.json"
within "the config's maxInputBytes limits the read" "$CAP_SMALL" 1 "standard input: article is over the limit of 2048 bytes" -- bash -c "'$BIN' model - --config '$TMP/small.json' < /dev/zero"
truncate -s 2G "$TMP/sparse.json"
within "a 2 GiB config is refused before it is read" "$CAP_SMALL" 1 "sparse.json: config is 2147483648 bytes, over the limit of 1048576 bytes$" -- "$BIN" model "$ART" --config "$TMP/sparse.json"
truncate -s 50000007 "$TMP/big.md"
within "a 50 MB article is refused before it is read" "$CAP_SMALL" 1 "big.md: article is 50000007 bytes, over the limit of 8388608 bytes \\(config \"maxInputBytes\"\\)" -- "$BIN" model "$TMP/big.md"
head -c 8388608 /dev/zero | tr '\0' '[' > "$TMP/brackets.md"
within "8 MiB of [ (the default limit) parse in bounded memory" "$CAP_BRACKETS" 0 "warning: .*brackets.md:1: too much markup: from this line on the article is shown as plain text \\(8388610 markup elements, over the limit of 2162688 for 8388608 bytes\\)$" -- "$BIN" model "$TMP/brackets.md"
has "the brackets are one code block" '"code_block": 1' "$TMP/out"
# The costliest markup per byte that the budget keeps (README "Limits"): one-letter lists nested 4 deep.
python3 -c 'import sys; sys.stdout.write(("- - - - a\n" * 838861)[:8388608])' > "$TMP/nested.md"
within "8 MiB of nested lists parse in bounded memory" "$CAP_NESTED" 0 "warning: .*nested.md:[0-9]+: too much markup: from this line on" -- "$BIN" model "$TMP/nested.md"
python3 -c 'import sys; sys.stdout.write("a\n" * 1048576)' > "$TMP/lines.md"
within "a million one-letter lines are refused, even as plain text" "$CAP_SMALL" 1 "^article-widget: error: .*lines.md: too much markup: not even as plain text does the article fit its budget \\(1048576 lines; " -- "$BIN" model "$TMP/lines.md"
n=$(wc -l < "$TMP/err"); [ "$n" -eq 1 ] && { echo "ok   that refusal is one line"; pass=$((pass+1)); } || { echo "FAIL that refusal is $n lines"; fail=$((fail+1)); }
check "a screenshot over 4096x4096 device pixels is refused" 2 "^article-widget: error: a screenshot of 8192x8192 device pixels \\(67108864\\) is over the limit of 16777216" -- "$BIN" screenshot "$ART" -o "$TMP/s.png" --width 4096 --height 4096 --scale 2
n=$(wc -l < "$TMP/err"); [ "$n" -eq 1 ] && { echo "ok   the refusal is one line"; pass=$((pass+1)); } || { echo "FAIL the refusal is $n lines"; fail=$((fail+1)); }
[ ! -e "$TMP/s.png" ] && { echo "ok   no picture is written"; pass=$((pass+1)); } || { echo "FAIL a refused screenshot wrote $TMP/s.png"; fail=$((fail+1)); }
check "a FIFO screenshot is refused" 1 "fifo: is a FIFO" -- timeout 10 "$BIN" screenshot "$TMP/fifo" -o "$TMP/s.png"

# The command line (issue 23).
one_line() {  # one_line NAME: the last check's standard error is one line
  local n; n=$(wc -l < "$TMP/err")
  [ "$n" -eq 1 ] && { echo "ok   $1"; pass=$((pass+1)); } || { echo "FAIL $1: $n lines"; fail=$((fail+1)); }
}
# --id-prefix follows the config's deepLinkPrefix rule: nothing of a hostile prefix reaches the HTML.
check "a hostile --id-prefix is refused" 2 "^article-widget: error: --id-prefix may hold only letters, digits, '-' and '_'$" -- "$BIN" html "$ART" --interactive --id-prefix '"><script>x</script>'
lacks "the refused prefix writes no script" '<script' "$TMP/out"
one_line "the refusal of the prefix is one line"
check "a 33-character --id-prefix is refused" 2 "^article-widget: error: --id-prefix must be at most 32 characters$" -- "$BIN" html "$ART" --id-prefix "$(printf 'a%.0s' $(seq 33))"
check "a good --id-prefix" 0 "" -- "$BIN" html "$ART" --interactive --id-prefix my-w_1
has "ids take the prefix" 'id="my-w_1stage-1"' "$TMP/out"
# view: a first load that fails ends the command at once, with the error (no window is needed to show it).
check "view: a missing file" 1 "^article-widget: error: .*nope.md: no such file" -- timeout 20 env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" view "$TMP/nope.md"
check "view: a directory" 1 "^article-widget: error: .*is a directory" -- timeout 20 env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" view "$TMP"
check "view: a bad config" 1 "^article-widget: error: config /theme: expected" -- timeout 20 env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" view "$ART" --config "$TMP/c1.json"
check "view: a bad --state" 1 "^article-widget: error: state /stage: must be between 0 and 2, got 9$" -- timeout 20 env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" view "$ART" --state '{"stage": 9}'
if command -v xvfb-run >/dev/null; then
  check "view: an unknown --scroll-to ends after the first frame" 1 "^article-widget: error: no section, stage or question with anchor \"nowhere\"$" -- timeout 120 xvfb-run -a "$BIN" view "$ART" --scroll-to nowhere
else
  echo "skip view: an unknown --scroll-to (no xvfb-run)"
fi
# Options are checked per command (one table in src/cli/main.cpp).
check "model does not take --id-prefix" 2 "^article-widget: error: model does not take --id-prefix$" -- "$BIN" model "$ART" --id-prefix x
check "html does not take -o" 2 "^article-widget: error: html does not take -o$" -- "$BIN" html "$ART" -o "$TMP/x.html"
check "view does not take --select" 2 "^article-widget: error: view does not take --select$" -- env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" view "$ART" --select x
check "bundle does not take --theme" 2 "^article-widget: error: bundle does not take --theme$" -- "$BIN" bundle "$ART" -o "$TMP/x.html" --theme dark
check "screenshot does not take --interactive" 2 "^article-widget: error: screenshot does not take --interactive$" -- "$BIN" screenshot "$ART" -o "$TMP/x.png" --interactive
[ ! -e "$TMP/x.html" ] && [ ! -e "$TMP/x.png" ] && { echo "ok   a refused option writes nothing"; pass=$((pass+1)); } || { echo "FAIL a refused option wrote a file"; fail=$((fail+1)); }
# Config smartPunctuation: on by default; false keeps command lines and quotes as written.
printf '# Flags\n\nRun it with --fast=1 and "quotes" -- or not...\n' > "$TMP/flags.md"
check "typographic punctuation by default" 0 "" -- "$BIN" html "$TMP/flags.md"
has "a dash by default" 'with –fast=1 and “quotes” – or not…' "$TMP/out"
echo '{"smartPunctuation": false}' > "$TMP/straight.json"
check "smartPunctuation false" 0 "" -- "$BIN" html "$TMP/flags.md" --config "$TMP/straight.json"
has "--fast=1 stays --fast=1, quotes straight" 'with --fast=1 and &quot;quotes&quot; -- or not\.\.\.' "$TMP/out"
# Duplicate config keys: a warning naming the key's path; the last value is used.
printf '{"theme": "dark", "timeline": {"enabled": true, "enabled": false}, "theme": "light"}\n' > "$TMP/dup.json"
check "duplicate config keys warn" 0 "^article-widget: warning: config /timeline/enabled: duplicate key: the last value is used$" -- "$BIN" model "$ART" --config "$TMP/dup.json"
has "the other duplicate warns too" "^article-widget: warning: config /theme: duplicate key: the last value is used$" "$TMP/err"
has "the last value is used" '"theme": "light"' "$TMP/out"
# A config with several errors reports each, one line with its path.
echo '{"theme": "purple", "accent": "blue", "nope": 1}' > "$TMP/c5.json"
check "every config error" 1 "^article-widget: error: config /theme: expected" -- "$BIN" model "$ART" --config "$TMP/c5.json"
has "the accent's error" '^article-widget: error: config /accent: expected a colour like "#1f5fbf", got "blue"$' "$TMP/err"
has "the unknown key's error" '^article-widget: error: config /nope: unknown key$' "$TMP/err"
n=$(wc -l < "$TMP/err"); [ "$n" -eq 3 ] && { echo "ok   three errors, three lines"; pass=$((pass+1)); } || { echo "FAIL three errors: $n lines"; fail=$((fail+1)); }
check "view: every config error" 1 "^article-widget: error: config /nope: unknown key$" -- timeout 20 env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" view "$ART" --config "$TMP/c5.json"

# bundle: a stand-in web build (the real one is tested in tests/e2e/bundle.test.mjs), so this runs before any web build.
ASSETS="$TMP/assets"; mkdir -p "$ASSETS" "$TMP/empty"
echo 'window.awLoaded = "</script>";' > "$ASSETS/article-widget.js"
printf 'not really wasm' | gzip -9 -n > "$ASSETS/article-widget.wasm.gz"
cp "$ROOT/web/bundle-template.html" "$ASSETS/"
scripts_in_template=$(grep -o '</script' "$ROOT/web/bundle-template.html" | wc -l)
check "bundle of the default article" 0 "" -- "$BIN" bundle "$ROOT/assets/article.md" --config "$ROOT/assets/widget.json" --assets "$ASSETS" -o "$TMP/a.html"
has "bundle has the page title" '<title>Will Anthropic Open-Source Its Models Like OpenAI\?</title>' "$TMP/a.html"
has "bundle has the fallback HTML" '<ol class="aw-timeline"' "$TMP/a.html"
has "bundle has the config inline" '<script type="application/json" data-config data-escaped>' "$TMP/a.html"
check "bundle --title" 0 "" -- "$BIN" bundle "$ROOT/assets/article.md" --title 'A <new> title' --assets "$ASSETS" -o "$TMP/t.html"
has "title is escaped and in the config" '<title>A &lt;new&gt; title</title>' "$TMP/t.html"
has "title is in the embedded config" '"title": "A <new> title"' "$TMP/t.html"
printf '# Break out\n\n</script><script>alert(1)</script>\n\n```html\n</script><!-- <script>\n```\n' > "$TMP/breakout.md"
check "bundle with </script> in the Markdown" 0 "" -- "$BIN" bundle "$TMP/breakout.md" --assets "$ASSETS" -o "$TMP/b.html"
n=$(grep -o '</script' "$TMP/b.html" | wc -l)
[ "$n" -eq "$scripts_in_template" ] && { echo "ok   only the template's </script> tags"; pass=$((pass+1)); } \
  || { echo "FAIL only the template's </script> tags: $n, wanted $scripts_in_template"; fail=$((fail+1)); }
lacks "no <!-- from the Markdown" '<!-- <script>' "$TMP/b.html"
has "the Markdown is kept, escaped" '<\\/script><script>alert\(1\)<\\/script>' "$TMP/b.html"
check "bundle: missing file" 1 "^article-widget: error: .*no such file" -- "$BIN" bundle "$TMP/nope.md" --assets "$ASSETS" -o "$TMP/n.html"
check "bundle: invalid UTF-8" 1 "^article-widget: error: .*invalid UTF-8" -- "$BIN" bundle "$TMP/bad.md" --assets "$ASSETS" -o "$TMP/n.html"
check "bundle: bad config" 1 "^article-widget: error: config /theme: expected" -- "$BIN" bundle "$ROOT/assets/article.md" --config "$TMP/c1.json" --assets "$ASSETS" -o "$TMP/n.html"
[ ! -e "$TMP/n.html" ] && { echo "ok   bad input writes nothing"; pass=$((pass+1)); } || { echo "FAIL bad input wrote $TMP/n.html"; fail=$((fail+1)); }
check "bundle without -o" 2 "needs -o OUT.html" -- "$BIN" bundle "$ROOT/assets/article.md"
check "bundle: no web build" 1 "^article-widget: error: no web build in .*run the web build" -- "$BIN" bundle "$ROOT/assets/article.md" --assets "$TMP/empty" -o "$TMP/n.html"
check "bundle: unwritable path" 1 "^article-widget: error: .*cannot write" -- "$BIN" bundle "$ROOT/assets/article.md" --assets "$ASSETS" -o "$TMP/no/such/dir/a.html"
mkdir -p "$TMP/outdir/taken.html"
check "bundle: output is a directory" 1 "^article-widget: error: .*taken.html: cannot replace" -- "$BIN" bundle "$ROOT/assets/article.md" --assets "$ASSETS" -o "$TMP/outdir/taken.html"
left=$(find "$TMP/outdir" -mindepth 1 -not -path "$TMP/outdir/taken.html" | wc -l)
[ "$left" -eq 0 ] && { echo "ok   a failed write leaves nothing behind"; pass=$((pass+1)); } || { echo "FAIL a failed write left: $(ls -A "$TMP/outdir")"; fail=$((fail+1)); }

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
