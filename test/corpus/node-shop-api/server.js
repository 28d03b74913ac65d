'use strict';

require('dotenv').config();

const express = require('express');
const compression = require('compression');
const cors = require('cors');
const morgan = require('morgan');
const { connect, close } = require('./src/db');
const products = require('./routes/products');

const app = express();
app.use(cors());
app.use(compression());
app.use(express.json());
app.use(morgan(process.env.NODE_ENV === 'production' ? 'combined' : 'dev'));

app.get('/healthz', (_req, res) => res.json({ ok: true }));
app.use('/api/products', products);

const port = Number(process.env.PORT) || 3000;

connect()
  .then(() => {
    const server = app.listen(port, () => console.log(`shop-api listening on :${port}`));
    process.on('SIGTERM', async () => {
      server.close();
      await close();
    });
  })
  .catch((err) => {
    console.error('Could not connect to MongoDB', err);
    process.exit(1);
  });
