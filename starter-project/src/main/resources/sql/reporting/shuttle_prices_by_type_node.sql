-- weir: inputs=model_input_table, params:price_report.min_company_rating
-- weir: output=shuttle_prices_by_type
-- The reporting pipeline's SQL node, next to its Java nodes (ReportingPipeline): shuttles and their
-- average price by shuttle type, counting only companies rated at least
-- params:price_report.min_company_rating (parameters_reporting.yml). `model_input_table` is the
-- catalog dataset of that name; the parameter is bound as the named SQL parameter
-- :price_report_min_company_rating, never spliced into the text. The catalog declares the output's
-- columns (load_args.schema), and `weir run --dry-run` checks this query against them.
SELECT
  shuttle_type,
  COUNT(*) AS shuttles,
  ROUND(AVG(price), 2) AS average_price
FROM model_input_table
WHERE company_rating >= :price_report_min_company_rating
GROUP BY shuttle_type
ORDER BY shuttle_type
