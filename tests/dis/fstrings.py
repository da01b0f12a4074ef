# f-strings: plain fields, !r, format specs, nested expressions.
name = "gil"
price = 1234.5678
width = 8
print(f"{name!r} costs {price:,.2f}")
print(f"[{name:>{width}}] [{price:8.1f}] {len(name) * 2}")
