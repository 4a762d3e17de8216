"""Reference values for the study-analysis tests, computed independently of the C# code.

Run with `python3 reference_values.py` (needs mpmath, which ships with SymPy). Every number is computed with
mpmath at 50 significant digits: the t distribution from mpmath's own regularised incomplete beta function and,
as a second opinion, by numerical integration of the t density; exact signed-rank p-values by enumerating every
sign pattern (small n) or by multiplying out the generating polynomial prod(1 + q^k) (n = 25). The C# tests
copy the printed values and say so beside each one.
"""
from fractions import Fraction
from itertools import product
import math

import mpmath as mp

mp.mp.dps = 50


def t_upper(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    x = df / (df + t * t)
    half = mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return half if t >= 0 else 1 - half


def t_cdf(t, df):
    return 1 - t_upper(t, df)


def t_cdf_by_integration(t, df):
    df = mp.mpf(df)
    c = mp.gamma((df + 1) / 2) / (mp.sqrt(df * mp.pi) * mp.gamma(df / 2))
    area = mp.quad(lambda u: c * (1 + u * u / df) ** (-(df + 1) / 2), [0, t])
    return mp.mpf(1) / 2 + area


def t_quantile(p, df):
    # Bisection on the upper tail of the smaller of p and 1 - p, mirrored by symmetry.
    p = mp.mpf(p)
    tail = min(p, 1 - p)
    low, high = mp.mpf(0), mp.mpf(1)
    while t_upper(high, df) > tail:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if t_upper(middle, df) > tail:
            low = middle
        else:
            high = middle
    t = (low + high) / 2
    return t if p > mp.mpf(1) / 2 else -t


def mean(values):
    return mp.fsum(values) / len(values)


def sd(values):
    m = mean(values)
    return mp.sqrt(mp.fsum((v - m) ** 2 for v in values) / (len(values) - 1))


def summary(name, values):
    n = len(values)
    m = mean(values)
    s = sd(values)
    ordered = sorted(values)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    half = t_quantile(mp.mpf("0.975"), n - 1) * s / mp.sqrt(n)
    print(f"{name}: n={n} mean={mp.nstr(m, 15)} median={mp.nstr(median, 15)} sd={mp.nstr(s, 15)} "
          f"ci=({mp.nstr(m - half, 15)}, {mp.nstr(m + half, 15)})")


def paired(name, a, b):
    d = [y - x for x, y in zip(a, b)]
    n = len(d)
    m = mean(d)
    s = sd(d)
    t = m / (s / mp.sqrt(n))
    p = 2 * t_upper(abs(t), n - 1)
    half = t_quantile(mp.mpf("0.975"), n - 1) * s / mp.sqrt(n)
    print(f"{name} paired t: n={n} mean={mp.nstr(m, 15)} sd={mp.nstr(s, 15)} t={mp.nstr(t, 15)} df={n - 1} "
          f"p={mp.nstr(p, 15)} ci=({mp.nstr(m - half, 15)}, {mp.nstr(m + half, 15)})")


def welch(name, x, y):
    mx, my = mean(x), mean(y)
    vx, vy = sd(x) ** 2 / len(x), sd(y) ** 2 / len(y)
    se = mp.sqrt(vx + vy)
    t = (mx - my) / se
    df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
    p = 2 * t_upper(abs(t), df)
    half = t_quantile(mp.mpf("0.975"), df) * se
    print(f"{name} welch: diff={mp.nstr(mx - my, 15)} t={mp.nstr(t, 15)} df={mp.nstr(df, 15)} p={mp.nstr(p, 15)} "
          f"ci=({mp.nstr(mx - my - half, 15)}, {mp.nstr(mx - my + half, 15)})")


def average_ranks(magnitudes):
    order = sorted(range(len(magnitudes)), key=lambda i: magnitudes[i])
    ranks = [None] * len(magnitudes)
    i = 0
    ties = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and magnitudes[order[j + 1]] == magnitudes[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = Fraction(i + 1 + j + 1, 2)
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    return ranks, ties


def wilcoxon(name, a, b):
    d = [Fraction(y) - Fraction(x) for x, y in zip(a, b)]
    d = [v for v in d if v != 0]
    n = len(d)
    ranks, ties = average_ranks([abs(v) for v in d])
    w_plus = sum(r for r, v in zip(ranks, d) if v > 0)
    w_minus = Fraction(n * (n + 1), 2) - w_plus
    text = f"{name} wilcoxon: n={n} W+={float(w_plus)} W-={float(w_minus)} ties={ties}"
    if ties == 0:
        if n <= 16:
            # Every sign pattern of the ranks 1..n, counted one by one.
            sums = [sum(k + 1 for k in range(n) if signs[k]) for signs in product((0, 1), repeat=n)]
            lower = sum(1 for s in sums if s <= w_plus)
            upper = sum(1 for s in sums if s >= w_plus)
            method = "enumeration"
        else:
            # Coefficients of prod(1 + q^k): a polynomial product, not the C# recurrence.
            poly = {0: 1}
            for k in range(1, n + 1):
                nxt = dict(poly)
                for s, c in poly.items():
                    nxt[s + k] = nxt.get(s + k, 0) + c
                poly = nxt
            lower = sum(c for s, c in poly.items() if s <= w_plus)
            upper = sum(c for s, c in poly.items() if s >= w_plus)
            method = "generating polynomial"
        p = min(Fraction(1), 2 * Fraction(min(lower, upper), 2 ** n))
        text += f" exact p={mp.nstr(mp.mpf(p.numerator) / p.denominator, 15)} ({method}, {p})"
    mu = mp.mpf(n * (n + 1)) / 4
    var = mp.mpf(n * (n + 1) * (2 * n + 1)) / 24 - mp.mpf(ties) / 48
    z = max(mp.mpf(0), abs(mp.mpf(w_plus.numerator) / w_plus.denominator - mu) - mp.mpf(1) / 2) / mp.sqrt(var)
    text += f" normal p={mp.nstr(2 * mp.ncdf(-z), 15)} z={mp.nstr(z, 15)}"
    print(text)


print("== t distribution ==")
for t, df in [(1, 1), (2, 2), (2, 5), (-1.5, 10), (2.063898561628, 24), (3, 30), (-2, 17.776), (1.96, 1000),
              (-40, 3), (0.001, 4)]:
    print(f"pt({t}, {df}) = {mp.nstr(t_cdf(t, df), 17)}  integration {mp.nstr(t_cdf_by_integration(t, df), 17)}")
for p, df in [(0.975, 1), (0.975, 2), (0.975, 4), (0.95, 5), (0.975, 10), (0.975, 24), (0.995, 24), (0.025, 24),
              (0.975, 30), (0.975, 17.776), (0.975, 1000), (0.9995, 1), (0.6, 3), (1e-10, 7)]:
    print(f"qt({p}, {df}) = {mp.nstr(t_quantile(mp.mpf(p), df), 17)}")
for t, df in [(0.7, 0.5), (-25, 1.5), (12, 3.3), (-2.5, 50), (4, 1e4), (-3, 1e6), (0.2, 1e6), (-1e4, 2)]:
    print(f"pt({t}, {df}) = {mp.nstr(t_cdf(t, df), 17)}")
for p, df in [(0.99, 0.5), (0.01, 1.5), (0.975, 1e6), (0.75, 250)]:
    print(f"qt({p}, {df}) = {mp.nstr(t_quantile(mp.mpf(p), df), 17)}")
for z in [-1.959963984540054, 0, 1, 2.5, -6]:
    print(f"pnorm({z}) = {mp.nstr(mp.ncdf(z), 17)}")

print("== sleep data (R's datasets::sleep) ==")
g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
m1 = [mp.mpf(str(v)) for v in g1]
m2 = [mp.mpf(str(v)) for v in g2]
paired("sleep g2 - g1", m1, m2)
welch("sleep g1 vs g2", m1, m2)
wilcoxon("sleep g2 - g1", [Fraction(str(v)) for v in g1], [Fraction(str(v)) for v in g2])

print("== small signed-rank sets ==")
wilcoxon("all five up", [0] * 5, [1, 2, 3, 4, 5])
wilcoxon("eight mixed", [0] * 8, [1.5, -0.5, 3.0, 4.5, -2.5, 6.0, 7.5, 9.0])
wilcoxon("with zeros no ties", [0] * 8, [0, 2, -1, 0, 5, 7, 3, 4])
wilcoxon("with ties and zeros", [0] * 10, [0, 1, -1, 2, 2, 3, -3, 0, 4, 5])

print("== study-shaped data ==")
x = [float(i - 13) for i in range(1, 26)]
sd_x = math.sqrt(sum(v * v for v in x) / 24)
a_seconds = [109 + 33.54 * (v / sd_x) for v in x]
y = [58, 71, 49, 83, 62, 55, 90, 47, 66, 73, 51, 60, 79, 44, 68, 57, 86, 63, 52, 75, 59, 70, 48, 81, 65]
mean_y = sum(y) / 25
centred = [v - mean_y for v in y]
slope = sum(c * v for c, v in zip(centred, x)) / sum(v * v for v in x)
residual = [c - slope * v for c, v in zip(centred, x)]
mean_r = sum(residual) / 25
residual = [r - mean_r for r in residual]
sd_r = math.sqrt(sum(r * r for r in residual) / 24)
b_seconds = [64 + 19.96 * (r / sd_r) for r in residual]
# The C# test stores each time as whole ticks (100 ns) of a DateTime, so the reference does too.
a_ticks = [round(s * 1e7) for s in a_seconds]
b_ticks = [round(s * 1e7) for s in b_seconds]
A = [mp.mpf(t) / 10 ** 7 for t in a_ticks]
B = [mp.mpf(t) / 10 ** 7 for t in b_ticks]
print("A rounded to whole seconds:", sorted(round(float(v)) for v in A))
print("B rounded to whole seconds:", sorted(round(float(v)) for v in B))
summary("flow A", A)
summary("flow B", B)
paired("study B - A", A, B)
wilcoxon("study B - A", [Fraction(t, 10 ** 7) for t in a_ticks], [Fraction(t, 10 ** 7) for t in b_ticks])
a_first = [b - a for i, (a, b) in enumerate(zip(A, B)) if i % 2 == 0]
b_first = [b - a for i, (a, b) in enumerate(zip(A, B)) if i % 2 == 1]
summary("A first B - A", a_first)
summary("B first B - A", b_first)
print("A first rounded:", sorted(round(float(v)) for v in a_first))
print("B first rounded:", sorted(round(float(v)) for v in b_first))
welch("order A first vs B first", a_first, b_first)
summary("preference", [mp.mpf(v) for v in [1] + [2] * 2 + [3] * 5 + [4] * 10 + [5] * 7])
summary("preference 21", [mp.mpf(v) for v in [1] + [2] * 2 + [3] * 3 + [4] * 9 + [5] * 6])
summary("sus A", [mp.mpf(50)] * 20 + [mp.mpf(75)] * 5)
summary("sus B", [mp.mpf(75)] * 15 + [mp.mpf(100)] * 10)
