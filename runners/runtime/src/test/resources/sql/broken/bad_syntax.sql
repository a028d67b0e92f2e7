-- weir: inputs=companies
-- weir: output=broken_output

SELECT id,
       company_rating
FROM companies
WHERE company_rating > > 3
