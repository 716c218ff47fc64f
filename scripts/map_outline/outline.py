"""Reduces Natural Earth 1:50m (as packaged in r-cran-rnaturalearthdata) to the map pane's
outline: two sets of polylines, written as a Swift source file.

- "outline": the coast and lake shores of the lower 48 and of Canada, the US-Canada and
  US-Mexico land borders, and the coasts and borders of Mexico and the Caribbean in the box;
- "states": borders between two lower-48 states.

Borders are edges that two polygons share: an edge used by two US states is a state border,
one used by a single state is coast, lake shore or a national border. Edges are chained into
arcs that end where classes meet, so every arc is simplified (Douglas-Peucker) on its own
with its ends fixed, and state borders still meet the coast after simplification.
Points are quantised to hundredths of a degree and written with the encoded-polyline
scheme (zigzag varints, 5 bits a character, characters 63...126), deltas from the previous
point, so the Swift compiler sees two string literals instead of thousands of numbers.

Usage: outline.py RDATA_BASE OUT.swift [tolerance-degrees]
"""

import math
import sys

from rdata import data_frame, lazy_load, polygon_rings

# Data kept: a generous box around the lower 48 so that panning shows the neighbours.
MIN_LON, MAX_LON, MIN_LAT, MAX_LAT = -130.0, -60.0, 20.0, 53.0
NOT_LOWER_48 = {"AK", "HI"}
OUTLINE, STATES = "outline", "states"


def in_box(point):
    return MIN_LON <= point[0] <= MAX_LON and MIN_LAT <= point[1] <= MAX_LAT


def ring_edges(ring):
    for a, b in zip(ring, ring[1:]):
        if a != b:
            yield (a, b) if a < b else (b, a)


def owners_by_edge(regions):
    """Edge -> list of region names, for [(name, rings)]."""
    owners = {}
    for name, rings in regions:
        for ring in rings:
            for edge in ring_edges(ring):
                owners.setdefault(edge, []).append(name)
    return owners


def classify(states50, countries50):
    """Edge -> OUTLINE or STATES, for every edge with an end in the box."""
    table = data_frame(states50)
    regions = []
    for i, polygons in enumerate(states50.attributes["polygons"].value):
        country, postal = table["iso_a2"][i], table["postal"][i]
        if country == "US" and postal not in NOT_LOWER_48 or country == "CA":
            regions.append((country + ":" + postal, polygon_rings(polygons)))
    classes = {}
    for edge, owners in owners_by_edge(regions).items():
        countries = {owner[:2] for owner in owners}
        if not (in_box(edge[0]) or in_box(edge[1])):
            continue
        if countries == {"US"} and len(owners) == 2:
            classes[edge] = STATES
        elif len(owners) == 1 or countries == {"US", "CA"}:
            classes[edge] = OUTLINE  # coast, lake shore, or the US-Canada land border

    # Everyone else from the countries layer; their borders with the US and Canada are
    # already drawn from the states layer.
    table = data_frame(countries50)
    regions = []
    for i, polygons in enumerate(countries50.attributes["polygons"].value):
        rings = polygon_rings(polygons)
        if any(in_box(p) for ring in rings for p in ring):
            regions.append((table["adm0_a3"][i], rings))
    for edge, owners in owners_by_edge(regions).items():
        if "USA" in owners or "CAN" in owners or not (in_box(edge[0]) or in_box(edge[1])):
            continue
        classes[edge] = OUTLINE
    return classes


def arcs(classes):
    """Chains edges into (class, points) arcs that stop wherever the class changes or lines branch."""
    neighbours = {}
    for (a, b), cls in classes.items():
        neighbours.setdefault(a, []).append((b, cls))
        neighbours.setdefault(b, []).append((a, cls))

    def is_node(v):
        links = neighbours[v]
        return len(links) != 2 or links[0][1] != links[1][1]

    used = set()

    def walk(start, first, cls):
        points, prev, cur = [start], start, first
        used.add((start, first) if start < first else (first, start))
        points.append(cur)
        while not is_node(cur) and cur != start:
            nxt = next(v for v, _ in neighbours[cur] if v != prev)
            edge = (cur, nxt) if cur < nxt else (nxt, cur)
            if edge in used:
                break
            used.add(edge)
            prev, cur = cur, nxt
            points.append(cur)
        return cls, points

    out = []
    for v in sorted(neighbours):
        if is_node(v):
            for w, cls in neighbours[v]:
                if ((v, w) if v < w else (w, v)) not in used:
                    out.append(walk(v, w, cls))
    for v in sorted(neighbours):  # what is left are closed rings: islands and lakes
        for w, cls in neighbours[v]:
            if ((v, w) if v < w else (w, v)) not in used:
                out.append(walk(v, w, cls))
    return out


def distance_to_segment(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = distance_to_segment(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify(points, tolerance):
    if points[0] != points[-1]:
        return douglas_peucker(points, tolerance)
    # A closed ring: split at the point farthest from its start, so both halves have two ends.
    far = max(range(len(points)), key=lambda i: math.hypot(points[i][0] - points[0][0], points[i][1] - points[0][1]))
    if far == 0:
        return points
    return douglas_peucker(points[:far + 1], tolerance)[:-1] + douglas_peucker(points[far:], tolerance)


def quantise(points):
    """(lat, lon) in hundredths of a degree, without repeats."""
    out = []
    for lon, lat in points:
        q = (round(lat * 100), round(lon * 100))
        if not out or out[-1] != q:
            out.append(q)
    return out


def reduce(classes, tolerance):
    """Class -> list of quantised polylines; rings smaller than a few tolerances are dropped."""
    out = {OUTLINE: [], STATES: []}
    for cls, points in arcs(classes):
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        closed = points[0] == points[-1]
        if closed and max(max(lons) - min(lons), max(lats) - min(lats)) < 3 * tolerance:
            continue
        line = quantise(simplify(points, tolerance))
        if len(line) >= 2:
            out[cls].append(line)
    return out


def encode_number(value):
    value = ~(value << 1) if value < 0 else value << 1
    chars = []
    while value >= 0x20:
        chars.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    chars.append(chr(value + 63))
    return "".join(chars)


def encode(polylines):
    """Polylines separated by ','; every point is a delta from the one before, across lines too."""
    parts, last = [], (0, 0)
    for line in polylines:
        text = []
        for point in line:
            text.append(encode_number(point[0] - last[0]) + encode_number(point[1] - last[1]))
            last = point
        parts.append("".join(text))
    return ",".join(parts)


def swift_literal(text, width=96):
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    return '#"""\n' + "".join("        " + line + "\n" for line in lines) + '        """#'


def main():
    base, out_path = sys.argv[1], sys.argv[2]
    tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    data = lazy_load(base)
    reduced = reduce(classify(data["states50"](), data["countries50"]()), tolerance)
    counts = {cls: (len(lines), sum(len(line) for line in lines)) for cls, lines in reduced.items()}
    source = f"""// generated by scripts/make-map-outline.sh; do not edit.
// Natural Earth 1:50m (public domain) via Debian r-cran-rnaturalearthdata; box lon {MIN_LON:g}...{MAX_LON:g},
// lat {MIN_LAT:g}...{MAX_LAT:g}; Douglas-Peucker {tolerance:g} degree; hundredths of a degree.
// outline: {counts[OUTLINE][0]} polylines, {counts[OUTLINE][1]} points; states: {counts[STATES][0]} polylines, {counts[STATES][1]} points.

/// The map's borders as encoded polylines (see `MapOutline.decode`): lat/lon deltas in
/// hundredths of a degree, zigzag varints in 5-bit groups offset by 63, lines split by ",".
/// Strings rather than array literals because thousands of numeric literals are slow to type-check.
enum MapOutlineData {{
    /// Coasts, lake shores and national borders.
    static let outline: String = {swift_literal(encode(reduced[OUTLINE]))}

    /// Borders between two of the lower 48 states.
    static let states: String = {swift_literal(encode(reduced[STATES]))}
}}
"""
    with open(out_path, "w") as f:
        f.write(source)
    print(f"{out_path}: {len(source.encode())} bytes; {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
