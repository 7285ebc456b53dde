-- Hand-written (no schema change): lets a single statement refuse, rolling back everything it
-- did, with a reason the API turns into a message. Placing an order is one statement (reserve,
-- take the coupon use, insert the order and its rows): a short line or a coupon out of uses
-- must undo the lines already reserved. SQLSTATE SR001; the message is the reason.
CREATE FUNCTION shop_refuse(reason TEXT) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'SR001', MESSAGE = reason;
END $$;
