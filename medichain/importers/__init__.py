"""Importers of official data files (MFDS e약은요 and DUR, HIRA, NEMC E-Gen) and knowledge documents.

Each source module reads its format into raw rows with line or item numbers and converts each row into a
validated write; `runner.run_import` batches the writes into the global database and summarises them.
"""
