"""Tally: Claim* of one document -> Tally (per category: best, low, high, split by class).
"""
