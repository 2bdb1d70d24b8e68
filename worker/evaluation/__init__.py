"""The scoring behind `newswire eval` (worker/evaluate.py): one small module per concern.

gold.py reads the gold files; metrics.py holds span matching and P/R/F1; entities.py, timexes.py,
quotes.py, topics.py and events.py score one layer each (their docstrings state the matching rules);
runner.py runs and times the stages; corpus.py feeds a file's documents to the scorers; speed.py and
report.py summarise and print.
"""
