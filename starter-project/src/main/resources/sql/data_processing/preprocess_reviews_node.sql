-- weir: inputs=reviews
-- weir: output=preprocessed_reviews
-- The data_processing pipeline's SQL node, next to its Java nodes (DataProcessingPipeline):
-- keeps the review columns the model uses. `reviews` is the catalog dataset of the same name.
SELECT * EXCEPT (
  review_scores_comfort,
  review_scores_amenities,
  review_scores_trip,
  review_scores_crew,
  review_scores_location,
  review_scores_price,
  number_of_reviews,
  reviews_per_month
)
FROM reviews
