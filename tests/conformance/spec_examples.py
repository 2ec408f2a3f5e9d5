#!/usr/bin/env python3
"""Reads the examples of a CommonMark/GFM spec file (cmark's test/spec.txt format)."""
import re

FENCE = '`' * 32


def read_examples(path):
    """Yields dicts: number (1-based in the file), kind ('' or the extension name after 'example'),
    section, line, markdown, html. Tabs are written as U+2192 in the file."""
    examples = []
    section = ''
    state = 0   # 0 outside, 1 markdown, 2 html
    markdown, html, kind, start = [], [], '', 0
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            stripped = line.rstrip('\n')
            if state == 0:
                if stripped.startswith(FENCE + ' example'):
                    state, markdown, html, start = 1, [], [], lineno
                    kind = stripped[len(FENCE) + len(' example'):].strip()
                elif re.match(r'^#{1,6} ', stripped):
                    section = re.sub(r'^#{1,6} ', '', stripped).strip()
            elif state == 1:
                if stripped == '.':
                    state = 2
                else:
                    markdown.append(line)
            elif state == 2:
                if stripped == FENCE:
                    examples.append({
                        'number': len(examples) + 1, 'kind': kind, 'section': section, 'line': start,
                        'markdown': ''.join(markdown).replace('\u2192', '\t'),
                        'html': ''.join(html).replace('\u2192', '\t'),
                    })
                    state = 0
                else:
                    html.append(line)
    return examples
