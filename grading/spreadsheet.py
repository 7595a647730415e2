"""CSV for spreadsheets: a cell a student could have chosen (a name, a reason) never runs as a formula.

OWASP's rule for CSV injection: a text cell beginning with =, +, -, @, a tab or a carriage return
is prefixed with a single quote, which spreadsheets show as text. Numbers (-1.5) stay numbers.
"""

import csv
import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def csv_text(columns: list[str], rows: list[dict]) -> str:
    """The rows as CSV text, every cell neutralised (header included)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")  # RFC 4180: a CR or LF in a cell is then quoted
    writer.writerow([neutralised(column) for column in columns])
    writer.writerows([neutralised(row.get(column, "")) for column in columns] for row in rows)
    return text.getvalue()


def frame_csv_text(frame: pd.DataFrame) -> str:
    """A table as CSV text, its text cells neutralised (missing values stay empty)."""
    safe = frame.copy()
    for column in safe.columns:
        if pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_datetime64_any_dtype(safe[column]):
            continue
        safe[column] = safe[column].map(lambda value: value if pd.isna(value) else neutralised(value))
    safe.columns = [neutralised(column) for column in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text
