/** The memory limit of blocking stages: hovers on allowDiskUse, $sort and $group; a hint when disk use is turned off. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt as hoverIn, problemsOf, DRIVER_PROJECT } from '../../helpers/problems';

/** Hovers in a file of a project that uses the driver. */
const hoverAt = (marked: string, languageId: string) => hoverIn(marked, languageId, DRIVER_PROJECT);

const found = (text: string, languageId = 'javascript') => problemsOf(text, languageId, { ruleIds: ['aggregation-disk-use-disabled'], settings: DRIVER_PROJECT });

describe('allowDiskUse: false with a blocking stage', () => {
  it('$sort or $group with allowDiskUse: false is a hint; true, left out, or no blocking stage is fine', () => {
    const js = (stage: string, options: string) => `const top = await orders.aggregate([{ $match: { open: true } }, ${stage}]${options}).toArray();\n`;
    assert.deepEqual(found(js('{ $sort: { total: -1 } }', ', { allowDiskUse: false }')), [['aggregation-disk-use-disabled', 'allowDiskUse', 'hint']]);
    assert.deepEqual(found(js('{ $group: { _id: "$user", n: { $sum: 1 } } }', ', { maxTimeMS: 1000, allowDiskUse: false }'), 'typescript'), [['aggregation-disk-use-disabled', 'allowDiskUse', 'hint']]);
    assert.deepEqual(found(js('{ $sort: { total: -1 } }', ', { allowDiskUse: true }')), []);
    assert.deepEqual(found(js('{ $sort: { total: -1 } }', '')), []);
    assert.deepEqual(found(js('{ $limit: 10 }', ', { allowDiskUse: false }')), []);
    assert.deepEqual(found('db.orders.aggregate([{ $facet: { byUser: [{ $group: { _id: "$u" } }] } }], { allowDiskUse: false })\n', 'mongodb'), [['aggregation-disk-use-disabled', 'allowDiskUse', 'hint']]);
  });

  it('Python: allowDiskUse=False', () => {
    assert.deepEqual(found('orders.aggregate([{"$sort": {"total": -1}}], allowDiskUse=False)\n', 'python'), [['aggregation-disk-use-disabled', 'allowDiskUse', 'hint']]);
    assert.deepEqual(found('orders.aggregate([{"$sort": {"total": -1}}], allowDiskUse=True)\n', 'python'), []);
  });
});

describe('hovers', () => {
  it('on allowDiskUse, $sort and $group: the 100 MB limit and the default since 6.0', () => {
    for (const [marked, languageId, under] of [
      ['await orders.aggregate([{ $sort: { t: 1 } }], { allowDisk|Use: true });\n', 'javascript', 'allowDiskUse'],
      ['db.orders.aggregate([{ $so|rt: { t: 1 } }])\n', 'mongodb', '$sort'],
      ['const pipeline = [{ $gro|up: { _id: "$u" } }];\n', 'typescript', '$group'],
      ['orders.aggregate([{"$gro|up": {"_id": "$u"}}], allowDiskUse=False)\n', 'python', '$group'],
      ['orders.aggregate([{"$group": {"_id": "$u"}}], allowDisk|Use=False)\n', 'python', 'allowDiskUse'],
      ['const rows = await orders.find({}).sort({ t: 1 }).allowDisk|Use(true).toArray();\n', 'javascript', 'allowDiskUse'],
    ] as const) {
      const h = hoverAt(marked, languageId);
      assert.ok(h, marked);
      assert.equal(h.under, under);
      assert.match(h.contents, /at most 100 MB/);
      assert.match(h.contents, /`allowDiskUse: false` makes such a stage fail beyond 100 MB;/);
      assert.match(h.contents, /6\.0/);
      assert.match(h.contents, /allowDiskUseByDefault/);
    }
  });

  it('not on other words, or in comments and strings', () => {
    assert.equal(hoverAt('db.orders.aggregate([{ $li|mit: 1 }])\n', 'mongodb'), null);
    assert.equal(hoverAt('// { $so|rt: 1 }\n', 'javascript'), null);
    assert.equal(hoverAt('const s = "use $gro|up here";\n', 'javascript'), null);
  });
});
