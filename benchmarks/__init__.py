"""Quality and speed benchmarks (see BENCHMARKS.md); not part of the package or of `make test`."""
