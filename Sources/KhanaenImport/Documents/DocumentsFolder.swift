#if canImport(Glibc)
import Glibc
#endif
import KhanaenCore

/// The contest's `documents/` folder, where each entry's submitted files are kept in
/// `documents/<entry id>/`, each beside its extracted text.
///
/// Nothing here follows a symbolic link: the folders are opened with O_NOFOLLOW and the
/// files created relative to them with O_CREAT|O_EXCL|O_NOFOLLOW, so a link planted in the
/// contest folder cannot make the import write elsewhere; a documents or entry folder that
/// is a link is refused. An entry's files are written into a new hidden folder that then
/// takes the place of the old one, so an entry never shows half of one copy's files.
public struct DocumentsFolder: Sendable {
    public static let name = "documents"

    public let contestDir: String
    let fd: Int32

    /// Opens (making it when missing) `<contestDir>/documents`.
    public static func open(contestDir: String) throws -> DocumentsFolder {
        let cfd = Glibc.open(contestDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard cfd >= 0 else { throw InputError(contestDir, failed: "เปิดโฟลเดอร์การประกวดไม่ได้", "cannot open the contest folder", code: errno) }
        defer { Glibc.close(cfd) }
        if mkdirat(cfd, name, 0o755) != 0 && errno != EEXIST {
            throw InputError("\(contestDir)/\(name)", failed: "สร้างไม่ได้", "cannot create", code: errno)
        }
        let fd = openat(cfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let why = errno == ELOOP || errno == ENOTDIR ? Phrase("เป็นลิงก์สัญลักษณ์หรือไม่ใช่โฟลเดอร์ จึงไม่ทำ", "a symbolic link or not a folder; refused")
                : SystemError.words(errno)
            throw InputError(th: "\(contestDir)/\(name): \(why.th)", en: "\(contestDir)/\(name): \(why.en)")
        }
        let folder = DocumentsFolder(contestDir: contestDir, fd: fd)
        try folder.recoverInterrupted()
        return folder
    }

    /// What an import a crash interrupted left: an entry's old folder set aside (`.<id>.old-*`)
    /// while its new one was not yet in place goes back where it was, since entries.json still
    /// lists its files; one whose replacement is in place, and a new folder never put in place
    /// (`.<id>.new-*`), are removed. Then the folder is synced.
    func recoverInterrupted() throws {
        guard let dir = fdopendir(dup(fd)) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") && (name.contains(".old-") || name.contains(".new-")) { names.append(name) }
        }
        closedir(dir)
        guard !names.isEmpty else { return }
        for name in names.sorted() {
            let marker = name.contains(".old-") ? ".old-" : ".new-"
            let id = String(name.dropFirst()).components(separatedBy: marker)[0]
            var st = stat()
            if marker == ".old-" && !id.isEmpty && fstatat(fd, id, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT {
                guard renameat(fd, name, fd, id) == 0 else { throw InputError(path(name), failed: "ย้ายกลับเป็น \(id) ไม่ได้", "cannot put back as \(id)", code: errno) }
            } else {
                removeTree(fd, name)
            }
        }
        try sync()
    }

    public func close() { Glibc.close(fd) }

    /// Syncs `documents/` itself: the entry folders renamed in it survive a crash.
    public func sync() throws {
        guard fsync(fd) == 0 else { throw InputError("\(contestDir)/\(DocumentsFolder.name)", failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
    }

    /// Refuses an entry folder that is a symbolic link or not a folder; a missing one is fine.
    public func checkEntryFolder(_ id: String) throws {
        var st = stat()
        guard fstatat(fd, id, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFLNK { throw InputError(th: "\(path(id)): เป็น symbolic link จึงไม่ทำ", en: "\(path(id)): a symbolic link; refused") }
        if st.st_mode & S_IFMT != S_IFDIR { throw InputError(th: "\(path(id)): ไม่ใช่โฟลเดอร์ จึงไม่ทำ", en: "\(path(id)): not a folder; refused") }
    }

    /// Whether the entry's folder holds each of these files with its size.
    public func holds(_ id: String, _ documents: [Contest.Document]) -> Bool {
        let efd = openat(fd, id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard efd >= 0 else { return false }
        defer { Glibc.close(efd) }
        return documents.allSatisfy { d in
            var st = stat()
            return fstatat(efd, d.name, &st, AT_SYMLINK_NOFOLLOW) == 0 && st.st_mode & S_IFMT == S_IFREG && Int(st.st_size) == d.size
        }
    }

    public struct File: Sendable {
        /// The name the sender gave; nil when none.
        public var name: String?
        /// The declared MIME type.
        public var type: String
        enum Source: Sendable {
            case bytes([UInt8])
            case part(MIMEPart)
        }
        let source: Source

        public init(name: String?, type: String, bytes: [UInt8]) {
            self.name = name
            self.type = type
            source = .bytes(bytes)
        }

        /// A mail part, decoded into its file a piece at a time.
        public init(name: String?, type: String, part: MIMEPart) {
            self.name = name
            self.type = type
            source = .part(part)
        }

        /// The file's contents, given to `write` a piece at a time.
        func write(_ write: (ArraySlice<UInt8>) throws -> Void) throws {
            switch source {
            case .bytes(let bytes): try write(bytes[...])
            case .part(let part): try part.decodeBody(write)
            }
        }

        struct Enough: Error {}

        /// The first `count` bytes, enough to tell the kind of file and an image's size.
        func head(_ count: Int) -> [UInt8] {
            if case .bytes(let bytes) = source { return Array(bytes.prefix(count)) }
            var head: [UInt8] = []
            try? write { piece in
                head += piece.prefix(count - head.count)
                if head.count >= count { throw Enough() }
            }
            return head
        }
    }

    /// How much of a file is read to tell its kind and an image's size.
    static let headBytes = 256 << 10

    /// Writes an entry's files (and their texts) as its new folder and returns them as listed
    /// in entries.json. On an error the old folder is left as it was.
    /// With `syncDocumentsFolder` false, the caller syncs `documents/` (`sync()`) before it
    /// relies on the new folder being there after a crash.
    public func replaceEntryFolder(_ id: String, with files: [File], syncDocumentsFolder: Bool = true) throws -> [Contest.Document] {
        try checkEntryFolder(id)
        let staging = ".\(id).new-\(randomHex())"
        guard mkdirat(fd, staging, 0o755) == 0 else { throw InputError(path(staging), failed: "สร้างไม่ได้", "cannot create", code: errno) }
        var documents: [Contest.Document] = []
        do {
            var folder = try NewFolder(parent: fd, name: staging, path: path(staging))
            defer { folder.close() }
            for (k, file) in files.enumerated() {
                let head = file.head(DocumentsFolder.headBytes)
                let type = MediaType.of(name: file.name ?? "", declared: file.type, bytes: head)
                let fallback = "attachment-\(k + 1)" + (MediaType.preferredExtension[type].map { "." + $0 } ?? "")
                let (name, size) = try folder.create(SafeFileName.make(file.name, fallback: fallback), file.write)
                let extracted = TextExtractor.extract(path: folder.path + "/" + name, name: name, type: type, bytes: head, size: size)
                var document = Contest.Document(name: name, type: type, size: size, pixels: extracted.pixels, note: extracted.note)
                if extracted.fileIsText {
                    document.text = "\(DocumentsFolder.name)/\(id)/\(name)"
                } else if let text = extracted.text {
                    let textName = try folder.create(name + ".txt", { try $0(Array(text.utf8)[...]) }).name
                    document.text = "\(DocumentsFolder.name)/\(id)/\(textName)"
                }
                documents.append(document)
            }
            try folder.sync()
        } catch {
            removeTree(fd, staging)
            throw error
        }

        var st = stat()
        if fstatat(fd, id, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            let old = ".\(id).old-\(randomHex())"
            guard renameat(fd, id, fd, old) == 0 else {
                let why = errno
                removeTree(fd, staging)
                throw InputError(path(id), failed: "ย้ายออกไปไว้ข้างกันไม่ได้", "cannot move aside", code: why)
            }
            guard renameat(fd, staging, fd, id) == 0 else {
                let why = errno
                renameat(fd, old, fd, id)
                removeTree(fd, staging)
                throw InputError(path(id), failed: "ย้ายเข้าที่ไม่ได้", "cannot put in place", code: why)
            }
            removeTree(fd, old)
        } else if renameat(fd, staging, fd, id) != 0 {
            let why = errno
            removeTree(fd, staging)
            throw InputError(path(id), failed: "ย้ายเข้าที่ไม่ได้", "cannot put in place", code: why)
        }
        if syncDocumentsFolder { fsync(fd) }
        return documents
    }

    func path(_ name: String) -> String { contestDir + "/" + DocumentsFolder.name + "/" + name }

    /// A folder being filled, opened without following links; names are never reused.
    struct NewFolder {
        let fd: Int32
        let path: String
        var taken: Set<String> = []

        init(parent: Int32, name: String, path: String) throws {
            fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            self.path = path
            guard fd >= 0 else { throw InputError(path, failed: "เปิดไม่ได้", "cannot open", code: errno) }
        }

        func close() { Glibc.close(fd) }

        /// Creates `name`, or `name (2)`, `name (3)`… when taken, with what `contents` gives;
        /// returns the name used and the file's size.
        mutating func create(_ name: String, _ contents: ((ArraySlice<UInt8>) throws -> Void) throws -> Void) throws -> (name: String, size: Int) {
            for n in 1...10_000 {
                let candidate = SafeFileName.numbered(name, n)
                if taken.contains(candidate) { continue }
                let f = openat(fd, candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                if f < 0 {
                    if errno == EEXIST { continue }
                    throw InputError("\(path)/\(candidate)", failed: "สร้างไม่ได้", "cannot create", code: errno)
                }
                defer { Glibc.close(f) }
                var size = 0
                try contents { bytes in
                    var done = 0
                    while done < bytes.count {
                        let w = bytes.withUnsafeBytes { Glibc.write(f, $0.baseAddress! + done, $0.count - done) }
                        if w < 0 && errno == EINTR { continue }
                        guard w > 0 else { throw InputError("\(path)/\(candidate)", failed: "เขียนไม่ได้", "cannot write", code: w < 0 ? errno : EIO) }
                        done += w
                    }
                    size += bytes.count
                }
                // 0644 whatever the umask: the judges' logins read these files.
                fchmod(f, 0o644)
                guard fsync(f) == 0 else { throw InputError("\(path)/\(candidate)", failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
                taken.insert(candidate)
                return (candidate, size)
            }
            throw InputError(th: "\(path)/\(name): มีแฟ้มชื่อนี้มากเกินไป", en: "\(path)/\(name): too many files of this name")
        }

        func sync() throws {
            guard fsync(fd) == 0 else { throw InputError(path, failed: "เขียนลงดิสก์ไม่ได้", "cannot sync", code: errno) }
        }
    }
}

/// Removes `name` in the folder `parent` and everything under it, never following a link.
func removeTree(_ parent: Int32, _ name: String) {
    var st = stat()
    guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }
    guard st.st_mode & S_IFMT == S_IFDIR else { unlinkat(parent, name, 0); return }
    let dfd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard dfd >= 0, let dir = fdopendir(dfd) else { return }
    var names: [String] = []
    while let entry = readdir(dir) {
        let n = withUnsafePointer(to: &entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if n != "." && n != ".." { names.append(n) }
    }
    for n in names { removeTree(dirfd(dir), n) }
    closedir(dir)
    unlinkat(parent, name, AT_REMOVEDIR)
}

func randomHex() -> String {
    var g = SystemRandomNumberGenerator()
    let n = g.next() as UInt64
    let s = String(n, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}

