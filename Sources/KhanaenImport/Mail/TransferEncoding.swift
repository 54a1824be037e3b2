/// Content-Transfer-Encoding: base64 and quoted-printable bodies back to their bytes.
/// Both are lenient as mail readers are: characters outside the alphabet are skipped, a
/// broken escape is kept as written.
public enum TransferEncoding {
    public static func decode<C: Collection>(_ body: C, encoding: String) -> [UInt8] where C.Element == UInt8 {
        switch encoding.asciiLowercased.trimmed() {
        case "base64": return base64(body)
        case "quoted-printable": return quotedPrintable(body)
        default: return Array(body)
        }
    }

    public static func base64<C: Collection>(_ text: C) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var acc: UInt32 = 0, bits = 0
        for c in text {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B, 0x2D: v = 62  // + (and - of the URL alphabet)
            case 0x2F, 0x5F: v = 63  // / (and _)
            case 0x3D: return out    // = ends the data
            default: continue
            }
            acc = acc << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }

    /// How many bytes `base64(text)` gives, counted without keeping them.
    public static func base64Size<C: Collection>(_ text: C) -> Int where C.Element == UInt8 {
        var digits = 0
        for c in text {
            switch c {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2B, 0x2D, 0x2F, 0x5F: digits += 1
            case 0x3D: return digits * 6 / 8
            default: continue
            }
        }
        return digits * 6 / 8
    }

    /// `base64(text)` given to `write` a piece of at most `chunk` bytes at a time.
    public static func base64(_ text: ArraySlice<UInt8>, chunk: Int, _ write: (ArraySlice<UInt8>) throws -> Void) throws {
        var out: [UInt8] = []
        out.reserveCapacity(chunk)
        var acc: UInt32 = 0, bits = 0
        loop: for c in text {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case 0x2B, 0x2D: v = 62
            case 0x2F, 0x5F: v = 63
            case 0x3D: break loop
            default: continue
            }
            acc = acc << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
                if out.count == chunk {
                    try write(out[...])
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        if !out.isEmpty { try write(out[...]) }
    }

    /// Quoted-printable (RFC 2045): =XX is a byte, = at a line's end joins it to the next.
    /// With `underscoreIsSpace` it is RFC 2047's Q encoding, where _ stands for a space.
    public static func quotedPrintable<C: Collection>(_ text: C, underscoreIsSpace: Bool = false) -> [UInt8] where C.Element == UInt8 {
        let b = Array(text)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = 0
        while k < b.count {
            let c = b[k]
            if c == 0x3D {
                if let h = hex(b, k + 1) {
                    out.append(h)
                    k += 3
                    continue
                }
                // A soft line break: = then optional spaces, then CRLF or LF.
                var j = k + 1
                while j < b.count && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
                if j < b.count && b[j] == 0x0D { j += 1 }
                if j < b.count && b[j] == 0x0A { k = j + 1; continue }
                if j == b.count { break }
                out.append(c)
                k += 1
            } else if c == 0x5F && underscoreIsSpace {
                out.append(0x20)
                k += 1
            } else {
                out.append(c)
                k += 1
            }
        }
        return out
    }

    static func hex(_ b: [UInt8], _ at: Int) -> UInt8? {
        guard at + 1 < b.count, let hi = nibble(b[at]), let lo = nibble(b[at + 1]) else { return nil }
        return hi << 4 | lo
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
