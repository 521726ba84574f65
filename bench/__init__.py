"""Benchmarks anyone can run (`make bench`): each script prints a table of figures measured side by side in one run,
because absolute times on a shared machine are noise and ratios are not. Run one with `python -m bench.<name>`."""


def percentile(values, fraction):
    """Nearest-rank percentile (fraction in 0..1) of a non-empty list; the p95 of 20 samples is the 19th smallest."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil(n * fraction), at least the first value
    return ordered[int(rank) - 1]


def print_table(title, header, rows):
    """A plain aligned text table; numbers are formatted by the caller."""
    cells = [list(map(str, header))] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for index, row in enumerate(cells):
        pairs = enumerate(zip(row, widths, strict=True))
        padded = [cell.rjust(width) if i else cell.ljust(width) for i, (cell, width) in pairs]
        print("  ".join(padded))
        if index == 0:
            print("  ".join("-" * width for width in widths))
