-- weir: inputs=companies, params:min_rating
-- weir: output=rated_companies
-- weir: tags=reporting, sql
-- Companies rated at least :min_rating, best first.
SELECT id, company_rating
FROM companies
WHERE company_rating >= :min_rating
ORDER BY company_rating DESC, id
