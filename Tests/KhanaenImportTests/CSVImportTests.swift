import Foundation
import XCTest
@testable import KhanaenCLI
import KhanaenCore
@testable import KhanaenImport

final class CSVImportTests: XCTestCase {
    private var root = ""
    private var contest = ""

    override func setUp() {
        root = NSTemporaryDirectory() + "khanaen-csv-" + UUID().uuidString
        contest = root + "/contest"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: contest, withIntermediateDirectories: true)
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/digital-local-2566/contest.json").path
        try! FileManager.default.copyItem(atPath: sample, toPath: contest + "/contest.json")
        try! Data("[]\n".utf8).write(to: URL(fileURLWithPath: contest + "/entries.json"))
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    private func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = CLI.run(args, CommandContext(environment: ["HOME": root], login: "secretariat", uid: 1000, out: { out += $0 }, err: { err += $0 }))
        return (code, out, err)
    }

    private func write(_ bytes: [UInt8], _ name: String) -> String {
        try! Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name))
        return root + "/" + name
    }

    private func entries() throws -> [Contest.Entry] { try ContestFolder.loadContest(contest).entries }

    func testAWindows874CSVAsThaiExcelSavesIt() throws {
        let text = "ลำดับ,หน่วยงาน,จังหวัด,ชื่อโครงการ,เบอร์โทร,วันที่เริ่มใช้งาน\r\n"
            + "1,เทศบาลตำบลครึ่ง,เชียงราย,“ถังเงิน ถังทอง” – ระยะที่ 2,053-000000,1 ก.พ. 2566\r\n"
            + "2,อบต.วัดไทรย์,นครสวรรค์,,056-000000,\r\n"
            + ",,,,,\r\n"
            + "3,เทศบาลเมืองตาคลี,นครสวรรค์,ระบบบริการ,056-111111,31 ก.พ. 2566\r\n"
        let bytes = TextEncoding.windows874.encode(text)!
        XCTAssertFalse(TextEncoding.isValidUTF8(bytes))
        let path = write(bytes, "list.csv")
        let r = run(["import", "csv", path, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").map(String.init), [
            "imported e001 เทศบาลตำบลครึ่ง",
            "skipped \(path):3: ไม่มีช่อง ชื่อโครงการ",
            "imported e002 เทศบาลเมืองตาคลี (อ่าน วันที่เริ่มใช้งาน ไม่ได้: \"31 ก.พ. 2566\": ไม่มีวันนี้)",
        ])
        XCTAssertTrue(r.err.contains("khanaen: คำเตือน: \(path):1: คอลัมน์ \"ลำดับ\" ไม่ใช่ช่องของใบส่งผลงาน ไม่ได้ใช้\n"), r.err)
        let es = try entries()
        XCTAssertEqual(es[0].title, "“ถังเงิน ถังทอง” – ระยะที่ 2")
        XCTAssertEqual(es[0].inUseSince, CalendarDate(iso: "2023-02-01"))
        XCTAssertEqual(es[0].province, "เชียงราย")
        XCTAssertNil(es[1].inUseSince)

        let before = FileManager.default.contents(atPath: contest + "/entries.json")
        let again = run(["import", "csv", path, "--contest", contest, "--lang", "en"])
        XCTAssertEqual(again.out.split(separator: "\n").map(String.init), [
            "updated e001 เทศบาลตำบลครึ่ง",
            "skipped \(path):3: no ชื่อโครงการ (title)",
            "updated e002 เทศบาลเมืองตาคลี (วันที่เริ่มใช้งาน not read: \"31 ก.พ. 2566\": no such day)",
        ], "the first words stay; the rest is in English")
        XCTAssertTrue(again.err.contains("khanaen: warning: \(path):1: column \"ลำดับ\" is not a submission field; ignored\n"), again.err)
        XCTAssertEqual(FileManager.default.contents(atPath: contest + "/entries.json"), before, "importing again changes nothing")
    }

    func testAUTF8TabSeparatedFileWithABOMAndAQuotedMultiLineField() throws {
        let text = "\u{FEFF}organisation\tชื่อโครงการ\tชื่อ - นามสกุล ผู้ประสาน\tอีเมล์\n"
            + "เทศบาลนครยะลา\t\"Big Data\nเพื่อพัฒนา \"\"คุณภาพ\"\" บริการ\"\tสมศรี\ta@b.c\n"
            + "\tไม่มีหน่วยงาน\t\t\n"
        let path = write(Array(text.utf8), "list.tsv")
        let r = run(["import", "csv", path, "--contest", contest])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.out, "imported e001 เทศบาลนครยะลา\nskipped \(path):4: ไม่มีช่อง หน่วยงาน\n", "the skipped row starts on line 4")
        let e = try entries()[0]
        XCTAssertEqual(e.title, "Big Data เพื่อพัฒนา \"คุณภาพ\" บริการ")
        XCTAssertEqual(e.coordinator, "สมศรี")
        XCTAssertEqual(e.email, "a@b.c")
    }

    func testTheEncodingCanBeGivenAndBadFilesSayWhereTheyAreWrong() throws {
        let tis = write(TextEncoding.tis620.encode("หน่วยงาน,ชื่อโครงการ\nเทศบาลตำบลก,ระบบ\n")!, "tis.csv")
        XCTAssertEqual(run(["import", "csv", tis, "--encoding", "tis-620", "--contest", contest]).out, "imported e001 เทศบาลตำบลก\n")
        XCTAssertEqual(run(["import", "csv", tis, "--encoding", "latin-9", "--contest", contest]).code, 2)
        // Read as UTF-8 when told so, the Thai bytes are not valid: no organisation column is found.
        let wrong = run(["import", "csv", tis, "--encoding", "utf-8", "--contest", contest, "--lang", "en"])
        XCTAssertEqual(wrong.code, 2)
        XCTAssertTrue(wrong.err.contains("\(tis):1: no หน่วยงาน (organisation) column"), wrong.err)
        let open = write(Array("หน่วยงาน,ชื่อโครงการ\nก,\"ข\n".utf8), "open.csv")
        let r = run(["import", "csv", open, "--contest", contest])
        XCTAssertEqual(r.err, "khanaen: \(open):2: ช่องที่เปิดเครื่องหมายคำพูดไว้ไม่ได้ปิด\n")
        XCTAssertEqual(run(["import", "csv", root + "/none.csv", "--contest", contest]).code, 2)
    }

    func testTheRecordReader() throws {
        let records = try CSVReader.records("a,\"b,c\",\"d\"\"e\"\r\n\"f\r\ng\",h\n\ni", separator: ",")
        XCTAssertEqual(records.map(\.fields), [["a", "b,c", "d\"e"], ["f\ng", "h"], [""], ["i"]])
        XCTAssertEqual(records.map(\.line), [1, 2, 4, 5])
        XCTAssertEqual(CSVReader.separator(of: "a\tb,c\td\n1,2,3,4"), "\t")
        XCTAssertEqual(CSVReader.separator(of: "a,b\tc\n"), ",")
    }
}
