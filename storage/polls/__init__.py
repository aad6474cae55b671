"""Polls and date findings: tables (`models`), rules (`service`), reads (`queries`), audiences."""
