-- A campaign whose delivery is posted (S12) is never simulated: its watermark is marked ingested and stays closed.
ALTER TABLE delivery_cursor ADD COLUMN ingested BOOLEAN DEFAULT FALSE NOT NULL;
