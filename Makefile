# Convenience targets. The README's two commands (./przystan demo, ./przystan test) need nothing else.
.PHONY: demo test bench bench-tiny lint

demo:
	./przystan demo

test:
	./przystan test

# Benchmarks at full size (PostgreSQL from DATABASE_URL); they print their figures (-s).
# CI runs the same benchmarks at PRZYSTAN_BENCH_SIZE=tiny inside ./przystan test so they cannot rot.
bench:
	PRZYSTAN_BENCH_SIZE=full ./przystan test -m benchmark -s -p no:cacheprovider

bench-tiny:
	PRZYSTAN_BENCH_SIZE=tiny ./przystan test -m benchmark -s -p no:cacheprovider

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
