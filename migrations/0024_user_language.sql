-- The interface language a person chose (issue 16, point 5): NULL until
-- they choose; Indonesian is the default. Signing in sets the browser's
-- `bahasa` cookie from it, so the choice follows the person.
ALTER TABLE users ADD COLUMN lang text CHECK (lang IN ('id', 'en'));
