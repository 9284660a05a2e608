"""Events: claims of many documents -> Event* (grouping), origins, reconciliation
(Finding*), comparisons of two documents, reviewers' corrections.
"""
