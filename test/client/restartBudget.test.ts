import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartBudget } from '../../client/src/restartBudget';

test('a stopped server is started again at most four times in three minutes', () => {
  const budget = new RestartBudget(4, 180_000);
  const t0 = 1_000_000;
  assert.deepEqual([1, 2, 3, 4].map((k) => budget.stopped(t0 + k * 1000)), [1, 2, 3, 4].map((count) => ({ count, restart: true })));
  assert.deepEqual(budget.stopped(t0 + 5000), { count: 5, restart: false }, 'the fifth stop within the window: left stopped');
});

test('stops older than the window no longer count', () => {
  const budget = new RestartBudget(4, 180_000);
  for (let k = 0; k < 4; k++) budget.stopped(k * 1000);
  assert.deepEqual(budget.stopped(3000 + 180_000), { count: 1, restart: true }, 'all earlier stops are more than three minutes old');
  for (let k = 0; k < 3; k++) assert.equal(budget.stopped(190_000 + k).restart, true);
  assert.deepEqual(budget.stopped(190_010), { count: 5, restart: false });
});
