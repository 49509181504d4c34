-- The door check-in QR code of confirmation, promotion and reminder emails: a PNG rendered once
-- when the message is queued, sent as an inline part (Content-ID checkin-qr) that the HTML part
-- shows with <img src="cid:checkin-qr">. Null for every other message.
alter table outbox_message add column inline_image bytea;
