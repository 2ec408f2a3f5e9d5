// The element's types: the README's React pattern, written as TSX (tests/types/react-pattern.tsx), compiles with tsc 5
// against web/article-widget.d.ts: typed listeners are added and removed, a wrongly typed one is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

test('the README\'s React pattern compiles as TSX with tsc 5 (typed listeners removed, wrong ones refused)', { timeout: 120000 }, () => {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const version = spawnSync(tsc, ['--version'], { encoding: 'utf8' }).stdout.trim();
  assert.match(version, /^Version 5\./, `tsc 5.x (${version})`);
  const run = spawnSync(tsc, ['-p', join(ROOT, 'tests/types/tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc reported:\n${run.stdout}${run.stderr}`);
});
