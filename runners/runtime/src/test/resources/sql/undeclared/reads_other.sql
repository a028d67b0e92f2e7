-- weir: inputs=companies
-- weir: output=joined
SELECT c.id, s.passenger_capacity
FROM companies c
JOIN shuttles s ON s.company_id = c.id
