-- An emulator reset puts the simulation clock back to real time (E9): the one move backwards it makes. The count of
-- resets tells every instance that a lower offset it reads is the new one, not a stale read.
ALTER TABLE simulation_clock ADD COLUMN resets BIGINT DEFAULT 0 NOT NULL;
