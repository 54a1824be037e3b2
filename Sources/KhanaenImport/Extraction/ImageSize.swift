/// An image's width and height in pixels, read from its header (PNG, JPEG, GIF).
public enum ImageSize {
    public static func of(_ b: [UInt8]) -> (width: Int, height: Int)? {
        func be16(_ k: Int) -> Int { Int(b[k]) << 8 | Int(b[k + 1]) }
        func be32(_ k: Int) -> Int { be16(k) << 16 | be16(k + 2) }
        if b.count >= 24 && b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b[12..<16].elementsEqual(Array("IHDR".utf8)) {
            let w = be32(16), h = be32(20)
            return w > 0 && h > 0 ? (w, h) : nil
        }
        if b.count >= 10 && (b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8))) {
            let w = Int(b[6]) | Int(b[7]) << 8, h = Int(b[8]) | Int(b[9]) << 8
            return w > 0 && h > 0 ? (w, h) : nil
        }
        if b.count >= 4 && b[0] == 0xFF && b[1] == 0xD8 {
            // Segments from the start of image to the first frame header (SOF0–SOF15 but DHT, JPG, DAC).
            var k = 2
            while k + 9 < b.count {
                guard b[k] == 0xFF else { return nil }
                let marker = b[k + 1]
                if marker == 0xFF { k += 1; continue }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { k += 2; continue }
                if marker == 0xD9 || marker == 0xDA { return nil }
                let length = be16(k + 2)
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    let h = be16(k + 5), w = be16(k + 7)
                    return w > 0 && h > 0 ? (w, h) : nil
                }
                guard length >= 2 else { return nil }
                k += 2 + length
            }
        }
        return nil
    }
}
