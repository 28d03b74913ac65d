'use strict';

const express = require('express');
const { ObjectId } = require('mongodb');
const { getDb } = require('../src/db');

const router = express.Router();

router.get('/', async (req, res, next) => {
  try {
    const limit = Math.min(Number(req.query.limit) || 20, 100);
    const items = await getDb().collection('products').find({ active: true }).limit(limit).toArray();
    res.json(items);
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const item = await getDb().collection('products').findOne({ _id: new ObjectId(req.params.id) });
    if (!item) return res.status(404).json({ error: 'not found' });
    res.json(item);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
