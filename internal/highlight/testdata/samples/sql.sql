-- Campaigns with their budgets; commentaire : campagnes.
SELECT c.id, c.name AS campaign_name, COUNT(*) AS ads
FROM campaign c
LEFT JOIN ad a ON a.campaign_id = c.id
WHERE c.status = 'ENABLED' AND c.budget > 100 /* minimum */
  AND c.name <> 'it''s'
GROUP BY c.id, c.name
ORDER BY ads DESC
LIMIT 10;

CREATE TABLE page (
    id INTEGER PRIMARY KEY,
    path VARCHAR(255) NOT NULL,
    "lang" CHAR(2) DEFAULT 'en',
    updated_at timestamp
);
insert into page (id, path) values (1, '/docs/');
