#!/usr/bin/env python3
"""Runs every example of cmark-gfm's spec files (test/spec.txt: CommonMark with the GFM extension examples
marked; test/extensions.txt: footnotes, task lists and more) through `article-widget html`, and checks two
things for each:
  1. the output is what cmark-gfm's own renderer writes for the tree the widget parses, with the widget's
     rules applied to that tree (REFERENCE: raw HTML left out, refused links and image sources as spans);
  2. the output is the spec's expected HTML, byte for byte, unless the example is listed in DELIBERATE,
     in which case the difference must be the one named there.
The attributes the widget adds on purpose (ADDED) are taken off before comparing.

usage: run_conformance.py ARTICLE_WIDGET REFERENCE SPEC_DIR   (SPEC_DIR: cmark-gfm's test/ folder)
Exits 1 when an example differs without being listed, or a listed example no longer differs."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spec_examples import read_examples  # noqa: E402

# What the widget's HTML adds to cmark's on purpose, taken off before comparing (README, "The command line").
ADDED = [
    (re.compile(r'\A<article class="aw-article"( lang="[A-Za-z0-9-]+")? dir="(ltr|rtl)">\n'), ''),
    (re.compile(r'</article>\n\Z'), ''),
    (re.compile(r'(<h[1-6]) id="[^"]*"'), r'\1'),                        # heading anchors
    (re.compile(r' target="_blank" rel="noopener noreferrer"'), ''),     # links open in a new tab
    (re.compile(r' loading="lazy"'), ''),                                # images load when near the viewport
]

# The deliberate differences, example by example: (file, example number) -> reason.
#  raw-html     raw HTML is never passed through: the widget leaves it out (and says so in the model's warnings)
#  scheme       a link whose scheme is not http, https or mailto is drawn as text (a ':' before any '/', '?'
#               or '#' names a scheme; relative links and #anchors are followed)
#  smart        typographic punctuation (curly quotes, dashes, ellipses); compared after undoing it
#  autolink     GFM's extended autolinks also link bare URLs in examples written for plain CommonMark;
#               compared after undoing those links
#  order        the spec writes the task list checkbox's attributes in another order than cmark-gfm; compared
#               after sorting attributes
DELIBERATE = {
    # raw-html: 2
    ('extensions.txt', 12): 'raw-html', ('extensions.txt', 22): 'raw-html',
    # scheme: 1
    ('extensions.txt', 19): 'scheme',
    # smart: 7
    ('extensions.txt', 2): 'smart', ('extensions.txt', 3): 'smart', ('extensions.txt', 7): 'smart',
    ('extensions.txt', 9): 'smart', ('extensions.txt', 13): 'smart', ('extensions.txt', 18): 'smart',
    ('extensions.txt', 23): 'smart',
    # autolink: 5
    ('spec.txt', 610): 'autolink', ('spec.txt', 614): 'autolink', ('spec.txt', 616): 'autolink',
    ('spec.txt', 619): 'autolink', ('spec.txt', 620): 'autolink',
    # order: 2
    ('spec.txt', 279): 'order', ('spec.txt', 280): 'order',
    # raw-html: 72
    ('spec.txt', 118): 'raw-html', ('spec.txt', 119): 'raw-html', ('spec.txt', 120): 'raw-html',
    ('spec.txt', 121): 'raw-html', ('spec.txt', 122): 'raw-html', ('spec.txt', 123): 'raw-html',
    ('spec.txt', 124): 'raw-html', ('spec.txt', 125): 'raw-html', ('spec.txt', 126): 'raw-html',
    ('spec.txt', 127): 'raw-html', ('spec.txt', 128): 'raw-html', ('spec.txt', 129): 'raw-html',
    ('spec.txt', 130): 'raw-html', ('spec.txt', 131): 'raw-html', ('spec.txt', 132): 'raw-html',
    ('spec.txt', 133): 'raw-html', ('spec.txt', 134): 'raw-html', ('spec.txt', 135): 'raw-html',
    ('spec.txt', 136): 'raw-html', ('spec.txt', 137): 'raw-html', ('spec.txt', 138): 'raw-html',
    ('spec.txt', 139): 'raw-html', ('spec.txt', 140): 'raw-html', ('spec.txt', 141): 'raw-html',
    ('spec.txt', 142): 'raw-html', ('spec.txt', 143): 'raw-html', ('spec.txt', 144): 'raw-html',
    ('spec.txt', 145): 'raw-html', ('spec.txt', 146): 'raw-html', ('spec.txt', 147): 'raw-html',
    ('spec.txt', 148): 'raw-html', ('spec.txt', 149): 'raw-html', ('spec.txt', 150): 'raw-html',
    ('spec.txt', 151): 'raw-html', ('spec.txt', 152): 'raw-html', ('spec.txt', 153): 'raw-html',
    ('spec.txt', 154): 'raw-html', ('spec.txt', 155): 'raw-html', ('spec.txt', 156): 'raw-html',
    ('spec.txt', 157): 'raw-html', ('spec.txt', 158): 'raw-html', ('spec.txt', 159): 'raw-html',
    ('spec.txt', 160): 'raw-html', ('spec.txt', 170): 'raw-html', ('spec.txt', 288): 'raw-html',
    ('spec.txt', 289): 'raw-html', ('spec.txt', 317): 'raw-html', ('spec.txt', 327): 'raw-html',
    ('spec.txt', 354): 'raw-html', ('spec.txt', 484): 'raw-html', ('spec.txt', 485): 'raw-html',
    ('spec.txt', 486): 'raw-html', ('spec.txt', 500): 'raw-html', ('spec.txt', 503): 'raw-html',
    ('spec.txt', 532): 'raw-html', ('spec.txt', 544): 'raw-html', ('spec.txt', 632): 'raw-html',
    ('spec.txt', 633): 'raw-html', ('spec.txt', 634): 'raw-html', ('spec.txt', 635): 'raw-html',
    ('spec.txt', 636): 'raw-html', ('spec.txt', 642): 'raw-html', ('spec.txt', 644): 'raw-html',
    ('spec.txt', 645): 'raw-html', ('spec.txt', 646): 'raw-html', ('spec.txt', 647): 'raw-html',
    ('spec.txt', 648): 'raw-html', ('spec.txt', 649): 'raw-html', ('spec.txt', 650): 'raw-html',
    ('spec.txt', 652): 'raw-html', ('spec.txt', 662): 'raw-html', ('spec.txt', 663): 'raw-html',
    # scheme: 6
    ('spec.txt', 508): 'scheme', ('spec.txt', 604): 'scheme', ('spec.txt', 606): 'scheme',
    ('spec.txt', 607): 'scheme', ('spec.txt', 609): 'scheme', ('spec.txt', 628): 'scheme',
    # smart: 26
    ('spec.txt', 16): 'smart', ('spec.txt', 25): 'smart', ('spec.txt', 57): 'smart',
    ('spec.txt', 61): 'smart', ('spec.txt', 76): 'smart', ('spec.txt', 166): 'smart',
    ('spec.txt', 178): 'smart', ('spec.txt', 179): 'smart', ('spec.txt', 203): 'smart',
    ('spec.txt', 310): 'smart', ('spec.txt', 353): 'smart', ('spec.txt', 362): 'smart',
    ('spec.txt', 368): 'smart', ('spec.txt', 372): 'smart', ('spec.txt', 389): 'smart',
    ('spec.txt', 394): 'smart', ('spec.txt', 404): 'smart', ('spec.txt', 516): 'smart',
    ('spec.txt', 598): 'smart', ('spec.txt', 630): 'smart', ('spec.txt', 638): 'smart',
    ('spec.txt', 639): 'smart', ('spec.txt', 641): 'smart', ('spec.txt', 643): 'smart',
    ('spec.txt', 651): 'smart', ('spec.txt', 670): 'smart',
}

SMART = [('\u201c', '&quot;'), ('\u201d', '&quot;'), ('\u2018', "'"), ('\u2019', "'"),
         ('\u2014', '---'), ('\u2013', '--'), ('\u2026', '...')]


def undo_smart(html):
    for curly, plain in SMART:
        html = html.replace(curly, plain)
    return html


def undo_autolinks(html):
    return re.sub(r'<a href="(?:http://|https://|mailto:)?([^"]*)">([^<]*)</a>',
                  lambda m: m.group(2) if m.group(1).replace('&amp;', '&') in m.group(2).replace('&amp;', '&') else m.group(0), html)


def sort_attributes(html):
    def one(m):
        attrs = sorted(re.findall(r'\s+([^\s=/>]+(?:="[^"]*")?)', m.group(2)))
        return '<' + m.group(1) + ''.join(' ' + a for a in attrs) + '>'
    return re.sub(r'<([a-z]+)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*/?>', one, html)


CHECKS = {
    'raw-html': None, 'scheme': None,
    'smart': undo_smart, 'autolink': undo_autolinks, 'order': sort_attributes,
}


def run(command, markdown):
    done = subprocess.run(command, input=markdown.encode('utf-8'), capture_output=True, timeout=30)
    if done.returncode != 0:
        return None, done.stderr.decode('utf-8', 'replace').strip()
    return done.stdout.decode('utf-8'), ''


def widget_html(program, markdown):
    out, error = run([program, 'html', '-'], markdown)
    if out is not None:
        for pattern, replacement in ADDED:
            out = pattern.sub(replacement, out)
    return out, error


def main():
    program, reference, spec_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    failures, stale, summary = [], [], []
    for name in ('spec.txt', 'extensions.txt'):
        examples = read_examples(os.path.join(spec_dir, name))
        exact, deliberate = 0, {}
        for ex in examples:
            key = (name, ex['number'])
            got, error = widget_html(program, ex['markdown'])
            expected = ex['html']
            reason = DELIBERATE.get(key)
            if got is None:
                failures.append((key, ex, 'html failed: ' + error, ''))
                continue
            ref, error = run([reference], ex['markdown'])
            if got != ref:
                failures.append((key, ex, got, 'cmark-gfm renders: %r' % ref))
                continue
            if expected.strip() == '<IGNORE>' or got == expected:
                exact += 1
                if reason:
                    stale.append((key, reason))
                continue
            if reason:
                check = CHECKS[reason]
                if check is None or check(got) == check(expected):
                    deliberate[reason] = deliberate.get(reason, 0) + 1
                    continue
            failures.append((key, ex, got, expected))
        summary.append('%s: %d of %d examples match exactly, %d differ deliberately (%s)' % (
            name, exact, len(examples), sum(deliberate.values()),
            ', '.join('%s %d' % kv for kv in sorted(deliberate.items())) or 'none'))
    for (name, number), ex, got, expected in failures:
        print('FAIL %s example %d (line %d, %s)' % (name, number, ex['line'], ex['section']))
        print('  markdown: %r\n  expected: %r\n  got:      %r' % (ex['markdown'], expected, got))
    for (name, number), reason in stale:
        print('STALE %s example %d is listed as "%s" but now matches: take it off the list' % (name, number, reason))
    for line in summary:
        print(line)
    print('conformance: %d unexpected differences, %d stale entries' % (len(failures), len(stale)))
    return 1 if failures or stale else 0


if __name__ == '__main__':
    sys.exit(main())
