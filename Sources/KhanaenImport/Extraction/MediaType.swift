/// A document's MIME type: the one its part declared when that says something, else the
/// one its extension (then its first bytes) says.
public enum MediaType {
    static let byExtension: [String: String] = [
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "doc": "application/msword", "ppt": "application/vnd.ms-powerpoint", "xls": "application/vnd.ms-excel",
        "txt": "text/plain", "csv": "text/csv", "tsv": "text/tab-separated-values", "md": "text/markdown",
        "html": "text/html", "htm": "text/html",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "zip": "application/zip", "rar": "application/vnd.rar", "7z": "application/x-7z-compressed",
        "mp4": "video/mp4", "mov": "video/quicktime", "eml": "message/rfc822",
    ]

    /// The extension a file of this type gets when it came with no name.
    static let preferredExtension: [String: String] = {
        var table: [String: String] = [:]
        for (ext, type) in byExtension.sorted(by: { $0.key < $1.key }) where table[type] == nil { table[type] = ext }
        table["image/jpeg"] = "jpg"
        return table
    }()

    /// Types that say nothing about the content.
    static let vague: Set<String> = ["", "application/octet-stream", "application/x-download", "application/force-download",
                                     "application/unknown", "binary/octet-stream", "application/binary"]

    public static func of(name: String, declared: String, bytes: [UInt8]) -> String {
        let declared = declared.asciiLowercased.trimmed()
        if !vague.contains(declared) && declared.contains("/") { return declared }
        if let type = byExtension[fileExtension(name)] { return type }
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        return "application/octet-stream"
    }

    /// "pdf" for "ใบสมัคร.PDF"; "" when there is none.
    public static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).asciiLowercased
    }
}
