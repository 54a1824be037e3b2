import Foundation
import XCTest
@testable import KhanaenImport
import KhanaenCore

/// Messages as Thai mail clients write them, read into subject, fields and attachments.
final class MailParsingTests: XCTestCase {
    private let organisation = "เทศบาลตำบลบ้านกลาง"
    private let title = "ศูนย์ดิจิทัลบริการเบ็ดเสร็จ “ONE STOP SERVICE” – ระยะที่ 2"

    private func parse(_ bytes: [UInt8]) -> MailMessage { MailMessage.parse(bytes[...]) }

    func testUTF8Base64BodyAndBSubjectSplitInsideACharacter() {
        let subject = MailFixtures.bWords(MailFixtures.phrase + " " + organisation, chunk: 13)
        let m = parse(MailFixtures.submission(subject: subject, messageID: "a1@example.org", body: MailFixtures.fields(organisation, title)))
        XCTAssertEqual(m.subject, MailFixtures.phrase + " " + organisation)
        XCTAssertEqual(m.messageID, "a1@example.org")
        let f = SubmissionLabels.fields(inBody: m.bodyText)
        XCTAssertEqual(f[.organisation], organisation)
        XCTAssertEqual(f[.title], title)
        XCTAssertEqual(f[.province], "จังหวัดลำพูน")
        XCTAssertEqual(f[.advisor], "นายสมชาย ใจกว้าง")
        XCTAssertEqual(f[.phone], "081-234-5678")
        XCTAssertEqual(f[.coordinator], "นางสาวสมศรี ใจดี")
        XCTAssertEqual(SubmissionSubject.judge(m.subject), .submission(organisation: organisation, forwarded: false))
    }

    func testTIS620QuotedPrintableBodyAndQSubject() {
        let body = TextEncoding.tis620.encode(MailFixtures.fields(organisation, "ระบบบริการ ออนไลน์"))!
        let text = """
        Subject: \(MailFixtures.qWords(MailFixtures.phrase + " " + organisation, charset: "TIS-620"))
        Message-ID: <q1@example.org>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=TIS-620
        Content-Transfer-Encoding: quoted-printable

        \(MailFixtures.quotedPrintable(body))
        """
        let m = parse(Array(text.utf8))
        XCTAssertEqual(m.subject, MailFixtures.phrase + " " + organisation)
        let f = SubmissionLabels.fields(inBody: m.bodyText)
        XCTAssertEqual(f[.organisation], organisation)
        XCTAssertEqual(f[.title], "ระบบบริการ ออนไลน์")
        XCTAssertEqual(f[.position], "นักวิชาการคอมพิวเตอร์")
    }

    func testWindows874EightBitBodyWithItsPunctuation() {
        let body = TextEncoding.windows874.encode(MailFixtures.fields(organisation, title))!
        XCTAssertTrue(body.contains(0x93) && body.contains(0x96), "the title's quotes and dash are cp874's 0x93 and 0x96")
        let head = "Subject: \(MailFixtures.phrase) \(organisation)\nContent-Type: text/plain; charset=windows-874\nContent-Transfer-Encoding: 8bit\n\n"
        let m = parse(Array(head.utf8) + body)
        XCTAssertEqual(SubmissionLabels.fields(inBody: m.bodyText)[.title], title)
        // The same bytes labelled TIS-620, as some clients label cp874, read the same.
        let mislabelled = parse(Array(head.replacingOccurrences(of: "windows-874", with: "tis-620").utf8) + body)
        XCTAssertEqual(SubmissionLabels.fields(inBody: mislabelled.bodyText)[.title], title)
    }

    func testRFC2231FileNamesWithCharsetAndContinuations() {
        let name = "ใบส่งผลงาน_เทศบาลตำบลบ้านกลาง_form1.pdf"
        let percent = Array(name.utf8).map { String(format: "%%%02X", $0) }.joined()
        let cut = percent.index(percent.startIndex, offsetBy: 99)  // inside a character's bytes
        let continued = MailFixtures.Attachment(
            headerName: "filename*0*=UTF-8''\(percent[..<cut]);\n filename*1*=\(percent[cut...]); filename*2=\"\"", type: "application/pdf", bytes: [1, 2, 3])
        let single = MailFixtures.Attachment(headerName: "filename*=utf-8'th'\(percent)", type: "application/pdf", bytes: [4])
        let tis = MailFixtures.Attachment(headerName: "filename*=TIS-620''" + TextEncoding.tis620.encode("สไลด์.pptx")!.map { String(format: "%%%02X", $0) }.joined(),
                                          type: "application/octet-stream", bytes: [5])
        let encodedWord = MailFixtures.Attachment(headerName: "filename=\"\(MailFixtures.bWords("นำเสนอ ผลงาน.pptx", chunk: 10))\"", type: "application/octet-stream", bytes: [6])
        let m = parse(MailFixtures.submission(subject: MailFixtures.phrase, messageID: nil, body: "x",
                                              attachments: [continued, single, tis, encodedWord]))
        XCTAssertEqual(m.attachments.map(\.fileName), [name, name, "สไลด์.pptx", "นำเสนอ ผลงาน.pptx"])
        XCTAssertEqual(m.attachments.map(\.data), [[1, 2, 3], [4], [5], [6]])
    }

    func testNestedMultipartPrefersPlainTextAndSkipsBodyPictures() {
        let plain = MailFixtures.base64(Array(MailFixtures.fields(organisation, title).utf8))
        let html = "<html><body><p>หน่วยงาน : ผิด</p></body></html>"
        let text = """
        Subject: \(MailFixtures.phrase) \(organisation)
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/html; charset=utf-8

        \(html)
        --alt
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        \(plain)
        --alt--
        --rel
        Content-Type: image/png; name="image001.png"
        Content-Disposition: inline; filename="image001.png"
        Content-ID: <image001.png@01D9>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --outer
        Content-Type: application/pdf; name="form1.pdf"
        Content-Disposition: attachment; filename="form1.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer--
        """
        for crlf in [false, true] {
            let m = parse(MailFixtures.bytes(text, crlf: crlf))
            XCTAssertEqual(SubmissionLabels.fields(inBody: m.bodyText)[.organisation], organisation, "crlf: \(crlf)")
            XCTAssertEqual(m.attachments.map(\.fileName), ["form1.pdf"], "crlf: \(crlf)")
            XCTAssertEqual(m.attachments.first?.data, Array("%PDF-1.4\n".utf8))
        }
    }

    func testAnHTMLOnlyBodyIsReadAsText() {
        let text = """
        Subject: \(MailFixtures.phrase)
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        \(MailFixtures.quotedPrintable(Array("<table><tr><td>หน่วยงาน&nbsp;:</td><td>\(organisation)</td></tr><tr><td>ชื่อโครงการ :</td><td>A &amp; B&#x20;ระบบ</td></tr></table><style>p{}</style>".utf8)))
        """
        let f = SubmissionLabels.fields(inBody: parse(Array(text.utf8)).bodyText)
        XCTAssertEqual(f[.organisation], organisation)
        XCTAssertEqual(f[.title], "A & B ระบบ")
    }

    func testFoldedHeadersAndLabelsWrittenInOtherWays() {
        let text = """
        Subject: Fwd: FW:
         \(MailFixtures.phrase)
        \t\(organisation)
        Message-ID:
         <folded@example.org>

        > หน่วยงาน：\(organisation)
        >> 1. ชื่อ - นามสกุล ผู้ประสานงาน:สมศรี
        - ชื่อโครงการ   :   \(title)
        อีเมล์ : a@b.c
        ชื่อ-นามสกุลที่ปรึกษา : -
        วันที่เริ่มใช้งาน : ๑ ก.พ. ๖๖
        เบอร์โทรศัพท์ : ไม่มี
        """
        let m = parse(Array(text.utf8))
        XCTAssertEqual(m.messageID, "folded@example.org")
        XCTAssertEqual(SubmissionSubject.judge(m.subject), .submission(organisation: organisation, forwarded: true))
        let f = SubmissionLabels.fields(inBody: m.bodyText)
        XCTAssertEqual(f[.organisation], organisation)
        XCTAssertEqual(f[.coordinator], "สมศรี")
        XCTAssertEqual(f[.title], title)
        XCTAssertEqual(f[.email], "a@b.c")
        XCTAssertEqual(f[.advisor], "", "- is none")
        XCTAssertEqual(f[.phone], "", "ไม่มี is none")
        XCTAssertEqual(f.inUseSince.flatMap { try? $0.get() }?.iso, "2023-02-01")
    }

    func testSubjectsThatAreNotSubmissions() {
        XCTAssertEqual(SubmissionSubject.judge("Re: \(MailFixtures.phrase) เทศบาล"), .reply)
        XCTAssertEqual(SubmissionSubject.judge("ตอบกลับ: \(MailFixtures.phrase) เทศบาล"), .reply)
        XCTAssertEqual(SubmissionSubject.judge("สอบถามการส่งผลงาน"), .other)
        XCTAssertEqual(SubmissionSubject.judge(""), .other)
        XCTAssertEqual(SubmissionSubject.judge("[EXTERNAL] ส่งต่อ: ขอนำส่ง ผลงานประกวด ท้องถิ่นดิจิตอล <ทต.ครึ่ง>"),
                       .submission(organisation: "ทต.ครึ่ง", forwarded: true))
    }

    func testAMessageForwardedAsAnAttachmentIsReadFromTheAttachedMessage() {
        let inner = MailFixtures.submission(subject: MailFixtures.phrase + " " + organisation, messageID: "orig@example.org",
                                            body: MailFixtures.fields(organisation, title),
                                            attachments: [MailFixtures.attachment(named: "slides.pptx", [9, 9])])
        let text = """
        Subject: Fwd: \(MailFixtures.phrase) \(organisation)
        Message-ID: <fwd@example.org>
        Content-Type: multipart/mixed; boundary="f"

        --f
        Content-Type: text/plain; charset=utf-8

        ส่งต่อให้คณะกรรมการ
        --f
        Content-Type: message/rfc822

        \(String(decoding: inner, as: UTF8.self))
        --f--
        """
        guard case .submission(let fields, let attached) = MailImport.read(parse(Array(text.utf8))) else { return XCTFail() }
        XCTAssertEqual(attached, 0)
        XCTAssertEqual(fields[.title], title)
        XCTAssertEqual(parse(Array(text.utf8)).attachedMessages[0].messageID, "orig@example.org")
    }

    func testTheDecodersAgreeWithPythonsCodecs() throws {
        guard Subprocess.isAvailable("python3") else { throw XCTSkip("python3 is not installed") }
        for (ours, python) in [(TextEncoding.windows874, "cp874"), (.tis620, "tis_620")] {
            let script = "import sys\nfor b in range(256):\n  try: c=bytes([b]).decode('\(python)'); print(b, ord(c))\n  except: print(b, -1)\n"
            let run = Subprocess.run("python3", ["-c", script], timeout: 20)
            XCTAssertTrue(run.succeeded)
            for line in String(decoding: run.output, as: UTF8.self).split(separator: "\n") {
                let p = line.split(separator: " ").map { Int($0)! }
                let b = UInt8(p[0]), mine = ours.scalar(b).value
                // Python's tis_620 maps 0x80–0x9F to C1 controls and has no 0xA0; ours gives U+FFFD and NBSP there.
                if ours == .tis620 && (0x80...0xA0).contains(b) { continue }
                XCTAssertEqual(Int(mine), p[1] < 0 ? 0xFFFD : p[1], "\(python) byte \(b)")
            }
        }
    }
}
