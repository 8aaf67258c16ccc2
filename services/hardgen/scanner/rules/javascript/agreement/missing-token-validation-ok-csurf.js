// hardgen-expect: none
// hardgen-near-miss: js/missing-token-validation
const express = require('express');
const cookieParser = require('cookie-parser');
const csrf = require('csurf');

const app = express();
app.use(cookieParser());
app.use(express.urlencoded({ extended: false }));
app.use(csrf({ cookie: true }));

const carts = new Map();

app.post('/cart/items', (req, res) => {
  const cartId = req.cookies.cartId;
  if (!cartId) return res.status(400).send('No cart');
  carts.set(cartId, (carts.get(cartId) || 0) + 1);
  res.redirect('/cart');
});

app.listen(3000);
