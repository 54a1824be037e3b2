#if canImport(Glibc)
import Glibc
#endif

/// The operating system's reason for a failed call (an `errno`), in both languages: the ones
/// a user meets (a file missing, no permission, a full or read-only disk…) from a table, in
/// the C library's English and in Thai; any other in the C library's own words (`strerror`)
/// in both. Every message that gives the system's reason takes it from here.
public enum SystemError {
    /// The reason for `code`.
    public static func words(_ code: Int32) -> Phrase {
        if let known = table[code] { return known }
        let text = String(cString: strerror(code))
        return Phrase(text, text)
    }

    /// The reason for the last failed call (`errno` as it is now).
    public static var last: Phrase { words(errno) }

    /// "cannot read: Permission denied": what was tried, and the system's reason for `code`.
    public static func failed(_ th: String, _ en: String, code: Int32) -> Phrase {
        let why = words(code)
        return Phrase(th + ": " + why.th, en + ": " + why.en)
    }

    /// The errno values a user meets, each in Thai and in the C library's English.
    public static let table: [Int32: Phrase] = {
        var t: [Int32: Phrase] = [
            ENOENT: Phrase("ไม่มีแฟ้มหรือโฟลเดอร์นี้", "No such file or directory"),
            EACCES: Phrase("ไม่มีสิทธิ์เข้าถึง", "Permission denied"),
            EPERM: Phrase("ระบบไม่อนุญาตให้ทำ", "Operation not permitted"),
            ENOSPC: Phrase("ที่ว่างบนดิสก์เต็ม", "No space left on device"),
            EDQUOT: Phrase("ใช้พื้นที่ดิสก์เกินโควตา", "Disk quota exceeded"),
            EROFS: Phrase("ระบบแฟ้มนี้อ่านได้อย่างเดียว", "Read-only file system"),
            EEXIST: Phrase("มีแฟ้มนี้อยู่แล้ว", "File exists"),
            ENOTDIR: Phrase("ไม่ใช่โฟลเดอร์", "Not a directory"),
            EISDIR: Phrase("เป็นโฟลเดอร์", "Is a directory"),
            EIO: Phrase("อ่านหรือเขียนดิสก์ผิดพลาด", "Input/output error"),
            ELOOP: Phrase("มีลิงก์สัญลักษณ์ซ้อนกันมากเกินไป", "Too many levels of symbolic links"),
            ENAMETOOLONG: Phrase("ชื่อแฟ้มยาวเกินไป", "File name too long"),
            EMFILE: Phrase("โปรแกรมเปิดแฟ้มไว้มากเกินไป", "Too many open files"),
            ENFILE: Phrase("ระบบเปิดแฟ้มไว้มากเกินไป", "Too many open files in system"),
            EAGAIN: Phrase("ยังทำไม่ได้ในขณะนี้ ลองใหม่ภายหลัง", "Resource temporarily unavailable"),
            EBUSY: Phrase("อุปกรณ์หรือแฟ้มกำลังถูกใช้งาน", "Device or resource busy"),
            ETXTBSY: Phrase("แฟ้มโปรแกรมกำลังถูกใช้งาน", "Text file busy"),
            EXDEV: Phrase("ย้ายข้ามระบบแฟ้มไม่ได้", "Invalid cross-device link"),
            ENOTEMPTY: Phrase("โฟลเดอร์ไม่ว่าง", "Directory not empty"),
            ENXIO: Phrase("ไม่มีอุปกรณ์หรือที่อยู่นี้", "No such device or address"),
            EINVAL: Phrase("ค่าที่ส่งให้ระบบไม่ถูกต้อง", "Invalid argument"),
            ENOMEM: Phrase("หน่วยความจำไม่พอ", "Cannot allocate memory"),
            EFBIG: Phrase("แฟ้มใหญ่เกินไป", "File too large"),
            EBADF: Phrase("ตัวอ้างอิงแฟ้มไม่ถูกต้อง", "Bad file descriptor"),
            EINTR: Phrase("ถูกขัดจังหวะ", "Interrupted system call"),
            ENOLCK: Phrase("ล็อกแฟ้มไม่ได้", "No locks available"),
            ESTALE: Phrase("แฟ้มบนเครือข่ายไม่ตรงกับที่เปิดไว้แล้ว", "Stale file handle"),
            EOPNOTSUPP: Phrase("ระบบแฟ้มนี้ไม่รองรับการทำนี้", "Operation not supported"),
        ]
        // EWOULDBLOCK is EAGAIN on Linux; were it not, it would say the same.
        if t[EWOULDBLOCK] == nil { t[EWOULDBLOCK] = t[EAGAIN] }
        return t
    }()
}
