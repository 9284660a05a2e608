"""The grammar the extractor reads, declared as data: cue words, population nouns and
their classes, number words, verb forms -> compiled tables and patterns.
"""
