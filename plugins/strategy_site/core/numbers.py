"""Numbers as Norwegian text: a non-breaking space between thousands, a decimal comma, halves rounded up.

The one formatter of figures for pages, charts and summaries; templates get `number`, `measured` and `percent`
as Jinja filters. Rounding is done in decimal arithmetic on the number as written (1.25 -> "1,3", a share of
0.125 -> "13 %"), not by Python's `round`, which rounds halves to even and works on the binary value.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

MISSING = "–"
_THOUSANDS = "\u00a0"


def _decimal(value: float | int | Decimal | None) -> Decimal | None:
    """The number as written (a float by its shortest repr, so 1.25 is 1.25), or None for no finite number."""
    if value is None:
        return None
    exact = Decimal(value) if isinstance(value, int | Decimal) else Decimal(repr(float(value)))
    return exact if exact.is_finite() else None


def _rounded(value: Decimal, decimals: int) -> Decimal:
    """`value` to `decimals` places, halves away from zero (-1.25 -> -1.3), never a negative zero."""
    # Enough digits for the whole value: the default context (28) would refuse to round 1e30 to one place.
    digits = Context(prec=max(28, value.adjusted() + decimals + 2))
    result = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=digits)
    return result.copy_abs() if result.is_zero() else result


def number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """A number with `decimals` places: `number(1234567.25, 1)` -> '1 234 567,3'; None -> '–'."""
    exact = _decimal(value)
    if exact is None:
        return MISSING
    text = f"{_rounded(exact, decimals):,f}"
    return text.replace(",", _THOUSANDS).replace(".", ",")


# The most places a measured value is shown with; more is noise from a calculation, not a measurement.
MAX_DECIMALS = 4


def decimals_for(*values: float | int | None) -> int:
    """How many places figures from these values are shown with: as many as the most precise of them has
    (3.25 and 4 -> 2; 4.0 -> 0), at most `MAX_DECIMALS`."""
    places = 0
    for value in values:
        exact = _decimal(value)
        if exact is not None and not exact.is_zero():
            places = max(places, -exact.normalize().as_tuple().exponent)
    return min(places, MAX_DECIMALS)


def rounded(value: float | int | None, decimals: int) -> float | int | None:
    """`value` rounded half up to `decimals` places, as a number (for the export and workbooks): exactly the
    figure `number(value, decimals)` shows."""
    exact = _decimal(value)
    if exact is None:
        return None
    result = _rounded(exact, decimals)
    return int(result) if decimals == 0 else float(result)


def measured(value: float | int | None, decimals: int | None = None) -> str:
    """A measured value (an indicator's value, baseline or target) with `decimals` places, else its own."""
    if value is None:
        return MISSING
    return number(value, decimals_for(value) if decimals is None else decimals)


def percent(share: float | None) -> str:
    """A share as a whole percentage: 0.125 -> '13 %'; None -> '–'."""
    exact = _decimal(share)
    return MISSING if exact is None else f"{number(exact * 100)}\u00a0%"
