-- weir: inputs=rated_companies, shuttles@spark
-- weir: output=shuttle_capacity
-- weir: tags=reporting
WITH per_company AS (
  SELECT company_id, SUM(passenger_capacity) AS capacity
  FROM shuttles
  GROUP BY company_id
)
SELECT c.id AS company_id, p.capacity
FROM rated_companies c
JOIN per_company p ON p.company_id = c.id
ORDER BY company_id
