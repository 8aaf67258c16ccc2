// hardgen-expect: js/missing-token-validation
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());
app.use(express.json());

const carts = new Map();

app.post('/cart/items', (req, res) => {
  const cartId = req.cookies.cartId;
  if (!cartId) return res.status(400).json({ error: 'No cart' });
  const items = carts.get(cartId) || [];
  items.push({ sku: 'SKU-1', qty: 1 });
  carts.set(cartId, items);
  res.status(201).json({ count: items.length });
});

app.listen(3000);
