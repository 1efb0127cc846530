"""Engines that run the pipeline over many articles: local processes, or Ray Data (``ray_engine``)."""
