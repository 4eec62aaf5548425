"""The clinic domain: which department fits a symptom, hospitals nearby, open now, how to prepare."""
