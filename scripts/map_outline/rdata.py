"""Just enough of R's serialization format to read the `sp` objects in an R package's
lazy-load database (data/Rdata.rdx + Rdata.rdb), with the Python standard library only,
so building the map outline needs no R installation.

Format: R's serialize.c (XDR, versions 2 and 3) and R_decompress3 (a 4-byte length, a type
byte, then the payload: 'Z' raw LZMA2 as R writes it, '2' bzip2, '1' zlib, '0' stored).
"""

import bz2
import gzip
import lzma
import struct
import zlib


class RObject:
    """One R value: its kind ('int', 'real', 'str', 'vec', 's4', 'list', ...), payload and attributes."""

    def __init__(self, kind, value=None, attributes=None):
        self.kind, self.value, self.attributes = kind, value, attributes or {}

    def __repr__(self):
        return f"RObject({self.kind}, {str(self.value)[:60]}, {list(self.attributes)})"


NIL, REF, PERSIST, NAMESPACE, PACKAGE, ALTREP = 254, 255, 247, 249, 248, 238
SINGLETONS = {253, 252, 251, 250, 242, 241}  # global/base/empty envs, unbound, missing arg
PAIRLISTS = {2, 3, 5, 6, 17, 239, 240}  # LISTSXP, CLOSXP, PROMSXP, LANGSXP, DOTSXP, ATTR*


class Reader:
    def __init__(self, data):
        self.data, self.pos, self.refs = data, 0, []

    def int(self):
        value = struct.unpack_from(">i", self.data, self.pos)[0]
        self.pos += 4
        return value

    def bytes(self, n):
        value = self.data[self.pos:self.pos + n]
        self.pos += n
        return value

    def header(self):
        if self.bytes(2) != b"X\n":
            raise ValueError("only the XDR serialization format is supported")
        version = self.int()
        self.int(), self.int()  # writer's and minimal reader's R versions
        if version == 3:
            self.bytes(self.int())  # native encoding name

    def length(self):
        n = self.int()
        if n == -1:
            high, low = self.int(), self.int()
            n = (high << 32) + low
        return n

    def string_vector(self):
        self.int()
        return [self.item() for _ in range(self.int())]

    @staticmethod
    def pairlist_dict(pairlist):
        out = {}
        while isinstance(pairlist, RObject) and pairlist.kind == "list":
            tag, car, cdr = pairlist.value
            out[tag] = car
            pairlist = cdr
        return out

    def item(self):
        flags = self.int()
        kind = flags & 0xFF
        has_attributes, has_tag = flags & (1 << 9), flags & (1 << 10)
        if kind == NIL:
            return None
        if kind in SINGLETONS:
            return RObject("singleton")
        if kind == REF:
            index = flags >> 8 or self.int()
            return self.refs[index - 1]
        if kind in (PERSIST, NAMESPACE, PACKAGE):
            obj = RObject("persist", self.string_vector())
            self.refs.append(obj)
            return obj
        if kind == 1:  # SYMSXP: kept as its name
            name = self.item()
            self.refs.append(name)
            return name
        if kind in PAIRLISTS:
            attributes = self.item() if has_attributes else None
            tag = self.item() if has_tag else None
            car, cdr = self.item(), self.item()
            return RObject("list", [tag, car, cdr], self.pairlist_dict(attributes))
        if kind == 4:  # ENVSXP
            obj = RObject("env")
            self.refs.append(obj)
            self.int()
            for _ in range(4):
                self.item()
            return obj
        if kind == 9:  # CHARSXP
            n = self.int()
            return None if n == -1 else self.bytes(n).decode("utf-8", "replace")
        if kind == ALTREP:
            return self.altrep()
        obj = self.vector(kind)
        if has_attributes:
            obj.attributes = self.pairlist_dict(self.item())
        return obj

    def vector(self, kind):
        if kind in (10, 13):  # logical, integer
            n = self.length()
            obj = RObject("int", list(struct.unpack_from(">%di" % n, self.data, self.pos)))
            self.pos += 4 * n
        elif kind == 14:
            n = self.length()
            obj = RObject("real", list(struct.unpack_from(">%dd" % n, self.data, self.pos)))
            self.pos += 8 * n
        elif kind == 15:
            self.pos += 16 * self.length()
            obj = RObject("complex")
        elif kind == 16:
            obj = RObject("str", [self.item() for _ in range(self.length())])
        elif kind in (19, 20):
            obj = RObject("vec", [self.item() for _ in range(self.length())])
        elif kind == 24:
            obj = RObject("raw", self.bytes(self.length()))
        elif kind == 25:
            obj = RObject("s4")
        elif kind in (7, 8):
            obj = RObject("builtin", self.bytes(self.int()))
        elif kind == 22:
            obj = RObject("extptr")
            self.refs.append(obj)
            self.item(), self.item()
        elif kind == 23:
            obj = RObject("weakref")
            self.refs.append(obj)
        else:
            raise ValueError("unsupported R type %d at byte %d" % (kind, self.pos))
        return obj

    def altrep(self):
        info, state, attributes = self.item(), self.item(), self.item()
        name = info.value[1]
        if name == "compact_intseq":
            n, start, step = state.value
            obj = RObject("int", [int(start + k * step) for k in range(int(n))])
        elif name == "compact_realseq":
            n, start, step = state.value
            obj = RObject("real", [start + k * step for k in range(int(n))])
        elif name.startswith("wrap_"):
            obj = state.value[0]
        else:
            raise ValueError("unsupported ALTREP class " + name)
        if attributes:
            obj.attributes = self.pairlist_dict(attributes)
        return obj


def unserialize(data):
    reader = Reader(data)
    reader.header()
    return reader.item()


def decompress(blob):
    kind, payload = blob[4:5], blob[5:]
    if kind == b"Z":
        filters = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}]
        return lzma.decompress(payload, format=lzma.FORMAT_RAW, filters=filters)
    if kind == b"2":
        return bz2.decompress(payload)
    if kind == b"1":
        return zlib.decompress(payload)
    if kind == b"0":
        return payload
    return zlib.decompress(blob[4:])  # R_decompress1: length then a zlib stream


def lazy_load(base):
    """Name -> loader of each object in `base`.rdx/.rdb (an R lazy-load database)."""
    index_bytes = open(base + ".rdx", "rb").read()
    index_bytes = gzip.decompress(index_bytes) if index_bytes[:2] == b"\x1f\x8b" else decompress(index_bytes)
    variables = unserialize(index_bytes).value[0]
    database = open(base + ".rdb", "rb").read()
    loaders = {}
    for name, ref in zip(variables.attributes["names"].value, variables.value):
        offset, length = (int(x) for x in ref.value)
        loaders[name] = lambda o=offset, n=length: unserialize(decompress(database[o:o + n]))
    return loaders


def data_frame(obj):
    """Column name -> values of an sp object's `data` slot."""
    frame = obj.attributes["data"]
    return dict(zip(frame.attributes["names"].value, (column.value for column in frame.value)))


def polygon_rings(polygons):
    """The rings of one sp `Polygons` object, each a list of (lon, lat)."""
    rings = []
    for polygon in polygons.attributes["Polygons"].value:
        coords = polygon.attributes["coords"]
        n = coords.attributes["dim"].value[0]
        values = coords.value
        rings.append([(values[i], values[n + i]) for i in range(n)])
    return rings
