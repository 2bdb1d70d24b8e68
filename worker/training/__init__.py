"""Offline training code for the shipped models. Imported by `make train-*` and the eval scorer, never by a worker."""
