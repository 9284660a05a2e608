"""Evaluation: gold claims or labelled datasets + predictions -> scores and misses
(`tollbook eval`).
"""
