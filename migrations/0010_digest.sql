-- A daily digest: one mail a day gathering a person's notifications.
ALTER TABLE users DROP CONSTRAINT users_notify_check;
ALTER TABLE users ADD CONSTRAINT users_notify_check
    CHECK (notify IN ('segera', 'harian', 'kotak_masuk'));
